"""The corruption suite: one corruption per case, each caught with its rule named.

A case corrupts an in-memory draft of the package (tests/draft.py) and runs the check
that must catch it: a cross-table rule or a pandera check on the frames, frictionless
on the changed tables, or the descriptor and path checks. The clean package passes
every check (test_validate.py); the whole pipeline runs end to end in test_validate.py
and test_hostile.py. Cases address rows by key, never by position.
"""
from __future__ import annotations

import json
import os

import pytest

from draft import rules_of
from povpkg._report import Report

MDGS = {"event_id": "ev-2012-04-13-mdgs-seminar"}
FRANCOPHONE_MAY = {"event_id": "ev-2012-05-03-francophone-africa-seminar"}
WB6 = {"project_id": "pj-wb-sixth-poverty"}
IPRCC = {"org_id": "org-iprcc"}


def _erratum(d, table, row_id, field, rule):
    return d.append("errata", erratum_id=f"er-test-{rule}", source_id="yearbook-2013-intl", span_start="0",
                    span_end="10", table=table, row_id=row_id, field=field, rule=rule, description="test", handling="test")


def _constraints(d, table, name, change):
    change(d.field(table, name).setdefault("constraints", {}))
    return d


def _grown(where, what, d, *, pop=False):
    """``where.append(what)`` (or ``where.pop(what)``), then the draft: for a lambda."""
    where.pop(what) if pop else where.append(what)
    return d


def _drop_foreign_key(d, table, field):
    schema = d.resource(table)["schema"]
    schema["foreignKeys"] = [fk for fk in schema["foreignKeys"] if fk["fields"] != [field]]
    return d


def _truncate(d, table):
    return d.set_bytes(table, d.csv(table).split(b"\n", 1)[0] + b"\n")


def _append_bytes(d, table, data: bytes):
    return d.set_bytes(table, d.csv(table) + data)


