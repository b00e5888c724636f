"""Completeness pass over the 19 Chinese pages first read into the tables on 2026-12-07
(issue 20, docs/audit.md section 5): the facts found missing stay in the tables with the
year, partner, scale and source their pages give."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def rows(frames):
    names = ("events", "pairings", "indicators", "amounts", "organizations", "people", "event_organizations")
    return {t: frames[t].set_index(frames[t].columns[0]) for t in names}


@pytest.mark.parametrize("event_id, start, basis, source", [
    ("ev-2015-central-poverty-work-conference", "2015-01-01", "context", "zh-010"),  # 去年年底, said in Dec 2016
    ("ev-1992-three-gorges-counterpart-support-call", "1992-01-01", "stated", "zh-141"),
])
def test_the_dated_activities_of_the_pages_are_events(rows, event_id, start, basis, source):
    ev = rows["events"].loc[event_id]
    assert (str(ev["start_date"])[:10], ev["date_precision"], ev["date_basis"]) == (start, "year", basis)
    assert ev["source_id"].startswith(source + "-")


def test_the_state_council_made_the_1992_three_gorges_call(rows):
    links = rows["event_organizations"].loc[["ev-1992-three-gorges-counterpart-support-call"]]
    assert links[["org_id", "role"]].values.tolist() == [["org-state-council", "organizer"]]


def test_guangdong_pairs_with_ganzi_from_2014_and_its_ganzi_money_says_so(rows):
    pair = rows["pairings"].loc["pair-guangdong-ganzi"]
    assert (int(pair["year_start"]), pair["provider_place_id"], pair["recipient_place_id"]) == (2014, "pl-guangdong", "pl-ganzi")
    assert "no independent confirmation" in pair["notes"]  # a clone's pairing
    for amount_id in ("am-zh102-guangdong-ganzi-tibet-aid-in-place", "am-zh102-2014-2015-guangdong-ganzi-tibet-aid",
                      "am-zh104-2017-guangdong-ganzi-plan"):
        assert rows["amounts"].loc[amount_id, "pairing_id"] == "pair-guangdong-ganzi"


@pytest.mark.parametrize("indicator_id, value, unit, year, qualifier", [
    ("in-zh012-2017-assessment-eastern-provinces", 9, "provinces", 2017, "exact"),
    ("in-zh012-2017-assessment-western-provinces", 12, "provinces", 2017, "exact"),
    ("in-zh010-east-west-cooperation-years", 20, "years", 2016, "exact"),
    ("in-zh001-east-west-cooperation-years", 30, "years", 2025, "nearly"),   # 近30年
    ("in-zh104-sichuan-tibetan-areas-projects-built", 100, "projects", 2017, "at_least"),  # 上百个
])
def test_the_counts_of_the_pages_are_indicators(rows, indicator_id, value, unit, year, qualifier):
    got = rows["indicators"].loc[indicator_id]
    assert (float(got["value"]), got["unit"], int(got["year"]), got["qualifier"]) == (value, unit, year, qualifier)


@pytest.mark.parametrize("amount_id, year", [
    ("am-zh104-tibetan-areas-per-county-first-year-funds", 2014),
    ("am-zh104-yi-areas-per-county-housing-funds", 2016),
])
def test_a_county_rate_behind_a_pinyin_gloss_is_ten_million_yuan_and_no_sum(rows, amount_id, year):
    got = rows["amounts"].loc[amount_id]
    assert (float(got["amount"]), got["unit_zh"], int(got["year"])) == (10_000_000, "万元", year)
    assert not bool(got["recommended_for_aggregates"])


def test_the_longzhou_firm_and_its_manager_are_named(rows):
    assert rows["people"].loc["p-chen-yunpeng", "name_zh"] == "陳云鵬"
    assert rows["indicators"].loc["in-zh042-longzhou-mushroom-firm-staff", "org_id"] == "org-longzhou-beibu-gulf-agriculture"
    for org_id in ("org-longzhou-beibu-gulf-agriculture", "org-junhong-precision-electronics", "org-hanke-electronic-technology"):
        assert rows["organizations"].loc[org_id, "type"] == "enterprise"
