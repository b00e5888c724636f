"""The corruption suite: one copy of the package per rule, one corruption each.

Each case must make validation fail with its rule named (and the clean package
passes: see test_validate.py). Cases address rows by key, never by position.
"""
from __future__ import annotations

import json
import os

import pytest

import povpkg
from conftest import append, delete, rehash, update

MDGS = {"event_id": "ev-2012-04-13-mdgs-seminar"}
FRANCOPHONE_MAY = {"event_id": "ev-2012-05-03-francophone-africa-seminar"}


def cell_plus_one(p):
    update(p, "funding_2009", {"recipient_id": "honghe-prefecture", "category": "social_undertakings"},
           amount_10k_yuan="551", amount_yuan="5510000")


def printed_total_off(p):
    update(p, "funding_2009_totals", {"total_id": "category-social-undertakings"}, amount_10k_yuan="3251",
           amount_yuan="32510000")


CASES = {
    # the sources' arithmetic
    "totals-add-up": cell_plus_one,
    "totals-add-up/printed": (printed_total_off, "totals-add-up"),
    "yuan-is-10k-times-10000": lambda p: update(p, "funding_2009", {"recipient_id": "others", "category": "social_undertakings"}, amount_yuan="2300001"),
    "text-agrees-with-table": lambda p: update(p, "amounts", {"amount_id": "am-2009-shanghai-yunnan-actual"}, value_stated="170", amount="170000000"),
    "parts-add-up": lambda p: update(p, "indicators", {"indicator_id": "in-004-tg-villages-2009"}, value="124"),
    "part-matches-whole": lambda p: update(p, "amounts", {"amount_id": "am-2009-beijing-im-fiscal"}, pairing_id="pair-shandong-xinjiang"),
    "part-matches-whole/year": (lambda p: update(p, "indicators", {"indicator_id": "in-004-tg-villages-2009"}, year="2008"),
                                "part-matches-whole"),
    "countries-match-stated-count": lambda p: delete(p, "event_countries", {**MDGS, "iso3": "YEM"}),
    "participants-not-fewer-than-countries": lambda p: update(p, "events", MDGS, participants="16"),
    "duration-matches-dates": lambda p: update(p, "events", FRANCOPHONE_MAY, end_date="2012-05-20"),
    "stated-count-matches-rows": lambda p: update(p, "events", {"event_id": "ev-2012-training-kor-capacity-building"}, parent_event_id=""),
    "stated-count-matches-rows/receptions": (lambda p: update(p, "events", {"event_id": "ev-2012-06-26-hui-liangyu-botswana-meeting"}, parent_event_id=""), "stated-count-matches-rows"),
    # per-table rules
    "start-before-end": lambda p: update(p, "events", MDGS, end_date="2012-04-01"),
    "dated-within-coverage": lambda p: update(p, "sources", {"source_id": "yearbook-2010-shanghai-yunnan"}, covers_year_start="2009"),
    "dated-before-publication": lambda p: update(p, "events", {"event_id": "ev-2021-10-25-cica-workshop"}, start_date="2022-10-25", end_date="2022-10-26"),
    "date-needs-precision": lambda p: update(p, "events", MDGS, date_precision=""),
    "date-needs-basis": lambda p: update(p, "events", MDGS, date_basis="parent"),
    "participants-need-qualifier": lambda p: update(p, "events", MDGS, participants_qualifier=""),
    "amount-matches-stated": lambda p: update(p, "amounts", {"amount_id": "am-2009-shanghai-yunnan-plan"}, amount="16000000"),
    "currency-matches-unit": lambda p: update(p, "amounts", {"amount_id": "am-2009-shanghai-yunnan-plan"}, currency="USD"),
    "total-kind-matches-keys": lambda p: update(p, "funding_2009_totals", {"total_id": "grand"}, category="social_undertakings"),
    # types and constraints (frictionless)
    "type-error": lambda p: update(p, "events", MDGS, participants="twenty-six"),
    "type-error/impossible-date": (lambda p: update(p, "events", MDGS, start_date="2012-02-30"), "type-error"),
    "constraint-error/enum": (lambda p: update(p, "events", MDGS, kind="party"), "constraint-error"),
    "constraint-error/pattern": (lambda p: update(p, "organizations", {"org_id": "org-iprcc"}, country_iso3="chn"), "constraint-error"),
    "constraint-error/required": (lambda p: update(p, "events", MDGS, title=""), "constraint-error"),
    "constraint-error/minimum": (lambda p: update(p, "events", MDGS, participants="-3"), "constraint-error"),
    "constraint-error/far-future-year": (lambda p: update(p, "projects", {"project_id": "pj-wb-sixth-poverty"}, end_year="2099"),
                                         "constraint-error"),
    "constraint-error/ancient-year": (lambda p: update(p, "projects", {"project_id": "pj-wb-sixth-poverty"}, start_year="1012"),
                                      "constraint-error"),
    "primary-key": lambda p: append(p, "countries", iso3="CHN", name="China again", region="Asia", spellings=""),
    # across tables
    "id-list-resolves": lambda p: update(p, "documents", {"document_id": "doc-lgop-notice-three-guarantee"}, issuer_org_ids="org-lgop|org-nope"),
    "foreign-key": lambda p: update(p, "event_countries", {**MDGS, "iso3": "NPL"}, event_id="ev-2012-04-13-no-such-event"),
    "iso-country-code": lambda p: (append(p, "countries", iso3="XKX", name="Kosovo", region="Europe", spellings=""),
                                   update(p, "event_countries", {**MDGS, "iso3": "YEM"}, iso3="XKX")),
    "gbt2260-code": lambda p: update(p, "places", {"place_id": "pl-wenshan"}, gbt2260="452600"),
    "gbt2260-code/level": (lambda p: update(p, "places", {"place_id": "pl-wuding"}, gbt2260="532300"), "gbt2260-code"),
    # provenance and safety
    "span-in-source": lambda p: update(p, "events", MDGS, span_end="999999"),
    "clean-text": lambda p: update(p, "events", MDGS, title="Seminar on MDGs "),
    "clean-text/zero-width": (lambda p: update(p, "countries", {"iso3": "CHN"}, name="Chi\u200bna"), "clean-text"),
    "clean-text/line-break": (lambda p: update(p, "organizations", {"org_id": "org-iprcc"}, notes="one\ntwo"),
                              "clean-text"),
    "clean-text/no-break-space": (lambda p: update(p, "countries", {"iso3": "CHN"}, name="China\u00a0"), "clean-text"),
    "clean-text/markup": (lambda p: update(p, "events", MDGS, notes="<script>alert(1)</script>"), "clean-text"),
    "web-address": lambda p: update(p, "sources", {"source_id": "yearbook-2013-intl"}, url="javascript:alert(1)"),
    "web-address/file": (lambda p: update(p, "sources", {"source_id": "yearbook-2013-intl"}, url="file:///etc/passwd"),
                         "web-address"),
    "not-in-future": lambda p: update(p, "sources", {"source_id": "yearbook-2013-intl"}, published="2034-01-01"),
    "formula-injection": lambda p: update(p, "events", MDGS, title='=HYPERLINK("http://example.invalid","x")'),
    "formula-injection/at": (lambda p: update(p, "organizations", {"org_id": "org-iprcc"}, notes="@SUM(A1)"), "formula-injection"),
    # integrity
    "hash-count": lambda p: (p / "tables" / "sources.csv").write_text(
        (p / "tables" / "sources.csv").read_text(encoding="utf-8").replace("Global Times", "Global Times "), encoding="utf-8"),
    "missing-file": lambda p: (p / "tables" / "errata.csv").unlink(),
    "safe-path": lambda p: _repoint(p, "errata", "../errata.csv"),
    "safe-path/symlink": (lambda p: _symlink_out(p, "errata"), "safe-path"),
    "extra-cell": lambda p: _append_line(p, "countries", "ZZZ,Nowhere,Asia,,extra"),
    "missing-cell": lambda p: _append_line(p, "countries", "ZZZ,Nowhere"),
    "encoding-error": lambda p: _append_bytes(p, "countries", b"ZZZ,Nowh\xe9re,Asia,\n"),
    # the contract: the descriptor cannot switch its own checks off
    "contract/no-resources": (lambda p: _edit_desc(p, lambda d: d.update(resources=[])), "contract"),
    "contract/table-removed": (lambda p: _drop_table(p, "people"), "contract"),
    "contract/totals-removed": (lambda p: _drop_table(p, "funding_2009_totals"), "contract"),
    "contract/minimum-removed": (lambda p: (_constraints(p, "events", "participants", lambda c: c.pop("minimum")),
                                            update(p, "events", MDGS, participants="-3")), "contract"),
    "contract/enum-grown": (lambda p: (_constraints(p, "events", "kind", lambda c: c["enum"].append("party")),
                                       update(p, "events", MDGS, kind="party")), "contract"),
    "contract/required-dropped": (lambda p: (_constraints(p, "events", "title", lambda c: c.pop("required")),
                                             update(p, "events", MDGS, title="")), "contract"),
    "contract/foreign-key-removed": (lambda p: (_edit_desc(p, lambda d: _schema(d, "event_countries").update(
        foreignKeys=[fk for fk in _schema(d, "event_countries")["foreignKeys"] if fk["fields"] != ["event_id"]])),
        update(p, "event_countries", {**MDGS, "iso3": "NPL"}, event_id="ev-no-such-event")), ("contract", "foreign-key")),
    "contract/type-changed": (lambda p: _edit_desc(p, lambda d: _field(d, "indicators", "value").update(type="string")),
                              "contract"),
    "contract/primary-key": (lambda p: _edit_desc(p, lambda d: _schema(d, "countries").update(primaryKey=["name"])),
                             "contract"),
    "contract/header-only": (lambda p: _truncate(p, "funding_2009_totals"), ("contract", "funding-table-complete")),
    "funding-table-complete/total": (lambda p: delete(p, "funding_2009_totals", {"total_id": "category-industrial-development"}),
                                     "funding-table-complete"),
    "funding-table-complete/cell": (lambda p: delete(p, "funding_2009", {"recipient_id": "others", "category": "social_undertakings"}),
                                    "funding-table-complete"),
    # errata excuse only the sources' own errors
    "errata/integrity-rule": (lambda p: (update(p, "organizations", {"org_id": "org-iprcc"}, notes="=1+1"),
                                         _erratum(p, "organizations", "org-iprcc", "notes", "formula-injection")),
                              ("errata", "formula-injection")),
    "errata/foreign-key": (lambda p: (update(p, "event_countries", {**MDGS, "iso3": "NPL"}, event_id="ev-nowhere"),
                                      _erratum(p, "event_countries", "ev-nowhere/NPL/participant", "event_id", "foreign-key")),
                           ("errata", "foreign-key")),
    "errata/stale": (lambda p: _erratum(p, "events", MDGS["event_id"], "countries_stated", "countries-match-stated-count"),
                     "errata"),
    "errata/no-such-row": (lambda p: _erratum(p, "events", "ev-no-such-event", "title", "text-inconsistency"), "errata"),
    "errata/no-such-table": (lambda p: _erratum(p, "meetings", MDGS["event_id"], "title", "text-inconsistency"), "errata"),
    "errata/no-such-field": (lambda p: _erratum(p, "events", MDGS["event_id"], "colour", "text-inconsistency"), "errata"),
    "errata/unknown-rule": (lambda p: _erratum(p, "events", MDGS["event_id"], "title", "spelling"), "errata"),
}


