"""Issue 19 §2: the audits' other findings stay fixed (errata only for contradictions,
one policy for name variants, flags that say what the text does)."""
from __future__ import annotations

import pytest

import povpkg
from povpkg._package import descriptor
from povpkg._rules import rules_module

R = rules_module()
NAME_FIELDS = {"title", "name"}  # an erratum on these would record a name variant


@pytest.fixture(scope="module")
def errata():
    return povpkg.load("errata")


def test_name_variants_are_notes_not_errata(errata):
    assert not errata[errata["field"].isin(NAME_FIELDS)]["erratum_id"].tolist()
    notes = povpkg.load("events").set_index("event_id")["notes"]
    assert "Kangtegaluo" in notes["ev-2012-06-cantagalo-slum-visit"]
    assert "Global Poverty Reduction and Development Forum" in notes["ev-2012-10-17-poverty-reduction-forum"]


def test_errata_without_a_contradiction_became_notes(errata):
    gone = {"er-yb2013-adb-training-cbrc-repeated", "er-yb2013-msme-malaysia", "er-yb2013-uk-oecd-dac",
            "er-000-event-name", "er-yearbook-2013-china-africa-conf-asean-countries"}
    assert not gone & set(errata["erratum_id"])
    notes = povpkg.load("events").set_index("event_id")["notes"]
    assert "twice" in notes["ev-2012-08-27-adb-impact-evaluation-training"]
    assert "Malaysia" in notes["ev-2012-11-05-china-africa-msme-program"]
    assert "UK OECD" in notes["ev-2012-02-china-dac-seminar"]


def test_contradictions_between_pages_have_errata(errata):
    rows = set(zip(errata["table"], errata["row_id"]))
    assert ("indicators", "in-xinhua2018-min-pyin-families") in rows
    assert ("indicators", "in-2012-east-west-personnel-exchange-growth") in rows


def test_the_china_africa_conference_lists_none_of_the_countries_it_counts():
    ev = povpkg.load("events").set_index("event_id")
    assert ev.at["ev-2012-07-28-china-africa-conference", "countries_listed"] == False  # noqa: E712


def _count_failures(listed):
    frames = {"events": povpkg.load("events"), "event_countries": povpkg.load("event_countries")}
    ev = frames["events"] = frames["events"].copy()
    ev.loc[ev["event_id"] == "ev-2012-07-28-china-africa-conference", "countries_listed"] = listed
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=None)
    return [f.key for f in R.rules.RULES["countries-match-stated-count"](frames, ctx)
            if f.key == "ev-2012-07-28-china-africa-conference"]


def test_a_count_with_no_list_behind_it_is_not_checked_but_a_listed_one_is():
    assert _count_failures(False) == []
    assert _count_failures(True) == ["ev-2012-07-28-china-africa-conference"]


def test_a_meeting_with_no_convener_named_has_no_organizer():
    eo = povpkg.load("event_organizations")
    assert eo[eo["event_id"] == "ev-2012-06-china-dac-second-meeting"].empty


def test_a_text_read_at_a_mirror_says_where():
    src = povpkg.load("sources").set_index("source_id")
    mirrored = src[src["read_at"].notna()]
    assert len(mirrored) == 9 and mirrored["read_at"].str.startswith("http://47.105.124.64:8003/").all()
    assert (mirrored.index.str.startswith("yearbook-")).all() and (mirrored["read_at"] != mirrored["url"]).all()
    assert src.at["allafrica-2017-07-mauritius-conference", "stored"] == "opening"  # its text stops mid-word


def _failures(rule, table, key_col, key, changes, sources=None):
    """``(key, field)`` of the failures of ``rule`` on ``table`` after ``changes`` to one row."""
    frames = {"sources": povpkg.load("sources"), table: povpkg.load(table).copy()}
    df = frames[table]
    i = df.index[df[key_col] == key][0]
    for col, v in changes.items():
        df.loc[i, col] = v
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=sources)
    return [(f.key, f.field) for f in R.rules.RULES[rule](frames, ctx) if f.table == table]


