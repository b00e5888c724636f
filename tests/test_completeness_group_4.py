"""Issue 20, completeness pass over every number of 48 pages, group 4 (docs/audit.md section 14.4).

No row held a wrong value or year. Seven pages' rows named their partners more coarsely than the pages
do: four county-level pairings the pages give (Jianggan-Enshi City, Putuo-Chishui, Songjiang-
Xishuangbanna, Daya Bay-Qinglong) had no row and their figures stood under the provincial pairing;
CNPC's designated aid went to Henan instead of Fan and Taiqian counties; a Laos grant named no giver;
and Ninghai's tea workshop stood under Ningbo's pairing although Ninghai-Qinglong is a row. Each check
below holds one of those corrections or a fact the tables lacked, with its year and its partner.
"""
from __future__ import annotations

import pandas as pd
import pytest

from audit_tables import row_by_id

Z003 = "zh-003-gmw-2015-11-east-west"
Z024 = "zh-024-freewechat-2018-04-beijing-hebei"
Z031 = "zh-031-foshandaily-2020-04-foshan-liangshan"
Z043 = "zh-043-people-2022-10-guangdong-guangxi"
Z045 = "zh-045-chinanews-2021-12-guangdong-guizhou"
Z048 = "zh-048-hubeidaily-2019-03-jianggan-enshi"
Z065 = "zh-065-gansudaily-2017-08-qingdao-longnan"
Z068 = "zh-068-xinhua-2022-09-shandong-chongqing-projects"
Z069 = "zh-069-zunyinet-2020-08-putuo-chishui"
Z071 = "zh-071-peoplecn-2020-08-songjiang-xishuangbanna"
Z110 = "zh-110-17huanbao-2009-11-cnpc-fan-taiqian"


def _of(frames, table, source):
    df = frames[table]
    return df[df["source_id"] == source]


# --- pairings the pages give, with their figures re-pointed -------------------------------------------

@pytest.mark.parametrize("pair_id, provider, recipient, start, source", [
    ("pair-jianggan-enshi-city", "pl-jianggan-hangzhou", "pl-enshi-city", None, Z048),
    ("pair-putuo-chishui", "pl-putuo", "pl-chishui", 2013, Z069),
    ("pair-songjiang-xishuangbanna", "pl-songjiang", "pl-xishuangbanna", None, Z071),
    ("pair-dayawan-qinglong", "pl-dayawan-huizhou", "pl-qinglong", None, Z045)])
def test_county_level_pairings_the_pages_give(frames, pair_id, provider, recipient, start, source):
    pair = row_by_id(frames, "pairings", pair_id)
    assert (pair["provider_place_id"], pair["recipient_place_id"], pair["source_id"]) == (provider, recipient, source)
    assert (pd.isna(pair["year_start"]) if start is None else int(pair["year_start"]) == start)


def test_jianggans_own_figures_name_the_district_and_its_pairing(frames):
    for aid in ["am-2019-jianggan-enshi-project-investment", "am-2019-jianggan-union-rest-tours-benefit-enshi",
                "am-2019-enshi-selenium-products-sales-hangzhou"]:
        row = row_by_id(frames, "amounts", aid)
        assert (row["provider_place_id"], row["recipient_place_id"], row["pairing_id"]) == (
            "pl-jianggan-hangzhou", "pl-enshi-city", "pair-jianggan-enshi-city")
    assert row_by_id(frames, "indicators", "in-2019-jianggan-enshi-projects")["pairing_id"] == "pair-jianggan-enshi-city"
    assert row_by_id(frames, "places", "pl-jianggan-hangzhou")["parent_id"] == "pl-hangzhou"


def test_zhejiang_firms_and_hangzhou_society_are_not_jianggan(frames):
    for aid in ["am-2019-zhejiang-enterprise-investment-enshi-city", "am-2019-zhejiang-enterprises-donations-enshi"]:
        row = row_by_id(frames, "amounts", aid)
        assert (row["provider_place_id"], row["pairing_id"]) == ("pl-zhejiang", "pair-zhejiang-hubei")
    assert row_by_id(frames, "amounts", "am-2019-hangzhou-social-donations-enshi")["pairing_id"] == "pair-hangzhou-enshi"


def test_putuos_figures_for_chishui_cite_their_pairing(frames):
    for table in ("amounts", "indicators"):
        rows = _of(frames, table, Z069)
        rows = rows[rows["pairing_id"].notna()]
        assert len(rows) >= 3 and set(rows["pairing_id"]) == {"pair-putuo-chishui"}
    years = row_by_id(frames, "indicators", "in-zh069-putuo-chishui-cooperation-years")
    assert (float(years["value"]), int(years["year"])) == (7.0, 2020)


def test_songjiangs_own_figures_cite_their_pairing_and_shanghais_stay_shanghais(frames):
    row = row_by_id(frames, "amounts", "am-zh071-2019-songjiang-purchases-xishuangbanna")
    assert (row["provider_place_id"], row["pairing_id"], int(row["year"])) == (
        "pl-songjiang", "pair-songjiang-xishuangbanna", 2019)
    assert row_by_id(frames, "indicators", "in-zh071-2020-xishuangbanna-villages-covered")["pairing_id"] == (
        "pair-songjiang-xishuangbanna")
    shanghai = row_by_id(frames, "amounts", "am-zh071-shanghai-xishuangbanna-four-year-fiscal-aid")
    assert (shanghai["provider_place_id"], shanghai["pairing_id"]) == ("pl-shanghai", "pair-shanghai-yunnan")


