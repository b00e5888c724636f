"""Completeness pass over the Chinese pages of group 1 (issue 20, docs/audit.md section 5):
the dated activities, pairings and counts the pages give stay in the tables, with the
year, partner and source the pages state."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def rows(frames):
    return {t: frames[t].set_index(frames[t].columns[0]) for t in ("events", "pairings", "indicators", "documents", "amounts")}


@pytest.mark.parametrize("event_id, start, source", [
    ("ev-2024-10-17-shanghai-yunnan-work-meeting", "2024-10-17", "zh-074"),
    ("ev-2010-06-01-jiangxi-xiaojin-framework-signing", "2010-06-01", "zh-146"),
    ("ev-2020-06-30-dalian-liuzhi-sturgeon-signing", "2020-06-30", "zh-029"),
    ("ev-2020-03-19-yunnan-poverty-press-conference", "2020-03-19", "zh-101"),
    ("ev-2020-09-17-national-consumption-pa-forum", "2020-09-17", "zh-016"),
    ("ev-2022-07-22-qinghai-green-development-fair", "2022-07-22", "zh-105"),
    ("ev-2019-09-28-guangdong-east-west-product-market-expo", "2019-09-28", "zh-044"),
    ("ev-2021-05-17-foshan-liangshan-sister-cities", "2021-05-17", "zh-033"),
    ("ev-1996-11-fujian-ningxia-first-joint-meeting", "1996-11-01", "zh-037"),
])
def test_the_dated_activities_of_the_pages_are_events(rows, event_id, start, source):
    ev = rows["events"].loc[event_id]
    assert str(ev["start_date"])[:10] == start
    assert ev["source_id"].startswith(source + "-")


@pytest.mark.parametrize("pairing_id, start, provider, recipient", [
    ("pair-tianjin-gansu", 1996, "pl-tianjin", "pl-gansu"),        # zh-082: 1996年,中央确定天津对口帮扶甘肃
    ("pair-shanghai-yunnan", 1996, "pl-shanghai", "pl-yunnan"),    # zh-070: 1996年9月
    ("pair-jiangsu-shaanxi", 1996, "pl-jiangsu", "pl-shaanxi"),    # zh-056: 2016 its 20th year
    ("pair-guangdong-guizhou", 2021, "pl-guangdong", "pl-guizhou"),
    ("pair-jiangsu-qinghai-province", 2021, "pl-jiangsu", "pl-qinghai"),
])
def test_pairings_start_in_the_year_the_pages_give(rows, pairing_id, start, provider, recipient):
    pair = rows["pairings"].loc[pairing_id]
    assert (int(pair["year_start"]), pair["provider_place_id"], pair["recipient_place_id"]) == (start, provider, recipient)


def test_the_1996_decision_paired_thirteen_eastern_with_ten_western_areas(rows):
    ind = rows["indicators"]
    got = ind.loc[["in-1996-east-west-eastern-provinces-paired", "in-1996-east-west-western-provinces-paired"], ["value", "year"]]
    assert got.values.tolist() == [[13, 1996], [10, 1996]]


def test_a_sales_figure_claims_no_month_the_page_does_not_give(rows):
    assert "October" not in rows["amounts"].loc["am-2024-shanghai-yunnan-product-sales", "purpose"]
