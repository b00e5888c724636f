"""Issue 20, the third random draw over every table (docs/audit.md section 8): a figure the
page dates by one year stays one year's figure even where the page calls it a total (累计):
'2019年 , 他组织...累计实现销售93万元' (a spaced opening), '2021年,浙江累计选派155名干部',
'今年疫情发生以来,天津已累计拨付26.2亿元'. Such rows had been coded unstated_years (several
years), which the descriptor keeps for figures that cover several years."""
from __future__ import annotations

import pytest

from conftest import ROOT, SOURCES
from textfolders import copied_texts
from validation import periods as P

PAGES_ZH = ROOT.parent / "pages-zh"
ONE_YEAR = {
    ("amounts", "am-zh070-2019-xundian-sales-in-shanghai"): 2019,  # drawn: zh-22's sibling, same sentence
    ("indicators", "in-zh070-2019-xundian-households-benefiting-from-sales"): 2019,  # drawn: zh-22
    ("amounts", "am-zh093-2021-zhejiang-sichuan-fiscal-aid-full-year"): 2021,
    ("indicators", "in-zh093-2021-zhejiang-cadres-in-sichuan"): 2021,
    ("amounts", "am-zh083-2020-tianjin-aid-paid-since-epidemic"): 2020,
}
KEY = {"amounts": "amount_id", "indicators": "indicator_id"}


@pytest.mark.parametrize(("table", "key"), sorted(ONE_YEAR))
def test_a_total_the_page_dates_by_one_year_is_that_years_figure(frames, table, key):
    row = frames[table].set_index(KEY[table]).loc[key]
    assert row["period"] == "one_year" and int(row["year"]) == ONE_YEAR[table, key]
    assert "cumulative" not in row["notes"]  # the notes no longer call it several years


def _says(text, year):
    return P.says_several_years(text, year=year)


def test_a_spaced_opening_year_dates_the_total():
    text = " 2019年 , 他组织寻甸特色农产品商赴上海进行展销 , 累计实现销售93万元 , 直接受益农户1071人 。"
    assert _says(text, 2019) is None
    assert _says(text, 2018) == "累计"  # another year's figure: the total is not of one year
    assert _says(text.replace("展销 , ", "展销 , 2016年以来"), 2019) == "以来"  # a start written before the total


def test_a_total_since_a_start_within_the_year_is_of_that_year():
    text = "今年疫情发生以来,天津已累计拨付甘肃、新疆等7个受援地区各类帮扶资金26.2亿元。"
    assert _says(text, 2020) is None
    assert _says(text.replace("今年", "2016年"), 2020) == "以来"
    assert _says(text.replace("今年疫情发生以来,", "今年疫情发生以来,2017年至今"), 2020)  # another year between


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    return copied_texts(tmp_path_factory, SOURCES, PAGES_ZH)


def _periods(draft, texts):
    got = draft.failures("period-matches-words", "this-year-is-one-year", sources=texts,
                         tables=("amounts", "indicators", "sources"))
    return sorted(f.key for f in got)


def test_the_rules_hold_the_corrected_rows_and_still_catch_a_total_of_several_years(draft, texts):
    assert _periods(draft, texts) == []
    # the same rows described as several years' totals by their own words are caught
    draft.update("amounts", {"amount_id": "am-zh083-2020-tianjin-aid-paid-since-epidemic"},
                 notes="Cumulative since 2016.")
    assert _periods(draft, texts) == ["am-zh083-2020-tianjin-aid-paid-since-epidemic"]


def test_a_total_since_this_years_start_coded_as_several_years_is_caught(draft, texts):
    draft.update("amounts", {"amount_id": "am-zh083-2020-tianjin-aid-paid-since-epidemic"}, period="unstated_years")
    assert _periods(draft, texts) == ["am-zh083-2020-tianjin-aid-paid-since-epidemic"]  # this-year-is-one-year
