"""Pandera schemas, one per table: derived from the Table Schema, plus row checks.

Types, required fields, uniqueness, enums, ranges and patterns come from
``datapackage.json`` (one source of truth); ``ROW_CHECKS`` adds the rules a
Table Schema cannot express, each with a name, the field it blames and a fix.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd
import pandera.pandas as pa

from povpkg._load import PANDAS_DTYPE
from povpkg._report import Failure


@dataclass(frozen=True)
class RowCheck:
    """A rule over whole rows: ``test(df)`` returns True where a row passes."""

    name: str
    field: str
    test: Callable
    message: str
    fix: str = ""


SCALE = {"yuan": 1, "10k yuan": 10_000, "million yuan": 1_000_000, "billion yuan": 1_000_000_000,
         "usd": 1, "million usd": 1_000_000, "billion usd": 1_000_000_000}
CURRENCY = {"yuan": "CNY", "10k yuan": "CNY", "million yuan": "CNY", "billion yuan": "CNY",
            "usd": "USD", "million usd": "USD", "billion usd": "USD"}
# the units a Chinese page writes (amounts.unit_zh, for a row whose unit_stated is empty)
SCALE.update({"元": 1, "万元": 10_000, "亿元": 100_000_000, "万亿元": 1_000_000_000_000,
              "美元": 1, "万美元": 10_000, "亿美元": 100_000_000})
CURRENCY.update({u: "USD" if u.endswith("美元") else "CNY" for u in ("元", "万元", "亿元", "万亿元", "美元", "万美元", "亿美元")})


def stated_unit(d):
    """unit_stated, or the Chinese unit (unit_zh) where the page writes one."""
    if "unit_zh" not in d.columns:
        return d["unit_stated"]
    return d["unit_stated"].astype("string").fillna(d["unit_zh"].astype("string"))  # enums load as categoricals


def _amount_matches_stated(d):
    scale = stated_unit(d).astype("str").map(SCALE).astype("Float64")
    expected = d["value_stated"] * scale
    both = d["amount"].notna() & expected.notna()
    return (~both | ((d["amount"] - expected).abs() < 0.5)).fillna(True)


def _currency_matches_unit(d):
    unit = stated_unit(d)
    cur = unit.astype("str").map(CURRENCY)
    known = unit.notna() & d["currency"].notna()
    return ~known | (d["currency"].astype("str") == cur)


YUAN_FROM_10K = RowCheck("yuan-is-10k-times-10000", "amount_yuan",
                         lambda d: d["amount_yuan"] == d["amount_10k_yuan"] * 10000,
                         "amount_yuan is not amount_10k_yuan x 10,000", "set amount_yuan to amount_10k_yuan x 10,000")

ROW_CHECKS: dict[str, list[RowCheck]] = {
    "events": [
        RowCheck("start-before-end", "end_date",
                 lambda d: d["start_date"].isna() | d["end_date"].isna() | (d["start_date"] <= d["end_date"]),
                 "the activity ends before it starts", "swap or correct start_date and end_date"),
        RowCheck("date-needs-precision", "date_precision",
                 lambda d: d["start_date"].isna() | d["date_precision"].notna(),
                 "a dated activity needs date_precision (day, month or year)", "fill date_precision"),
        RowCheck("date-needs-basis", "date_basis",
                 lambda d: (d["start_date"].isna() | d["date_basis"].notna())
                 & ((d["date_basis"] != "parent") | d["parent_event_id"].notna()).fillna(True),
                 "a dated activity needs date_basis, and 'parent' needs a parent_event_id",
                 "set date_basis to stated, parent (with parent_event_id) or context"),
        RowCheck("participants-need-qualifier", "participants_qualifier",
                 lambda d: d["participants"].isna() | d["participants_qualifier"].notna(),
                 "a participant count needs its qualifier (exact, more_than, ...)", "fill participants_qualifier"),
    ],
    "amounts": [
        RowCheck("amount-matches-stated", "amount", _amount_matches_stated,
                 "amount is not value_stated converted from unit_stated",
                 "set amount to value_stated x the unit (10k yuan = 10,000; million = 1,000,000; ...)"),
        RowCheck("currency-matches-unit", "currency", _currency_matches_unit,
                 "currency does not match unit_stated", "use CNY for yuan units and USD for usd units"),
        RowCheck("one-stated-unit", "unit_zh",
                 lambda d: ~(d["unit_stated"].notna() & d["unit_zh"].notna()) if "unit_zh" in d.columns else True,
                 "a figure has one unit as stated: unit_stated (English) or unit_zh (Chinese), not both",
                 "empty the one the source does not write"),
    ],
    "funding_2009": [YUAN_FROM_10K],
    "funding_2009_totals": [
        YUAN_FROM_10K,
        RowCheck("total-kind-matches-keys", "total_kind",
                 lambda d: ((d["total_kind"] == "area") == d["recipient_id"].notna())
                 & ((d["total_kind"] == "category") == d["category"].notna()),
                 "an area total needs recipient_id only, a category total category only, the grand total neither",
                 "fill recipient_id or category to match total_kind"),
    ],
}



def column_for(field: dict) -> pa.Column:
    """A pandera Column with the type and constraints the Table Schema declares."""
    c = field.get("constraints", {})
    checks = [constraint_check(name, c[name]) for name in ("enum", "minimum", "maximum", "pattern") if name in c]
    ftype = field.get("type", "string")
    dtype = None if ftype == "string" else PANDAS_DTYPE.get(ftype)  # strings: str or category
    if dtype is not None:  # pandera finds a dtype object at once, a dtype name after a failed geopandas import
        dtype = pd.api.types.pandas_dtype(dtype)
    return pa.Column(dtype, checks=checks, nullable=not c.get("required", False),
                     unique=bool(c.get("unique")), required=True, name=field["name"])


# pandera's built-in check for each constraint: its name is what reports give ("greater_than_or_equal_to(0)")
BUILT_IN = {"enum": "isin", "minimum": "greater_than_or_equal_to", "maximum": "less_than_or_equal_to",
            "pattern": "str_matches"}


def constraint_check(constraint: str, value) -> pa.Check:
    """One constraint as a vectorised check, under the name (``error``) of pandera's built-in
    check, which the report gives. A missing cell passes in the test itself (``ignore_na=False``):
    pandera would otherwise copy the column without them for each check, a third of its time."""
    if constraint == "pattern":  # matched whole, as frictionless does
        pattern = rf"(?:{value})\Z"
        return _check(constraint, f"{BUILT_IN[constraint]}('{pattern}')", lambda s: s.str.match(pattern, na=True))
    tests = {"enum": lambda s: s.isin(value), "minimum": lambda s: s >= value, "maximum": lambda s: s <= value}
    if constraint not in tests:
        raise ValueError(f"no check for the constraint {constraint!r}")
    test = tests[constraint]
    return _check(constraint, f"{BUILT_IN[constraint]}({value})", lambda s: s.isna() | test(s))


def _check(name: str, error: str, test: Callable) -> pa.Check:
    return pa.Check(test, name=name, error=error, ignore_na=False)


def schema_for(resource: dict) -> pa.DataFrameSchema:
    """The pandera schema of one resource."""
    schema = resource.get("schema", {})
    name = resource["name"]
    columns = {f["name"]: column_for(f) for f in schema.get("fields", [])}
    checks = [pa.Check(rc.test, name=rc.name) for rc in ROW_CHECKS.get(name, [])]
    pk = schema.get("primaryKey")
    return pa.DataFrameSchema(columns, checks=checks, name=name, strict=True,
                              unique=pk if isinstance(pk, list) and len(pk) > 1 else None)


def check_schemas(desc: dict, frames: dict) -> list[Failure]:
    """Run every table's pandera schema; one Failure per broken (row, rule)."""
    out = []
    for res in desc["resources"]:
        name = res["name"]
        if name not in frames:
            continue
        df = frames[name]
        try:
            schema_for(res).validate(df, lazy=True)
        except pa.errors.SchemaErrors as exc:
            out.extend(_failures(name, df, res, exc.failure_cases))
    return out


