"""domain._fold keeps each name's folding: the same answer as folding afresh, even for values
equal across types (1 and 1.0 fold apart)."""
from __future__ import annotations

from povpkg._rules import rules_module

D = rules_module().domain


def test_fold_is_the_sorted_folded_words_whatever_was_folded_before():
    assert D._fold("Lao PDR") == D._fold("PDR, Lao") == "lao pdr"
    assert D._fold("Côte d’Ivoire") == "côte d d'ivoire ivoire"  # curly quote folded, parts kept
    assert D._fold(1) == "1" and D._fold(1.0) == "0 1" and D._fold(True) == "true"
