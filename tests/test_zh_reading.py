"""Two reading limits of the Chinese provenance checks, closed (validation.zh, validation.mentions).

A figure with a space before its Chinese unit (金 5107.12 万元, a PDF's text layer) or in
full-width digits with an ideographic space is read in that unit, as strictly as 5107.12万元:
another scale, currency, qualifier or measure word is refused. An event's city may be named
in characters in a Chinese span (Beijing as 北京). Every text here is made up.
"""
from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from povpkg._package import descriptor
from povpkg._rules import rules_module
from validation import zh
from validation.periods import figure_sentences

R = rules_module()

TEXT = ("两地共投入帮扶资金 5107.12 万元，其中产业开发 3952 万元、教育医疗 1291.3 万元；助力 5073 名贫困人口脱贫，"
        "实施 24 个扶贫项目，超过 3000 人受益，逾 800户搬迁。另引进社会资金 ３．５ 亿元，捐款１２８．５\u3000万元。")


def _source(tmp_path, text: str, name: str = "zh.txt") -> pd.DataFrame:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return pd.DataFrame({"source_id": ["s"], "file_name": [name], "sha256": [hashlib.sha256(text.encode()).hexdigest()],
                         "characters": pd.array([len(text)], dtype="Int64")})


def _rows(items, key, col, unit, text=TEXT) -> pd.DataFrame:
    return pd.DataFrame({key: [r[0] for r in items], col: pd.array([r[1] for r in items], dtype="Float64"),
                         unit: pd.array([r[2] for r in items], dtype="string"), "qualifier": [r[3] for r in items],
                         "source_id": ["s"] * len(items), "span_start": pd.array([0] * len(items), dtype="Int64"),
                         "span_end": pd.array([len(text)] * len(items), dtype="Int64")})


def figure_failures(tmp_path, amounts=(), indicators=(), unit_stated=None) -> list[str]:
    """Keys of the rows span-in-source and span-order refuse: amounts (id, value, unit_zh,
    qualifier) and indicators (id, value, unit, qualifier), all citing TEXT whole."""
    am = _rows(amounts, "amount_id", "value_stated", "unit_zh")
    am["unit_stated"] = pd.array([unit_stated] * len(amounts), dtype="string")
    if unit_stated:
        am["unit_zh"] = pd.array([None] * len(amounts), dtype="string")
    ind = _rows(indicators, "indicator_id", "value", "unit")
    ind["measure"], ind["year"] = "count", pd.array([None] * len(indicators), dtype="Int64")
    frames = {"sources": _source(tmp_path, TEXT), "amounts": am, "indicators": ind}
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=tmp_path)
    found = [*R.provenance.spans_in_source(frames, ctx), *R.provenance.span_order(frames, ctx)]
    return sorted(f.key for f in found)


@pytest.mark.parametrize("row", [
    ("total", 5107.12, "万元", "exact"),     # 资金 5107.12 万元
    ("industry", 3952, "万元", None),
    ("social", 3.5, "亿元", "exact"),        # full-width digits, a space either side
    ("donated", 128.5, "万元", "exact"),     # full-width digits, an ideographic space before 万元
])
def test_a_figure_spaced_from_its_chinese_unit_is_read_in_that_unit(tmp_path, row):
    assert figure_failures(tmp_path, amounts=[row]) == []


@pytest.mark.parametrize("row", [
    ("as-yuan", 5107.12, "元", "exact"),         # 万 dropped
    ("as-100m", 5107.12, "亿元", "exact"),       # 万元 read as 亿元
    ("as-usd", 5107.12, "万美元", "exact"),
    ("as-10k", 3.5, "万元", "exact"),            # ３．５ 亿元 read as 万元
    ("qualified", 3952, "万元", "more_than"),    # no 多 or 余 written
])
def test_a_spaced_figure_in_another_unit_or_qualifier_is_refused(tmp_path, row):
    assert figure_failures(tmp_path, amounts=[row]) == [row[0]]


def test_an_english_unit_never_binds_a_spaced_chinese_figure(tmp_path):
    assert figure_failures(tmp_path, amounts=[("yuan", 5107.12, None, "exact")], unit_stated="yuan") == ["yuan"]
    assert figure_failures(tmp_path, amounts=[("k-yuan", 5107.12, None, "exact")],
                           unit_stated="10k yuan") == ["k-yuan"]


@pytest.mark.parametrize(("row", "bound"), [
    (("lifted", 5073, "people", "exact"), True),           # 5073 名
    (("projects", 24, "projects", "exact"), True),          # 24 个扶贫项目
    (("beneficiaries", 3000, "people", "over"), True),      # 超过 3000 人
    (("qualifier-lost", 3000, "people", "exact"), False),   # 超过 read across the space
    (("moved", 800, "households", "more_than"), True),      # 逾 800户
    (("moved-exact", 800, "households", "exact"), False),   # 逾 before a space was not read: taken as exact
    (("as-households", 5073, "households", "exact"), False),
    (("as-10k-people", 5073, "10k people", "exact"), False),
])
def test_a_count_spaced_from_its_measure_word(tmp_path, row, bound):
    assert figure_failures(tmp_path, indicators=[row]) == ([] if bound else [row[0]])


