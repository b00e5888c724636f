"""Domain rules (issue 8, section 6): each kind of corruption, on several rows, is caught.

Each case edits a copy the way a careless editor could and checks that validation
names the expected rule on the row it broke. Rows are addressed by key.
"""
from __future__ import annotations

import json
import math

import pytest

import povpkg

EV = "event_id"
CASES = [
    # a country code swapped to another real country while the stated name stays
    ("country-name-matches-code", "event_countries", {EV: "ev-2012-04-13-mdgs-seminar", "iso3": "NPL"}, {"iso3": "KHM"}),
    ("country-name-matches-code", "event_countries", {EV: "ev-2012-05-03-francophone-africa-seminar", "iso3": "DZA"}, {"iso3": "TZA"}),
    # an event whose place lies in another country than the event's
    ("place-in-own-country", "events", {EV: "ev-2021-10-25-cica-workshop"}, {"country_iso3": "LAO"}),
    ("place-in-own-country", "events", {EV: "ev-2012-09-26-china-asean-forum"}, {"country_iso3": "VNM"}),
    # funding cells pointing at a place that is not one of the table's prefectures
    ("funding-place-is-a-prefecture", "funding_2009", {"recipient_id": "puer-city", "category": "social_undertakings"}, {"place_id": "pl-beijing"}),
    ("funding-place-is-a-prefecture", "funding_2009", {"recipient_id": "wenshan-prefecture", "category": "industrial_development"}, {"place_id": "pl-honghe"}),
    # a project ending before it starts
    ("start-year-before-end-year", "projects", {"project_id": "pj-lgop-mds-action-plan-2012-2014"}, {"start_year": "2019"}),
    # percentages over 100, negative counts and populations
    ("count-in-range", "indicators", {"indicator_id": "in-000-wuding-mountainous"}, {"value": "197"}),
    ("count-in-range", "indicators", {"indicator_id": "in-004-2009-priority-share"}, {"value": "100.5"}),
    ("count-in-range", "indicators", {"indicator_id": "in-000-wuding-population"}, {"value": "-239000"}),
    ("count-in-range", "indicators", {"indicator_id": "in-004-dulongjiang-groups"}, {"value": "-41"}),
    # hierarchies are acyclic
    ("hierarchy-acyclic", "events", {EV: "ev-2012-04-13-mdgs-seminar"}, {"parent_event_id": "ev-2012-04-13-mdgs-seminar"}),
    ("hierarchy-acyclic", "places", {"place_id": "pl-yunnan"}, {"parent_id": "pl-wenshan"}),
    ("hierarchy-acyclic", "organizations", {"org_id": "org-iprcc"}, {"parent_org_id": "org-iprcc"}),
    # an amount that is part of itself; a total that is part of its own part (a sum of one, or of a loop, adds up)
    ("hierarchy-acyclic", "amounts", {"amount_id": "am-000-wuding-linked-output"}, {"part_of": "am-000-wuding-linked-output"}),
    ("hierarchy-acyclic", "indicators", {"indicator_id": "in-004-tg-villages-total"}, {"part_of": "in-004-tg-villages-2009"}),
    # one canonical form per precision
    ("canonical-date", "events", {EV: "ev-2009-06-niuchangping-move-in"}, {"start_date": "2009-06-15"}),
    ("canonical-date", "events", {EV: "ev-2012-lgop-overseas-trainings"}, {"start_date": "2012-03-01"}),
    ("canonical-date", "sources", {"source_id": "yearbook-2013-intl"}, {"published": "2013-05-01"}),
    # a stated country count whose list was deleted
    ("count-needs-list", "events", {EV: "ev-2012-04-13-mdgs-seminar"}, {"countries_listed": ""}),
    # province-level GB/T 2260 codes come from the fixed list of 34
    ("constraint-error", "places", {"place_id": "pl-yunnan"}, {"gbt2260": "550000"}),  # the declared pattern
    ("gbt2260-province", "places", {"place_id": "pl-guangxi"}, {"gbt2260": "450100"}),
    ("gbt2260-province", "places", {"place_id": "pl-hebei"}, {"gbt2260": "130100"}),
    # formula injection: '-' before a non-digit, TAB, CR
    ("formula-injection", "events", {EV: "ev-2012-04-13-mdgs-seminar"}, {"title": "-cmd|' /C calc'!A0"}),
    ("formula-injection", "organizations", {"org_id": "org-iprcc"}, {"notes": "\tnote"}),
    ("formula-injection", "people", {"person_id": "p-fan-xiaojian"}, {"notes": "-@SUM(A1)"}),
]


