"""The text-reading modules compile their patterns on first use, not at import, and a
lazy pattern answers exactly as the compiled one does."""
from __future__ import annotations

import copy
import re

import pytest

from povpkg._rules import rules_module

R = rules_module()
LazyPattern = R.lazy_re.LazyPattern
TEXT_MODULES = ("zh", "zh_units", "provenance", "span_words", "mentions", "periods")


def _patterns(module):
    """Every pattern a module holds at its top level, in dicts and in lists of tuples too."""
    for name, value in vars(module).items():
        items = value.values() if isinstance(value, dict) else \
            [x for t in value if isinstance(t, tuple) for x in t] if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, (re.Pattern, LazyPattern)):
                yield name, item


@pytest.mark.parametrize("module", TEXT_MODULES)
def test_text_modules_compile_nothing_at_import(module):
    """Compiling them all at import cost ~0.08 s of every validation, most of them only for --sources."""
    found = list(_patterns(getattr(R, module)))
    assert found, module
    eager = [name for name, p in found if isinstance(p, re.Pattern)]
    assert not eager, f"{module} compiles at import: {eager}"


def test_a_lazy_pattern_answers_as_the_compiled_one():
    source, flags = r"(?P<n>\d+)\s*(million|billion)", re.IGNORECASE
    lazy, eager = LazyPattern(source, flags), re.compile(source, flags)
    text = "3 Million yuan, 12 billion and 7 MILLION"
    assert lazy.pattern == eager.pattern
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.search(text)["n"] == "3" and lazy.match("x") is None
    assert lazy.sub("#", text) == eager.sub("#", text) and lazy.findall(text) == eager.findall(text)
    assert lazy.flags == eager.flags and lazy.groupindex == eager.groupindex


def test_a_lazy_pattern_compiles_on_first_use_only():
    lazy = LazyPattern(r"[\u3400-\u9fff]+")
    assert "search" not in vars(lazy)
    assert lazy.search("ab中文c").group() == "中文"
    assert vars(lazy)["search"].__self__ is re.compile(r"[\u3400-\u9fff]+")  # kept: no lookup per call
    with pytest.raises(re.error):
        LazyPattern("(").search("x")  # a broken pattern still fails, at its first use
    assert copy.deepcopy(lazy).search("中") is not None
