"""rules.is_in skips the conversions its arguments do not need (text already, no missing
value): it must answer as ``values.astype("str").isin(known as text)`` whatever it is handed."""
from __future__ import annotations

import pandas as pd
import pytest

from povpkg._rules import rules_module

R = rules_module().rules
VALUES = [pd.Series(["a", "b", None, "c"], dtype="str"), pd.Series(pd.Categorical(["a", None, "z", "b"])),
          pd.Series([1, 2, None, 4], dtype="Int64"), pd.Series(["a", "b", None], dtype="object")]
KNOWN = [["a", "1", None], [], pd.Series(["b", "4"], dtype="str"), pd.Series(["b", None, "2"], dtype="str"),
         pd.Series(pd.Categorical(["c", "a"])), ("z",)]


@pytest.mark.parametrize("values", VALUES)
@pytest.mark.parametrize("known", KNOWN)
def test_is_in_answers_as_isin_on_text(values, known):
    want = values.astype("str").isin([str(k) for k in known if k is not None]) & values.notna()
    assert list(R.is_in(values, known)) == list(want)
    assert list(R.is_in(values, known).index) == list(values.index)


def test_as_text_leaves_text_alone_and_converts_the_rest():
    s = pd.Series(["x", None], dtype="str")
    assert R.as_text(s) is s
    c = pd.Series(pd.Categorical(["x", None]))
    assert R.as_text(c).dtype == s.dtype and list(R.as_text(c).fillna("-")) == ["x", "-"]
