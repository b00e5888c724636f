"""Chinese spans are checked as strictly as English ones (validation.zh).

Every text here is made up (CI has no page texts): figures as Chinese pages write them,
with 亿/万 scales, qualifiers, full-width digits, Chinese numerals and dates.
"""
from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd
import pytest

from povpkg._package import descriptor
from povpkg._rules import rules_module
from validation import zh
from validation.provenance import TextIndex, date_stated, mentions

R = rules_module()

TEXT = ("本报北京2016年12月8日电 1996年至2015年，东部向西部提供援助资金160多亿元，引导企业投资1.5万亿元。"
        "其中“十二五”期间，东部提供财政援助资金60.7亿元，动员社会捐款3.8亿元；双方互派干部1834人次，"
        "开展培训77.8万人次。截至11月底，东部249个县与354个贫困县结对。２０１９年前８个月，近3.2万人"
        "受益，逾500家企业投资，选派干部三百二十名，培训约1200人左右。共建产业园区741个，引进实用技术2901项。")


def frames(tmp_path, amounts=(), indicators=()):
    """A one-source package citing TEXT whole: amounts (id, value, unit_zh, qualifier),
    indicators (id, value, unit, qualifier)."""
    (tmp_path / "zh.txt").write_text(TEXT, encoding="utf-8")
    sources = pd.DataFrame({"source_id": ["s"], "file_name": ["zh.txt"],
                            "sha256": [hashlib.sha256(TEXT.encode()).hexdigest()],
                            "characters": pd.array([len(TEXT)], dtype="Int64")})

    def rows(items, key, col, unit):
        return pd.DataFrame({key: [r[0] for r in items], col: pd.array([r[1] for r in items], dtype="Float64"),
                             unit: pd.array([r[2] for r in items], dtype="string"),
                             "qualifier": [r[3] for r in items],
                             "source_id": ["s"] * len(items), "span_start": pd.array([0] * len(items), dtype="Int64"),
                             "span_end": pd.array([len(TEXT)] * len(items), dtype="Int64")})
    out = {"sources": sources, "amounts": rows(amounts, "amount_id", "value_stated", "unit_zh"),
           "indicators": rows(indicators, "indicator_id", "value", "unit")}
    out["amounts"]["unit_stated"] = pd.array([None] * len(amounts), dtype="string")
    out["indicators"]["measure"] = "count"
    out["indicators"]["year"] = pd.array([None] * len(indicators), dtype="Int64")
    return out


def failing(tmp_path, **rows) -> list[str]:
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=tmp_path)
    return sorted(f.key for f in R.provenance.spans_in_source(frames(tmp_path, **rows), ctx))


@pytest.mark.parametrize("row", [
    ("aid", 160, "亿元", "more_than"),       # 160多亿元
    ("investment", 1.5, "万亿元", "exact"),  # 1.5万亿元
    ("fiscal", 60.7, "亿元", "exact"),
    ("donations", 3.8, "亿元", None),        # no qualifier written: exact or empty
])
def test_amounts_as_the_page_writes_them_pass(tmp_path, row):
    assert failing(tmp_path, amounts=[row]) == []


@pytest.mark.parametrize("row", [
    ("wrong-scale", 60.7, "万元", "exact"),      # 亿元 read as 万元
    ("no-scale", 60.7, "元", "exact"),
    ("lost-qualifier", 160, "亿元", "exact"),   # 多 dropped
    ("made-up-qualifier", 60.7, "亿元", "about"),
    ("trillion-as-100m", 1.5, "亿元", "exact"),  # 万亿 is not 亿
    ("usd", 3.8, "亿美元", "exact"),
])
def test_amounts_with_another_scale_currency_or_qualifier_fail(tmp_path, row):
    assert failing(tmp_path, amounts=[row]) == [row[0]]


