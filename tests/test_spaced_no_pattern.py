"""A number's pattern for digits grouped by spaces (4 000万元) is built only for a span that
groups digits so (``provenance.spaced_mentions``), with the same answers as before."""
from __future__ import annotations

import pytest

from povpkg._rules import rules_module

P = rules_module().provenance
zh = rules_module().zh


def _by_its_own_pattern(span, value):
    return [m.span() for m in P._spaced_re(value).finditer(span) if zh.chinese_figure(span, *m.span())]


@pytest.mark.parametrize("span", [
    "援建资金4 000万元", "资金14 000万元", "资金4 0000万元", "资金4 000 1万元", "资金4,4 000万元", "资金.4 000万元",
    "培训2\u2009702人次", "培训2\u00a0702 702人次", "资金4000万元", "资金4,000万元", "between 4 000 and 5 000 people", "",
])
@pytest.mark.parametrize("value", [4000, 14000, 2702, 2702702, 40000])
def test_the_same_mentions_with_or_without_the_pattern(span, value):
    assert P.spaced_mentions(span, value) == _by_its_own_pattern(span, value)


def test_a_span_grouping_no_digits_builds_no_pattern():
    before = P._spaced_re.cache_info().misses
    assert P.spaced_mentions("资金4000万元，培训2702人次", 9_876_543) == []
    assert P._spaced_re.cache_info().misses == before