# name -> (corruption, rules it must fail; default the name), checked on the frames
RULE_CASES = {
    # the sources' arithmetic
    "totals-add-up": lambda d: d.update("funding_2009", {"recipient_id": "honghe-prefecture", "category": "social_undertakings"},
                                        amount_10k_yuan="551", amount_yuan="5510000"),
    "totals-add-up/printed": (lambda d: d.update("funding_2009_totals", {"total_id": "category-social-undertakings"},
                                                 amount_10k_yuan="3251", amount_yuan="32510000"), "totals-add-up"),
    "yuan-is-10k-times-10000": lambda d: d.update("funding_2009", {"recipient_id": "others", "category": "social_undertakings"}, amount_yuan="2300001"),
    "text-agrees-with-table": lambda d: d.update("amounts", {"amount_id": "am-2009-shanghai-yunnan-actual"}, value_stated="170", amount="170000000"),
    "parts-add-up": lambda d: d.update("indicators", {"indicator_id": "in-004-tg-villages-2009"}, value="124"),
    "part-matches-whole": lambda d: d.update("amounts", {"amount_id": "am-2009-beijing-im-fiscal"}, pairing_id="pair-shandong-xinjiang"),
    "part-matches-whole/year": (lambda d: d.update("indicators", {"indicator_id": "in-004-tg-villages-2009"}, year="2008"),
                                "part-matches-whole"),
    "countries-match-stated-count": lambda d: d.delete("event_countries", {**MDGS, "iso3": "YEM"}),
    "participants-not-fewer-than-countries": lambda d: d.update("events", MDGS, participants="16"),
    "duration-matches-dates": lambda d: d.update("events", FRANCOPHONE_MAY, end_date="2012-05-20"),
    "stated-count-matches-rows": lambda d: d.update("events", {"event_id": "ev-2012-training-kor-capacity-building"}, parent_event_id=""),
    "stated-count-matches-rows/receptions": (lambda d: d.update("events", {"event_id": "ev-2012-06-26-hui-liangyu-botswana-meeting"}, parent_event_id=""),
                                             "stated-count-matches-rows"),
    # per-table rules (pandera's row checks and cross-table rules)
    "start-before-end": lambda d: d.update("events", MDGS, end_date="2012-04-01"),
    "dated-within-coverage": lambda d: d.update("sources", {"source_id": "yearbook-2010-shanghai-yunnan"}, covers_year_start="2009"),
    "dated-before-publication": lambda d: d.update("events", {"event_id": "ev-2021-10-25-cica-workshop"}, start_date="2022-10-25", end_date="2022-10-26"),
    "date-needs-precision": lambda d: d.update("events", MDGS, date_precision=""),
    "date-needs-basis": lambda d: d.update("events", MDGS, date_basis="parent"),
    "participants-need-qualifier": lambda d: d.update("events", MDGS, participants_qualifier=""),
    "amount-matches-stated": lambda d: d.update("amounts", {"amount_id": "am-2009-shanghai-yunnan-plan"}, amount="16000000"),
    "currency-matches-unit": lambda d: d.update("amounts", {"amount_id": "am-2009-shanghai-yunnan-plan"}, currency="USD"),
    "total-kind-matches-keys": lambda d: d.update("funding_2009_totals", {"total_id": "grand"}, category="social_undertakings"),
    # across tables
    "id-list-resolves": lambda d: d.update("documents", {"document_id": "doc-lgop-notice-three-guarantee"}, issuer_org_ids="org-lgop|org-nope"),
    "foreign-key": lambda d: d.update("event_countries", {**MDGS, "iso3": "NPL"}, event_id="ev-2012-04-13-no-such-event"),
    "iso-country-code": lambda d: d.append("countries", iso3="XKX", name="Kosovo", region="Europe")
                                   .update("event_countries", {**MDGS, "iso3": "YEM"}, iso3="XKX"),
    "gbt2260-code": lambda d: d.update("places", {"place_id": "pl-wenshan"}, gbt2260="452600"),
    "gbt2260-code/level": (lambda d: d.update("places", {"place_id": "pl-wuding"}, gbt2260="532300"), "gbt2260-code"),
    # provenance and safety
    "span-in-source": lambda d: d.update("events", MDGS, span_end="999999"),
    "clean-text": lambda d: d.update("events", MDGS, title="Seminar on MDGs "),
    "clean-text/zero-width": (lambda d: d.update("countries", {"iso3": "CHN"}, name="Chi\u200bna"), "clean-text"),
    "clean-text/line-break": (lambda d: d.update("organizations", IPRCC, notes="one\ntwo"), "clean-text"),
    "clean-text/no-break-space": (lambda d: d.update("countries", {"iso3": "CHN"}, name="China\u00a0"), "clean-text"),
    "clean-text/markup": (lambda d: d.update("events", MDGS, notes="<script>alert(1)</script>"), "clean-text"),
    "web-address": lambda d: d.update("sources", {"source_id": "yearbook-2013-intl"}, url="javascript:alert(1)"),
    "web-address/file": (lambda d: d.update("sources", {"source_id": "yearbook-2013-intl"}, url="file:///etc/passwd"),
                         "web-address"),
    "not-in-future": lambda d: d.update("sources", {"source_id": "yearbook-2013-intl"}, published="2034-01-01"),
    "formula-injection": lambda d: d.update("events", MDGS, title='=HYPERLINK("http://example.invalid","x")'),
    "formula-injection/at": (lambda d: d.update("organizations", IPRCC, notes="@SUM(A1)"), "formula-injection"),
    # the contract: the descriptor cannot switch its own checks off
    "contract/no-resources": (lambda d: d.desc.update(resources=[]), "contract"),
    "contract/table-removed": (lambda d: d.drop("people"), "contract"),
    "contract/totals-removed": (lambda d: d.drop("funding_2009_totals"), "contract"),
    "contract/minimum-removed": (lambda d: _constraints(d, "events", "participants", lambda c: c.pop("minimum"))
                                 .update("events", MDGS, participants="-3"), "contract"),
    "contract/enum-grown": (lambda d: _grown(d.field("events", "kind")["categories"], "party", d)
                            .update("events", MDGS, kind="party"), "contract"),
    "contract/categories-dropped": (lambda d: _grown(d.field("events", "kind"), "categories", d, pop=True)
                                    .update("events", MDGS, kind="party"), "contract"),
    "contract/required-dropped": (lambda d: _constraints(d, "events", "title", lambda c: c.pop("required"))
                                  .update("events", MDGS, title=""), "contract"),
    "contract/foreign-key-removed": (lambda d: _drop_foreign_key(d, "event_countries", "event_id")
                                     .update("event_countries", {**MDGS, "iso3": "NPL"}, event_id="ev-no-such-event"),
                                     ("contract", "foreign-key")),
    "contract/type-changed": (lambda d: d.field("indicators", "value").update(type="string"), "contract"),
    "contract/primary-key": (lambda d: d.resource("countries")["schema"].update(primaryKey=["name"]), "contract"),
    "contract/header-only": (lambda d: _truncate(d, "funding_2009_totals"), ("contract", "funding-table-complete")),
    "funding-table-complete/total": (lambda d: d.delete("funding_2009_totals", {"total_id": "category-industrial-development"}),
                                     "funding-table-complete"),
    "funding-table-complete/cell": (lambda d: d.delete("funding_2009", {"recipient_id": "others", "category": "social_undertakings"}),
                                    "funding-table-complete"),
    # errata excuse only the sources' own errors
    "errata/integrity-rule": (lambda d: _erratum(d.update("organizations", IPRCC, notes="=1+1"), "organizations",
                                                 "org-iprcc", "notes", "formula-injection"), ("errata", "formula-injection")),
    "errata/foreign-key": (lambda d: _erratum(d.update("event_countries", {**MDGS, "iso3": "NPL"}, event_id="ev-nowhere"),
                                              "event_countries", "ev-nowhere/NPL/participant", "event_id", "foreign-key"),
                           ("errata", "foreign-key")),
    # stale: the rule it names does not fail on its row (so that rule must run)
    "errata/stale": (lambda d: _erratum(d, "events", MDGS["event_id"], "countries_stated", "countries-match-stated-count"),
                     "errata", ("countries-match-stated-count",)),
    "errata/no-such-row": (lambda d: _erratum(d, "events", "ev-no-such-event", "title", "text-inconsistency"), "errata"),
    "errata/no-such-table": (lambda d: _erratum(d, "meetings", MDGS["event_id"], "title", "text-inconsistency"), "errata"),
    "errata/no-such-field": (lambda d: _erratum(d, "events", MDGS["event_id"], "colour", "text-inconsistency"), "errata"),
    "errata/unknown-rule": (lambda d: _erratum(d, "events", MDGS["event_id"], "title", "spelling"), "errata"),
}

