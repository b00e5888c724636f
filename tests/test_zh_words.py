"""Chinese figures as the pages write them (issue 20): indicators in yuan (3800元, 1.2万元),
round numbers in words (近千人, 上万户, 千余名, 万余人, 六成, 近八成), digits grouped by
threes with a space (4 000万元), a city in traditional characters (六盤水), and weeks as
days (两周 = 14).

Every text is made up; each case that binds failed before these readings, and each
must-refuse case shows the reading stays strict (a wrong value, unit, scale or qualifier).
"""
from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from povpkg._package import descriptor
from povpkg._rules import rules_module
from validation import provenance, zh
from validation.mentions import city_in_zh, city_names_zh

R = rules_module()


def _frames(tmp_path, text, indicators=(), amounts=(), days=None):
    (tmp_path / "zh.txt").write_text(text, encoding="utf-8")
    n, m = len(indicators), len(amounts)
    span = lambda k: {"source_id": ["s"] * k, "span_start": pd.array([0] * k, dtype="Int64"),  # noqa: E731
                      "span_end": pd.array([len(text)] * k, dtype="Int64")}
    frames = {"sources": pd.DataFrame({"source_id": ["s"], "file_name": ["zh.txt"],
                                       "sha256": [hashlib.sha256(text.encode()).hexdigest()],
                                       "characters": pd.array([len(text)], dtype="Int64")})}
    if n:
        frames["indicators"] = pd.DataFrame({
            "indicator_id": [r[0] for r in indicators], "value": pd.array([r[1] for r in indicators], dtype="Float64"),
            "unit": pd.array([r[2] for r in indicators], dtype="string"), "qualifier": [r[3] for r in indicators],
            "measure": "count", "year": pd.array([None] * n, dtype="Int64"), **span(n)})
    if m:
        frames["amounts"] = pd.DataFrame({
            "amount_id": [r[0] for r in amounts], "value_stated": pd.array([r[1] for r in amounts], dtype="Float64"),
            "unit_zh": pd.array([r[2] for r in amounts], dtype="string"), "qualifier": [r[3] for r in amounts],
            "unit_stated": pd.array([None] * m, dtype="string"), **span(m)})
    if days is not None:
        frames["events"] = pd.DataFrame({"event_id": ["ev"], "participants": pd.array([None], dtype="Float64"),
                                         "participants_qualifier": [None],
                                         "duration_days_stated": pd.array([days], dtype="Float64"), **span(1)})
    return frames


def days_bound(tmp_path, text, days) -> bool:
    """Does an event's stated duration of ``days`` bind to ``text``, its span?"""
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=tmp_path)
    return not list(R.provenance.spans_in_source(_frames(tmp_path, text, days=days), ctx))


def bound(tmp_path, text, value, unit, qualifier="exact", *, amount=False) -> bool:
    """Does one row of ``value`` (an indicator's unit, or an amount's unit_zh) bind to ``text``?"""
    row = [("row", value, unit, qualifier)]
    frames = _frames(tmp_path, text, amounts=row) if amount else _frames(tmp_path, text, indicators=row)
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=tmp_path)
    return not list(R.provenance.spans_in_source(frames, ctx))


# 1. indicators in yuan: the span holds other figures, so the measure word decides
INCOME = "2021年示范村人均可支配收入1.2万元，村集体收入50万元，带动320户"
WAGE = "2019年务工人员1200人，月工资3800元"


@pytest.mark.parametrize("text, value, unit", [(INCOME, 1.2, "10k yuan"), (INCOME, 50, "10k yuan"),
                                               (WAGE, 3800, "yuan")])
def test_an_indicator_in_yuan_binds_to_its_yuan(tmp_path, text, value, unit):
    assert bound(tmp_path, text, value, unit)


@pytest.mark.parametrize("text, value, unit", [
    (INCOME, 1.2, "yuan"),  # 万元 is no yuan: the scale differs
    (WAGE, 3800, "10k yuan"),  # 元 is no 10k yuan
    (WAGE, 3800, "people"),  # 元 counts no people
    (WAGE, 1200, "yuan"),  # 1200人 is no sum of money
    ("2019年援助资金3800美元，培训120人", 3800, "yuan"),  # dollars are no yuan
])
def test_a_wrong_unit_or_scale_for_yuan_still_fails(tmp_path, text, value, unit):
    assert not bound(tmp_path, text, value, unit)


# 2. round numbers in words, only with a measure word or unit after them
@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("深圳选派近千名干部人才，援建3个产业园", 1000, "people", "nearly"),
    ("央企帮扶上万个村，投入20亿元", 10000, "villages", "at_least"),
    ("建成上百个示范村镇，培训300人", 100, "villages", "at_least"),
    ("遍布上百个协作示范村镇，培训300人", 100, "villages and towns", "at_least"),
    ("帮助牧民万余人，建设5个项目", 10000, "people", "more_than"),
    ("选派千余名教师，援建12所学校", 1000, "teachers", "more_than"),
    ("六成资金用于合作社，覆盖12个县", 60, "percent", "exact"),
    ("近八成县编制了产业规划，共832个县", 80, "percent", "nearly"),
    ("八成以上县编制了产业规划，共832个县", 80, "percent", "at_least"),
])
def test_a_round_number_in_words_binds(tmp_path, text, value, unit, qualifier):
    assert bound(tmp_path, text, value, unit, qualifier)


