"""References a Table Schema foreign key cannot express: lists of ids in one cell."""
from __future__ import annotations

from povpkg._report import Failure

from .rules import pd_isna, row_key, rule

# (table, field holding ids separated by '|', table and field they refer to)
ID_LISTS = [("documents", "issuer_org_ids", "organizations", "org_id")]


@rule("id-list-resolves", needs=())
def id_lists_resolve(frames, ctx):
    """Every id of a '|'-separated list names an existing row (e.g. documents.issuer_org_ids)."""
    for table, col, target, refcol in ID_LISTS:
        if table not in frames or target not in frames or col not in frames[table].columns:
            continue
        df, known = frames[table], set(frames[target][refcol].dropna().astype(str))
        for i in df.index[df[col].notna()]:
            for ref in (x for x in str(df.at[i, col]).split("|") if x not in known):
                yield Failure(rule="id-list-resolves", table=table, row=int(i) + 2, key=row_key(ctx, table, df, i),
                              field=col, value=ref, message=f"{col} names {ref!r}, which is not in {target}.{refcol}",
                              fix=f"use existing {target}.{refcol} values separated by '|', or add the row to {target}")