def _edit_desc(p, change):
    desc = json.loads((p / "datapackage.json").read_text(encoding="utf-8"))
    change(desc)
    (p / "datapackage.json").write_text(json.dumps(desc), encoding="utf-8")


def _schema(desc, table):
    return next(r for r in desc["resources"] if r["name"] == table)["schema"]


def _field(desc, table, name):
    return next(f for f in _schema(desc, table)["fields"] if f["name"] == name)


def _constraints(p, table, name, change):
    _edit_desc(p, lambda d: change(_field(d, table, name)["constraints"]))


def _drop_table(p, table):
    _edit_desc(p, lambda d: d.update(resources=[r for r in d["resources"] if r["name"] != table]))
    (p / "tables" / f"{table}.csv").unlink()


def _truncate(p, table):
    path = p / "tables" / f"{table}.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    rehash(p)


def _erratum(p, table, row_id, field, rule):
    """An errata row (written directly: conftest.append's own argument is named table)."""
    import csv

    with (p / "tables" / "errata.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow([f"er-test-{rule}", "yearbook-2013-intl", 0, 10, table, row_id,
                                                      field, rule, "test", "test"])
    rehash(p)


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


def _append_line(p, name, line):
    _append_bytes(p, name, (line + "\n").encode("utf-8"))