def _coverage_failures(**changes):
    return _failures("dated-within-coverage", "projects", "project_id", "pj-lgop-mds-action-plan-2012-2014", changes)


def test_project_years_lie_within_their_source_coverage():
    assert _coverage_failures() == []  # an agreement may run beyond the years reported on
    assert _coverage_failures(kind="project") == [("pj-lgop-mds-action-plan-2012-2014", "end_year")]
    assert _coverage_failures(start_year=2013) == [("pj-lgop-mds-action-plan-2012-2014", "start_year")]
    pj = povpkg.load("projects").set_index("project_id")
    assert pj.loc["pj-wb-sixth-poverty", ["start_year", "end_year"]].isna().all()


PAGES = __import__("conftest").ROOT.parent / "pages"


def _pairing_name_failures(**changes):
    if not (PAGES / "yearbook-2011-guangdong-guangxi.txt").is_file():
        pytest.skip("../pages does not hold the stored page texts")
    return _failures("name-in-span", "pairings", "pairing_id", "pair-guangdong-guangxi", changes, sources=PAGES)


def test_a_pairing_names_its_sides_as_its_span_writes_them():
    assert _pairing_name_failures() == []
    assert _pairing_name_failures(recipient_as_stated="Guangxi Zhuang Autonomous Region") == \
        [("pair-guangdong-guangxi", "recipient_as_stated")]
    pr = povpkg.load("pairings").set_index("pairing_id")
    assert not (pr["provider_as_stated"] == "our").any()
    assert pr.at["pair-zhuhai-chongqing", "year_end"] == pr.at["pair-xiamen-chongqing", "year_end"] == 2010
    assert "Kashi" not in pr.at["pair-shandong-xinjiang", "covers"]


def test_every_agreement_plan_memorandum_and_minutes_the_five_texts_quote_is_a_document():
    import re

    from conftest import SOURCES
    if not SOURCES.is_dir():
        pytest.skip("../shared/sources is not here")
    titles = {" ".join(t.split()) for t in povpkg.load("documents")["title_as_stated"]}
    kinds = re.compile(r"Agreement|Action Plan|Work Plan|Memorandum|Minutes|Outline for")
    quoted = set()
    for f in SOURCES.glob("*.txt"):
        for m in re.finditer(r"[“\"]([^”\"]{8,250})[”\"]", f.read_text(encoding="utf-8")):
            if kinds.search(m.group(1)):
                quoted.add(" ".join(m.group(1).split()))
    assert len(quoted) >= 6 and quoted <= titles, quoted - titles


def test_facts_without_figures_have_rows():
    pj = povpkg.load("projects").set_index("project_id")
    assert {"pj-sh-yn-industrial-funds-mechanism", "pj-bansuo-bridge", "pj-bansuo-asphalt-road"} <= set(pj.index)
    assert "village-level" in pj.at["pj-guangxi-laos-pa-demo", "notes"]
    pr = povpkg.load("products").set_index("product_id")
    assert pr.at["pr-003-rwanda-coffee", "country_iso3"] == "RWA" and pr.at["pr-003-shenshan-bamboo-crafts", "place_id"] == "pl-shenshan"
    ev = povpkg.load("events").set_index("event_id")
    assert "Fourth Plenary Session" in ev.at["ev-cpc-17th-4th-plenary", "title"]
    assert "Momorandum of Understanding for the pairing-off cooperation in 2010" in set(povpkg.load("documents")["title_as_stated"])


def test_a_read_at_address_is_checked_like_url():
    frames = {"sources": povpkg.load("sources").copy()}
    src = frames["sources"]
    src.loc[src["source_id"] == "yearbook-2012-jiangsu-shaanxi", "read_at"] = "javascript:alert(1)"
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=None)
    found = [(f.key, f.field) for f in R.rules.RULES["web-address"](frames, ctx)]
    assert found == [("yearbook-2012-jiangsu-shaanxi", "read_at")]
