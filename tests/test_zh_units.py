"""A Chinese span is read as strictly as an English one (issue 20): a lone figure whose
measure word plainly counts another unit is not bound (validation/zh_units.py), a host's
pinyin gloss (1000萬(wàn)元) is read as absent, numeric dates (2016-12-08 10:25:34) are
dates, a Chinese numeral inside a word (两岸, 进一步) is no figure, and the traditional
measure words of counts (屆, 部門) read as simplified.

Every text here is made up (CI has no page texts); each case that must fail passed
before these changes.
"""
from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd
import pytest

from povpkg._package import descriptor
from povpkg._rules import rules_module
from validation import zh, zh_units
from validation.provenance import TextIndex, date_stated

R = rules_module()


def _sources(tmp_path, text):
    (tmp_path / "zh.txt").write_text(text, encoding="utf-8")
    return pd.DataFrame({"source_id": ["s"], "file_name": ["zh.txt"],
                         "sha256": [hashlib.sha256(text.encode()).hexdigest()],
                         "characters": pd.array([len(text)], dtype="Int64")})


def _span(n, text):
    return {"source_id": ["s"] * n, "span_start": pd.array([0] * n, dtype="Int64"),
            "span_end": pd.array([len(text)] * n, dtype="Int64")}


def failing(tmp_path, text, *, indicators=(), amounts=(), events=None) -> list[str]:
    """Keys of the rows the span rules fail, each row citing ``text`` whole: indicators
    (id, value, unit, qualifier), amounts (id, value, unit_zh, qualifier), events (a frame's columns)."""
    frames = {"sources": _sources(tmp_path, text)}
    if indicators:
        frames["indicators"] = pd.DataFrame({
            "indicator_id": [r[0] for r in indicators], "value": pd.array([r[1] for r in indicators], dtype="Float64"),
            "unit": pd.array([r[2] for r in indicators], dtype="string"), "qualifier": [r[3] for r in indicators],
            "measure": "count", "year": pd.array([None] * len(indicators), dtype="Int64"), **_span(len(indicators), text)})
    if amounts:
        frames["amounts"] = pd.DataFrame({
            "amount_id": [r[0] for r in amounts], "value_stated": pd.array([r[1] for r in amounts], dtype="Float64"),
            "unit_zh": pd.array([r[2] for r in amounts], dtype="string"), "qualifier": [r[3] for r in amounts],
            "unit_stated": pd.array([None] * len(amounts), dtype="string"), **_span(len(amounts), text)})
    if events is not None:
        frames["events"] = pd.DataFrame({"event_id": ["ev"], **events, **_span(1, text)})
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=tmp_path)
    return sorted(f.key for f in R.provenance.spans_in_source(frames, ctx))


def lone(tmp_path, text, value, unit, qualifier="exact") -> bool:
    """Does an indicator of ``value`` and ``unit`` bind to ``text``, its span?"""
    return failing(tmp_path, text, indicators=[("row", value, unit, qualifier)]) == []


# --- 1. a lone figure whose measure word plainly counts another unit ----------------------

