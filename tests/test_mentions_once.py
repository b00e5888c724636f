"""A figure's mentions in a span are found once per distinct span and value
(``provenance.mentions``): each caller still gets its own list, and the same answer."""
from __future__ import annotations

from povpkg._rules import rules_module

R = rules_module()
SPAN = "Some 4,394 people from 28 countries; 4394 in all, twenty-eight nations."


def test_a_caller_changing_its_answer_does_not_change_the_next_callers():
    first = R.provenance.mentions(SPAN, 4394)
    assert len(first) == 2
    first.clear()
    assert R.provenance.mentions(SPAN, 4394) == [(5, 10), (37, 41)]


def test_values_equal_as_numbers_are_found_alike_and_another_span_apart():
    assert R.provenance.mentions(SPAN, 28) == R.provenance.mentions(SPAN, 28.0) == [(23, 25), (50, 62)]
    assert R.provenance.mentions(SPAN.replace("28", "29"), 28) == [(50, 62)]


def test_a_value_that_cannot_be_a_key_is_still_read():
    assert R.provenance.mentions(SPAN, [4394]) == []  # no number: no mention, and no error
