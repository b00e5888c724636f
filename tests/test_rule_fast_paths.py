"""The rules' cheaper paths give what the plainer pandas they replaced gave, on the shipped frames."""
from __future__ import annotations

import pandas as pd

from validation import rules as R
from validation.textcells import TextCells, _text_columns


def test_text_cells_join_every_column_as_concat_did(frames):
    parts = [pd.Series(frames[t][c].cat.categories.astype("str")) if categorical else frames[t][c]
             for t, c, categorical in _text_columns(frames)]
    joined = TextCells(frames).values
    assert len(parts) > 100
    assert joined.dtype == "str"
    pd.testing.assert_series_equal(joined, pd.concat(parts, ignore_index=True))


def test_has_columns_reads_the_index():
    df = pd.DataFrame({"a": [1], "b": [2]})
    assert R.has_columns(df, ["a", "b"]) and R.has_columns(df, [])
    assert not R.has_columns(df, ["a", "c"])
