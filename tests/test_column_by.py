"""rules.column_by reads a lookup from two columns: the first row of each key, as the
deduplicated whole table gave it."""
from __future__ import annotations

import pandas as pd

from povpkg._rules import rules_module

R = rules_module().rules


def test_column_by_keeps_the_first_row_of_each_key():
    df = pd.DataFrame({"place_id": ["a", "b", "a", None], "parent_id": ["x", None, "y", "z"], "other": [1, 2, 3, 4]})
    got = R.column_by(df, "place_id", "parent_id")
    want = df.drop_duplicates("place_id").set_index("place_id")["parent_id"]
    pd.testing.assert_series_equal(got, want)
    assert got["a"] == "x" and pd.isna(got["b"])