def _append_bytes(p, name, data):
    with (p / "tables" / f"{name}.csv").open("ab") as fh:
        fh.write(data)
    rehash(p)


@pytest.mark.parametrize("case", sorted(CASES))
def test_corruption_is_caught_and_named(case, pkg):
    spec = CASES[case]
    corrupt, rule = spec if isinstance(spec, tuple) else (spec, case)
    corrupt(pkg)
    report = povpkg.validate(pkg)
    assert not report.valid, f"{case}: the corrupted copy passed"
    text = report.to_text()
    for rule in (rule,) if isinstance(rule, str) else rule:
        assert rule in report.rules(), f"{case}: expected {rule}, got {sorted(report.rules())}"
        hit = [f for f in report.failures if f.rule == rule]
        assert all(f.message for f in hit)
        assert f"[{rule}]" in text and text.splitlines()[-1].startswith("INVALID")


def test_figure_not_in_span_is_caught(pkg, sources_dir):
    update(pkg, "events", MDGS, participants="99")
    report = povpkg.validate(pkg, sources=sources_dir)
    (fail,) = [f for f in report.failures if f.rule == "figure-in-span"]
    assert (fail.table, fail.key, fail.field, fail.value) == ("events", MDGS["event_id"], "participants", 99)


def test_date_not_in_span_is_caught(pkg, sources_dir):
    update(pkg, "events", MDGS, start_date="2012-04-14")
    report = povpkg.validate(pkg, sources=sources_dir)
    (fail,) = [f for f in report.failures if f.rule == "date-in-span"]
    assert (fail.key, fail.field, fail.value) == (MDGS["event_id"], "start_date", "2012-04-14")


