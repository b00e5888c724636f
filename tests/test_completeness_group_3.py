"""Issue 20, completeness pass over group 3's 49 pages (docs/audit.md section 14.3).

Every number of each page was listed and looked for. Rows that named their partner more coarsely than
the page (State Grid's and CHN Energy's aid with no company, Jiangxi's reconstruction aid going to all
of Aba, Jiangsu's 2023 figures in Qinghai and Xiangzhou's in Lushui without their own pair, Cambodia's
pilot results with no year) are corrected; the same fault was then looked for over the tables (amounts
whose provider and recipient are a pair's own but cite a wider pair). Each check below holds one such
correction or a fact the tables lacked, with its year (or the page's lack of one) and its partner.
"""
from __future__ import annotations

import pandas as pd
import pytest

from audit_tables import row_by_id


def _year(value):
    return None if pd.isna(value) else int(value)


# --- rows corrected -------------------------------------------------------------------------------

STATE_GRID = ["am-2024-state-grid-consumption-aid", "am-2024-state-grid-pv-village-income",
              "am-state-grid-pv-village-income-cumulative"]
CHN_ENERGY = ["am-2024-chn-energy-free-aid", "am-2024-chn-energy-paid-aid", "am-2024-chn-energy-introduced-aid",
              "am-2024-chn-energy-purchases"]


@pytest.mark.parametrize("amount_id,org", [(a, "org-state-grid") for a in STATE_GRID]
                         + [(a, "org-chn-energy") for a in CHN_ENERGY])
def test_central_soe_aid_names_its_company(frames, amount_id, org):
    row = row_by_id(frames, "amounts", amount_id)
    assert (row["provider_org_id"], _year(row["year"])) == (org, 2024)


@pytest.mark.parametrize("indicator_id,org", [
    ("in-2024-state-grid-trainees", "org-state-grid"),
    ("in-2024-state-grid-eastern-power-companies-paired", "org-state-grid"),
    ("in-2024-chn-energy-cadres", "org-chn-energy"),
    ("in-2024-chn-energy-trainees", "org-chn-energy"),
    ("in-2024-chn-energy-designated-counties", "org-chn-energy"),
    ("in-2024-chn-energy-new-energy-resources", "org-chn-energy"),
])
def test_central_soe_indicators_name_their_company(frames, indicator_id, org):
    assert row_by_id(frames, "indicators", indicator_id)["org_id"] == org


@pytest.mark.parametrize("table,rid", [
    ("amounts", "am-zh055-2023-jiangsu-firms-investment-qinghai"),
    ("indicators", "in-zh055-2023-jiangsu-firms-to-qinghai"),
    ("indicators", "in-zh055-2023-jiangsu-new-energy-firms"),
    ("indicators", "in-zh055-2023-investment-multiple"),
])
def test_jiangsus_2023_figures_in_qinghai_cite_the_whole_province_pairing(frames, table, rid):
    row = row_by_id(frames, table, rid)
    assert (row["pairing_id"], _year(row["year"])) == ("pair-jiangsu-qinghai-province", 2023)


def test_jiangxis_reconstruction_aid_goes_to_xiaojin(frames):
    row = row_by_id(frames, "amounts", "am-jiangxi-xiaojin-reconstruction-funds")
    assert (row["provider_place_id"], row["recipient_place_id"], row["pairing_id"]) == (
        "pl-jiangxi", "pl-xiaojin", "pair-jiangxi-xiaojin")
    for rid in ("in-jiangxi-xiaojin-projects", "in-jiangxi-xiaojin-demonstration-works"):
        ind = row_by_id(frames, "indicators", rid)
        assert (ind["place_id"], ind["pairing_id"]) == ("pl-xiaojin", "pair-jiangxi-xiaojin")
    pair = row_by_id(frames, "pairings", "pair-jiangxi-xiaojin")
    assert pd.isna(pair["year_start"])  # the page gives none
    assert row_by_id(frames, "places", "pl-xiaojin")["parent_id"] == "pl-aba"
    assert row_by_id(frames, "documents", "doc-2010-jiangxi-xiaojin-cooperation-framework")["pairing_id"] == "pair-jiangxi-xiaojin"


@pytest.mark.parametrize("table,rid", [
    ("amounts", "am-zh098-2020-xiangzhou-lushui-funds"),
    ("amounts", "am-zh098-2020-xiangzhou-lushui-fiscal"),
    ("amounts", "am-zh098-2020-xiangzhou-lushui-social"),
    ("indicators", "in-zh098-2020-xiangzhou-lushui-projects"),
    ("indicators", "in-zh098-2020-lushui-households-to-benefit"),
    ("indicators", "in-zh098-2020-lushui-people-to-benefit"),
])
def test_xiangzhous_2020_aid_to_lushui_cites_the_district_pair(frames, table, rid):
    row = row_by_id(frames, table, rid)
    assert (row["pairing_id"], _year(row["year"])) == ("pair-xiangzhou-lushui", 2020)
    pair = row_by_id(frames, "pairings", "pair-xiangzhou-lushui")
    assert (pair["provider_place_id"], pair["recipient_place_id"]) == ("pl-xiangzhou", "pl-lushui")