# name -> (corruption, rule): types, constraints, keys, hashes and the file's shape, checked by frictionless
FRICTIONLESS_CASES = {
    "type-error": (lambda d: d.update("events", MDGS, participants="twenty-six"), "type-error"),
    "type-error/impossible-date": (lambda d: d.update("events", MDGS, start_date="2012-02-30"), "type-error"),
    "constraint-error/enum": (lambda d: d.update("events", MDGS, kind="party"), "constraint-error"),
    "constraint-error/pattern": (lambda d: d.update("organizations", IPRCC, country_iso3="chn"), "constraint-error"),
    "constraint-error/required": (lambda d: d.update("events", MDGS, title=""), "constraint-error"),
    "constraint-error/minimum": (lambda d: d.update("events", MDGS, participants="-3"), "constraint-error"),
    "constraint-error/far-future-year": (lambda d: d.update("projects", WB6, end_year="2099"), "constraint-error"),
    "constraint-error/ancient-year": (lambda d: d.update("projects", WB6, start_year="1012"), "constraint-error"),
    "primary-key": (lambda d: d.append("countries", iso3="CHN", name="China again", region="Asia"), "primary-key"),
    "extra-cell": (lambda d: _append_bytes(d, "countries", b"ZZZ,Nowhere,Asia,,extra\n"), "extra-cell"),
    "missing-cell": (lambda d: _append_bytes(d, "countries", b"ZZZ,Nowhere\n"), "missing-cell"),
    "encoding-error": (lambda d: _append_bytes(d, "countries", b"ZZZ,Nowh\xe9re,Asia,\n"), "encoding-error"),
}


def _spec(spec):
    corrupt, expected, also = (spec + ((),) if len(spec) == 2 else spec) if isinstance(spec, tuple) else (spec, None, ())
    return corrupt, expected, also


def assert_named(case, failures, rules):
    report = Report(package="draft", version="0", failures=failures)
    assert not report.valid, f"{case}: the corrupted draft passed"
    text = report.to_text()
    for rule in rules:
        assert rule in report.rules(), f"{case}: expected {rule}, got {sorted(report.rules())}"
        assert all(f.message for f in failures if f.rule == rule)
        assert f"[{rule}]" in text and text.splitlines()[-1].startswith("INVALID")


@pytest.mark.parametrize("case", sorted(RULE_CASES))
def test_corruption_is_caught_and_named(case, draft):
    corrupt, expected, also = _spec(RULE_CASES[case])
    expected = (expected or case,) if isinstance(expected or case, str) else expected
    corrupt(draft)
    assert_named(case, draft.failures(*expected, *also), expected)