_FIX = {
    "enum": "use one of the values the field allows (see `povpkg describe TABLE`)",
    "minimum": "use a value at or above the field's minimum",
    "maximum": "use a value at or below the field's maximum",
    "pattern": "write the value in the field's pattern (see `povpkg describe TABLE`)",
    "field_uniqueness": "make the value unique in this column",
    "not_nullable": "fill the required cell",
    "column_in_schema": "remove the column, or describe it in datapackage.json",
    "column_in_dataframe": "add the column the schema describes",
    "multiple_fields_uniqueness": "make the primary key unique",
}


_CONSTRAINT_OF = {name: constraint for constraint, name in BUILT_IN.items()}  # a failure names the built-in


def _fix_for(check: str) -> str:
    head = str(check).split("(", 1)[0]
    if head == "dtype":
        return "convert the column to the field's type"
    return _FIX.get(_CONSTRAINT_OF.get(head, check), "")


def _failures(table: str, df, resource: dict, cases) -> list[Failure]:
    row_checks = {rc.name: rc for rc in ROW_CHECKS.get(table, [])}
    pk = resource.get("schema", {}).get("primaryKey") or []
    seen, out = set(), []
    for case in cases.itertuples(index=False):
        idx = None if case.index is None or case.index != case.index else int(case.index)
        rc = row_checks.get(case.check)
        key = (case.check, idx, None if rc else case.column)
        if key in seen:
            continue
        seen.add(key)
        field = rc.field if rc else case.column
        value = df.at[idx, field] if (idx is not None and field in df.columns) else case.failure_case
        out.append(Failure(
            rule=case.check if rc else f"pandera:{case.check}",
            table=table,
            row=None if idx is None else idx + 2,
            key=key_of(df, idx, pk),
            field=field,
            value=None if value is None else _plain(value),
            message=rc.message if rc else f"fails {case.check}",
            fix=rc.fix if rc else _fix_for(case.check),
        ))
    return out


def key_of(df, idx, pk) -> str | None:
    """The row's primary key, parts joined by '/' (as errata.row_id names rows)."""
    if idx is None or not pk or not set(pk) <= set(df.columns):
        return None
    return "/".join(str(df.at[idx, k]) for k in pk)


def _plain(v):
    item = getattr(v, "item", None)
    return item() if callable(item) else v
