"""TextCells: checks over every text cell at once must flag exactly the cells a
column-by-column check flags, in the same order (tables, columns, rows)."""
from __future__ import annotations

import pandas as pd

from validation.textcells import TextCells


def frames():
    kinds = pd.CategoricalDtype(["seminar", " padded", "=SUM(A1)"])
    return {
        "a": pd.DataFrame({"id": pd.array(["x", " y", None, "z "], dtype="str"),
                           "n": pd.array([1, 2, None, 4], dtype="Int64"),
                           "kind": pd.Categorical([" padded", "seminar", None, " padded"], dtype=kinds)}),
        "empty": pd.DataFrame({"id": pd.array([], dtype="str")}),
        "b": pd.DataFrame({"note": pd.array(["ok", "=1+1", "fine "], dtype="str")}, index=[10, 11, 12]),
    }


def column_by_column(frs, test):
    out = []
    for table, df in frs.items():
        for col in df.columns:
            s = df[col]
            if isinstance(s.dtype, pd.CategoricalDtype) or s.dtype == "str":
                out += [(table, col, i, v) for i, v in s.items() if isinstance(v, str) and test(v)]
    return out


def at_once(frs, test):
    cells = TextCells(frs)
    mask = cells.present() & cells.values.map(lambda v: isinstance(v, str) and test(v)).to_numpy(bool)
    return [(t, c, i, v) for t, c, _, i, v in cells.flagged(mask)]


def test_flags_the_cells_a_column_by_column_check_flags():
    for test in (lambda v: v != v.strip(), lambda v: v.startswith("="), lambda v: True, lambda v: False):
        assert at_once(frames(), test) == column_by_column(frames(), test)


def test_a_category_is_looked_at_once_and_traced_to_every_row_holding_it():
    cells = TextCells(frames())
    assert list(cells.values).count(" padded") == 1
    flagged = [(t, c, i) for t, c, _, i, v in cells.flagged(cells.values.eq(" padded").fillna(False).to_numpy(bool))]
    assert flagged == [("a", "kind", 0), ("a", "kind", 3)]


def test_no_text_at_all():
    cells = TextCells({"n": pd.DataFrame({"n": [1, 2]})})
    assert len(cells.values) == 0 and list(cells.flagged(cells.present())) == []


def test_batches_cover_every_column_once_in_order():
    from validation.textcells import text_batches

    whole = [(t, c, i, v) for t, c, _, i, v in (lambda cells: cells.flagged(cells.present()))(TextCells(frames()))]
    for size in (1, 2, 3, 5, 100):
        parts = [(t, c, i, v) for cells in text_batches(frames(), cells=size)
                 for t, c, _, i, v in cells.flagged(cells.present())]
        assert parts == whole
    assert len(list(text_batches(frames(), cells=4))) > 1
