"""Swap every two figures that rows citing one span give with one unit, and list the swaps
no rule notices (shared by the provenance and page tests)."""
from __future__ import annotations

import itertools

import pandas as pd

import povpkg
from povpkg._package import descriptor
from povpkg._rules import rules_module

SHARED = {"amounts": ("amount_id", ["value_stated", "amount"], "unit_stated"),
          "indicators": ("indicator_id", ["value"], "unit")}


def unnoticed_swaps(folder) -> tuple[int, list]:
    """(swaps tried, swaps no rule noticed) among rows whose source text ``folder`` holds."""
    rules = rules_module()
    frames = {n: povpkg.load(n) for n in ("sources", *SHARED)}  # the tables the rules below read
    ctx = rules.rules.Context(desc=descriptor(), root=None, sources=folder)
    held = set(rules.provenance.read_texts(folder, frames["sources"]).texts)

    def noticed(fr) -> set:
        found = [*rules.provenance.spans_in_source(fr, ctx), *rules.provenance.span_order(fr, ctx),
                 *rules.rules.RULES["parts-add-up"](fr, ctx), *rules.rules.RULES["part-matches-whole"](fr, ctx)]
        return {(f.rule, f.table, f.key, f.field) for f in found}

    before, tried, missed = noticed(frames), 0, []
    for table, (key, fields, unit) in SHARED.items():
        df = frames[table]
        held_rows = df[df["source_id"].isin(held)]
        for _, rows in held_rows.groupby(["source_id", "span_start", "span_end"]):
            for i, j in itertools.combinations(rows.index, 2):
                a, b = df.at[i, fields[0]], df.at[j, fields[0]]
                if _unit(df, i, unit) != _unit(df, j, unit) or pd.isna(a) or pd.isna(b) or a == b:
                    continue
                swapped = df.copy()
                for f in fields:
                    swapped.loc[i, f], swapped.loc[j, f] = df.at[j, f], df.at[i, f]
                tried += 1
                if not noticed({**frames, table: swapped}) - before:
                    missed.append((df.at[i, key], df.at[j, key]))
    return tried, missed


def _unit(df, i, unit):
    """A row's unit: unit_stated, or a Chinese page's unit_zh."""
    v = df.at[i, unit]
    return df.at[i, "unit_zh"] if pd.isna(v) and "unit_zh" in df.columns else v
