"""Issue 20, completeness pass over every number, group 5 (docs/audit.md section 14.5).

Each check holds a fact the tables lacked before this pass, with its year (or the page's lack of
one) and its partner, or a row that was wrong and is now right: Shenzhen's figures for Kashgar, which had no pairing although the page
gives the pair (zh-138), and a part of Liaoning's provincial share read as one year while its four
siblings are cumulative (the same kind of fault looked for across the tables).
"""
from __future__ import annotations

import pandas as pd
import pytest

from audit_tables import row_by_id


Z064 = "zh-064-zjol-2017-05-ningbo-yanbian-qianxinan"
Z138 = "zh-138-szgz-2023-09-shenzhen-kashgar"


def test_liaonings_tacheng_amount_is_cumulative_like_the_other_four_parts(frames):
    parts = frames["amounts"][frames["amounts"]["part_of"] == "am-2010-liaoning-counterpart-provincial"]
    assert "am-2010-liaoning-counterpart-tacheng" in set(parts["amount_id"])
    assert set(parts["period"]) == {"unstated_years"}


def test_shenzhens_counterpart_support_to_kashgar_is_a_pairing_from_2010(frames):
    pair = row_by_id(frames, "pairings", "pair-shenzhen-kashgar")
    assert (pair["provider_place_id"], pair["recipient_place_id"], int(pair["year_start"]), pair["source_id"]) == (
        "pl-shenzhen", "pl-kashi", 2010, Z138)


@pytest.mark.parametrize("table,rid", [
    ("amounts", "am-2010-2023-shenzhen-kashgar-aid-funds"),
    ("amounts", "am-2010-2023-shenzhen-kashgar-enterprise-investment"),
    ("indicators", "in-2010-2023-shenzhen-kashgar-cadres"),
    ("indicators", "in-2010-2023-shenzhen-kashgar-projects"),
])
def test_shenzhens_kashgar_figures_cite_their_pairing(frames, table, rid):
    row = row_by_id(frames, table, rid)
    assert row["pairing_id"] == "pair-shenzhen-kashgar"
    assert (int(row["period_start_year"]), int(row["year"])) == (2010, 2023)


def test_ningbos_counterpart_aid_to_wanzhou(frames):
    pair = row_by_id(frames, "pairings", "pair-ningbo-wanzhou")
    assert (pair["provider_place_id"], pair["recipient_place_id"], pair["source_id"]) == (
        "pl-ningbo", "pl-wanzhou", Z064)
    assert pd.isna(pair["year_start"])  # the page gives none


def test_the_nine_ningbo_yanbian_county_pairs_are_named(frames):
    notes = row_by_id(frames, "indicators", "in-zh064-ningbo-districts-paired-yanbian")["notes"]
    for pair in ("Yinzhou with Helong", "Cixi with Longjing", "Haishu with Hunchun", "Jiangbei and Xiangshan with Dunhua"):
        assert pair in notes


def test_the_zhejiang_sichuan_distance(frames):
    row = row_by_id(frames, "indicators", "in-zh089-zhejiang-sichuan-distance")
    assert (row["value"], row["unit"], row["qualifier"], row["pairing_id"]) == (2000, "km", "about", "pair-zhejiang-sichuan")


def test_the_wuhan_symposium_of_july_2006_and_its_sixteen_provinces(frames):
    ev = row_by_id(frames, "events", "ev-2006-07-wuhan-three-gorges-counterpart-symposium")
    assert (str(ev["start_date"])[:7], ev["date_precision"], ev["place_id"]) == ("2006-07", "month", "pl-hubei")
    assert "Wuhan" in ev["notes"]
    ind = row_by_id(frames, "indicators", "in-three-gorges-supporting-provinces-hubei")
    assert (ind["event_id"], ind["value"]) == ("ev-2006-07-wuhan-three-gorges-counterpart-symposium", 16)


def test_sasacs_video_conference_of_2020_and_its_organizer(frames):
    ev = row_by_id(frames, "events", "ev-2020-sasac-central-soes-poverty-video-conference")
    assert (str(ev["start_date"])[:4], ev["date_precision"]) == ("2020", "year")
    eo = frames["event_organizations"]
    hit = eo[(eo["event_id"] == "ev-2020-sasac-central-soes-poverty-video-conference") & (eo["org_id"] == "org-sasac")]
    assert list(hit["role"]) == ["organizer"]


