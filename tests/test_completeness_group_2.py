"""Issue 20, completeness pass over every number, group 2 (docs/audit.md section 14.2).

Forty-nine pages read fact by fact before the tables were opened. No value, year or qualifier was wrong;
three pages' rows named their partners more coarsely than the pages do (Daxing's money for Qahar Right
Front Banner stood without a giver under the Beijing-Inner Mongolia pair, Yinzhou's as Ningbo's, and
Beijing's 2017 figures for Yushu had no pairing). Each check below holds one of those corrections or a
fact the tables lacked, with its year (or the page's lack of one) and its partner; a figure the Chinese
reader cannot bind is held in the notes of the row it belongs with.
"""
from __future__ import annotations

import pandas as pd
import pytest

from audit_tables import row_by_id

Z023 = "zh-023-nmgsjw-2022-04-daxing-chayouqianqi"
Z061 = "zh-061-zjol-2018-10-yinzhou-yanbian"
Z131 = "zh-131-cnr-2017-09-beijing-yushu-clone"


DAXING_AMOUNTS = ["am-zh023-daxing-chayouqianqi-cooperation-funds", "am-zh023-daxing-chayouqianqi-industry-funds",
                  "am-zh023-daxing-chayouqianqi-health-education-funds"]
DAXING_INDICATORS = ["in-zh023-chayouqianqi-project-categories", "in-zh023-chayouqianqi-projects",
                     "in-zh023-chayouqianqi-poor-lifted"]


def test_the_daxing_chayouqianqi_pairing(frames):
    pair = row_by_id(frames, "pairings", "pair-daxing-chayouqianqi")
    assert (pair["provider_place_id"], pair["recipient_place_id"], pair["source_id"]) == (
        "pl-daxing", "pl-chayouqianqi", Z023)
    assert pd.isna(pair["year_start"])  # the magazine gives none


@pytest.mark.parametrize("amount_id", DAXING_AMOUNTS)
def test_daxings_money_goes_from_the_district_under_its_pairing(frames, amount_id):
    row = row_by_id(frames, "amounts", amount_id)
    assert (row["provider_place_id"], row["recipient_place_id"], row["pairing_id"]) == (
        "pl-daxing", "pl-chayouqianqi", "pair-daxing-chayouqianqi")


@pytest.mark.parametrize("indicator_id", DAXING_INDICATORS)
def test_daxings_counts_cite_the_county_level_pair(frames, indicator_id):
    assert row_by_id(frames, "indicators", indicator_id)["pairing_id"] == "pair-daxing-chayouqianqi"
    doc = row_by_id(frames, "documents", "doc-chayouqianqi-cooperation-funds-projects-rules")
    assert doc["pairing_id"] == "pair-daxing-chayouqianqi"


def test_no_government_aid_under_a_pairing_lacks_its_giver(frames):
    a = frames["amounts"]
    gap = a[a["pairing_id"].notna() & a["provider_place_id"].isna() & a["provider_org_id"].isna()
            & (a["aid_type"] == "government_aid")]
    assert gap.empty, list(gap["amount_id"])


@pytest.mark.parametrize("amount_id", ["am-2018-yinzhou-yanbian-donation-target",
                                       "am-2018-yinzhou-yanbian-donations-first-day",
                                       "am-2018-yinzhou-yanbian-project-funds"])
def test_yinzhou_not_ningbo_gives_to_yanbian(frames, amount_id):
    row = row_by_id(frames, "amounts", amount_id)
    assert (row["provider_place_id"], row["recipient_place_id"], int(row["year"])) == (
        "pl-yinzhou-ningbo", "pl-yanbian", 2018)


@pytest.mark.parametrize("city, indicator_id, towns", [("helong", "in-2018-helong-towns-paired", 8),
                                                        ("yanji", "in-2018-yanji-towns-paired", 4)])
def test_yinzhous_pairings_with_helong_and_yanji(frames, city, indicator_id, towns):
    pair = row_by_id(frames, "pairings", f"pair-yinzhou-{city}")
    assert (pair["provider_place_id"], pair["recipient_place_id"], pair["source_id"]) == (
        "pl-yinzhou-ningbo", f"pl-{city}", Z061)
    assert row_by_id(frames, "places", f"pl-{city}")["parent_id"] == "pl-yanbian"
    row = row_by_id(frames, "indicators", indicator_id)
    assert (row["place_id"], row["pairing_id"], row["value"], int(row["year"])) == (
        f"pl-{city}", f"pair-yinzhou-{city}", towns, 2018)


