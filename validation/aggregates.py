"""Rules for ``amounts.recommended_for_aggregates``: the true rows can be summed safely.

AidData's flag, applied here: within one currency, adding up the recommended rows must
never count the same money twice and never add a figure that is not there. So a row
without an amount, a plan, or a commercial value is never recommended; nor is a figure
of several years or of no stated year (it may contain the yearly rows), nor one that is
not of one kind of aid (``aid_type`` mixed, other, business investment, purchases); and a
whole is never recommended together with one of its parts (``part_of``, at any depth) or,
for a stated total, together with another recommended row of the same project (its items).
Nor are two recommended rows of the same currency, year and aid type where one's provider
and recipient are the other's or lie within them (``recommended-not-nested``): a city's
yearly aid beside its province's, or one figure that two pages give, is the same money.
"""
from __future__ import annotations

from povpkg._parts import wholes
from povpkg._report import Failure

from .rules import rule

FLAG = "recommended_for_aggregates"
NOT_FUNDS = {"plan": "a plan, not money put in (the amount actually put in is what counts)",
             "order": "a commercial order, not funds provided",
             "contract": "a contract value, not funds provided",
             "trade_value": "a trade value, not funds provided",
             "income": "an income, not funds provided",
             "profit": "a profit, not funds provided"}
NOT_ONE_KIND = {"mixed": "of several kinds together (aid_type mixed): its parts of one kind count instead",
                "other": "not of a kind of aid the source states (aid_type other)",
                "enterprise_investment": "business investment, not aid funds (aid_type enterprise_investment)",
                "product_purchase": "a purchase of products, not aid funds (aid_type product_purchase)"}
FIX = "set recommended_for_aggregates to false (and say why in docs/aggregates.md)"


def _flagged(df, cols: list):
    """The recommended rows, only the ``cols`` read (a copy of every column cost more than the rule)."""
    return df.loc[df[FLAG].fillna(False).astype(bool).to_numpy(bool), cols]


@rule("recommended-for-aggregates", needs=("amounts",))
def recommended_for_aggregates(frames, ctx):
    """Recommended rows have an amount, are funds, and never double count each other."""
    df = frames["amounts"]
    if FLAG not in df.columns:
        return
    read = [c for c in ("amount_id", "amount", "kind", "aid_type", "period", "year", "project_id") if c in df.columns]
    flagged = _flagged(df, read)
    whole_of, flagged_ids = dict(zip(df["amount_id"].tolist(), df["part_of"].tolist())), set(flagged["amount_id"])
    for i, row in zip(flagged.index, flagged.to_dict("records")):  # dicts: iterrows builds a Series a row
        why = _why_not(row, flagged) or _whole_flagged(row["amount_id"], whole_of, flagged_ids)
        if why:
            yield Failure(rule="recommended-for-aggregates", table="amounts", row=int(i) + 2, key=row["amount_id"],
                          field=FLAG, value=True, message=f"recommended for aggregates but {why}", fix=FIX)


def _why_not(row, flagged) -> str | None:
    """Why this recommended row (a dict of its cells) must not be summed with the others, or None when it may."""
    import pandas as pd

    if pd.isna(row["amount"]):
        return "it has no amount (the source states none)"
    if str(row["kind"]) in NOT_FUNDS:
        return f"it is {NOT_FUNDS[str(row['kind'])]}"
    if str(row.get("aid_type")) in NOT_ONE_KIND:
        return f"it is {NOT_ONE_KIND[str(row['aid_type'])]}"
    if "period" in row and (pd.isna(row["period"]) or str(row["period"]) != "one_year"):
        return ("the source gives no year or period for it" if pd.isna(row["period"]) else
                f"it covers several years (period {row['period']}): it may contain the yearly rows")
    if pd.isna(row["year"]):
        return "its year is not stated: it cannot be placed beside the yearly rows"
    if str(row["kind"]) == "total" and pd.notna(row["project_id"]):
        items = flagged[(flagged["project_id"] == row["project_id"]) & (flagged["amount_id"] != row["amount_id"])]
        if not items.empty:
            return (f"it is a total of project {row['project_id']} whose items ({', '.join(items['amount_id'])}) "
                    "are recommended too")
    return None


