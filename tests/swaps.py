"""Swap every two figures that rows citing one span give with one unit, and list the swaps
no rule notices (shared by the provenance and page tests).

Each swap is checked on the rows the rules compare the two swapped rows with (those citing
the same span, and the wholes and parts around them) and on their one source, before and
after the swap: the rules look at nothing else for those rows, so what a swap changes is
the same as on the whole tables, and hundreds of swaps stay quick.
"""
from __future__ import annotations

import itertools

import pandas as pd

from draft import shipped
from povpkg._package import descriptor
from povpkg._rules import rules_module

SHARED = {"amounts": ("amount_id", ["value_stated", "amount"], "unit_stated"),
          "indicators": ("indicator_id", ["value"], "unit")}
SPAN = ["source_id", "span_start", "span_end"]


def around(frames: dict, table: str, i, j) -> dict:
    """The rows of ``frames`` the span and part rules compare rows ``i`` and ``j`` of ``table`` with."""
    df, key = frames[table], SHARED[table][0]
    near = {df.at[i, key], df.at[j, key]} | {p for p in (df.at[i, "part_of"], df.at[j, "part_of"]) if pd.notna(p)}
    span = tuple(df.loc[i, SPAN])
    src = frames["sources"]
    out = {"sources": src[src["source_id"] == span[0]]}  # rows citing other sources are not checked against texts
    for name, (k, _, _) in SHARED.items():
        d = frames[name]
        same_span = (d[SPAN[0]] == span[0]) & (d[SPAN[1]] == span[1]) & (d[SPAN[2]] == span[2])
        related = d[k].isin(near) | d["part_of"].isin(near)
        out[name] = d[(same_span | related).fillna(False).to_numpy(bool)]
    return out


def unnoticed_swaps(folder) -> tuple[int, list]:
    """(swaps tried, swaps no rule noticed) among rows whose source text ``folder`` holds."""
    rules = rules_module()
    frames = {n: shipped().frames[n] for n in ("sources", *SHARED)}  # the tables the rules below read
    ctx = rules.rules.Context(desc=descriptor(), root=None, sources=folder)
    held = set(rules.provenance.read_texts(folder, frames["sources"]).texts)

    def noticed(fr, parts: bool) -> set:
        found = [*rules.provenance.spans_in_source(fr, ctx), *rules.provenance.span_order(fr, ctx)]
        if parts:  # only a part or a whole can break a sum or outgrow its whole
            found += [*rules.rules.RULES["parts-add-up"](fr, ctx), *rules.rules.RULES["part-matches-whole"](fr, ctx)]
        return {(f.rule, f.table, f.key, f.field) for f in found}

    tried, missed = 0, []
    for table, (key, fields, unit) in SHARED.items():
        df = frames[table]
        held_rows = df[df["source_id"].isin(held)]
        for _, rows in held_rows.groupby(SPAN):
            for i, j in itertools.combinations(rows.index, 2):
                a, b = df.at[i, fields[0]], df.at[j, fields[0]]
                if _unit(df, i, unit) != _unit(df, j, unit) or pd.isna(a) or pd.isna(b) or a == b:
                    continue
                before = around(frames, table, i, j)
                swapped = before[table].copy()
                for f in fields:
                    swapped.loc[i, f], swapped.loc[j, f] = df.at[j, f], df.at[i, f]
                tried += 1
                ids = {df.at[i, key], df.at[j, key]}
                parts = df.loc[[i, j], "part_of"].notna().any() or any(f["part_of"].isin(ids).any()
                                                                        for f in before.values() if "part_of" in f)
                if not noticed({**before, table: swapped}, parts) - noticed(before, parts):
                    missed.append((df.at[i, key], df.at[j, key]))
    return tried, missed


def _unit(df, i, unit):
    """A row's unit: unit_stated, or a Chinese page's unit_zh."""
    v = df.at[i, unit]
    return df.at[i, "unit_zh"] if pd.isna(v) and "unit_zh" in df.columns else v