def test_beijings_yushu_figures_cite_the_pairing_from_2010(frames):
    pair = row_by_id(frames, "pairings", "pair-beijing-yushu")
    assert (pair["provider_place_id"], pair["recipient_place_id"], int(pair["year_start"]), pair["source_id"]) == (
        "pl-beijing", "pl-yushu", 2010, Z131)
    assert "clone" in pair["notes"]
    row = row_by_id(frames, "amounts", "am-2017-beijing-yushu-counterpart-funds")
    assert (row["pairing_id"], row["amount"], int(row["year"])) == ("pair-beijing-yushu", 312_000_000, 2017)
    for rid in ["in-2017-beijing-yushu-projects-arranged", "in-2017-beijing-yushu-projects-under-way"]:
        assert row_by_id(frames, "indicators", rid)["pairing_id"] == "pair-beijing-yushu"


@pytest.mark.parametrize("indicator_id, value, year, place, pairing", [
    ("in-zh044-guangdong-product-market-floor-area", 5, 2019, "pl-guangdong", "pair-guangdong-guangxi"),
    ("in-zh060-guzhang-eco-tea-garden-area", 16, 2019, "pl-guzhang", None),
    ("in-zh060-guzhang-forest-cover", 80.9, 2019, "pl-guzhang", None),
    ("in-zh116-2020-soes-designated-key-counties", 246, 2020, None, None),
    ("in-zh180-china-poverty-goal-years-ahead-of-sdg", 10, 2016, None, None),
    ("in-zh217-aid-to-2016-experts-sent", 60, 2016, None, None),
])
def test_added_figures_with_their_year_and_partner(frames, indicator_id, value, year, place, pairing):
    row = row_by_id(frames, "indicators", indicator_id)
    assert (row["value"], int(row["year"])) == (value, year)
    assert (None if pd.isna(row["place_id"]) else row["place_id"]) == place
    assert (None if pd.isna(row["pairing_id"]) else row["pairing_id"]) == pairing


def test_the_experts_sent_say_over_and_from_an_unnamed_repost(frames):
    row = row_by_id(frames, "indicators", "in-zh217-aid-to-2016-experts-sent")
    assert (row["qualifier"], row["unit"]) == ("over", "10k people")
    assert "confirms nothing on its own" in row["notes"]


def test_the_second_shanghai_zunyi_joint_meeting(frames):
    ev = row_by_id(frames, "events", "ev-2014-06-shanghai-zunyi-joint-meeting-2")
    assert (ev["kind"], str(ev["start_date"])[:7], ev["date_precision"]) == ("meeting", "2014-06", "month")
    ep = frames["event_people"]
    assert ((ep["event_id"] == "ev-2014-06-shanghai-zunyi-joint-meeting-2") & (ep["person_id"] == "p-sun-guobiao")).any()


def test_the_fourth_guangdong_guangxi_joint_meeting_is_undated(frames):
    ev = row_by_id(frames, "events", "ev-guangdong-guangxi-joint-meeting-4")
    assert ev["kind"] == "meeting" and pd.isna(ev["start_date"])
    assert ev["source_id"] == "zh-044-ciudsrc-2019-12-guangdong-guangxi-consumption"


def test_laos_agriculture_ministry_at_the_11th_forum(frames):
    assert row_by_id(frames, "organizations", "org-lao-maf")["country_iso3"] == "LAO"
    eo = frames["event_organizations"]
    assert ((eo["event_id"] == "ev-2017-07-25-china-asean-forum-11") & (eo["org_id"] == "org-lao-maf")).any()


@pytest.mark.parametrize("table, rid, words", [
    ("indicators", "in-zh046-2016-liulong-household-income", "200,000 mu"),
    ("indicators", "in-zh161-1985-2004-fiscal-revenue-per-capita-growth-multiple", "13 times"),
    ("indicators", "in-2012-fujian-ningxia-schools", "hundred schools"),
    ("events", "ev-2005-12-10-intl-seminar-china-pr-experience-1", "six to seven"),
    ("pairings", "pair-shanghai-yunnan", "Third Front"),
])
def test_facts_the_reader_cannot_bind_stand_in_notes(frames, table, rid, words):
    assert words in row_by_id(frames, table, rid)["notes"]
