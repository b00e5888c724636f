"""Tables whose rows frictionless need not read again: povpkg's typed pass vouches for them.

Frictionless reads every row in Python, its largest cost by far; povpkg's typed pass has
already checked, vectorized, what frictionless checks on a row. A table is vouched for
only when every row-level check of frictionless provably finds nothing on it:

- frictionless's own CSV reading (the stdlib ``csv`` module, in the plain dialect: comma,
  double quote) gives the header the schema names, one cell per field in every row, no
  blank row, and in every cell the very value of the frame that pandera checked (text for
  text; for a number, date or boolean, a plain form that both frictionless and pyarrow
  read as the same value);
- every field uses only what povpkg mirrors: the types string (default or ``uri``),
  integer, number, date (default format), boolean (default words), and the constraints
  required, unique, pattern, enum, minimum and maximum (whole numbers; on a date, a plain
  ISO date), which pandera checks (stricter, never looser: a pattern must match whole,
  without frictionless's allowance for a final newline);
- pandera reported nothing on the table, and its primary key has no duplicate and no
  all-empty key.

Frictionless still validates the descriptor and opens every table (header and first
row); for a vouched table it reads no further, so the file's sha256, md5 and size are
computed here (hashlib) and compared by the caller as frictionless compares them. Two
checks are frictionless's own, made where it makes them anyway (``_frictionless_run``),
so they are not made twice: the dialect it sniffs from the first lines must be the plain
one, and its own cell reader must take every distinct ``uri`` listed here. Any doubt (a
carriage return, a cell over the csv module's limit, an unusual field, another dialect,
an address frictionless refuses) and frictionless reads the whole table as before.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path

from ._package import key_fields

_FIELD_KEYS = {"name", "type", "format", "title", "description", "example", "constraints", "unit",
               "categories", "categoriesOrdered", "rdfType"}
_CONSTRAINTS = {"required", "unique", "pattern", "enum", "minimum", "maximum"}
# minimum and maximum are vouched for as numbers of these types, and as plain ISO dates on dates
_BOUNDED = {"integer", "number"}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# plain forms frictionless and pyarrow read alike: (pattern, pyarrow type); numbers of at most
# 15 digits convert to the float nearest the decimal frictionless keeps, in the same order
_PLAIN = {"integer": (r"^-?[0-9]{1,18}$", "int64"), "number": (r"^-?[0-9]+(\.[0-9]+)?$", "float64"),
          "date": (r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "date32")}
_WORDS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


def vouch(path, resource: dict, frame) -> dict | None:
    """``{"sha256", "md5", "bytes", "cells"}`` of the table's file when frictionless's row
    checks can find nothing on it (pandera having found nothing either), else None.
    ``cells``: ``{uri field: its distinct cells}``, for frictionless's own reader to check."""
    schema = resource.get("schema") or {}
    fields = schema.get("fields") or []
    if not len(frame) or schema.get("missingValues", [""]) != [""] or not all(map(_mirrored, fields)):
        return None
    data = Path(path).read_bytes()
    if b"\r" in data:  # line endings and carriage returns in cells: left to frictionless
        return None
    try:
        rows = _cells(data)
    except (csv.Error, UnicodeDecodeError):
        return None
    names = [f["name"] for f in fields]
    if not rows or rows[0] != names or len(rows) - 1 != len(frame) or list(frame.columns) != names:
        return None
    width = len(names)
    if any(len(r) != width or not any(r) for r in rows[1:]):  # missing or extra cells, blank rows
        return None
    cells = {}
    for field, texts in zip(fields, zip(*rows[1:])):
        if not _same(field, texts, frame[field["name"]]):
            return None
        if field.get("format") == "uri":
            cells[field["name"]] = list(dict.fromkeys(t for t in texts if t))
    if not _key_holds(frame, schema.get("primaryKey")):
        return None
    return {"sha256": hashlib.sha256(data).hexdigest(), "md5": hashlib.md5(data).hexdigest(), "bytes": len(data),
            "cells": cells}


def _mirrored(field) -> bool:
    """Whether frictionless reads and checks this field only as povpkg's typed pass does."""
    if not isinstance(field, dict) or set(field) - _FIELD_KEYS:
        return False
    ftype, fmt = field.get("type", "string"), field.get("format", "default")
    constraints = field.get("constraints") or {}
    if not isinstance(constraints, dict) or set(constraints) - _CONSTRAINTS:
        return False
    bounds = [constraints[k] for k in ("minimum", "maximum") if k in constraints]
    if bounds and not all(type(b) is int if ftype in _BOUNDED else
                          (ftype == "date" and isinstance(b, str) and _ISO_DATE.fullmatch(b)) for b in bounds):
        return False
    if ftype == "string":
        return fmt in ("default", "uri")
    return ftype in ("integer", "number", "date", "boolean") and fmt == "default"


def _cells(data: bytes) -> list[list[str]]:
    """The rows as frictionless's csv parser reads them when the dialect it sniffs is the plain
    one (which ``_frictionless_run`` confirms: the sniff is frictionless's alone)."""
    text = io.TextIOWrapper(io.BytesIO(data), "utf-8", newline="")  # as frictionless's loader opens it
    return list(csv.reader(text, delimiter=",", quotechar='"', doublequote=True, escapechar=None,
                           skipinitialspace=False))


def _same(field: dict, texts: tuple, column) -> bool:
    """Whether frictionless's value of every cell is the frame's value (empty: missing)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    ftype = field.get("type", "string")
    raw = pa.array([text or None for text in texts], pa.large_string())  # an empty cell is missing
    have = pa.array(column.array)
    if isinstance(have, pa.ChunkedArray):
        have = have.combine_chunks()
    if not raw.is_null().equals(have.is_null()):  # missing in the very same rows
        return False
    if ftype == "string":
        if isinstance(have.type, pa.DictionaryType):
            have = have.dictionary_decode()
        return raw.equals(have.cast(pa.large_string()))
    if ftype == "boolean":
        got = pc.cast(have, pa.bool_())
        if not pc.all(pc.or_kleene(pc.is_null(raw), pc.is_in(raw, pa.array(list(_WORDS))))).as_py():
            return False
        want = pc.is_in(raw, pa.array([w for w, v in _WORDS.items() if v]))
        return pc.all(pc.equal(want, got)).as_py() is not False
    pattern, target = _PLAIN[ftype]
    if pc.all(pc.match_substring_regex(raw, pattern)).as_py() is False:
        return False
    if ftype == "number" and (pc.max(pc.utf8_length(pc.replace_substring_regex(raw, r"[-.]", ""))).as_py() or 0) > 15:
        return False
    try:
        parsed = pc.cast(raw, getattr(pa, target)())
        got = pc.cast(have, parsed.type)  # a date with a time of day does not cast
    except (pa.ArrowException, ValueError):
        return False
    lowest = pc.min(pc.year(parsed)).as_py() if ftype == "date" else None
    if lowest is not None and lowest < 1:
        return False  # frictionless's strptime reads no year 0
    return pc.all(pc.equal(parsed, got)).as_py() is not False


def _key_holds(frame, pk) -> bool:
    """Frictionless's primary-key check: no key repeated, none with every part empty."""
    pk = key_fields(pk)
    if not pk:
        return True
    if not set(pk) <= set(frame.columns):
        return False
    if len(pk) == 1:  # one column: no frame of the key built (the same checks, a quarter of the time)
        column = frame[pk[0]]
        return not column.hasnans and column.is_unique
    keys = frame[pk]
    return not keys.isna().all(axis=1).any() and not keys.duplicated().any()