@pytest.mark.parametrize(("rule", "table", "where", "changes"), CASES,
                         ids=[f"{c[0]}:{c[1]}:{list(c[2].values())[0]}" for c in CASES])
def test_domain_corruption_is_caught(draft, rule, table, where, changes):
    draft.update(table, where, **changes)
    fails = draft.frictionless() if rule == "constraint-error" else draft.failures(rule)
    assert rule in {f.rule for f in fails}, f"expected {rule}, got {sorted({f.rule for f in fails})}"
    assert any(f.table == table and f.row for f in fails if f.rule == rule)


def test_a_count_without_a_list_is_caught_when_its_list_is_deleted(draft):
    event = "ev-2012-06-05-asian-rural-urban-seminar"
    for iso3 in [r.iso3 for r in povpkg.load("event_countries").itertuples() if r.event_id == event and r.role == "participant"]:
        draft.delete("event_countries", {EV: event, "iso3": iso3, "role": "participant"})
    assert [f.key for f in draft.failures("count-needs-list") if f.rule == "count-needs-list"] == [event]


@pytest.mark.parametrize(("table", "row"), [
    ("people", dict(person_id="p-nobody", name="Nobody", country_iso3="", notes="")),
    ("organizations", dict(org_id="org-nothing", name="Nothing", acronym="", type="other", country_iso3="", parent_org_id="", notes="")),
    ("places", dict(place_id="pl-nowhere", name="Nowhere", level="site", parent_id="", country_iso3="CHN", gbt2260="", notes="")),
])
def test_an_unreferenced_reference_row_without_a_source_is_caught(draft, table, row):
    draft.append(table, **row)
    assert [f.key for f in draft.failures("reference-row-used")] == [next(iter(row.values()))]


@pytest.mark.parametrize("value", ["inf", "-inf", "Infinity", "NaN"])
def test_non_finite_numbers_are_not_values(draft, value):
    from povpkg._report import Report

    draft.update("indicators", {"indicator_id": "in-004-2009-plan-growth"}, value=value)
    report = Report(package="draft", version="0", failures=draft.failures("finite-number") + draft.frictionless())
    assert not report.valid
    assert any(f.table == "indicators" for f in report.failures)
    json.loads(report.to_json(), parse_constant=lambda c: pytest.fail(f"bare {c} in the JSON report"))


@pytest.mark.parametrize(("cell", "bad"), [("=1", True), ("+1", True), ("@A1", True), ("-x", True), ("- a", True),
                                           ("\tx", True), ("\rx", True), ("-5", False), ("-0.5", False), ("ok", False)])
def test_formula_start(cell, bad):
    import re

    from povpkg._rules import rules_module

    assert bool(re.match(rules_module().rules.FORMULA, cell)) is bad


def test_the_json_report_never_writes_bare_non_finite_numbers():
    from povpkg._report import Failure, Report

    r = Report(package="x", version="0", failures=[Failure(rule="r", message="m", value=v) for v in
                                                   (math.inf, -math.inf, math.nan)])
    json.loads(r.to_json(), parse_constant=lambda c: pytest.fail(f"bare {c}"))


def test_the_shipped_package_passes_every_domain_rule(shipped_report):
    from povpkg._rules import rules_module

    domain = {name for name, fn in rules_module().rules.RULES.items() if fn.__module__.endswith("domain")}
    assert len(domain) >= 10 and not domain & shipped_report.rules(), shipped_report.to_text()
