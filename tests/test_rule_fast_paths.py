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


def test_recommended_rows_group_as_groupby_iterates(frames):
    from validation.aggregates import FLAG, _groups

    amounts = frames["amounts"]
    flagged = amounts[amounts[FLAG].fillna(False).astype(bool).to_numpy(bool)].dropna(subset=["year"])
    by, cols = ["currency", "year", "aid_type"], ["amount_id", "source_id"]
    want = [list(zip(g.index, g[cols].to_dict("records"))) for _, g in flagged.groupby(by, observed=True, dropna=True)]
    assert len(want) > 5
    assert _groups(flagged, by, cols) == want


def test_within_walks_up_as_the_reindex_per_level_did(frames):
    import numpy as np

    from validation.geography import MAX_DEPTH, column_by, parents, within

    places = frames["places"]
    child, goal = places["place_id"], places["parent_id"].map(column_by(places, "place_id", "parent_id"))
    node, target = child.astype("object").to_numpy(), goal.astype("object").to_numpy()
    parent, hit = column_by(places, "place_id", "parent_id"), np.zeros(len(node), dtype=bool)
    for _ in range(MAX_DEPTH + 1):  # the walk the rule made before: one reindex per level
        live = np.array([isinstance(n, str) for n in node], dtype=bool)
        hit |= live & (node == target)
        node = parent.reindex(node).astype("object").to_numpy()
    assert 50 < hit.sum() < len(hit)
    assert within(parents(places), child, goal).tolist() == hit.tolist()
