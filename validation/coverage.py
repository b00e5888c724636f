"""Sources' coverage: a row cannot be dated outside the years its source reports on."""
from __future__ import annotations

from povpkg._report import Failure

from .rules import by_source, row_key, rule

# Columns that date a row, per table: dates (their year counts) or plain years.
# A project's start is dated like any row; its end only when its period is not what the
# source states as content (a plan or an agreement may run beyond the years reported on).
DATED = {
    "events": ("start_date", "end_date"),
    "amounts": ("year",),
    "indicators": ("year",),
    "documents": ("year",),
    "projects": ("start_year", "end_year"),
}
OPEN_ENDED = {("projects", "end_year"): ("kind", {"plan", "agreement"})}


def _years(col):
    """The year of each cell of a date or year column (nullable integers)."""
    return (col.dt.year if hasattr(col, "dt") else col).astype("Int64")


@rule("dated-within-coverage", needs=("sources",))
def dated_within_coverage(frames, ctx):
    """No row's date lies outside its source's covers_year_start..covers_year_end.

    Compared on plain arrays, each row's source found by its position (an empty cell
    compares false): pandas' masked operations and maps, a dozen a column, cost more."""
    import numpy as np

    src = frames["sources"].set_index("source_id")
    covers = [src[c] for c in ("covers_year_start", "covers_year_end")]
    for table, cols in DATED.items():
        df = frames.get(table)
        if df is None or "source_id" not in df.columns:
            continue
        at = src.index.get_indexer(df["source_id"])
        first, last = (by_source(c, at) for c in covers)  # an unknown source's row is never outside
        for col in (c for c in cols if c in df.columns):
            year = _years(df[col])
            years = year.to_numpy("float64", na_value=np.nan)
            bad = (years < first) | (years > last)
            if (table, col) in OPEN_ENDED:
                kind, kinds = OPEN_ENDED[table, col]
                bad &= ~df[kind].isin(kinds).fillna(False).to_numpy(bool)
            for pos in np.flatnonzero(bad):
                i, sid = df.index[pos], df["source_id"].iloc[pos]
                span = f"{covers[0].iloc[at[pos]]}-{covers[1].iloc[at[pos]]}"
                yield Failure(rule="dated-within-coverage", table=table, row=int(i) + 2, key=row_key(ctx, table, df, i),
                              field=col, value=int(year.iloc[pos]),
                              message=f"{int(year.iloc[pos])} lies outside the years its source {sid} covers ({span})",
                              fix="check the date against the source; if the source reports on that year, "
                                  "widen covers_year_start/covers_year_end in sources")
