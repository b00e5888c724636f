"""period-matches-words: a figure its own words (or its span's sentence) call cumulative
says so in ``period``. In-process on frames loaded once, and on a made-up text."""
from __future__ import annotations

import hashlib

import pandas as pd
import pytest

import povpkg
from povpkg._package import descriptor
from povpkg._rules import rules_module

R = rules_module()


@pytest.fixture(scope="module")
def frames():
    return {t: povpkg.load(t) for t in ("amounts", "indicators", "sources")}


def failures(frames, sources=None):
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=sources)
    return [(f.table, f.key, f.field) for f in R.periods.period_matches_words(frames, ctx)]


def with_row(frames, table, key, **cells):
    out = dict(frames)
    df = frames[table].copy()
    i = df.index[df[df.columns[0]] == key][0]
    for field, value in cells.items():
        df[field] = df[field].astype(object)
        df.at[i, field] = value
    out[table] = df
    return out


def test_the_shipped_rows_pass(frames):
    assert failures(frames) == []


@pytest.mark.parametrize("text", ["cumulative to 2009", "Since 1996, the city gave", "from 2004 to 2012",
                                  "over the past three years", "as of the end of 2019", "in total, by the report",
                                  "2016-2020 support", "up to now", "By 2010, a total of", "自2016年以来", "累计投入"])
def test_words_that_say_several_years(text):
    assert R.periods.says_several_years(text, weak=None)  # our own words: every phrase counts


@pytest.mark.parametrize("text", ["in 2011", "planned for 2018", "2012-2012", "a total of 37.18 million yuan",
                                  "the Outline (2011-2020) guides it", "by March",
                                  "year not stated (2008 or 2009)", None])
def test_words_that_do_not(text):
    assert R.periods.says_several_years(text, weak=None) is None


@pytest.mark.parametrize(("text", "said"), [
    ("donated 50.8 million yuan in total", None),  # a source's "in total" may be one year's
    ("since it is the poorest county", None),  # a reason, not a start
    ("since the 1,000 or so families there lack water", None),  # a reason: "the" before a number
    ("since the pairing began, it gave", "since"),
    ("under the “Guidance on 2009-2010 East-West Pairing-off”, it gave", None),  # a title's years
    ("Since April 2006, Shanghai gave", "Since"),
    ("As of 2009, Shanghai had put in", "As of 2009"),
])
def test_a_sources_words_are_read_strictly(text, said):
    assert R.periods.says_several_years(text) == said


@pytest.mark.parametrize(("table", "key", "field", "words"), [
    ("amounts", "am-2011-beijing-im-allocated", "notes", "Cumulative since the 1996 pairing."),
    ("amounts", "am-2009-shanghai-yunnan-actual", "purpose", "aid project funds over the past five years"),
    ("indicators", "in-2012-lgop-delegations-sent-abroad", "notes", "Delegations sent from 2004 to 2012."),
    ("indicators", "in-2012-lgop-delegations-sent-abroad", "subject", "LGOP, 累计"),
])
def test_a_fresh_cumulative_row_coded_as_one_year_fails(frames, table, key, field, words):
    assert failures(with_row(frames, table, key, **{field: words})) == [(table, key, "period")]


def test_a_cumulative_period_with_its_words_passes(frames):
    changed = with_row(frames, "amounts", "am-2011-beijing-im-allocated", notes="Cumulative since 2009.",
                       period="stated_years", period_start_year=2009)
    assert failures(changed) == []
    assert failures(with_row(changed, "amounts", "am-2011-beijing-im-allocated", period="unstated_years",
                             period_start_year=pd.NA)) == []


@pytest.mark.parametrize(("cells", "field"), [
    ({"period": "stated_years"}, "period_start_year"),  # a start year is missing
    ({"period": "one_year", "period_start_year": 2005}, "period"),  # a start year on a one-year figure
    ({"period": "stated_years", "period_start_year": 2011}, "period_start_year"),  # start not before year
])
def test_period_and_start_year_agree(frames, cells, field):
    key = "am-2011-beijing-im-allocated"
    assert failures(with_row(frames, "amounts", key, **cells)) == [("amounts", key, field)]


TEXT = "In 2011 the city gave 2.5 million yuan to schools. Since 2001 it has given 40 million yuan in donations."


def text_frames(tmp_path, value):
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    sources = pd.DataFrame({"source_id": ["s"], "file_name": ["t.txt"],
                            "sha256": [hashlib.sha256(TEXT.encode()).hexdigest()],
                            "characters": pd.array([len(TEXT)], dtype="Int64")})
    amounts = pd.DataFrame({"amount_id": ["a"], "purpose": ["donations"], "notes": [pd.NA], "year": [2011],
                            "period": ["one_year"], "period_start_year": pd.array([pd.NA], dtype="Int64"),
                            "value_stated": [value], "source_id": ["s"], "span_start": [0], "span_end": [len(TEXT)]})
    indicators = amounts.iloc[0:0].rename(columns={"amount_id": "indicator_id", "purpose": "subject",
                                                   "value_stated": "value"})
    return {"sources": sources, "amounts": amounts, "indicators": indicators}