@pytest.mark.parametrize("row", [
    ("cadres", 1834, "person-times", "exact"),
    ("trained", 77.8, "10k person-times", "exact"),
    ("east-counties", 249, "counties", "exact"),
    ("poor-counties", 354, "counties", "exact"),
    ("beneficiaries", 3.2, "10k people", "nearly"),   # 近3.2万人
    ("firms", 500, "enterprises", "more_than"),       # 逾500家企业
    ("sent", 320, "cadres", "exact"),                 # 三百二十名
    ("trainees", 1200, "people", "about"),            # 约1200人左右
    ("parks", 741, "parks", "exact"),                 # 产业园区741个: the noun before, a measure word after
    ("technologies", 2901, "technologies", "exact"),
])
def test_counts_as_the_page_writes_them_pass(tmp_path, row):
    assert failing(tmp_path, indicators=[row]) == []


@pytest.mark.parametrize("row", [
    ("times-as-people", 1834, "people", "exact"),       # 人次 is not 人
    ("lost-scale", 77.8, "person-times", "exact"),      # 万 dropped
    ("counties-as-villages", 354, "villages", "exact"),
    ("lost-nearly", 3.2, "10k people", "exact"),
    ("over-for-nearly", 3.2, "10k people", "over"),
    ("firms-exact", 500, "enterprises", "exact"),
    ("unknown-unit", 249, "widgets", "exact"),          # a unit we cannot read is not bound
    ("parks-as-villages", 741, "villages", "exact"),
    ("technologies-as-projects", 2901, "counties", "exact"),
])
def test_counts_with_another_scale_unit_or_qualifier_fail(tmp_path, row):
    assert failing(tmp_path, indicators=[row]) == [row[0]]


def test_an_english_unit_never_binds_a_chinese_figure(tmp_path):
    rows = [("english-scale", 60.7, None, "exact")]
    f = frames(tmp_path, amounts=rows)
    f["amounts"]["unit_zh"], f["amounts"]["unit_stated"] = pd.array([None], dtype="string"), ["billion yuan"]
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=tmp_path)
    assert [x.key for x in R.provenance.spans_in_source(f, ctx)] == ["english-scale"]


def test_amount_units_of_chinese_pages_convert():
    from validation.schemas import SCALE, CURRENCY
    assert SCALE["亿元"] == 100_000_000 and SCALE["万亿元"] == 10 ** 12 and SCALE["万元"] == 10_000
    assert CURRENCY["亿美元"] == "USD" and CURRENCY["亿元"] == "CNY"


@pytest.mark.parametrize(("text", "unit", "bound"), [
    ("320个中央单位", "units", True), ("592个国家扶贫开发工作重点县", "counties", True),
    ("592个国家扶贫开发工作重点县", "villages", False), ("320个中央单位", "counties", False),
])
def test_a_measure_word_and_its_noun_bind_the_unit(text, unit, bound):
    assert zh.counts_zh(zh.Mention(text, 0, 3), unit) is bound


def test_a_comma_after_a_word_is_punctuation_after_a_digit_a_separator():
    assert mentions("据悉,320个中央单位", 320) == [(3, 6)]
    assert mentions("共1,320个", 320) == []


def test_traditional_script_figures_read_as_simplified():
    from validation.provenance import TextIndex
    text = TextIndex("過去兩年,北京市共向內蒙古投入財政援助資金27.44億元,實施1357個扶貧協作項目,3.2萬餘人受益").plain
    at = text.index("27.44")
    assert zh.amount_bound_zh(text, at, at + 5, "亿元", "exact")
    assert not zh.amount_bound_zh(text, at, at + 5, "万元", "exact")
    at = text.index("1357")
    assert zh.counts_zh(zh.Mention(text, at, at + 4), "projects")
    at = text.index("3.2")
    m = zh.Mention(text, at, at + 3)
    assert (m.scale, m.qualifier) == ("万", "more_than")