def test_ninghais_tea_workshop_cites_ninghai_qinglong(frames):
    assert row_by_id(frames, "amounts", "am-zh062-ninghai-qinglong-tea-workshop")["pairing_id"] == "pair-ninghai-qinglong"
    assert row_by_id(frames, "indicators", "in-zh062-qinglong-households-holding-workshop-shares")["pairing_id"] == (
        "pair-ninghai-qinglong")


# --- partners named more exactly --------------------------------------------------------------------

@pytest.mark.parametrize("amount_id, county", [
    ("am-2007-cnpc-fan-planning", "pl-fan-county"), ("am-2008-2010-cnpc-luji-projects", "pl-fan-county"),
    ("am-2008-2010-cnpc-taiqian-hospital", "pl-taiqian")])
def test_cnpcs_aid_goes_to_its_two_counties(frames, amount_id, county):
    row = row_by_id(frames, "amounts", amount_id)
    assert (row["provider_org_id"], row["recipient_place_id"]) == ("org-cnpc", county)
    place = row_by_id(frames, "places", county)
    assert place["parent_id"] == "pl-puyang"
    assert row_by_id(frames, "places", "pl-puyang")["parent_id"] == "pl-henan"
    assert row_by_id(frames, "indicators", "in-2009-taiqian-hengrun-jobs")["place_id"] == "pl-taiqian"


def test_fan_countys_code_lies_in_puyang(frames):
    assert str(row_by_id(frames, "places", "pl-fan-county")["gbt2260"]) == "410926"


def test_the_laos_pilot_grant_names_its_giver(frames):
    row = row_by_id(frames, "amounts", "am-laos-east-asia-pilot-grant")
    assert (row["provider_org_id"], row["recipient_iso3"]) == ("org-china-gov", "LAO")


# --- facts the tables lacked ------------------------------------------------------------------------

@pytest.mark.parametrize("indicator_id, value, unit, year, pairing, source", [
    ("in-zh003-east-west-cooperation-years", 19, "years", 2015, None, Z003),
    ("in-zh024-beijing-hebei-key-cooperation-areas", 7, "aspects", 2018, "pair-beijing-hebei", Z024),
    ("in-zh031-foshan-top-assessment-grade-years", 3, "years", 2019, "pair-foshan-liangshan", Z031),
    ("in-zh065-longnan-counties-in-matching", 9, "counties", 2017, "pair-qingdao-longnan", Z065),
    ("in-zh065-longnan-departments-in-matching", 30, "departments", 2017, "pair-qingdao-longnan", Z065),
    ("in-zh068-shandong-chongqing-two-way-cooperation-areas", 3, "aspects", 2022, "pair-shandong-chongqing", Z068)])
def test_added_figures_with_year_and_partner(frames, indicator_id, value, unit, year, pairing, source):
    row = row_by_id(frames, "indicators", indicator_id)
    assert (float(row["value"]), row["unit"], int(row["year"]), row["source_id"]) == (value, unit, year, source)
    assert (pd.isna(row["pairing_id"]) if pairing is None else row["pairing_id"] == pairing)


def test_foshans_grades_count_from_the_first_assessment(frames):
    row = row_by_id(frames, "indicators", "in-zh031-foshan-top-assessment-grade-years")
    assert (row["period"], int(row["period_start_year"]), row["place_id"]) == ("stated_years", 2017, "pl-foshan")


def test_the_hezhou_matching_event_and_the_bureau_that_spoke(frames):
    ev = row_by_id(frames, "events", "ev-2022-10-hezhou-guangdong-private-firms-matching")
    assert (str(ev["start_date"])[:7], ev["date_precision"], ev["place_id"], ev["source_id"]) == (
        "2022-10", "month", "pl-hezhou", Z043)
    assert row_by_id(frames, "places", "pl-hezhou")["parent_id"] == "pl-guangxi"
    links = frames["event_organizations"]
    links = links[links["event_id"] == "ev-2022-10-hezhou-guangdong-private-firms-matching"]
    assert list(links["org_id"]) == ["org-guangxi-rrb"]


def test_the_harvest_festival_event_has_its_three_organizers(frames):
    links = frames["event_organizations"]
    links = links[links["event_id"] == "ev-2022-09-22-harvest-festival-social-aid-qianjiang"]
    assert set(links["org_id"]) >= {"org-nrra", "org-chongqing-gov", "org-shandong-gov"}


@pytest.mark.parametrize("table, rid, words", [
    ("pairings", "pair-tianjin-chengde", "Luan River"),
    ("pairings", "pair-beijing-shifang", "Guangqing road"),
    ("pairings", "pair-shanghai-dujiangyan", "September 2009"),
    ("pairings", "pair-guangdong-wenchuan", "Sanjiang"),
    ("projects", "pj-cnpc-fan-taiqian-designated-assistance", "7 billion cubic metres"),
    ("pairings", "pair-qingdao-longnan", "Qingdao industrial park"),
    ("amounts", "am-2019-east-west-fiscal-aid", "exceeded in 2019"),
    ("events", "ev-2017-07-25-china-asean-forum-11", "eco-village"),
    ("events", "ev-2015-cfpa-myanmar-nepal-offices", "fixed premises"),
    ("pairings", "pair-foshan-liangshan", "Ganluo"),
    ("indicators", "in-2022-guangxi-rural-workers-helped-to-jobs", "vocational schools")])
def test_facts_without_a_bindable_unit_stand_in_notes(frames, table, rid, words):
    assert words in row_by_id(frames, table, rid)["notes"]