@pytest.mark.parametrize("case", sorted(FRICTIONLESS_CASES))
def test_frictionless_catches_and_names(case, draft):
    corrupt, rule = FRICTIONLESS_CASES[case]
    corrupt(draft)
    assert_named(case, draft.frictionless(), (rule,))


def test_a_data_file_changed_without_its_hash_is_caught(draft):
    draft.set_bytes("sources", draft.csv("sources").replace(b"Global Times", b"Global Times ", 1))
    fails = draft.frictionless(rehash=False)
    assert rules_of(fails) == {"hash-count", "byte-count"} and {f.table for f in fails} == {"sources"}


def _descriptor_failures(pkg) -> Report:
    """The path checks that run before any table is read."""
    from povpkg._validate import _check_descriptor

    report = Report(package=str(pkg), version=None)
    _check_descriptor(json.loads((pkg / "datapackage.json").read_text(encoding="utf-8")), pkg, report)
    return report


def _repoint(p, name, path):
    desc = json.loads((p / "datapackage.json").read_text())
    (res,) = [r for r in desc["resources"] if r["name"] == name]
    (p.parent / "errata.csv").write_bytes((p / res["path"]).read_bytes())
    res["path"] = path
    (p / "datapackage.json").write_text(json.dumps(desc))


def _symlink_out(p, name):
    target = p.parent / "outside.csv"
    target.write_bytes((p / "tables" / f"{name}.csv").read_bytes())
    (p / "tables" / f"{name}.csv").unlink()
    os.symlink(target, p / "tables" / f"{name}.csv")


@pytest.mark.parametrize(("case", "corrupt", "rule"), [
    ("missing-file", lambda p: (p / "tables" / "errata.csv").unlink(), "missing-file"),
    ("safe-path", lambda p: _repoint(p, "errata", "../errata.csv"), "safe-path"),
    ("safe-path/symlink", lambda p: _symlink_out(p, "errata"), "safe-path"),
])
def test_paths_are_checked_before_reading(case, corrupt, rule, pkg):
    corrupt(pkg)
    report = _descriptor_failures(pkg)
    assert [(f.rule, f.table) for f in report.failures] == [(rule, "errata")], case
    assert all(f.message and f.fix for f in report.failures)


def test_figure_not_in_span_is_caught(draft, sources_dir):
    draft.update("events", MDGS, participants="99")
    (fail,) = [f for f in draft.failures("span-in-source", sources=sources_dir) if f.rule == "figure-in-span"]
    assert (fail.table, fail.key, fail.field, fail.value) == ("events", MDGS["event_id"], "participants", 99)


def test_date_not_in_span_is_caught(draft, sources_dir):
    draft.update("events", MDGS, start_date="2012-04-14")
    (fail,) = [f for f in draft.failures("span-in-source", sources=sources_dir) if f.rule == "date-in-span"]
    assert (fail.key, fail.field, fail.value) == (MDGS["event_id"], "start_date", "2012-04-14")


def test_source_text_that_is_not_the_cited_one_is_caught(draft, tmp_path, sources_dir):
    fake = tmp_path / "fake-sources"
    fake.mkdir()
    for f in sources_dir.glob("*.txt"):
        (fake / f.name).write_text(f.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert "source-text" in rules_of(draft.failures("span-in-source", sources=fake))


def test_shipped_package_holds_every_figure_in_its_span(shipped_report_with_sources):
    assert shipped_report_with_sources.valid, shipped_report_with_sources.to_text()


def test_erratum_covers_only_its_own_case(draft):
    """The source's 12-under-11 list passes thanks to its erratum; the same break elsewhere fails."""
    rule = "countries-match-stated-count"
    assert rule not in rules_of(draft.failures(rule))
    draft.delete("errata", {"erratum_id": "er-yb2013-francophone-may-countries-count"})
    assert [f.key for f in draft.failures(rule) if f.rule == rule] == [FRANCOPHONE_MAY["event_id"]]


def test_release_record_blocks_changed_data_under_a_released_version(draft):
    """A copy that claims a recorded release with other data fails; above the latest release it may change."""
    from povpkg._rules import rules_module

    record = rules_module().records.pinned()
    draft.desc["version"] = record.latest()
    draft.update("countries", {"iso3": "CHN"}, spellings="China|PRC").rehash()
    assert "countries" in {f.table for f in draft.failures("release-record")}
    draft.desc["version"] = "99.0.0"
    assert draft.failures("release-record") == []
