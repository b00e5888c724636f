"""A Chinese day or month written without its year takes the last year of its own paragraph;
a year only in the dateline or an earlier paragraph leaves the date to context (date_basis)."""
from __future__ import annotations

from povpkg._rules import rules_module

R = rules_module()


def _years(text):
    return {d.first for d in R.provenance.TextIndex(text).dates}


def test_a_year_in_the_same_paragraph_dates_the_day():
    assert (2016, 12, 8) in _years("2016年,国务院扶贫办在北京召开会议。12月8日,会议发布指导意见。")


def test_a_year_only_in_the_dateline_does_not():
    years = _years("2016-12-08 10:25 来源:新华网\n本报讯 12月8日,国务院扶贫办召开会议。")
    assert (2016, 12, 8) in years  # the dateline itself is a date
    assert (None, 12, 8) in years  # the paragraph's 12月8日 has no year of its own


def test_a_year_in_an_earlier_paragraph_does_not():
    assert (None, 6, 30) in _years("2019年工作总结。\n6月30日,项目分红。")
