"""Sources' coverage: a row cannot be dated outside the years its source reports on."""
from __future__ import annotations

from povpkg._report import Failure

from .rules import row_key, rule

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
    """No row's date lies outside its source's covers_year_start..covers_year_end."""
    src = frames["sources"].set_index("source_id")
    for table, cols in DATED.items():
        df = frames.get(table)
        if df is None or "source_id" not in df.columns:
            continue
        first = df["source_id"].map(src["covers_year_start"]).astype("Int64")
        last = df["source_id"].map(src["covers_year_end"]).astype("Int64")
        for col in (c for c in cols if c in df.columns):
            year = _years(df[col])
            bad = (year.notna() & ((first.notna() & (year < first)) | (last.notna() & (year > last)))).fillna(False)
            if (table, col) in OPEN_ENDED:
                kind, kinds = OPEN_ENDED[table, col]
                bad &= ~df[kind].isin(kinds).fillna(False)
            for i in df.index[bad]:
                sid = df.at[i, "source_id"]
                yield Failure(rule="dated-within-coverage", table=table, row=int(i) + 2, key=row_key(ctx, table, df, i),
                              field=col, value=int(year[i]),
                              message=f"{int(year[i])} lies outside the years its source {sid} covers "
                                      f"({first[i]}-{last[i]})",
                              fix="check the date against the source; if the source reports on that year, "
                                  "widen covers_year_start/covers_year_end in sources")
