"""Completeness pass over the English pages of group 2 (docs/audit.md section 7): what the
pages give stays in the tables, and a sum two sides put in together claims no single giver."""
from __future__ import annotations

import pandas as pd
import pytest


@pytest.fixture(scope="module")
def rows(frames):
    return {t: frames[t].set_index(frames[t].columns[0])
            for t in ("amounts", "indicators", "people", "places")}


@pytest.mark.parametrize("amount_id", ["am-2016-2019-gd-gx-investment", "am-leye-kiwi-park-investment"])
def test_a_joint_guangdong_guangxi_investment_names_no_single_provider(rows, amount_id):
    # gxzf-2020-05: 'the two parties ... invested'; the kiwi park 'is invested in by Guangdong and Guangxi'
    am = rows["amounts"].loc[amount_id]
    assert pd.isna(am["provider_place_id"]) and pd.isna(am["provider_org_id"])
    assert am["pairing_id"] == "pair-guangdong-guangxi"


@pytest.mark.parametrize("event_id, iso3, source", [
    ("ev-2014-11-18-africa-china-conference", "CHN", "au-2014-11-africa-china-conference"),
    ("ev-2023-06-26-china-asean-forum-17", "CHN", "aseantoday-2023-06-asean-forum-17"),
])
def test_the_countries_a_page_names_among_the_participants_are_linked(frames, event_id, iso3, source):
    ec = frames["event_countries"]
    hit = ec[(ec["event_id"] == event_id) & (ec["iso3"] == iso3) & (ec["role"] == "participant")]
    assert source in set(hit["source_id"])


@pytest.mark.parametrize("person_id", ["p-sophal-ky", "p-chuorn-khim", "p-neang-chanra"])
def test_the_people_the_cambodian_pilot_report_quotes_are_recorded(rows, person_id):
    p = rows["people"].loc[person_id]
    assert (p["country_iso3"], p["source_id"]) == ("KHM", "iprcc-cgtn-cambodia-pilot-incomes")


def test_the_places_newly_paired_with_zhejiang_in_2018_lie_in_sichuan(rows):
    pl = rows["places"]
    assert pl.loc["pl-nanbu", "parent_id"] == "pl-nanchong"
    assert pl.loc["pl-guangan-district", "parent_id"] == "pl-guangan"
    assert pl.loc["pl-guangan", "parent_id"] == "pl-sichuan"


def test_a_dozen_lectures_is_about_twelve_in_2011(rows):
    ind = rows["indicators"].loc["in-2011-suzhou-medical-lectures"]
    assert (ind["value"], ind["qualifier"], int(ind["year"]), ind["pairing_id"]) == (12, "about", 2011, "pair-jiangsu-shaanxi")


def test_the_2011_central_work_conference_is_dated_by_its_context(frames):
    ev = frames["events"].set_index("event_id").loc["ev-2011-central-poverty-work-conference"]
    assert (str(ev["start_date"])[:4], ev["date_precision"], ev["date_basis"]) == ("2011", "year", "context")


def test_the_white_tea_county_lies_in_huzhou_zhejiang(rows):
    pl = rows["places"]
    assert (pl.loc["pl-anji", "parent_id"], pl.loc["pl-huzhou", "parent_id"]) == ("pl-huzhou", "pl-zhejiang")