def _whole_flagged(amount_id, whole_of, flagged) -> str | None:
    """The recommended whole this amount lies within, through part_of at any depth."""
    whole = next((w for w in wholes(amount_id, whole_of) if w in flagged), None)
    return None if whole is None else f"its whole {whole} is recommended too: the part would be counted twice"


NESTED_FIX = ("recommend one of the two (the official page before a repost; the province's figure or its "
              "city's, not both), or link the narrower row to the wider with part_of if the source says so")


@rule("recommended-not-nested", needs=("amounts", "places"))
def recommended_not_nested(frames, ctx):
    """Two recommended rows are never the same money: not of the same currency, year and aid
    type with one's provider and recipient at or within the other's (a city's yearly aid beside
    its province's, or one figure that two pages give). One source's items of one and the same
    pair are separate by its own account and pass."""
    df = frames["amounts"]
    if FLAG not in df.columns:
        return
    cols = ["amount_id", "source_id", "provider_place_id", "recipient_place_id"]
    read = [c for c in (FLAG, "currency", "year", "aid_type", *cols) if c in df.columns]  # not every column
    flagged = _flagged(df, read).dropna(subset=["year"])
    if len(flagged) < 2:
        return
    places = frames["places"]
    parent = {p: q for p, q in zip(places["place_id"].tolist(), places["parent_id"].tolist()) if isinstance(q, str)}
    for rows in _groups(flagged, ["currency", "year", "aid_type"], cols):
        if len(rows) < 2:
            continue
        for i, narrow in rows:
            wider = next((w for _, w in rows if w["amount_id"] != narrow["amount_id"]
                          and _within(narrow, w, parent) and not _split(narrow, w)), None)
            if wider is not None:
                yield Failure(rule="recommended-not-nested", table="amounts", row=int(i) + 2,
                              key=narrow["amount_id"], field=FLAG, value=True,
                              message=f"recommended for aggregates beside {wider['amount_id']} (the same currency, "
                                      "year and aid type, its provider and recipient at or within that row's): "
                                      "they may be the same money, counted twice",
                              fix=NESTED_FIX)


def _groups(df, by: list, cols: list) -> list[list]:
    """``(row label, {col: cell})`` of each row of ``df`` by group of ``by`` (a row missing one is in
    none), in groupby's order: the dicts made in one pass, not a frame and its dicts per group."""
    number = df.groupby(by, observed=True, dropna=True).ngroup()
    groups: dict = {}
    for n, i, row in zip(number.tolist(), df.index, df[cols].to_dict("records")):
        if n == n:  # NaN: no group
            groups.setdefault(n, []).append((i, row))
    return [groups[n] for n in sorted(groups)]


def _split(a: dict, b: dict) -> bool:
    """One source's items of one pair (Shenzhen's 2010 project, relief and training funds): the
    source itself states them apart, so they are not the same money."""
    return a["source_id"] == b["source_id"] and all(
        a[side] == b[side] for side in ("provider_place_id", "recipient_place_id"))


def _within(narrow: dict, wide: dict, parent: dict) -> bool:
    """True when ``narrow``'s provider and recipient are ``wide``'s or lie within them (a place
    ``wide`` leaves empty could be any)."""
    return all(_covers(wide[side], narrow[side], parent) for side in ("provider_place_id", "recipient_place_id"))


def _covers(wide, narrow, parent: dict) -> bool:
    """``wide`` is ``narrow`` or one of its ancestors (a missing ``wide`` covers any place)."""
    if not isinstance(wide, str):
        return True
    return isinstance(narrow, str) and (narrow == wide or wide in wholes(narrow, parent))  # a loop ends the walk
