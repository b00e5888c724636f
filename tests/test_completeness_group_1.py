"""Issue 20, completeness of every number, group 1 (docs/audit.md section 14.1).

Forty-nine pages (/work/comp1-pages.txt) were read before the tables were opened. Each check
below holds a fact the tables lacked before, with its year (or the page's lack of one) and its
partner, or a row fixed on the way: figures that named only a province's pair although the page
names the district's or the city's (Longgang with Jingxi and Napo, Shenzhen with Kashgar), and one
press briefing that stood twice.
"""
from __future__ import annotations

import pandas as pd
import pytest

from audit_tables import row_by_id

Z057 = "zh-057-guhantai-2017-12-jiangsu-shaanxi"
Z124 = "zh-124-county-2024-bijie-united-front"
Z137 = "zh-137-sznews-2019-05-shenzhen-kashgar-clone"
Z205 = "zh-205-xinhua-2018-09-china-africa-clone"


def _year(value) -> int:
    return pd.Timestamp(value).year


# --- rows fixed -------------------------------------------------------------------------------

LONGGANG = ["am-zh077-longgang-fiscal-aid-since-2021", "in-zh077-2020-napo-poor-villages-exited",
            "in-zh077-2020-napo-poor-households-lifted", "in-zh077-2020-napo-poor-people-lifted",
            "in-zh077-2019-jingxi-poverty-exit"]


@pytest.mark.parametrize("rid", LONGGANG)
def test_longgangs_aid_and_the_two_counties_exits_cite_the_district_pair(frames, rid):
    table = "amounts" if rid.startswith("am-") else "indicators"
    assert row_by_id(frames, table, rid)["pairing_id"] == "pair-longgang-jingxi-napo"


def test_the_provinces_own_figures_in_jingxi_keep_the_provincial_pair(frames):
    assert row_by_id(frames, "indicators", "in-zh077-jingxi-production-projects")["pairing_id"] == "pair-guangdong-guangxi"


@pytest.mark.parametrize("table,rid", [("amounts", "am-zh062-ninghai-qinglong-tea-workshop"),
                                       ("indicators", "in-zh062-qinglong-households-holding-workshop-shares")])
def test_ninghais_tea_workshop_in_qinglong_cites_the_county_pair(frames, table, rid):
    # the same kind as Longgang's, found when it was looked for across the tables (zh-062)
    assert row_by_id(frames, table, rid)["pairing_id"] == "pair-ninghai-qinglong"


SHENZHEN_KASHGAR = [("amounts", "am-2010-2019-shenzhen-kashgar-fiscal-funds"),
                    ("indicators", "in-2010-2019-shenzhen-kashgar-cadres"),
                    ("indicators", "in-2010-2019-shenzhen-kashgar-projects"),
                    ("indicators", "in-2019-shenzhen-kashgar-aid-workers")]


@pytest.mark.parametrize("table,rid", SHENZHEN_KASHGAR)
def test_shenzhens_figures_in_kashgar_cite_their_pairing(frames, table, rid):
    assert row_by_id(frames, table, rid)["pairing_id"] == "pair-shenzhen-kashgar"


def test_the_shenzhen_kashgar_pairing_from_2010(frames):
    pair = row_by_id(frames, "pairings", "pair-shenzhen-kashgar")
    assert (pair["provider_place_id"], pair["recipient_place_id"], int(pair["year_start"]), pair["source_id"]) == (
        "pl-shenzhen", "pl-kashi", 2010, "zh-138-szgz-2023-09-shenzhen-kashgar")  # a repost naming its original
    assert "Taxkorgan" in pair["covers"] and "zh-137" in pair["notes"]  # the clone says the same
    n = row_by_id(frames, "indicators", "in-zh137-2019-xinjiang-assisting-provinces-and-cities")
    assert (int(n["value"]), int(n["year"]), n["place_id"]) == (19, 2019, "pl-xinjiang")
    assert "clone" in n["notes"]


def test_the_scio_briefing_of_december_2016_stands_once(frames):
    events = frames["events"]
    on_the_day = events[(events["start_date"].astype(str).str[:10] == "2016-12-08")]
    assert list(on_the_day["event_id"]) == ["ev-2016-12-08-scio-east-west-press-conference"]
    links = frames["event_people"]
    links = links[links["event_id"] == "ev-2016-12-08-scio-east-west-press-conference"]
    assert sorted(links["person_id"]) == ["p-hong-tianyun", "p-li-chunguang"]


# --- facts added, Chinese pages ---------------------------------------------------------------

