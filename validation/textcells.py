"""Every text cell of a package as one Series, for checks that look at each cell alone.

A check run column by column pays pandas' fixed cost per call some 160 times (0.4 s
of a 3 s validation of the shipped package); run over one Series it pays it once,
and the few cells it flags are traced back to their table, column and row.
"""
from __future__ import annotations


BATCH = 500_000  # cells a batch holds: enough for the shipped package in one, a few MiB each at scale


def text_batches(frames: dict, cells: int = BATCH):
    """``TextCells`` over runs of text columns holding about ``cells`` cells each: one
    Series of every cell would copy all the package's text at once (240 MiB at 100x)."""
    run, held = [], 0
    for table, col, categorical, size in _sized_text_columns(frames):
        if run and held + size > cells:
            yield TextCells(frames, run)
            run, held = [], 0
        run.append((table, col, categorical))
        held += size
    if run:
        yield TextCells(frames, run)


def shared_batches(frames: dict, ctx):
    """``text_batches(frames)`` for a rule run with ``ctx``. When every text cell fits one batch (the
    shipped package: ~45,000 cells) the batch is built once and kept on ``ctx`` for the next rule
    that reads it; a larger package is batched afresh per rule, so it never holds all its text at once."""
    sized = list(_sized_text_columns(frames))
    if sum(size for *_, size in sized) > BATCH:
        return text_batches(frames)
    return ctx.once("text cells", (*frames, *frames.values()), lambda: [TextCells(frames, [c[:3] for c in sized])])


def _text_columns(frames: dict):
    """``(table, column, categorical)`` of every text column, table by table."""
    for table, col, categorical, _ in _sized_text_columns(frames):
        yield table, col, categorical


def _sized_text_columns(frames: dict):
    """``(table, column, categorical, cells)`` of every text column, table by table; ``cells``
    counts a categorical column's categories (each is looked at once). Read from the types:
    a Series built per column just to read its type or size cost more."""
    import pandas as pd

    for table, df in frames.items():
        for col, dtype in df.dtypes.items():
            if isinstance(dtype, pd.CategoricalDtype):
                yield table, col, True, len(dtype.categories)
            elif dtype == "str":
                yield table, col, False, len(df)


class TextCells:
    """The text cells of ``columns`` (``(table, column, categorical)``, all text columns
    of ``frames`` by default): ``values`` holds a text column's cells and a categorical
    column's categories (each once: the rows holding a flagged category are found
    when it is traced back)."""

    def __init__(self, frames: dict, columns: list | None = None):
        import numpy as np
        import pandas as pd

        self.frames, self._columns = frames, list(_text_columns(frames)) if columns is None else columns
        parts, starts, n = [], [], 0
        for table, col, categorical in self._columns:
            s = frames[table][col]
            part = s.cat.categories.astype("str").array if categorical else s.array
            parts.append(part)
            starts.append(n)
            n += len(part)
        # joined as arrays of one type (all "str"): pd.concat of ~180 Series paid its fixed cost per Series
        self.values = pd.Series(type(parts[0])._concat_same_type(parts)) if parts else pd.Series([], dtype="str")
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
