"""finite-number and not-in-future pick their columns from the frame's types and test whole
columns at once: the same rows as a cell-by-cell look, in both float types, missing cells skipped."""
from __future__ import annotations

import numpy as np
import pandas as pd

from povpkg._rules import rules_module

R = rules_module()


def ctx():
    return R.rules.Context(desc={"resources": []}, root=None, sources=None)


def test_finite_number_flags_inf_and_nan_but_not_a_missing_cell():
    values = [1.5, np.inf, None, -np.inf, 0.0]
    frames = {"t": pd.DataFrame({"masked": pd.array(values, dtype="Float64"), "plain": pd.Series(values, dtype="float64"),
                                 "n": pd.array([1, 2, None, 4, 5], dtype="Int64"), "s": list("abcde")})}
    got = [(f.field, f.row - 2) for f in R.domain.finite_numbers(frames, ctx())]
    assert got == [("masked", 1), ("masked", 3), ("plain", 1), ("plain", 3)]  # plain's None is NaN: missing


def test_not_in_future_reads_date_columns_only():
    later = pd.Timestamp.today().normalize() + pd.Timedelta(days=400)
    frames = {"t": pd.DataFrame({"d": pd.to_datetime(["2001-01-01", later, None]), "s": ["2999-01-01", "x", "y"]})}
    assert [(f.field, f.row - 2) for f in R.hygiene.not_in_future(frames, ctx())] == [("d", 1)]