def test_with_the_texts_the_figures_own_sentence_is_read(tmp_path):
    """Only the sentence that writes the figure counts: 40 million is cumulative, 2.5 million is not."""
    assert failures(text_frames(tmp_path, 40.0), sources=tmp_path) == [("amounts", "a", "period")]
    assert failures(text_frames(tmp_path, 2.5), sources=tmp_path) == []
    assert failures(text_frames(tmp_path, 40.0)) == []  # without --sources the span is not read


LONG = ("Up to now, the city has put in 48.7 million yuan and built 600 projects. From 2009 to 2010 the province "
        "took charge of 237 villages (123 in 2009 and 114 in 2010) in 11 counties.")


@pytest.mark.parametrize(("figure", "span", "table", "flagged"), [
    (48.7, "48.7 million yuan", "amounts", True),  # a narrow span: its sentence says "Up to now"
    (600, "600 projects", "indicators", False),  # for a count, "up to now" is a time, not a period
    (123, "123 in 2009", "indicators", False),  # the figure names its one year
    (11, "11 counties", "indicators", True),  # the 11 counties of the 2009-2010 drive
])
def test_the_sentence_around_a_narrow_span_is_read(figure, span, table, flagged):
    at = LONG.index(span)
    said = R.periods._span_says(LONG, at, at + len(span), figure, strong_only=table != "amounts")
    assert bool(said) is flagged, said


def test_a_duration_is_not_a_figure_over_years(frames):
    """A planned length in years is a length of time: its sentence's other years are not its period."""
    key = frames["indicators"].query("unit == 'years'").indicator_id.iloc[0]
    assert not failures(with_row(frames, "indicators", key, notes="the project, over the past three years"))
    other = frames["indicators"].query("unit != 'years' and period != period").indicator_id.iloc[0]
    assert failures(with_row(frames, "indicators", other, notes="over the past three years"))


def test_the_named_cumulative_rows_carry_their_periods(frames):
    am = frames["amounts"].set_index("amount_id")
    assert am.loc["am-2010-liaoning-an-county", ["period", "period_start_year"]].tolist() == ["stated_years", 2008]
    assert am.loc["am-004-deang-yn-matching", ["year", "period_start_year"]].tolist() == [2009, 2006]
    for key in ("am-2010-foreign-funds-pr-china", "am-2001-guangdong-hami-donations", "am-dalian-liupanshui-cumulative"):
        assert am.at[key, "period"] == "unstated_years", key
    assert am.loc["am-2010-liaoning-counterpart-total", "period_start_year"] == 1995
    ind = frames["indicators"].set_index("indicator_id")
    assert set(ind.loc[ind.index.str.startswith("in-2004-2012-lgop-overseas"), "period_start_year"]) == {2004}
    assert ind.at["in-004-deang-villages", "period_start_year"] == 2006


@pytest.mark.parametrize(("text", "year", "said"), [
    ("1996年以来累计投入", None, "以来"),  # since 1996: several years
    ("今年以来，投入援助资金", None, None),  # since the start of this year
    ("消费扶贫月以来，销售", None, None),  # since the month's campaign began
    ("活动自9月1日启动以来，已销售", None, None),  # since 1 September
    ("自去年11月份签署协议以来", None, "以来"),  # since last November: two years
    ("2020年以来，杭州市累计引导", 2020, None),  # this year's figure, all told
    ("2016年以来，杭州市累计引导", 2020, "以来"),
    ("截至今年11月，全部脱贫", None, None),  # 截至今年: 'as of this year', not 至今
])
def test_chinese_words_of_time(text, year, said):
    assert R.periods.says_several_years(text, year=year) == said


def test_a_chinese_figure_is_read_to_the_end_of_its_clause():
    """截至7月底,今年...新增103.1亿元,五年累计到疆573.2亿元: the 累计 is the next figure's."""
    text = "截至7月底,今年援疆资金到疆新增103.1亿元,五年累计到疆573.2亿元。"
    at = text.index("103.1")
    assert R.periods._span_says(text, at, at + 5, 103.1, year=2015) is None
    at = text.index("573.2")
    assert R.periods._span_says(text, at, at + 5, 573.2, year=2015)


@pytest.mark.parametrize(("text", "figure", "said"), [
    ("改革开放以来,经不懈努力,到2004年,我区49个贫困县人均收入增长", "49", False),  # dated by its clause
    ("过去五年,我国累计减贫6853万人,目前还有贫困人口3046万", "3046", False),  # a stock now
    ("过去五年,我国累计减贫6853万人,目前还有贫困人口3046万", "6853", True),
    ("1996年以来累计投入20亿元", "20", True),
])
def test_a_chinese_figure_is_read_from_the_clause_that_dates_it(text, figure, said):
    at = text.index(figure)
    assert bool(R.periods._span_says(text, at, at + len(figure), float(figure), strong_only=True)) is said


def test_an_incidence_is_a_level_not_a_period(frames):
    key = frames["indicators"].query("measure == 'poverty_incidence'").indicator_id.iloc[0]
    assert not failures(with_row(frames, "indicators", key, notes="since 2012, cumulative"))


def test_a_chinese_full_stop_ends_the_sentence_even_before_a_digit():
    text = "开工率达97.8%。2010年以来累计到位资金"
    at = text.index("97.8")
    assert R.periods._span_says(text, at, at + 4, 97.8, strong_only=True, year=2014) is None