@pytest.mark.parametrize(("text", "value", "unit"), [
    ("全省共有3166个贫困村。", 3166, "villages"),
    ("共帮扶1000户。", 1000, "households"),
    ("帮扶3万贫困户。", 3, "10k households"),
    ("论坛为期5天。", 5, "days"),
    ("每人每年2300元。", 2300, "yuan per year"),
    ("人均250美元。", 250, "USD per capita per year"),
    ("捐款500人民币。", 500, "yuan"),
    ("占比达到35%。", 35, "percent"),
    ("提高3个百分点。", 3, "percentage points"),
    ("引进120家企业。", 120, "enterprises"),
    ("培训1834人次。", 1834, "person-times"),
    ("培训1834人。", 1834, "people"),
    ("受益1.2万人(次)。", 1.2, "10k person-times"),  # 人(次): either
    ("来自40个非洲国家。", 40, "countries"),
    ("覆盖50个国家级贫困县。", 50, "counties"),
    ("覆盖151个未出列贫困村。", 151, "villages"),
    ("贫困村3166个。", 3166, "villages"),              # the noun before a bare measure word
    ("贫困人口达1000万。", 1000, "10k people"),
    ("选派500名干部。", 500, "cadres"),
    ("已连续10年。", 10, "years"),
    ("种植茶叶2万亩。", 2, "10k mu"),
])
def test_a_lone_figure_binds_the_unit_its_measure_word_counts(tmp_path, text, value, unit):
    assert lone(tmp_path, text, value, unit)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("全省共有3166个贫困村。", 3166, "people"),          # the example
    ("全省共有3166个贫困村。", 3166, "households"),
    ("全省共有3166个村。", 3166, "counties"),
    ("共帮扶1000户。", 1000, "villages"),
    ("共帮扶1000户。", 1000, "people"),
    ("帮扶3万贫困户。", 3, "10k people"),
    ("论坛为期5天。", 5, "people"),
    ("每人每年2300元。", 2300, "people"),
    ("每人每年2300元。", 2300, "USD per capita per year"),  # 元 is not 美元
    ("人均250美元。", 250, "yuan"),
    ("捐款500人民币。", 500, "people"),              # 人民币 is yuan, not 人
    ("提高3个百分点。", 3, "percent"),
    ("引进120家企业。", 120, "villages"),
    ("引进120家企业。", 120, "people"),
    ("培训1834人次。", 1834, "people"),
    ("培训1834人。", 1834, "person-times"),
    ("来自40个非洲国家。", 40, "days"),
    ("覆盖50个国家级贫困县。", 50, "villages"),
    ("覆盖151个未出列贫困村。", 151, "counties"),
    ("贫困村3166个。", 3166, "people"),
    ("贫困人口达1000万。", 1000, "10k households"),
    ("选派500名干部。", 500, "enterprises"),
    ("已连续10年。", 10, "days"),
    ("种植茶叶2万亩。", 2, "10k people"),
    ("辖12个乡镇。", 12, "villages"),
    ("涉及6个省。", 6, "counties"),
    ("实施110个外资扶贫项目。", 110, "people"),
    ("已举办8届。", 8, "days"),
])
def test_a_lone_figure_of_another_unit_is_not_bound(tmp_path, text, value, unit):
    assert not lone(tmp_path, text, value, unit)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("共3166个。", 3166, "people"),                # 个 alone: any unit
    ("实施200余例手术。", 200, "operations"),         # a measure word we do not read
    ("每月要买20桶。", 20, "barrels"),
    ("共500名。", 500, "enterprises"),              # 名 alone is generic
    ("承担697个县村的任务。", 697, "units"),          # counties and villages together: neither
    ("援建166套临时校舍。", 166, "classrooms"),
    ("500名村民参加。", 500, "people"),
    ("10个村民小组。", 10, "groups"),               # 村民 is no village
    ("20个乡村振兴示范点。", 20, "sites"),            # 乡村 is no township
    ("在县乡结对(duì)90个。", 90, "pairs"),         # 结对 (pairs) stands between 县 and the figure
])
def test_a_lone_figure_with_a_generic_or_unknown_word_stays_bound(tmp_path, text, value, unit):
    assert lone(tmp_path, text, value, unit, "more_than" if "余" in text else "exact")


def test_an_event_figure_of_another_unit_is_not_bound(tmp_path):
    def ev(participants, days):
        return {"participants": pd.array([participants], dtype="Float64"), "participants_qualifier": ["exact"],
                "duration_days_stated": pd.array([days], dtype="Float64")}
    assert failing(tmp_path, "研讨会为期3天。", events=ev(None, 3)) == []
    assert failing(tmp_path, "研讨会为期3天。", events=ev(3, None)) == ["ev"]       # 3天 counts no people
    assert failing(tmp_path, "来自30个国家。", events=ev(30, None)) == ["ev"]


