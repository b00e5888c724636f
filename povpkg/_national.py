"""The national East-West series: each figure the sources state for the programme as a whole,
one row per measure, span and value, with the sources that state it.

Nothing here is summed. A figure keeps the span it was stated for (one year, part of a year,
a Five-Year Plan period, a cumulative span, or no year at all), so a cumulative total never
stands beside, or is added to, the years it contains; the same figure repeated by several
pages is one row naming them all, and a different figure for the same measure and span is a
row of its own, flagged. A clone, or a repost that names no original, never confirms a figure
independently, and two copies of one publisher's text are one confirmation.
"""
from __future__ import annotations

import re

from ._panel import NATIONAL

NATIONAL_SUBJECT = "East-West pairing-off cooperation (eastern provinces and municipalities, combined)"
COLUMNS = ["measure", "span_kind", "start_year", "end_year", "value", "unit", "qualifier", "table", "row_ids",
           "source_ids", "host_types", "sources", "independent_sources", "same_span"]
SPAN_KINDS = ("one_year", "part_year", "plan_period", "cumulative", "undated")
AMOUNT_MEASURE = {"government_aid": "fiscal_aid", "social_donation": "social_donations",
                  "in_kind_donation": "in_kind_donations", "enterprise_investment": "enterprise_investment",
                  "product_purchase": "product_purchases", "loan": "loans", "reconstruction_aid": "reconstruction_aid"}
KIND_SUFFIX = {"plan": "_planned", "contract": "_agreed", "order": "_agreed"}  # never the same figure as money put in
_MONTH = "January|February|March|April|May|June|July|August|September|October|November"  # a year ends in December
PART_YEAR = re.compile(rf"\bto\s+(?:the\s+(?:end|middle)\s+of\s+|early\s+|mid-?|late\s+)?(?:{_MONTH})\b"
                       r"|\bpartial\s+year\b|\bpart\s+of\s+the\s+year\b|\bfirst\s+half\b", re.IGNORECASE)
PER_UNIT = re.compile(r"\b(?:per|average|on\s+average)\b", re.IGNORECASE)


def national_series(amounts, indicators, sources):
    """The series from the ``amounts``, ``indicators`` and ``sources`` frames (see
    ``povpkg.national_series``)."""
    import pandas as pd

    rows = pd.concat([_amount_rows(amounts), _indicator_rows(indicators)], ignore_index=True)
    if rows.empty:
        return _typed(pd.DataFrame(columns=COLUMNS))
    rows = rows.merge(_independence(sources), on="source_id", how="left")
    out = _one_row_per_figure(rows)
    return _typed(_flag_same_span(out))


def _amount_rows(am):
    """The programme's own money figures: the amounts of project pj-east-west-pairing without a
    pair, that state a figure and are no stated part of another ('of which')."""
    import pandas as pd

    sel = am[(am["project_id"] == NATIONAL) & am["pairing_id"].isna() & am["part_of"].isna() & am["amount"].notna()]
    words = sel["purpose"].fillna("") + " " + sel["notes"].fillna("")
    measure = [_amount_measure(k, a, p) for k, a, p in zip(sel["kind"], sel["aid_type"], sel["purpose"].fillna(""))]
    return pd.DataFrame({"table": "amounts", "row_id": sel["amount_id"].astype(str), "measure": measure,
                         "period": sel["period"], "start": sel["period_start_year"], "end": sel["year"], "words": words,
                         "value": sel["amount"].astype(float), "unit": sel["currency"].astype("string"),
                         "qualifier": sel["qualifier"], "source_id": sel["source_id"]})


def _amount_measure(kind, aid_type, purpose) -> str:
    """What an amount measures, as one name: its aid type (fiscal_aid for government aid), a
    total of several kinds named for its kind, with a suffix for plans, agreements and averages."""
    kind, aid_type = str(kind), str(aid_type)
    if aid_type == "mixed":
        base = "donations_money_and_goods" if kind == "donation" else "mixed_funds"
    elif aid_type == "other":
        base = kind
    else:
        base = AMOUNT_MEASURE.get(aid_type, aid_type)
    return base + KIND_SUFFIX.get(kind, "") + ("_per_unit" if PER_UNIT.search(purpose) else "")


