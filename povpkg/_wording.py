"""Frictionless's findings in plain words, with the row's key.

Frictionless says ``type is "integer/default"`` or ``constraint "enum" is "[...]"``;
a person needs "is not a whole number" and the key of the row (frictionless knows
the row's cells, so the key is read from them even when the row cannot be typed).
"""
from __future__ import annotations

import ast
import re

_TYPE = {
    "integer": "a whole number", "number": "a number", "year": "a year (YYYY)", "boolean": "true or false",
    "date": "a date that exists, written YYYY-MM-DD", "datetime": "a date and time (ISO 8601)",
    "string": "text", "geopoint": "a point (LON,LAT)",
}
_CONSTRAINT = {
    "minimum": lambda v: f"is below the minimum, {v}",
    "maximum": lambda v: f"is above the maximum, {v}",
    "minLength": lambda v: f"is shorter than {v} characters",
    "maxLength": lambda v: f"is longer than {v} characters",
    "pattern": lambda v: f"does not have the required form (pattern {v})",
    "enum": lambda v: f"is not one of the allowed values: {_enum(v)}",
    "unique": lambda v: "repeats a value that must be unique",
}


def _enum(text: str) -> str:
    try:
        return ", ".join(map(str, ast.literal_eval(text)))
    except (ValueError, SyntaxError):
        return text


def plain_message(err) -> str:
    """Frictionless's note for one error, rewritten for people (unknown notes pass through)."""
    note = err.note or err.message
    if err.type == "type-error":
        m = re.fullmatch(r'type is "(\w+)/[^"]*"', note or "")
        if m:
            return f"{_quoted(err)} is not {_TYPE.get(m.group(1), m.group(1))}"
    if err.type == "constraint-error":
        m = re.fullmatch(r'constraint "(\w+)" is "(.*)"', note or "", flags=re.S)
        if m and m.group(1) == "required":
            return "the cell is empty, but the field is required"
        if m and m.group(1) in _CONSTRAINT:
            return f"{_quoted(err)} {_CONSTRAINT[m.group(1)](m.group(2))}"
    if err.type in ("unique-error", "primary-key"):
        m = re.fullmatch(r"the same as in the row at position (\d+)", note or "")
        if m:
            if err.type == "primary-key":
                return f"repeats the primary key of row {m.group(1)}"
            return f"{_quoted(err)} repeats row {m.group(1)}'s, but the field must be unique"
    return note


def _quoted(err) -> str:
    cell = getattr(err, "cell", None)
    return "an empty cell" if cell in (None, "") else f"the value {cell!r}"


def row_key(err, schema: dict) -> str | None:
    """The row's primary key as the CSV writes it, read from the cells frictionless reports."""
    cells, pk = getattr(err, "cells", None), schema.get("primaryKey") or []
    pk = [pk] if isinstance(pk, str) else pk
    names = [f.get("name") for f in schema.get("fields", [])]
    if not cells or not pk or any(k not in names for k in pk):
        return None
    idx = [names.index(k) for k in pk]
    if max(idx) >= len(cells):
        return None
    return "/".join(str(cells[i]) for i in idx)