def test_a_rival_needs_a_distinctive_word():
    assert zh_units.rival_zh("个贫困村", "", "people") == "villages"
    assert zh_units.rival_zh("个", "", "people") is None
    assert zh_units.rival_zh("名", "", "enterprises") is None
    assert zh_units.rival_zh("个", "贫困村", "people") == "villages"
    assert zh_units.rival_zh("个", "贫困村", "villages") is None


def test_a_verb_ending_in_hu_names_no_households():
    """落户 (to settle), 用户, 客户: the 户 of a word is no household."""
    assert zh_units.rival_zh("个产业项目落户昭通", "", "projects") is None
    assert zh_units.rival_zh("个产业项目落户昭通", "", "households") == "projects"
    assert zh_units.rival_zh("个贫困户", "", "projects") == "households"
    assert zh_units.unit_words("10k person-times") == {"k", "person", "time"}


# --- 2. a pinyin gloss inside a unit or measure word ------------------------------------

GLOSSED = "投入资金1000萬(wàn)元,帮扶3個(gè)县,超(chāo)過(guò)1200人受益。"


@pytest.mark.parametrize(("row", "bound"), [
    (("a", 1000, "万元", "exact"), True), (("a", 1000, "元", "exact"), False), (("a", 1000, "亿元", "exact"), False),
])
def test_a_glossed_scale_binds_its_amount(tmp_path, row, bound):
    assert (failing(tmp_path, GLOSSED, amounts=[row]) == []) is bound


@pytest.mark.parametrize(("row", "bound"), [
    (("c", 3, "counties", "exact"), True), (("c", 3, "villages", "exact"), False),
    (("p", 1200, "people", "over"), True), (("p", 1200, "people", "exact"), False),  # 超(chāo)過(guò) is 超过
])
def test_a_glossed_measure_word_or_qualifier_is_read(tmp_path, row, bound):
    assert (failing(tmp_path, GLOSSED, indicators=[row]) == []) is bound


@pytest.mark.parametrize("text", ["投入1000萬(WAN)元", "投入1000萬(wàn yuán)元", "投入1000萬(2019)元",
                                  "投入1000萬(wàn)\n元", "投入1000萬(zhuanga)元"])
def test_only_a_one_syllable_lower_case_gloss_is_dropped(tmp_path, text):
    assert failing(tmp_path, text, amounts=[("a", 1000, "万元", "exact")]) == ["a"]


def test_unglossed_keeps_other_brackets():
    assert zh.unglossed("縣(市、區(qū))") == "縣(市、區)"
    assert zh.unglossed("中心(iprcc)成立") == "中心成立"  # the strict shape: a lower-case word after a character
    assert zh.unglossed("1000(wàn)元") == "1000(wàn)元"   # not after a character


# --- 3. numeric dates --------------------------------------------------------------------

@pytest.mark.parametrize("text", ["发布时间:2016-12-08 10:25:34 来源:新华网", "2016.12.08", "2016/12/08",
                                  "来源:新华网2016-12-08", "2016-12-8"])
def test_a_numeric_date_is_a_day(text):
    index = TextIndex(text)
    assert date_stated(index, 0, len(text), dt.date(2016, 12, 8), "day", end=False)
    assert date_stated(index, 0, len(text), dt.date(2016, 12, 1), "month", end=False)
    for wrong in (dt.date(2016, 12, 9), dt.date(2016, 11, 8), dt.date(2015, 12, 8)):
        assert not date_stated(index, 0, len(text), wrong, "day", end=False)


@pytest.mark.parametrize("text", ["2016-12/08", "见/2016/12/08/c_1.htm", "编号12016-12-08", "2016-12-081",
                                  "第1.2016.12.08项"])
def test_a_number_that_only_looks_like_a_date_is_none(text):
    assert not date_stated(TextIndex(text), 0, len(text), dt.date(2016, 12, 8), "day", end=False)