@pytest.mark.parametrize("table,rid,pair", [
    ("amounts", "am-zh049-hangzhou-enshi-fiscal-aid-two-years", "pair-hangzhou-enshi"),
    ("amounts", "am-zh050-hangzhou-enshi-fiscal-aid-cum", "pair-hangzhou-enshi"),
    ("indicators", "in-zh049-hangzhou-enshi-projects-two-years", "pair-hangzhou-enshi"),
    ("indicators", "in-zh050-hangzhou-jobs-offered", "pair-hangzhou-enshi"),
    ("amounts", "am-zh062-ninghai-qinglong-tea-workshop", "pair-ninghai-qinglong"),
    ("indicators", "in-zh062-qinglong-households-holding-workshop-shares", "pair-ninghai-qinglong"),
    ("amounts", "am-1996-2001-guangzhou-baise-donations", "pair-guangzhou-baise"),
    ("indicators", "in-1996-2001-baise-primary-schools", "pair-guangzhou-baise"),
])
def test_a_pairs_own_figures_cite_that_pair_not_the_wider_one(frames, table, rid, pair):
    assert row_by_id(frames, table, rid)["pairing_id"] == pair


def test_no_amount_cites_a_wider_pair_when_its_own_pair_exists(frames):
    """The kind of fault, over all amounts: provider and recipient are exactly one pair's, yet another
    pairing (or none) is cited. The only ones left are joint or multi-pair totals whose notes say so."""
    pairs = frames["pairings"]
    own = {}
    for r in pairs.itertuples(index=False):
        own.setdefault((r.provider_place_id, r.recipient_place_id), set()).add(r.pairing_id)
    am = frames["amounts"]
    wrong = [r.amount_id for r in am.itertuples(index=False)
             if (r.provider_place_id, r.recipient_place_id) in own and not pd.isna(r.pairing_id)
             and r.pairing_id not in own[(r.provider_place_id, r.recipient_place_id)]]
    # zh-077 is another group's page: its Longgang amount may be mended there
    assert set(wrong) <= {"am-zh077-longgang-fiscal-aid-since-2021"}


def test_cambodias_pilot_results_are_of_2020(frames):
    ids = ["in-pd2020-cambodia-" + x for x in
           "cattle courtyard detergent electricity homes-rebuilt homes-reconstructed mushroom pepper stoves tap-water toilets".split()]
    rows = frames["indicators"].set_index("indicator_id").loc[ids]
    assert set(rows["year"].astype(int)) == {2020}
    assert set(rows["period"]) == {"unstated_years"}


# --- facts added ----------------------------------------------------------------------------------

@pytest.mark.parametrize("pair,provider,recipient", [
    ("pair-hexi-kongtong", "pl-hexi-tianjin", "pl-kongtong"),
    ("pair-hexi-zhuanglang", "pl-hexi-tianjin", "pl-zhuanglang"),
    ("pair-wuqing-jingchuan", "pl-wuqing", "pl-jingchuan"),
    ("pair-wuqing-jingning", "pl-wuqing", "pl-jingning"),
    ("pair-jinnan-lingtai", "pl-jinnan", "pl-lingtai"),
    ("pair-dongli-gaolan", "pl-dongli", "pl-gaolan"),
    ("pair-baodi-yongdeng", "pl-baodi", "pl-yongdeng"),
    ("pair-jinghai-zhenyuan", "pl-jinghai", "pl-zhenyuan-gansu"),
])
def test_tianjins_district_pairs_in_gansu(frames, pair, provider, recipient):
    row = row_by_id(frames, "pairings", pair)
    assert (row["provider_place_id"], row["recipient_place_id"], row["source_id"]) == (
        provider, recipient, "zh-082-aggregator-2025-tianjin-gansu")
    places = frames["places"].set_index("place_id")
    assert places.loc[provider, "parent_id"] == "pl-tianjin"
    assert places.loc[places.loc[recipient, "parent_id"], "parent_id"] == "pl-gansu"


def test_tianjins_2024_cadres_for_gansu(frames):
    row = row_by_id(frames, "indicators", "in-zh082-2024-tianjin-cadres-to-gansu")
    assert (float(row["value"]), _year(row["year"]), row["pairing_id"]) == (124, 2024, "pair-tianjin-gansu")
    assert "repost" in row["notes"]


