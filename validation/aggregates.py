"""Rules for ``amounts.recommended_for_aggregates``: the true rows can be summed safely.

AidData's flag, applied here: within one currency, adding up the recommended rows must
never count the same money twice and never add a figure that is not there. So a row
without an amount, a plan, or a commercial value is never recommended, and a whole
is never recommended together with one of its parts (``part_of``) or, for a stated
total, together with another recommended row of the same project (its items).
"""
from __future__ import annotations

from povpkg._report import Failure

from .rules import rule

FLAG = "recommended_for_aggregates"
NOT_FUNDS = {"plan": "a plan, not money put in (the amount actually put in is what counts)",
             "order": "a commercial order, not funds provided",
             "contract": "a contract value, not funds provided",
             "trade_value": "a trade value, not funds provided",
             "income": "an income, not funds provided",
             "profit": "a profit, not funds provided"}
FIX = "set recommended_for_aggregates to false (and say why in docs/aggregates.md)"


def _flagged(df):
    return df[df[FLAG].fillna(False).astype(bool)]


@rule("recommended-for-aggregates", needs=("amounts",))
def recommended_for_aggregates(frames, ctx):
    """Recommended rows have an amount, are funds, and never double count each other."""
    df = frames["amounts"]
    if FLAG not in df.columns:
        return
    flagged = _flagged(df)
    for i, row in flagged.iterrows():
        why = _why_not(row, flagged)
        if why:
            yield Failure(rule="recommended-for-aggregates", table="amounts", row=int(i) + 2, key=row["amount_id"],
                          field=FLAG, value=True, message=f"recommended for aggregates but {why}", fix=FIX)


def _why_not(row, flagged) -> str | None:
    """Why this recommended row must not be summed with the others, or None when it may."""
    import pandas as pd

    if pd.isna(row["amount"]):
        return "it has no amount (the source states none)"
    if str(row["kind"]) in NOT_FUNDS:
        return f"it is {NOT_FUNDS[str(row['kind'])]}"
    part_of = row["part_of"]
    if pd.notna(part_of) and part_of in set(flagged["amount_id"]):
        return f"its whole {part_of} is recommended too: the part would be counted twice"
    if str(row["kind"]) == "total" and pd.notna(row["project_id"]):
        items = flagged[(flagged["project_id"] == row["project_id"]) & (flagged["amount_id"] != row["amount_id"])]
        if not items.empty:
            return (f"it is a total of project {row['project_id']} whose items ({', '.join(items['amount_id'])}) "
                    "are recommended too")
    return None
