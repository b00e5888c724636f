"""Every text cell of a package as one Series, for checks that look at each cell alone.

A check run column by column pays pandas' fixed cost per call some 160 times (0.4 s
of a 3 s validation of the shipped package); run over one Series it pays it once,
and the few cells it flags are traced back to their table, column and row.
"""
from __future__ import annotations


class TextCells:
    """The text cells of ``frames``: ``values`` holds every text column's cells, and a
    categorical column's categories (each once: the rows holding a flagged category
    are found when it is traced back)."""

    def __init__(self, frames: dict):
        import numpy as np
        import pandas as pd

        self.frames, parts, self._columns, starts, n = frames, [], [], [], 0
        for table, df in frames.items():
            for col in df.columns:
                s = df[col]
                if isinstance(s.dtype, pd.CategoricalDtype):
                    part = pd.Series(s.cat.categories.astype("str"))
                elif s.dtype == "str":
                    part = s
                else:
                    continue
                parts.append(part)
                self._columns.append((table, col, isinstance(s.dtype, pd.CategoricalDtype)))
                starts.append(n)
                n += len(part)
        self.values = pd.concat(parts, ignore_index=True) if parts else pd.Series([], dtype="str")
        self._starts = np.array(starts, dtype=np.int64)

    def present(self):
        """Where ``values`` holds a value (pandas' string comparisons call a missing value unequal to itself)."""
        return self.values.notna().to_numpy(bool)

    def flagged(self, mask):
        """``(table, column, frame, row label, value)`` of each cell ``mask`` (a boolean
        array over ``values``) flags: table by table, column by column, in row order."""
        import numpy as np

        pos = np.flatnonzero(np.asarray(mask, dtype=bool))
        owners = np.searchsorted(self._starts, pos, side="right") - 1
        for k in dict.fromkeys(owners.tolist()):
            table, col, categorical = self._columns[k]
            df = self.frames[table]
            s = df[col]
            local = pos[owners == k] - self._starts[k]
            if categorical:
                rows = df.index[s.isin(s.cat.categories[local]).to_numpy(bool)]
            else:
                rows = df.index[local]
            for i in rows:
                yield table, col, df, i, s[i]
