"""The words a figure counts are found once per distinct unit or phrase (``provenance.vocabulary``):
each caller still gets a set of its own, and the same words."""
from __future__ import annotations

from povpkg._rules import rules_module

P = rules_module().provenance


def test_a_caller_adding_to_its_words_does_not_add_to_the_next_callers():
    first = P.vocabulary("people")
    assert {"people", "participant", "villager"} <= first and "family" not in first
    first.add("family")
    assert "family" not in P.vocabulary("people")


def test_the_words_of_several_phrases_are_all_of_theirs():
    assert P.vocabulary("households", "square_km") == P.vocabulary("households") | P.vocabulary("square km")
    assert P.vocabulary("households", None) == {"household", "none"}  # a phrase is read as text, as before
