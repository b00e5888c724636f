"""The completeness pass over the English pages of group 3 (docs/audit.md, section 7; its count table
is checked by test_audit_tables.py): the rows it mended or added stay as the pages state them."""
from __future__ import annotations


def row(frames, table: str, key: str):
    frame = frames[table]
    hit = frame[frame.iloc[:, 0] == key]
    assert len(hit) == 1, key
    return hit.iloc[0]


def test_hami_projects_share_the_period_of_the_money_raised_for_them(frames):
    projects = row(frames, "indicators", "in-2001-guangdong-hami-projects")
    money = row(frames, "amounts", "am-2001-guangdong-hami-donations")
    assert projects["period"] == money["period"] == "unstated_years"


def test_figures_the_pages_date_have_a_year_and_a_period(frames):
    speech = row(frames, "indicators", "in-fcssc-china-lifted-600m")
    assert (speech["year"], speech["period"]) == (2015, "unstated_years")
    pilot = row(frames, "indicators", "in-mitv-myanmar-pilot-duration")
    assert (pilot["period_start_year"], pilot["year"], pilot["period"]) == (2018, 2021, "stated_years")


def test_the_twinned_cities_are_places_of_their_province(frames):
    places = frames["places"].set_index("place_id")
    shandong = ["pl-zaozhuang", "pl-dongying", "pl-jining", "pl-taian", "pl-weihai",
                "pl-rizhao", "pl-linyi", "pl-dezhou", "pl-liaocheng", "pl-binzhou"]
    liaoning = ["pl-tieling", "pl-jinzhou", "pl-huludao", "pl-benxi", "pl-fuxin", "pl-shenyang",
                "pl-liaoyang", "pl-panjin", "pl-anshan", "pl-fushun", "pl-dandong",
                "pl-chaoyang", "pl-yingkou"]
    for ids, parent, prefix in ((shandong, "pl-shandong", "37"), (liaoning, "pl-liaoning", "21")):
        for place in ids:
            assert places.loc[place, "parent_id"] == parent, place
            assert str(places.loc[place, "gbt2260"]).startswith(prefix), place


def test_the_lianjiang_rongshui_signing_is_dated_to_its_month(frames):
    signing = row(frames, "events", "ev-2017-09-lianjiang-rongshui-agreement-signing")
    assert (str(signing["start_date"])[:10], signing["date_precision"], signing["date_basis"]) == (
        "2017-09-01", "month", "stated")


def test_zhejiang_sichuan_results_run_with_their_paragraph(frames):
    ids = ["in-1996-2009-zhejiang-sichuan-farmers-benefited",
           "in-1996-2009-zhejiang-sichuan-students-conditions",
           "in-1996-2009-zhejiang-sichuan-schools-improved"]
    sibling = row(frames, "indicators", "in-1996-2009-zhejiang-sichuan-villages")
    for key in ids:
        got = row(frames, "indicators", key)
        assert (got["period_start_year"], got["year"], got["period"]) == (
            sibling["period_start_year"], sibling["year"], sibling["period"]), key


def test_stocks_carry_the_year_of_their_page(frames):
    for key, year in (("in-chinagate-china-lifted-700m", 2016), ("in-chinagate-laos-pilot-villages", 2016),
                      ("in-xinhua2018-min-pyin-families", 2018), ("in-xinhua2018-naypyitaw-townships", 2018)):
        assert row(frames, "indicators", key)["year"] == year, key


def test_liaonings_2011_rise_is_the_difference_of_its_two_years(frames):
    rise = row(frames, "indicators", "in-2011-liaoning-qinghai-provincial-increase")
    now = row(frames, "amounts", "am-2011-liaoning-qinghai-provincial")
    before = row(frames, "amounts", "am-2010-liaoning-qinghai-provincial")
    assert round(rise["value"] * 1_000_000) == now["amount"] - before["amount"]


def test_the_2013_forum_names_both_organizers(frames):
    links = frames["event_organizations"]
    organizers = links[(links["event_id"] == "ev-2013-10-17-global-poverty-forum")
                       & (links["role"] == "organizer")]
    assert {"org-china-gov", "org-un-system-china"} <= set(organizers["org_id"])
