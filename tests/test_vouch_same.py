"""The vouching's cell comparison (povpkg/_vouch.py ``_same``): frictionless's value of every
cell (an empty cell is missing) is the frame's value, missing in the very same rows."""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

from povpkg._vouch import _same

TEXT = {"name": "t", "type": "string"}


def text_column(*values) -> pd.Series:
    return pd.Series(pd.array(list(values), dtype="str"))


@pytest.mark.parametrize("texts, column, same", [
    (("a", "", "c"), text_column("a", None, "c"), True),
    (("a", "", "c"), text_column("a", "", "c"), False),  # an empty text the frame holds as text, not missing
    (("a", "b", "c"), text_column("a", None, "c"), False),
    (("a", "b", "c"), text_column("a", "b", "c "), False),
    (("a", "b"), pd.Series(pd.Categorical(["a", "b"], categories=["b", "a", "z"])), True),
    (("a", "z"), pd.Series(pd.Categorical(["a", "b"], categories=["b", "a", "z"])), False),
])
def test_text_cells_are_the_frames_values(texts, column, same):
    assert _same(TEXT, texts, column) is same


def test_a_column_held_in_several_chunks_is_compared_whole():
    chunks = pa.chunked_array([["a", None], ["c"]], pa.large_string())
    column = pd.Series(pd.arrays.ArrowStringArray(chunks) if hasattr(pd.arrays, "ArrowStringArray")
                       else pd.array(chunks.to_pylist(), dtype="str"))
    assert _same(TEXT, ("a", "", "c"), column) is True
    assert _same(TEXT, ("a", "", "d"), column) is False


@pytest.mark.parametrize("field, texts, values, same", [
    ({"name": "n", "type": "integer"}, ("3", "", "-4"), pd.array([3, None, -4], dtype="Int64"), True),
    ({"name": "n", "type": "integer"}, ("3", "0", "-4"), pd.array([3, None, -4], dtype="Int64"), False),
    ({"name": "b", "type": "boolean"}, ("true", "FALSE", ""), pd.array([True, False, None], dtype="boolean"), True),
    ({"name": "b", "type": "boolean"}, ("true", "no", ""), pd.array([True, False, None], dtype="boolean"), False),
])
def test_typed_cells_are_the_frames_values(field, texts, values, same):
    assert _same(field, texts, pd.Series(values)) is same