def test_an_event_figure_in_chinese_is_bound_by_its_field(tmp_path):
    text = "论坛于2010年7月13日在桂林开幕,来自10个国家的100多名代表出席,举行全体会议两次。"
    (tmp_path / "e.txt").write_text(text, encoding="utf-8")
    sources = pd.DataFrame({"source_id": ["s"], "file_name": ["e.txt"], "sha256": [hashlib.sha256(text.encode()).hexdigest()],
                            "characters": pd.array([len(text)], dtype="Int64")})

    def events(participants, qualifier, countries):
        return pd.DataFrame({"event_id": ["ev"], "participants": pd.array([participants], dtype="Float64"),
                             "participants_qualifier": [qualifier], "countries_stated": pd.array([countries], dtype="Float64"),
                             "source_id": ["s"], "span_start": pd.array([0], dtype="Int64"),
                             "span_end": pd.array([len(text)], dtype="Int64")})
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=tmp_path)

    def failing_fields(ev):
        return sorted(f.field for f in R.provenance.spans_in_source({"sources": sources, "events": ev}, ctx))
    assert failing_fields(events(100, "more_than", 10)) == []
    assert failing_fields(events(100, "exact", 10)) == ["participants"]   # 多 dropped
    assert failing_fields(events(10, "exact", 100)) == ["countries_stated", "participants"]  # swapped


def test_full_width_digits_are_digits_at_the_same_offsets():
    assert mentions("２０１９年前８个月", 2019) == [(0, 4)]
    index = TextIndex(TEXT)
    at = TEXT.index("２０１９")
    assert index.year_before(at + 5) == 2019


@pytest.mark.parametrize(("n", "written"), [
    (10, "十"), (12, "十二"), (23, "二十三"), (105, "一百零五"), (110, "一百一十"), (320, "三百二十"),
    (2000, "两千"), (2500, "二千五百"), (20000, "两万"), (10050, "一万零五十"), (35000, "三万五千"),
])
def test_chinese_numerals(n, written):
    assert written in zh.zh_numerals(n)


def test_a_chinese_numeral_inside_a_longer_one_is_not_the_figure():
    assert mentions("三百二十名", 20) == [] and mentions("三百二十名", 320) == [(0, 4)]


@pytest.mark.parametrize(("text", "date", "precision", "end"), [
    ("2016年12月8日电", dt.date(2016, 12, 8), "day", False),
    ("2019年8月，东部", dt.date(2019, 8, 1), "month", False),
    ("2019年，8月21日至23日举办", dt.date(2019, 8, 21), "day", False),   # year from context
    ("2019年，8月21日至23日举办", dt.date(2019, 8, 23), "day", True),
    ("2020年4月至6月", dt.date(2020, 6, 1), "month", True),
    ("２０１９年８月", dt.date(2019, 8, 1), "month", False),
])
def test_chinese_dates(text, date, precision, end):
    assert date_stated(TextIndex(text), 0, len(text), date, precision, end=end)


@pytest.mark.parametrize(("text", "date", "precision"), [
    ("2019年8月", dt.date(2019, 9, 1), "month"),
    ("2019年8月", dt.date(2018, 8, 1), "month"),
    ("截至12月底", dt.date(2019, 2, 1), "month"),   # 2月 is not read inside 12月
])
def test_wrong_chinese_dates_fail(text, date, precision):
    assert not date_stated(TextIndex(text), 0, len(text), date, precision, end=False)


@pytest.mark.parametrize(("text", "qualifier"), [
    ("近3.2万人", "nearly"), ("将近3.2万人", "nearly"), ("超过500家", "over"), ("逾500家", "more_than"),
    ("500多家", "more_than"), ("1.2万余人", "more_than"), ("约500人", "about"), ("500人左右", "about"),
    ("至少500人", "at_least"), ("500人以上", "at_least"), ("500人", None),
])
def test_qualifiers_map_to_the_vocabulary(text, qualifier):
    start = next(i for i, c in enumerate(text) if c.isdigit())
    end = start + len(text[start:]) - len(text[start:].lstrip("0123456789."))
    assert zh.Mention(text, start, end).qualifier == qualifier


def test_names_in_characters_are_matched_as_they_stand():
    from validation.provenance import words_in
    assert words_in("福建省与宁夏回族自治区结对", "宁夏回族自治区")
    assert not words_in("福建省与宁夏回族自治区结对", "宁夏自治区")
