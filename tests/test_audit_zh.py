"""Issue 20 audit of the Chinese rows (docs/audit.md): the kinds of error the reading found
stay caught. A figure with a year says its period; traditional-script 累計/以來 and the
Chinese for "over the past years" (四年多来, 近三年, 过去30年) are read as several years."""
from __future__ import annotations

import pytest

import povpkg
from povpkg._package import descriptor
from povpkg._rules import rules_module

R = rules_module()


@pytest.fixture(scope="module")
def frames():
    return {t: povpkg.load(t) for t in ("amounts", "indicators", "sources")}


def _with(frames, table, key, **cells):
    """``frames`` with the row keyed ``key`` of ``table`` changed (a copy: the frames are shared)."""
    df = frames[table].astype({c: object for c in cells})
    df.loc[df.iloc[:, 0] == key, list(cells)] = list(cells.values())
    return {**frames, table: df}


def _year_needs_period(frames):
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=None)
    return [(f.table, f.key) for f in R.rules.RULES["year-needs-period"](frames, ctx)]


def test_every_figure_with_a_year_says_its_period(frames):
    assert _year_needs_period(frames) == []
    for table, key in (("amounts", "am-2023-east-west-fiscal-aid"), ("indicators", "in-2023-east-west-parks")):
        assert _year_needs_period(_with(frames, table, key, period=None)) == [(table, key)]


def test_a_figure_without_a_year_may_leave_its_period_empty(frames):
    ind = frames["indicators"].set_index("indicator_id")
    assert ind.loc["in-shanping-village-income-before", ["year", "period"]].isna().all()  # the page dates neither


@pytest.mark.parametrize(("text", "said"), [
    ("自東西部扶貧協作開展以來,累計選派", "以來"),
    ("近年來,四市累計投入", "近年來"),
    ("累計完成投資項目45個", "累計"),
    ("对口凉山扶贫协作四年多来,累计投入", "四年多来"),
    ("十余年来,深圳先后派出", "十余年来"),
    ("而在过去三年,东部投入", "过去三年"),
    ("改革开放40年来,中国", "40年来"),
    ("近三年,东部4市", "近三年"),
    ("这两年,杭州市投入", "这两年"),
    ("多年来持续帮扶", "多年来"),
])
def test_chinese_words_for_several_years(text, said):
    assert R.periods.says_several_years(text) == said


@pytest.mark.parametrize("text", ["今年以來,投入", "未来3年,中方将提供", "2019年8月,东部投入", "在5年内提供"])
def test_chinese_words_within_one_year_or_ahead(text):
    assert R.periods.says_several_years(text) is None


def _span_says(text, figure, year):
    at = text.index(figure)
    return R.periods._span_says(text, at, at + len(figure), float(figure), year=year)


def test_a_total_of_the_figures_own_year_is_one_year():
    text = "2021年,37家中央單位在我省50個脫貧縣開展定點幫扶工作,累計投入和引進幫扶資金20.63億元。"
    assert _span_says(text, "20.63", 2021) is None
    assert _span_says(text.replace("2021年", "截至2021年"), "20.63", 2021)  # as of: since some earlier start
    assert _span_says(text.replace("工作,", "工作,2016年以来"), "20.63", 2021)  # another year dates the 累計


def test_a_stock_now_is_not_dated_by_the_years_before_it():
    text = "在过去30年中,全球贫困人口逐步减少,但当今世界仍有8亿多人生活在极端贫困线以下。"
    assert _span_says(text, "8", 2017) is None
    assert _span_says(text.replace("但当今世界", "但"), "8", 2017)


def test_the_audited_rows_carry_their_periods(frames):
    am = frames["amounts"].set_index("amount_id")
    ind = frames["indicators"].set_index("indicator_id")
    assert am.at["am-four-cities-gansu-fiscal-aid-cumulative-2020", "period"] == "unstated_years"
    assert am.at["am-2021-designated-shaanxi-total", "period"] == "one_year"
    assert am.at["am-east-west-fiscal-aid-three-years-to-2019", "period"] == "unstated_years"
    assert am.loc["am-zh202-lmc-special-fund", ["period_start_year", "year"]].tolist() == [2016, 2020]
    for key in ("in-four-cities-gansu-projects-cumulative-2020", "in-2022-guangdong-guangxi-jobs-from-parks",
                "in-2019-jianggan-union-rest-visitors", "in-zh203-lmc-myanmar-coffee-farmers-trained"):
        assert ind.at[key, "period"] == "unstated_years", key
    assert ind.at["in-2018-zh179-share-of-global-poverty-reduction", "period_start_year"] == 1978
    assert ind.at["in-2023-east-west-parks", "period"] == "one_year"


def _this_year(tmp_path, text, period, notes=None):
    import hashlib

    import pandas as pd

    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    sources = pd.DataFrame({"source_id": ["s"], "file_name": ["t.txt"],
                            "sha256": [hashlib.sha256(text.encode()).hexdigest()],
                            "characters": pd.array([len(text)], dtype="Int64")})
    amounts = pd.DataFrame({"amount_id": ["a"], "purpose": ["funds"], "notes": [notes], "year": [2016],
                            "period": [period], "period_start_year": pd.array([pd.NA], dtype="Int64"),
                            "value_stated": [4040.0], "source_id": ["s"], "span_start": [0], "span_end": [len(text)]})
    indicators = amounts.iloc[0:0].rename(columns={"amount_id": "indicator_id", "purpose": "subject",
                                                   "value_stated": "value"})
    frames = {"sources": sources, "amounts": amounts, "indicators": indicators}
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=tmp_path)
    return [f.key for f in R.rules.RULES["this-year-is-one-year"](frames, ctx)]


def test_a_figure_of_this_year_is_not_coded_as_several_years(tmp_path):
    text = "今年,厦门市已初步安排东西扶贫协作项目14项,资金4040万元。"
    assert _this_year(tmp_path, text, "unstated_years") == ["a"]
    assert _this_year(tmp_path, text, "unstated_years", notes="Planned as of June 2016.") == ["a"]  # a time, not years
    assert _this_year(tmp_path, text, "one_year") == []
    assert _this_year(tmp_path, "今年统计,2012年以来厦门市累计安排项目14项,资金4040万元。", "unstated_years") == []
    assert _this_year(tmp_path, text, "unstated_years", notes="Since 2012, cumulative.") == []


def test_the_facts_the_completeness_reading_added(frames):
    ind = frames["indicators"].set_index("indicator_id")
    assert ind.at["in-2020-east-west-aid-share-of-agreement", "period"] == "one_year"
    assert ind.loc["in-1996-2007-east-west-eastern-provinces-and-cities", ["value", "period_start_year"]].tolist() == [15, 1996]
    assert ind.at["in-2017-shaanxi-power-to-jiangsu-sent", "value"] == 8.2
    am = frames["amounts"].set_index("amount_id")
    parts = am[am["part_of"] == "am-zh088-2013-per-county-funds"]["value_stated"]
    assert sorted(parts) == [100, 200] and am.at["am-zh088-2013-per-county-funds", "value_stated"] == 300
    pr = povpkg.load("pairings").set_index("pairing_id")
    assert pr.loc["pair-hangzhou-enshi", ["recipient_place_id", "year_start"]].tolist() == ["pl-enshi", 2016]
    ev = povpkg.load("events").set_index("event_id")
    assert ev.at["ev-2008-03-21-national-east-west-conference-dongguan", "city"] == "东莞"
    assert set(ind.loc[["in-2016-east-west-eastern-counties-paired", "in-2016-east-west-western-counties-paired"],
                       "project_id"]) == {"pj-hand-in-hand-action"}