def test_spaced_figures_keep_the_span_order(tmp_path):
    rows = [("industry", 3952, "万元", "exact"), ("health", 1291.3, "万元", "exact")]
    assert figure_failures(tmp_path, amounts=rows) == []
    swapped = [("industry", 1291.3, "万元", "exact"), ("health", 3952, "万元", "exact")]
    assert figure_failures(tmp_path, amounts=swapped) == ["health"]


@pytest.mark.parametrize(("text", "figure", "scale", "qualifier", "rest"), [
    ("金 5107.12 万元。", "5107.12", "万", None, "元"),
    ("近 3.2 万人受益", "3.2", "万", "nearly", "人"),
    ("160 多亿元", "160", "亿", "more_than", "元"),
    ("1.2万 余人", "1.2", "万", "more_than", "人"),
])
def test_the_words_around_a_spaced_figure(text, figure, scale, qualifier, rest):
    at = text.index(figure)
    m = zh.Mention(text, at, at + len(figure))
    assert (m.scale, m.qualifier, m.rest[:1]) == (scale, qualifier, rest)


@pytest.mark.parametrize(("text", "figure", "chinese"), [
    ("合计 4000 乐都区 819 平安区", "4000", False),   # a table's next cell is not the figure's unit
    ("在 2019 Beijing", "2019", False),
    ("实施 24 个项目", "24", True),
    ("捐款 12 万元", "12", True),
    ("共12个", "12", True),
    ("24   个项目", "24", False),                     # three spaces: not one word's gap
])
def test_only_a_word_that_reads_a_figure_is_read_across_a_space(text, figure, chinese):
    at = text.index(figure)
    assert zh.is_chinese_mention(text, at + len(figure)) is chinese


def test_a_spaced_chinese_figure_is_dated_by_its_own_clause():
    text = "2016年以来累计投入资金 5107.12 万元，2021年投入 20 万元，用于产业。"
    sentence = figure_sentences(text, 0, len(text), 20)
    assert sentence and all("累计" not in s for s in sentence)


# --- an event's city named in characters -------------------------------------------

PLACES = pd.DataFrame({"place_id": ["pl-beijing", "pl-kunming", "pl-nanning"], "name": ["Beijing", "Kunming", "Nanning"],
                       "name_zh": ["北京市", "昆明市", "南宁市"]})


def city_failures(tmp_path, text: str, city: str, places=PLACES) -> list[tuple[str, str]]:
    events = pd.DataFrame({"event_id": ["ev"], "city": [city], "parent_event_id": [None], "source_id": ["s"],
                           "span_start": pd.array([0], dtype="Int64"), "span_end": pd.array([len(text)], dtype="Int64")})
    frames = {"sources": _source(tmp_path, text, "e.txt"), "events": events, "places": places}
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=tmp_path)
    return [(f.rule, f.value) for f in R.rules.RULES["name-in-span"](frames, ctx)]


@pytest.mark.parametrize(("text", "city"), [
    ("2018年8月14日，论坛在北京举行。", "Beijing"),          # 北京市 without its 市
    ("会议于2006年7月12日在南宁市开幕。", "Nanning"),
    ("培训班在昆明开班。", "Kunming City"),
    ("研讨会在罗马举行。", "Rome"),                        # a city without a places row: CITY_ZH
    ("The forum opened in Beijing.", "Beijing"),
    ("论坛在北京举行。", "北京"),                          # a city recorded in characters, as before
])
def test_a_chinese_span_may_name_the_city_in_characters(tmp_path, text, city):
    assert city_failures(tmp_path, text, city) == []


@pytest.mark.parametrize(("text", "city"), [
    ("论坛在北京举行。", "Kunming"),            # another city
    ("会议在南京举行。", "Nanning"),            # 南京 is not 南宁
    ("The forum opened in 北京.", "Kunming"),
    ("The forum opened in Kunming.", "Beijing"),
    ("研讨会在罗马举行。", "Geneva"),           # a city with no Chinese name known
])
def test_a_city_named_in_neither_language_still_fails(tmp_path, text, city):
    assert city_failures(tmp_path, text, city) == [("place-in-span", city)]


def test_a_chinese_name_counts_only_in_a_chinese_span(tmp_path):
    """The validator trusts no copy's places: a name_zh that is not in characters (a copy
    without the column's pattern) never lets an English span that names another city pass."""
    assert city_failures(tmp_path, "The forum opened in Kunming.", "Beijing",
                         places=PLACES.assign(name_zh=["Kunming", None, None])) == [("place-in-span", "Beijing")]
