"""Rules across rows and tables: the sources' own arithmetic, counts and provenance.

Each rule is a function ``(frames, ctx) -> iterable of Failure`` registered with
``@rule``. A failure that an ``errata`` row documents (same rule, table and row
id) is a known error of the source, not of the data, and is dropped.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from povpkg._report import Failure

RULES: dict[str, Callable] = {}


def rule(name: str, needs: tuple[str, ...]):
    """Register a rule; it runs only when every table it ``needs`` loaded cleanly."""
    def deco(fn):
        fn.rule_name, fn.needs = name, needs
        RULES[name] = fn
        return fn
    return deco


@dataclass
class Context:
    desc: dict
    root: Path
    sources: Path | None


def row_of(df, mask) -> list[int]:
    """CSV line numbers (header = 1) of the rows where ``mask`` holds."""
    return [int(i) + 2 for i in df.index[mask]]


# --- the sources' arithmetic -------------------------------------------------

@rule("totals-add-up", needs=("funding_2009", "funding_2009_totals"))
def funding_totals(frames, ctx):
    """Every printed total (row, column, grand) equals the sum of its cells."""
    cells, totals = frames["funding_2009"], frames["funding_2009_totals"]
    sums = {
        "area": cells.groupby("recipient_id", observed=True)["amount_10k_yuan"].sum(),
        "category": cells.groupby("category", observed=True)["amount_10k_yuan"].sum(),
    }
    broken = {"area": [], "category": []}
    for i, t in totals.iterrows():
        kind = t["total_kind"]
        if kind == "grand":
            got, what = int(cells["amount_10k_yuan"].sum()), "all cells"
        else:
            member = t["recipient_id"] if kind == "area" else t["category"]
            got, what = int(sums[kind].get(member, 0)), f"the cells of {kind} {member}"
        if got != t["amount_10k_yuan"]:
            if kind != "grand":
                broken[kind].append(member)
            yield Failure(rule="totals-add-up", table="funding_2009_totals", row=int(i) + 2, key=t["total_id"],
                          field="amount_10k_yuan", value=int(t["amount_10k_yuan"]),
                          message=f"{what} add up to {got} (10k yuan) but the printed total is {int(t['amount_10k_yuan'])}",
                          fix="correct the cell that differs from the source's table (or the total, if it was mistyped)")
    for area in broken["area"]:
        for cat in broken["category"]:
            mask = (cells["recipient_id"] == area) & (cells["category"] == cat)
            for r in row_of(cells, mask):
                yield Failure(rule="totals-add-up", table="funding_2009", row=r, key=f"{area}/{cat}",
                              field="amount_10k_yuan", value=int(cells.loc[r - 2, "amount_10k_yuan"]),
                              message=f"this cell is in both broken totals (area {area}, category {cat}): it is the likely error",
                              fix="compare the cell with the source's table")


STATED_SCALE = {"yuan": 1, "10k yuan": 10_000, "million yuan": 1_000_000, "billion yuan": 1_000_000_000}
ACTUAL_2009 = "am-2009-shanghai-yunnan-actual"


@rule("text-agrees-with-table", needs=("funding_2009", "amounts"))
def stated_total_matches_table(frames, ctx):
    """The text's '180 million yuan actually put in' agrees with the table's grand total,
    within half a unit of the last digit the text gives."""
    amounts, cells = frames["amounts"], frames["funding_2009"]
    rows = amounts.index[amounts["amount_id"] == ACTUAL_2009]
    if len(rows) == 0:
        yield Failure(rule="text-agrees-with-table", table="amounts", key=ACTUAL_2009,
                      message=f"the row {ACTUAL_2009} (the text's actual 2009 total) is missing")
        return
    i = rows[0]
    a = amounts.loc[i]
    scale = STATED_SCALE.get(str(a["unit_stated"]))
    if scale is None:
        yield Failure(rule="text-agrees-with-table", table="amounts", row=int(i) + 2, key=ACTUAL_2009,
                      field="unit_stated", value=a["unit_stated"], message="unit is not a yuan unit")
        return
    stated = float(a["value_stated"])
    decimals = len(repr(stated).split(".")[1].rstrip("0")) if "." in repr(stated) else 0
    tolerance = 0.5 * scale / 10**decimals
    table_total = int(cells["amount_10k_yuan"].sum()) * 10_000
    if abs(stated * scale - table_total) > tolerance:
        yield Failure(rule="text-agrees-with-table", table="amounts", row=int(i) + 2, key=ACTUAL_2009,
                      field="value_stated", value=a["value_stated"],
                      message=f"the text says {a['value_stated']:g} {a['unit_stated']} but the table's cells add up to "
                              f"{table_total:,} yuan (allowed difference {tolerance:,.0f})",
                      fix="check the amount against the source text and the table cells")


# --- running ------------------------------------------------------------------

def check_rules(desc: dict, frames: dict, *, root: Path, sources=None) -> list[Failure]:
    ctx = Context(desc=desc, root=Path(root), sources=Path(sources) if sources else None)
    out = []
    for name, fn in RULES.items():
        if all(t in frames for t in fn.needs):
            out.extend(fn(frames, ctx))
    return _drop_documented(out, frames.get("errata"))


def _drop_documented(failures: list[Failure], errata) -> list[Failure]:
    if errata is None or errata.empty:
        return failures
    known = {(r.rule, r.table, r.row_id) for r in errata.itertuples(index=False)}
    return [f for f in failures if (f.rule, f.table, f.key) not in known]
