"""Two ways Chinese pages write figures that the checks must read (validation.zh, provenance).

约为 ("about", as in 每公顷产量约为6.6吨, traditional 約為) is a qualifier like 约; and a year
written right after a comma and before 年 (加快了步伐,2015年注册) is a year, while a comma
inside a number (1,2015人) still keeps its digits from being read as one.
"""
from __future__ import annotations

from validation import zh
from validation.provenance import TextIndex


def _mention(text: str, figure: str) -> zh.Mention:
    plain = text.translate(zh.FULLWIDTH)
    s = plain.index(figure)
    return zh.Mention(plain, s, s + len(figure))


def test_yuewei_is_about_in_simplified_and_traditional_script():
    assert _mention("而中国的每公顷产量约为6.6吨", "6.6").qualifier == "about"
    assert _mention("平均每縣投資約為1億元人民幣", "1").qualifier == "about"
    assert _mention("约1.3吨", "1.3").qualifier == "about"
    assert _mention("产量为6.6吨", "6.6").qualifier is None


def test_a_year_after_a_comma_before_nian_is_a_year_but_not_inside_a_number():
    text = "加快了国际化步伐,2015年注册设立办公室"
    assert TextIndex(text).years_in(0, len(text)) == [2015]
    number = "共惠及1,2015人"
    assert TextIndex(number).years_in(0, len(number)) == []
