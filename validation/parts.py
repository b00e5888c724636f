"""Rule ``parts-stated``: ``part_of`` is applied to every stated part, and every whole says
whether its parts make it up.

A part left unlinked can be summed beside its whole; a whole whose parts are only some
of it cannot be checked by ``parts-add-up`` unless it says so. So a whole that rows name
in ``part_of`` has ``parts_stated`` (all or some), a row with ``parts_stated`` is some
row's whole, and a row whose notes call it a part ("part of", "share of", "included in")
of another row of its table names that row in ``part_of``.
"""
from __future__ import annotations

import re

from povpkg._report import Failure

from .rules import is_in, pd_isna, row_key, rule

KEYS = {"amounts": "amount_id", "indicators": "indicator_id"}
NAMED_WHOLE = re.compile(r"\b(?:part|share|portion)\s+of\s+((?:am|in)-[a-z0-9][a-z0-9-]*[a-z0-9])"
                         r"|\bincluded\s+in\s+((?:am|in)-[a-z0-9][a-z0-9-]*[a-z0-9])", re.IGNORECASE)
_NOT = re.compile(r"\b(?:not|never|no)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def named_wholes(notes) -> list[str]:
    """The row ids ``notes`` calls this row a part of ("stated share of am-x"), unless negated."""
    if not isinstance(notes, str) or "-" not in notes:  # every id it names holds one: most notes need no scan
        return []
    return [m.group(1) or m.group(2) for m in NAMED_WHOLE.finditer(notes) if not _NOT.search(notes[:m.start()])]


@rule("parts-stated", needs=("amounts", "indicators"))
def parts_stated(frames, ctx):
    """Stated parts are linked (``part_of``); linked wholes say ``parts_stated``."""
    for table, key in KEYS.items():
        df = frames[table]
        if "parts_stated" in df.columns:
            yield from _wholes_say(ctx, table, df)
        if "notes" in df.columns:
            yield from _notes_agree(ctx, table, df, key)


def _wholes_say(ctx, table, df):
    named = set(df["part_of"].dropna())
    is_whole = is_in(df[KEYS[table]], list(named)).to_numpy(bool)  # pandas' isin: a pyarrow scalar per name
    said = df["parts_stated"].notna().to_numpy(bool)
    for i in df.index[is_whole & ~said]:
        yield Failure(rule="parts-stated", table=table, row=int(i) + 2, key=row_key(ctx, table, df, i),
                      field="parts_stated", message="rows name it in part_of, but parts_stated is empty",
                      fix="set parts_stated to all (its parts make it up) or some (the source states only some)")
    for i in df.index[~is_whole & said]:
        yield Failure(rule="parts-stated", table=table, row=int(i) + 2, key=row_key(ctx, table, df, i),
                      field="parts_stated", value=str(df.at[i, "parts_stated"]),
                      message="parts_stated is filled, but no row names it in part_of",
                      fix="link its parts with part_of, or empty parts_stated")


def _notes_agree(ctx, table, df, key):
    ids = set(df[key].tolist())  # tolist: iterating an Arrow-backed column yields a cell at a time
    for i, own, notes, part_of in zip(df.index, df[key].tolist(), df["notes"].tolist(), df["part_of"].tolist()):
        for whole in named_wholes(notes):
            if whole in ids and whole != own and (pd_isna(part_of) or part_of != whole):
                yield Failure(rule="parts-stated", table=table, row=int(i) + 2, key=row_key(ctx, table, df, i),
                              field="part_of", value=None if pd_isna(part_of) else str(part_of),
                              message=f"its notes call it a part of {whole}, but part_of does not name it",
                              fix=f"set part_of to {whole} (and the whole's parts_stated), or reword the notes")
