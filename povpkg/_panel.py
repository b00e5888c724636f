"""The pairing panel: East-West pairing aid by pair, year and kind, in yuan, that sums honestly.

Cells add up only amounts recommended for aggregates (one year, one kind, never a part
beside its whole), so no figure of a source is counted twice. The totals the sources
state (a pair's total for a year, or a national figure for all pairs) are rows of their
own, beside what the panel counts of them, never added into the cells.
"""
from __future__ import annotations

NATIONAL = "pj-east-west-pairing"  # projects row of the national programme: its yearly figures
KINDS_NOT_AID = {"enterprise_investment", "product_purchase", "other"}  # never a stated aid total
NOT_FUNDS = {"plan", "order", "contract", "trade_value", "income", "profit"}
COLUMNS = ["level", "pairing_id", "provider", "recipient", "year", "aid_type", "amount_yuan", "amount_ids",
           "stated_total_yuan", "sum_of_parts_yuan", "counted_yuan", "stated_total_id"]


def pairing_panel(amounts, pairings):
    """The panel from the ``amounts`` and ``pairings`` frames (see ``povpkg.pairing_panel``)."""
    import pandas as pd

    am = _single_year_yuan(amounts)
    counted = am[am["recommended_for_aggregates"].fillna(False).astype(bool)]
    _refuse_nested(amounts, counted)
    pairs = counted[counted["pairing_id"].notna()]
    cells = _cells(pairs)
    totals = _pair_totals(am, counted)
    national = _national(am, pairs)
    out = pd.concat([f for f in (cells, totals, national) if len(f)], ignore_index=True)
    names = pairings.set_index("pairing_id")
    out["provider"] = out["pairing_id"].map(names["provider_as_stated"]).astype("string")
    out["recipient"] = out["pairing_id"].map(names["recipient_as_stated"]).astype("string")
    order = {"pair": 0, "pair_total": 1, "national": 2}
    out = out.assign(_l=out["level"].map(order)).sort_values(["year", "_l", "pairing_id", "aid_type"], na_position="last",
                                                             kind="stable")
    out = out.drop(columns="_l").reset_index(drop=True)
    for c in ("amount_yuan", "stated_total_yuan", "sum_of_parts_yuan", "counted_yuan"):
        out[c] = out[c].astype("Float64")
    for c in ("level", "pairing_id", "aid_type", "amount_ids", "stated_total_id"):
        out[c] = out[c].astype("string")
    out["year"] = out["year"].astype("Int64")
    return out.reindex(columns=COLUMNS)


def _refuse_nested(amounts, counted) -> None:
    """A recommended row inside another recommended row would be counted twice: refuse the
    package (validation's recommended-for-aggregates rule names it too)."""
    from ._parts import wholes
    from .errors import DataError

    ids = set(counted["amount_id"])
    whole_of = dict(zip(amounts["amount_id"], amounts["part_of"]))
    for part in sorted(ids):
        whole = next((w for w in wholes(part, whole_of) if w in ids), None)
        if whole is not None:
            raise DataError(f"amounts {part} and its whole {whole} are both recommended for aggregates, so the "
                            "panel would count that money twice; run `povpkg validate`")


def _single_year_yuan(amounts):
    """Yuan amounts of one stated year (the only ones a year's cell can hold)."""
    return amounts[(amounts["currency"] == "CNY") & (amounts["period"] == "one_year") & amounts["year"].notna()
                   & amounts["amount"].notna()].copy()


def _cells(pairs):
    """pair x year x aid type: the sum of the recommended amounts, and which rows they are."""
    import pandas as pd

    if pairs.empty:
        return pd.DataFrame(columns=COLUMNS)
    g = pairs.groupby(["pairing_id", "year", "aid_type"], observed=True, sort=True)
    out = g["amount"].sum().rename("amount_yuan").to_frame()
    out["amount_ids"] = g["amount_id"].agg("|".join)
    return out.reset_index().assign(level="pair")


def _descendants(am, whole_id) -> list[str]:
    """Every row within ``whole_id`` through part_of, at any depth."""
    found, frontier = [], [whole_id]
    while frontier:
        kids = am.loc[am["part_of"].isin(frontier), "amount_id"].tolist()
        kids = [k for k in kids if k not in found]
        found += kids
        frontier = kids
    return found


def _pair_totals(am, counted):
    """Each total a source states for one pair and year (a whole with parts, itself part of
    nothing): its figure, its stated parts' sum, and what the cells count of it."""
    import pandas as pd

    wholes = am[am["pairing_id"].notna() & am["parts_stated"].notna() & am["part_of"].isna()
                & ~am["kind"].isin(NOT_FUNDS) & ~am["aid_type"].isin(KINDS_NOT_AID)]
    ok = set(counted["amount_id"])
    rows = []
    for w in wholes.itertuples(index=False):
        inside = [w.amount_id, *_descendants(am, w.amount_id)]
        rows.append(dict(level="pair_total", pairing_id=w.pairing_id, year=w.year, aid_type=w.aid_type,
                         stated_total_yuan=w.amount, stated_total_id=w.amount_id,
                         sum_of_parts_yuan=am.loc[am["part_of"] == w.amount_id, "amount"].sum(min_count=1),
                         counted_yuan=am.loc[am["amount_id"].isin([i for i in inside if i in ok]), "amount"].sum()))
    return pd.DataFrame(rows, columns=COLUMNS)


def _national(am, pairs):
    """Each national figure of a year (the programme's, no pair): its stated parts' sum, and
    what the cells count of the pairs that year, of the same kind."""
    import pandas as pd

    nat = am[(am["project_id"] == NATIONAL) & am["pairing_id"].isna() & am["part_of"].isna()
             & ~am["kind"].isin(NOT_FUNDS) & ~am["aid_type"].isin(KINDS_NOT_AID)]
    rows = []
    for n in nat.itertuples(index=False):
        same = pairs[(pairs["year"] == n.year) & (pairs["aid_type"] == n.aid_type)]
        rows.append(dict(level="national", pairing_id=pd.NA, year=n.year, aid_type=n.aid_type,
                         stated_total_yuan=n.amount, stated_total_id=n.amount_id,
                         sum_of_parts_yuan=am.loc[am["part_of"] == n.amount_id, "amount"].sum(min_count=1),
                         counted_yuan=same["amount"].sum() if n.aid_type != "mixed" else pd.NA))
    return pd.DataFrame(rows, columns=COLUMNS)


def to_text(panel) -> str:
    """The panel as an aligned table for a terminal, in million yuan."""
    import pandas as pd

    shown = panel.copy()
    for c in ("amount_yuan", "stated_total_yuan", "sum_of_parts_yuan", "counted_yuan"):
        shown[c] = shown[c].map(lambda v: "" if pd.isna(v) else f"{v / 1e6:,.2f}").astype(object)
    shown = shown.rename(columns=lambda c: c.replace("_yuan", "_myuan"))
    shown = shown.drop(columns=["provider", "recipient"]).fillna("")
    return shown.to_string(index=False)


def to_json(panel) -> str:
    """The panel as a JSON list of records, in yuan (missing values as null)."""
    import json

    records = panel.astype(object).where(panel.notna(), None).to_dict("records")
    return json.dumps([{k: (int(v) if k == "year" and v is not None else v) for k, v in r.items()} for r in records],
                      ensure_ascii=False, indent=1)
