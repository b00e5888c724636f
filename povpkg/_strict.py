"""What every loader refuses before it types a table: the shape frictionless checks.

pandas takes a row with one cell more than the header as an index column (a
trailing comma on every row shifts every column one place), pads a short row with
missing values, skips a blank line; polars returns a column the schema does not
declare. Frictionless refuses all of these, so the loaders do too: the header is
the schema's fields in their order, and every row has one cell per field. Standard
library only (csv): both backends use it, neither pays for the other.
"""
from __future__ import annotations

import csv

from ._limits import MAX_CELL
from ._package import key_fields
from .errors import DataError, SizeLimitError


def check_header(header: list, schema: dict, table: str) -> None:
    """DataError unless ``header`` is the schema's field names, in order."""
    declared = [f["name"] for f in schema.get("fields", [])]
    if list(header) == declared:
        return
    for i, (have, want) in enumerate(zip(header, declared)):
        if have == want:
            continue
        if want not in header:
            raise DataError(f"{table}, row 1, field {want}: the schema's field {want!r} has no column")
        where = "is not declared in the table's schema" if have not in declared else "is out of the schema's order"
        raise DataError(f"{table}, row 1, field {want}: the header has {have!r} in column {i + 1}, where the "
                        f"schema's field {want!r} is ({have!r} {where})")
    if len(header) > len(declared):
        raise DataError(f"{table}, row 1: column {header[len(declared)]!r} is not declared in the table's schema")
    raise DataError(f"{table}, row 1, field {declared[len(header)]}: the schema's field "
                    f"{declared[len(header)]!r} has no column")


def check_structure(csv_path, schema: dict, table: str) -> None:
    """DataError naming the first row (CSV row number, header = 1) whose cells are not one
    per field: a short row, a row with an extra cell (a trailing comma), a blank row."""
    declared = [f["name"] for f in schema.get("fields", [])]
    with open(csv_path, encoding="utf-8-sig", newline="") as f:  # a BOM, as pandas and pyarrow take it
        reader = csv.reader(f, strict=True)
        try:
            check_header(next(reader, []), schema, table)
            for n, row in enumerate(reader, 2):
                if len(row) != len(declared) or not any(row):
                    raise row_error(table, n, row, declared, _key_positions(schema, declared))
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise SizeLimitError(f"{table}, row {reader.line_num}: a cell is over the limit of {MAX_CELL:,} "
                                     "characters (docs/limits.md)") from None
            raise DataError(f"{table}, row {reader.line_num}: not CSV as povpkg reads it: {exc}") from None


def _key_positions(schema: dict, declared: list) -> list[int]:
    return [declared.index(k) for k in key_fields(schema.get("primaryKey")) if k in declared]


def row_error(table: str, n: int, row: list, declared: list, key_at: list[int]) -> DataError:
    """The DataError for row ``n`` whose cells are not one per field (``key_at``: the key's columns)."""
    key = "/".join(row[i] for i in key_at if i < len(row))
    key = f"row {n}" + (f" ({key})" if key else "")
    if not any(row):
        return DataError(f"{table}, row {n}, field {declared[0]}: the row is blank")
    if len(row) < len(declared):
        return DataError(f"{table}, {key}, field {declared[len(row)]}: the row has {len(row)} cells for "
                         f"{len(declared)} fields (the field has no cell)")
    return DataError(f"{table}, {key}, field {declared[-1]}: the row has {len(row)} cells for {len(declared)} "
                     f"fields (a cell after the last field: a trailing comma, or a comma in an unquoted value?)")


def too_long(table: str, row: int, key: str, field: str, size: int) -> SizeLimitError:
    """The error for a cell over MAX_CELL characters (``key``: the row's key, or '')."""
    return SizeLimitError(f"{table}, row {row}{f' ({key})' if key else ''}, field {field}: a cell of {size:,} "
                          f"characters is over the limit of {MAX_CELL:,} (docs/limits.md)")