def test_source_text_that_is_not_the_cited_one_is_caught(pkg, tmp_path, sources_dir):
    fake = tmp_path / "fake-sources"
    fake.mkdir()
    for f in sources_dir.glob("*.txt"):
        (fake / f.name).write_text(f.read_text(encoding="utf-8") + " ", encoding="utf-8")
    report = povpkg.validate(pkg, sources=fake)
    assert "source-text" in report.rules()


def test_shipped_package_holds_every_figure_in_its_span(sources_dir):
    report = povpkg.validate(sources=sources_dir)
    assert report.valid, report.to_text()


def test_erratum_covers_only_its_own_case(pkg):
    """The source's 12-under-11 list passes thanks to its erratum; the same break elsewhere fails."""
    assert "countries-match-stated-count" not in povpkg.validate(pkg).rules()
    delete(pkg, "errata", {"erratum_id": "er-yb2013-francophone-may-countries-count"})
    fails = [f for f in povpkg.validate(pkg).failures if f.rule == "countries-match-stated-count"]
    assert [f.key for f in fails] == [FRANCOPHONE_MAY["event_id"]]


def test_release_record_blocks_changed_data_under_a_released_version(pkg):
    from povpkg._rules import rules_dir

    record = json.loads((rules_dir() / "releases.json").read_text())
    desc = json.loads((pkg / "datapackage.json").read_text())
    assert desc["version"] in record, "the current version's hashes are not recorded in validation/releases.json"
    update(pkg, "countries", {"iso3": "CHN"}, spellings="China|PRC")
    assert "release-record" in povpkg.validate(pkg).rules()
    desc = json.loads((pkg / "datapackage.json").read_text())
    desc["version"] = "99.0.0"
    (pkg / "datapackage.json").write_text(json.dumps(desc))
    assert "release-record" not in povpkg.validate(pkg).rules()