def test_shaanxis_video_conference_of_2021_says_it_comes_from_a_clone(frames):
    ev = row_by_id(frames, "events", "ev-2021-shaanxi-designated-aid-video-conference")
    assert (str(ev["start_date"])[:4], ev["place_id"]) == ("2021", "pl-shaanxi")
    assert "clone" in ev["notes"]


def test_shandongs_2019_campaigns_for_chongqing(frames):
    ev = row_by_id(frames, "events", "ev-2019-shandong-chongqing-brand-campaigns")
    assert (str(ev["start_date"])[:4], ev["date_precision"]) == ("2019", "year")


def test_heyangs_exit_from_the_poverty_list_is_noted(frames):
    assert "May 2019" in row_by_id(frames, "indicators", "in-zh120-2018-heyang-poverty-incidence")["notes"]


def test_the_2020_goal_set_for_ningbos_aid_to_yanbian(frames):
    ev = row_by_id(frames, "events", "ev-2017-05-15-ningbo-domestic-cooperation-conference")
    assert "by 2020" in ev["notes"] and ev["source_id"] == Z064


@pytest.mark.parametrize("org_id,source", [
    ("org-tianjin-finance-bureau", "zh-083-peoplesdaily-2020-03-tianjin-funds-clone"),
    ("org-zhongshan-pao", "zh-096-ycwb-2020-06-zhongshan-zhaotong"),
    ("org-shaanxi-rrb", "zh-123-shaanxidaily-2022-02-designated-shaanxi-clone"),
    ("org-ningbo-economic-cooperation-bureau", Z064),
    ("org-shandong-cadre-group-chongqing", "zh-067-lightningnews-2019-12-shandong-chongqing"),
])
def test_the_offices_the_news_came_from(frames, org_id, source):
    org = row_by_id(frames, "organizations", org_id)
    assert (org["type"], org["country_iso3"], org["source_id"]) == ("government", "CHN", source)


@pytest.mark.parametrize("pairing_id,provider,recipient,codes", [
    ("pair-ninghai-antu", "pl-ninghai", "pl-antu", ("330226", "222426")),
    ("pair-fenghua-antu", "pl-fenghua", "pl-antu", ("330213", "222426")),
    ("pair-xiangshan-dunhua", "pl-xiangshan-ningbo", "pl-dunhua", ("330225", "222403")),
    ("pair-haishu-hunchun", "pl-haishu", "pl-hunchun", ("330203", "222404")),
])
def test_ningbos_district_to_county_pairs_with_yanbian(frames, pairing_id, provider, recipient, codes):
    pair = row_by_id(frames, "pairings", pairing_id)
    assert (pair["provider_place_id"], pair["recipient_place_id"], pair["source_id"]) == (provider, recipient, Z064)
    assert pd.isna(pair["year_start"])  # announced in May 2017 as to be set up; no start year
    places = frames["places"].set_index("place_id")
    assert (places.loc[provider, "parent_id"], places.loc[recipient, "parent_id"]) == ("pl-ningbo", "pl-yanbian")
    assert (str(places.loc[provider, "gbt2260"]), str(places.loc[recipient, "gbt2260"])) == codes


def test_ten_pairing_rows_for_the_nine_yanbian_pairs(frames):
    pairs = frames["pairings"]
    mine = pairs[(pairs["source_id"] == Z064) & (pairs["pairing_id"] != "pair-ningbo-wanzhou")]
    mine = pd.concat([mine, pairs[pairs["pairing_id"] == "pair-yinzhou-helong"]])  # cites zh-061, names zh-064
    assert "zh-064" in mine["notes"].iloc[-1]
    assert len(mine) == 10 and set(mine["recipient_place_id"]) == {
        "pl-helong", "pl-longjing", "pl-antu", "pl-wangqing", "pl-tumen", "pl-yanji", "pl-hunchun", "pl-dunhua"}
