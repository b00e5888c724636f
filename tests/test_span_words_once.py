"""The words of a span are found once per distinct text (``provenance.words_of``): the same answers as before."""
from __future__ import annotations

import pytest

from povpkg._rules import rules_module

R = rules_module()


def test_words_of_a_text_asked_again_are_the_same_and_cannot_be_changed():
    words_of = R.provenance.words_of
    first = words_of("Deputy Director’s office")
    assert first == {"deputy", "director", "office"} and words_of("Deputy Director’s office") is first
    assert isinstance(first, frozenset)  # a caller cannot spoil the answer the next caller gets


@pytest.mark.parametrize(("span", "text", "held"), [
    ("Director Y of Department of X", "Director, Department of X", True),
    ("来自文莱、柬埔寨 and Laos", "文莱 Laos", True),
    ("来自文莱、柬埔寨 and Laos", "文莱 Lao", False),
    ("来自文莱、柬埔寨 and Laos", "泰国 Laos", False),
])
def test_words_in_reads_a_span_the_same_each_time_it_is_asked(span, text, held):
    assert [R.provenance.words_in(span, text) for _ in range(3)] == [held] * 3