def _indicator_rows(ind):
    """The programme's other figures (cadres sent, people trained, ...): the indicators of its
    project or its combined subject, without a pair, no stated part of another."""
    import pandas as pd

    mine = (ind["project_id"] == NATIONAL) | (ind["subject"] == NATIONAL_SUBJECT)
    sel = ind[mine & ind["pairing_id"].isna() & ind["part_of"].isna() & ind["value"].notna()]
    return pd.DataFrame({"table": "indicators", "row_id": sel["indicator_id"].astype(str),
                         "measure": sel["measure"].astype(str), "period": sel["period"],
                         "start": sel["period_start_year"], "end": sel["year"],
                         "words": sel["subject"].fillna("") + " " + sel["notes"].fillna(""),
                         "value": sel["value"].astype(float), "unit": sel["unit"].astype("string"),
                         "qualifier": sel["qualifier"], "source_id": sel["source_id"]})


def span_kind(period, start, end, words: str = "") -> str:
    """one_year, part_year (the row's own words end it before December), plan_period (a
    Five-Year Plan's five years: 1996-2000, ..., 2021-2025), cumulative (several years, the
    first stated or not) or undated (no year at all)."""
    import pandas as pd

    several = not pd.isna(period) and str(period) in ("stated_years", "unstated_years")
    if several and not pd.isna(end):
        if not pd.isna(start) and int(start) % 5 == 1 and int(end) == int(start) + 4:
            return "plan_period"
        return "cumulative"
    if pd.isna(end):
        return "undated"
    return "part_year" if PART_YEAR.search(words or "") else "one_year"


def _independence(sources):
    """Each source's host type and whose text it is: a clone, or a repost naming no original,
    confirms nothing (empty key); a repost counts as its original publisher, a page as its publisher."""
    import pandas as pd

    host = sources["host_type"].astype("string")
    original = sources["original_publisher"].astype("string")
    key = sources["publisher"].astype("string").where(host != "repost", original)
    key = key.where(host != "clone", pd.NA).str.strip().str.casefold()
    return pd.DataFrame({"source_id": sources["source_id"], "host_type": host.fillna(""),
                         "independent_key": key.replace("", pd.NA)})


def _one_row_per_figure(rows):
    """One row per measure, span and value: the rows and sources that state that figure."""
    import pandas as pd

    rows = rows.assign(span_kind=[span_kind(p, s, e, w) for p, s, e, w in
                                  zip(rows["period"], rows["start"], rows["end"], rows["words"])])
    rows["start_year"] = rows["start"].where(rows["span_kind"].isin(["plan_period", "cumulative"]), rows["end"])
    rows["end_year"] = rows["end"]
    keys = ["measure", "span_kind", "start_year", "end_year", "unit", "value"]
    rows = rows.sort_values(keys + ["row_id"], kind="stable")
    out = []
    for key, g in rows.groupby(keys, dropna=False, sort=True):
        out.append(dict(zip(keys, key), qualifier="|".join(sorted(set(g["qualifier"].dropna().astype(str)))),
                        table="|".join(sorted(set(g["table"]))), row_ids="|".join(g["row_id"]),
                        source_ids="|".join(dict.fromkeys(g["source_id"].astype(str))),
                        host_types="|".join(dict.fromkeys(g["host_type"].fillna("").astype(str))),
                        sources=g["source_id"].nunique(), independent_sources=g["independent_key"].nunique()))
    return pd.DataFrame(out, columns=COLUMNS)


def _flag_same_span(out):
    """same_span: differs (another figure of the measure for this span), confirmed (two or more
    independent sources), repeated (several sources, not two independent ones), or empty."""
    keys = ["measure", "span_kind", "start_year", "end_year", "unit"]
    figures = out.groupby(keys, dropna=False)["value"].transform("size")
    flag = out["independent_sources"].ge(2).map({True: "confirmed", False: ""})
    flag = flag.where(~((out["sources"] >= 2) & (flag == "")), "repeated")
    out["same_span"] = flag.where(figures == 1, "differs")
    return out


def _typed(out):
    order = {k: i for i, k in enumerate(SPAN_KINDS)}
    out = out.assign(_k=out["span_kind"].map(order)).sort_values(
        ["measure", "start_year", "end_year", "_k", "value"], na_position="last", kind="stable")
    out = out.drop(columns="_k").reset_index(drop=True)
    for c in ("start_year", "end_year", "sources", "independent_sources"):
        out[c] = out[c].astype("Int64")
    out["value"] = out["value"].astype("Float64")
    for c in COLUMNS:
        if c not in ("start_year", "end_year", "sources", "independent_sources", "value"):
            out[c] = out[c].astype("string")
    return out.reindex(columns=COLUMNS)


def to_text(series) -> str:
    """The series as an aligned table for a terminal (values as stated in their unit)."""
    import pandas as pd

    shown = series.drop(columns=["table", "host_types"]).copy()
    shown["value"] = shown["value"].map(lambda v: "" if pd.isna(v) else f"{v:,.10g}").astype(object)
    return shown.astype(object).fillna("").to_string(index=False)