def test_the_2017_jiangsu_shaanxi_fairs_hold_their_figures(frames):
    expo = row_by_id(frames, "events", "ev-zh057-2017-silk-road-expo-east-west-fair")
    fair = row_by_id(frames, "events", "ev-zh057-2017-jiangsu-weak-areas-products-fair")
    assert (_year(expo["start_date"]), expo["date_precision"], expo["source_id"]) == (2017, "year", Z057)
    assert (_year(fair["start_date"]), fair["place_id"]) == (2017, "pl-jiangsu")
    assert row_by_id(frames, "amounts", "am-2017-jiangsu-shaanxi-fair-agreements")["event_id"] == expo.name
    assert row_by_id(frames, "indicators", "in-2017-jiangsu-fair-shaanxi-booths")["event_id"] == fair.name


@pytest.mark.parametrize("doc", ["doc-zh057-2017-jiangsu-shaanxi-fund-management-measures",
                                 "doc-zh057-2017-jiangsu-shaanxi-fund-use-measures"])
def test_shaanxis_two_2017_fund_rules(frames, doc):
    row = row_by_id(frames, "documents", doc)
    assert (int(row["year"]), row["pairing_id"], row["kind"]) == (2017, "pair-jiangsu-shaanxi", "measures")


def test_the_bodies_the_news_came_from(frames):
    orgs = frames["organizations"].set_index("org_id")
    assert orgs.loc["org-suzhou-pao", "source_id"] == "zh-079-farmersdaily-2020-01-suzhou-tongren"
    assert orgs.loc["org-zhejiang-qinghai-aid-hq", "source_id"] == "zh-152-qinghaidaily-2025-07-zhejiang-haixi"
    assert orgs.loc["org-tianjin-port-ftz", "source_id"] == "zh-080-xinhua-2020-07-tianjin-port-zhangjiachuan"


def test_zhangjiachuans_exit_early_in_2020(frames):
    notes = row_by_id(frames, "amounts", "am-2017-2020-tianjin-port-zhangjiachuan-funds")["notes"]
    assert "early in 2020" in notes


def test_the_xiamen_linxia_symposium_of_2021(frames):
    ev = row_by_id(frames, "events", "ev-zh086-2021-xiamen-linxia-friendship-symposium")
    assert (_year(ev["start_date"]), ev["kind"]) == (2021, "symposium")


def test_the_jishishan_umbrella_factorys_output_target(frames):
    am = row_by_id(frames, "amounts", "am-zh087-jishishan-umbrella-factory-output-target")
    assert (am["amount"], am["qualifier"], am["pairing_id"], am["provider_place_id"], am["recipient_place_id"]) == (
        100_000_000, "at_least", "pair-xiamen-linxia", "pl-xiamen", "pl-linxia")
    assert not am["recommended_for_aggregates"]
    assert pd.isna(am["year"])  # the page prints none
    assert "org-gansu-xinhongyu" in set(frames["organizations"]["org_id"])


def test_the_financial_units_meeting_of_october_2018(frames):
    ev = row_by_id(frames, "events", "ev-zh111-2018-10-central-financial-units-designated-aid-meeting")
    assert (str(ev["start_date"])[:7], ev["date_precision"], ev["place_id"]) == ("2018-10", "month", "pl-guizhou")
    links = frames["event_people"]
    assert ((links["event_id"] == ev.name) & (links["person_id"] == "p-liu-guoqiang")).any()


@pytest.mark.parametrize("doc,org", [("doc-zh124-cdl-bijie-implementation-plan", "org-cdl-central"),
                                     ("doc-zh124-cpwdp-bijie-implementation-plan", "org-cpwdp-central")])
def test_the_two_parties_plans_for_bijie(frames, doc, org):
    row = row_by_id(frames, "documents", doc)
    assert (row["issuer_org_ids"], row["source_id"]) == (org, Z124)
    assert pd.isna(row["year"])  # after July 2023; no year printed


def test_the_sco_report_and_the_2009_trade_partner(frames):
    assert "September 2021" in row_by_id(frames, "documents", "doc-2022-russian-chinese-dialogue-report")["notes"]
    assert "2009" in row_by_id(frames, "amounts", "am-2010h1-china-africa-trade")["notes"]


def test_the_ten_china_africa_plans_and_the_firms_behind_the_kenyan_and_mozambican_works(frames):
    doc = row_by_id(frames, "documents", "doc-focac-ten-cooperation-plans")
    assert (doc["kind"], doc["source_id"]) == ("plan", Z205)
    assert pd.isna(doc["year"])  # the page names the summit, not its year
    orgs = frames["organizations"].set_index("org_id")
    assert orgs.loc["org-crbc", "source_id"] == orgs.loc["org-cadfund", "source_id"] == Z205


# --- facts added, English pages ---------------------------------------------------------------

def test_ningbos_poverty_work_conference_of_2010(frames):
    ev = row_by_id(frames, "events", "ev-2010-ningbo-municipal-poverty-work-conference")
    assert (_year(ev["start_date"]), ev["place_id"], ev["source_id"]) == (2010, "pl-ningbo", "yearbook-2011-ningbo-guizhou")