def test_an_event_dated_by_a_numeric_date(tmp_path):
    text = "2016-12-08 10:25:34 扶贫论坛在北京举行。"

    def ev(day):
        return {"start_date": pd.to_datetime([day]), "end_date": pd.to_datetime([None]),
                "date_basis": ["stated"], "date_precision": ["day"]}
    assert failing(tmp_path, text, events=ev("2016-12-08")) == []
    assert failing(tmp_path, text, events=ev("2016-12-09")) == ["ev"]
    assert failing(tmp_path, text, events=ev("2016-08-12")) == ["ev"]


def test_the_numbers_of_a_numeric_date_are_no_figures(tmp_path):
    # the date's 12 and 08 no longer make 3166 one of several figures, nor a figure of 12
    assert lone(tmp_path, "2016-12-08 全省共有3166个。", 3166, "villages")
    assert not lone(tmp_path, "2016-12-08 全省共有3166个。", 12, "villages")


# --- 4. more of the same family ----------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "unit", "bound"), [
    ("进一步加强合作。", 1, "agreements", False),      # 一 inside 进一步
    ("推动两岸交流。", 2, "projects", False),          # 两岸 is no count
    ("这十分重要。", 10, "people", False),
    ("两国签署协议。", 2, "countries", True),
    ("选派三名干部。", 3, "cadres", True),
    ("为期两天。", 2, "days", True),
    ("共建一带一路。", 1, "countries", False),
    ("两万人受益。", 20000, "people", True),            # 两万 written whole
])
def test_a_chinese_numeral_is_a_figure_only_with_what_it_counts(tmp_path, text, value, unit, bound):
    assert lone(tmp_path, text, value, unit) is bound


@pytest.mark.parametrize(("text", "row", "bound"), [
    ("已舉辦8屆,来自40个国家。", ("r", 8, "sessions", "exact"), True),     # 屆 is 届
    ("已舉辦8屆,来自40个国家。", ("r", 8, "days", "exact"), False),
    ("联合11个部門,涉及40个国家。", ("r", 11, "ministries", "exact"), True),  # 部門 is 部门
    ("联合11个部門,涉及40个国家。", ("r", 11, "countries", "exact"), False),
    ("捐款500人民币,受益300人。", ("r", 500, "people", "exact"), False),       # 人民币 counts no people
    ("捐款500人民币,受益300人。", ("r", 300, "people", "exact"), True),
])
def test_measure_words_of_counts_are_read(tmp_path, text, row, bound):
    assert (failing(tmp_path, text, indicators=[row]) == []) is bound


@pytest.mark.parametrize(("text", "participants", "bound"), [
    ("来自30个国家的200名代表出席,其中100名来自非洲。", 200, True),
    ("来自30个国家的200名代表出席,其中100名来自非洲。", 100, False),   # a part of them
    ("共1.2万人参加,其中学员800人。", 800, False),                    # 1.2万 is 12000
    ("培训1200人次,学员800人。", 800, True),                          # 人次 counts no people
])
def test_no_larger_count_of_people_stands_in_a_chinese_span(tmp_path, text, participants, bound):
    events = {"participants": pd.array([participants], dtype="Float64"), "participants_qualifier": ["exact"]}
    assert (failing(tmp_path, text, events=events) == []) is bound


SEVERAL = "帮扶3166个贫困村,实施500个项目,17户国有企业参与,73万农村劳动力就业,8个市县结对,在2个项目村开展合作。"


@pytest.mark.parametrize(("row", "bound"), [
    (("r", 3166, "projects", "exact"), False),   # 个 binds projects, but 个贫困村 counts villages
    (("r", 3166, "villages", "exact"), True),
    (("r", 500, "projects", "exact"), True),
    (("r", 500, "villages", "exact"), False),
    (("r", 17, "enterprises", "exact"), True),   # 户 counts firms when a firm follows
    (("r", 73, "10k people", "exact"), True),    # 农村 is rural, no village
    (("r", 8, "cities", "exact"), True),         # 市县: cities and counties
    (("r", 2, "villages", "exact"), True),       # 项目村 are villages
])
def test_a_figure_among_several_is_not_bound_to_a_unit_its_words_rule_out(tmp_path, row, bound):
    assert (failing(tmp_path, SEVERAL, indicators=[row]) == []) is bound