@pytest.mark.parametrize("rid,value", [("in-zh020-2023-east-west-eastern-provinces", 8),
                                       ("in-zh020-2023-east-west-western-provinces", 10)])
def test_east_west_province_counts_of_2023(frames, rid, value):
    row = row_by_id(frames, "indicators", rid)
    assert (float(row["value"]), _year(row["year"]), row["unit"]) == (value, 2023, "provinces")


@pytest.mark.parametrize("crop,value", [("tea", 9), ("flowers", 11), ("vegetables", 4.8), ("fruit", 9), ("herbs", 2.3)])
def test_yunnans_expected_crop_growth_2024(frames, crop, value):
    row = row_by_id(frames, "indicators", f"in-zh074-2024-yunnan-{crop}-output-growth")
    assert (float(row["value"]), _year(row["year"]), row["place_id"]) == (value, 2024, "pl-yunnan")


def test_state_grid_and_chn_energy_rated_good_eight_years(frames):
    for rid, org in (("in-zh125-state-grid-years-rated-good", "org-state-grid"),
                     ("in-zh125-chn-energy-years-rated-good", "org-chn-energy")):
        row = row_by_id(frames, "indicators", rid)
        assert (float(row["value"]), _year(row["year"]), _year(row["period_start_year"]), row["org_id"]) == (8, 2024, 2017, org)
        assert "unnamed self-media repost" in row["notes"]
    week = row_by_id(frames, "events", "ev-2024-third-soe-consumption-aid-week")
    assert str(week["start_date"])[:4] == "2024" and week["date_precision"] == "year"


def test_beijing_energy_and_its_manager_in_xilingol(frames):
    person = row_by_id(frames, "people", "p-liu-chunxiao")
    assert (person["name_zh"], person["source_id"]) == ("刘春晓", "zh-025-ce-2016-07-beijing-inner-mongolia")
    assert "Wujianfang" in row_by_id(frames, "organizations", "org-beijing-energy-group")["notes"]
    assert "Ulanqab" in row_by_id(frames, "documents", "doc-beijing-chifeng-winter-vegetable-agreement")["notes"]


@pytest.mark.parametrize("org_id,source", [
    ("org-hangzhou-counterpart-support-bureau", "zh-052-xinhua-2020-12-hangzhou-qiandongnan-enshi"),
    ("org-haidong-pab", "zh-053-haidong-2018-11-jiangsu-supplementary-funds"),
    ("org-qinghai-party-organization-department", "globaltimes-2018-11-qinghai-pairing"),
])
def test_the_offices_the_news_came_from(frames, org_id, source):
    assert row_by_id(frames, "organizations", org_id)["source_id"] == source


def test_documents_added(frames):
    rules = row_by_id(frames, "documents", "doc-qinghai-poverty-fund-publicity-rules")
    assert (rules["source_id"], rules["kind"]) == ("zh-053-haidong-2018-11-jiangsu-supplementary-funds", "measures")
    assert pd.isna(rules["year"])
    report = row_by_id(frames, "documents", "doc-2016-npc-deputies-poverty-survey-report")
    assert (_year(report["year"]), report["kind"]) == (2016, "report")


def test_zhongba_clinic_opened_august_2020(frames):
    ev = row_by_id(frames, "events", "ev-2020-08-xide-luji-zhongba-clinic-opening")
    assert (str(ev["start_date"])[:7], ev["date_precision"], ev["place_id"]) == ("2020-08", "month", "pl-xide")


def test_bijie_parks_bay_area_certifications(frames):
    row = row_by_id(frames, "indicators", "in-zh122-guangzhou-bijie-park-basket-certifications")
    assert (float(row["value"]), row["place_id"], row["period"]) == (104, "pl-bijie", "unstated_years")


def test_fao_and_adb_at_the_2018_forum(frames):
    eo = frames["event_organizations"]
    got = eo[(eo["event_id"] == "ev-2018-05-23-china-pr-intl-forum")
             & (eo["source_id"] == "zh-164-cctv-2018-05-iprcc-trainings-forum")]
    assert set(got["org_id"]) == {"org-fao", "org-adb"}


@pytest.mark.parametrize("table,rid,words", [
    ("events", "ev-2016-06-15-xiamen-media-visit-linxia", "propaganda"),
    ("indicators", "in-xinjiang-new-round-projects-to-2012", "two thirds"),
    ("projects", "pj-china-cambodia-pr-demo", "early-harvest"),
    ("indicators", "in-zh203-lmc-fund-projects", "oil-tea"),
    ("indicators", "in-2024-gansu-rural-workers-employed", "labour brands"),
    ("events", "ev-2024-10-17-shanghai-yunnan-work-meeting", "16+16"),
])
def test_facts_kept_in_notes(frames, table, rid, words):
    assert words in row_by_id(frames, table, rid)["notes"]