def test_a_round_sum_in_words_binds_as_an_amount(tmp_path):
    assert bound(tmp_path, "每户补助近万元，共120户", 10000, "元", "nearly", amount=True)
    assert not bound(tmp_path, "每户补助近万元，共120户", 1, "万元", "nearly", amount=True)


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("深圳选派近千名干部人才，援建3个产业园", 1000, "people", "exact"),  # 近: nearly, not exact
    ("深圳选派近千名干部人才，援建3个产业园", 1000, "people", "more_than"),
    ("深圳选派近千名干部人才，援建3个产业园", 1000, "villages", "nearly"),  # 名 counts people
    ("帮助牧民万余人，建设5个项目", 10000, "people", "exact"),  # 余: more than
    ("帮助牧民万余人，建设5个项目", 1000, "people", "more_than"),  # 万 is no thousand
    ("千万不要忘记，建设5个项目", 1000, "projects", "exact"),  # 千万: by all means
    ("千万不要忘记，建设5个项目", 10000, "projects", "exact"),
    ("投入上千万元，建设5个项目", 1000, "projects", "at_least"),  # 上千万: tens of millions
    ("成千上万人参与，建设5个项目", 10000, "people", "at_least"),  # thousands upon thousands
    ("数千人参与，建设5个项目", 1000, "people", "exact"),  # 数千: several thousand, no figure
    ("近千年历史，培训300人", 1000, "people", "nearly"),  # 年 counts no people
    ("建成上百个示范村，培训300人", 100, "villages and towns", "at_least"),  # 村 alone: no towns
    ("六成资金用于合作社，覆盖12个县", 6, "percent", "exact"),  # the 六 of 六成 is no 6
    ("六成资金用于合作社，覆盖12个县", 60, "counties", "exact"),  # 成 is a share, no count
    ("六成资金用于合作社，覆盖12个县", 60, "percent", "nearly"),
    ("近八成县编制了产业规划，共832个县", 80, "percent", "exact"),
    ("三成为贫困户，覆盖12个县", 30, "percent", "exact"),  # 成为: becomes
    ("一成功案例，覆盖12个县", 10, "percent", "exact"),  # 成功: success
])
def test_a_round_word_still_refuses_a_wrong_reading(tmp_path, text, value, unit, qualifier):
    assert not bound(tmp_path, text, value, unit, qualifier)


def test_the_numeral_of_tenths_is_read_only_as_tenths():
    assert zh.round_words("近八成", 80) == [(1, 3)]
    assert zh.round_words("八成为", 80) == []


# 3. digits grouped by threes with a space
SPACED = "援建资金4 000万元，培训2\u2009702人次，建成12 34个项目"


@pytest.mark.parametrize("value, unit, amount", [(4000, "万元", True), (2702, "person-times", False)])
def test_digits_grouped_with_a_space_read_as_one_number(tmp_path, value, unit, amount):
    assert bound(tmp_path, SPACED, value, unit, amount=amount)


@pytest.mark.parametrize("value, unit, amount", [
    (4, "万元", True), (0, "万元", True), (702, "person-times", False),  # a group is no number of its own
    (1234, "projects", False),  # 12 34: groups of other than three digits
    (4000, "亿元", True),  # the scale still counts
])
def test_a_grouped_number_refuses_its_parts_and_bad_groups(tmp_path, value, unit, amount):
    assert not bound(tmp_path, SPACED, value, unit, amount=amount)


def test_digits_grouped_with_a_space_in_english_stay_two_numbers():
    assert provenance.mentions("between 2 702 and 3 100 people", 2702) == []


# 4. a city in traditional characters
NAMES = city_names_zh(pd.DataFrame({"name": ["Liupanshui", "Xining"], "name_zh": ["六盘水市", "西宁"]}))


@pytest.mark.parametrize("span, city", [("會議在六盤水市舉行", "liupanshui"), ("會議在六盤水舉行", "liupanshui"),
                                        ("代表團抵達西寧", "xining")])
def test_a_city_in_traditional_characters_names_its_place(span, city):
    assert city_in_zh(span, NAMES[city])


@pytest.mark.parametrize("span, city", [("會議在六盤舉行", "liupanshui"),  # part of a name
                                        ("代表團抵達西安", "xining"),  # another city
                                        ("會議在貴陽舉行", "liupanshui")])
def test_a_traditional_span_naming_another_city_still_fails(span, city):
    assert not city_in_zh(span, NAMES[city])


# 5. weeks as days
SEMINAR = "研修班为期两周，来自20个国家的30名学员参加"


@pytest.mark.parametrize("text, days", [(SEMINAR, 14), ("培训为期三个星期，共有25名学员", 21)])
def test_weeks_bind_as_days(tmp_path, text, days):
    assert days_bound(tmp_path, text, days)


@pytest.mark.parametrize("text, days", [
    (SEMINAR, 2),  # the 两 of 两周 is no 2 days
    (SEMINAR, 13), (SEMINAR, 7),
    ("庆祝建院两周年，来自20个国家的30名学员参加", 14),  # 两周年: a second anniversary
    ("在两周边国家调研，来自20个国家的30名学员参加", 14),
])
def test_a_wrong_or_false_week_still_fails(tmp_path, text, days):
    assert not days_bound(tmp_path, text, days)


def test_weeks_are_no_other_unit(tmp_path):
    assert not bound(tmp_path, SEMINAR, 14, "people")
    assert not bound(tmp_path, "培训为期两周，覆盖12个县", 2, "days")  # the 两 of 两周 is 2 weeks
    assert bound(tmp_path, "培训为期两周，覆盖12个县", 2, "weeks")
