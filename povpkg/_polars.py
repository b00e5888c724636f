"""Read a table into a polars DataFrame typed from its Table Schema, with polars alone.

polars parses every column in its declared type while reading (enumerations as
``pl.Enum`` with the declared values, ISO dates parsed as ``pl.Date``); a value that
does not fit its type is an error, never a silent null. pandas is not imported.

Dates are handed out as ``pl.Datetime("us")``, the type the pandas backend gives
(``datetime64[us]``): a frame converts between the backends unchanged, and the Parquet
export, which can hold only one type for both readers, reads back as it was loaded.
"""
from __future__ import annotations

from pathlib import Path

from ._package import descriptor, descriptor_path, find_resource, key_fields, resource_file
from ._limits import MAX_CELL
from ._safety import boolean_values
from ._strict import check_header, check_structure, too_long
from .errors import DataError, PovpkgError


def date_type():
    """The polars type of a date field: pandas' ``datetime64[us]``, so both backends agree."""
    import polars as pl

    return pl.Datetime("us")


def polars_types(schema: dict, strict: bool = True) -> tuple[dict, dict]:
    """(polars dtypes to read with, expressions finishing the columns polars cannot type while reading).

    Integers are read as text and cast strictly (polars' reader would take ``' 5'``, where
    the pandas loader and validation refuse it); ``strict=False``: the finishing
    expressions give null for a cell that does not fit (to find it)."""
    import polars as pl

    plain = {"string": pl.String, "number": pl.Float64}
    types, finish = {}, {}
    for field in schema.get("fields", []):
        name, ftype = field["name"], field.get("type", "string")
        enum = field.get("constraints", {}).get("enum")
        fmt = field.get("format", "default")
        col = pl.col(name)
        if enum and ftype == "string":
            types[name] = pl.Enum(enum)
        elif ftype == "date" and fmt in ("default", "any"):
            types[name] = pl.Date  # parsed strictly as a day while reading, then widened
            finish[name] = col.cast(date_type())
        elif ftype in ("date", "datetime", "integer", "year", "boolean"):
            types[name] = pl.String
            if ftype in ("integer", "year"):
                finish[name] = col.cast(pl.Int64, strict=strict)
            elif ftype == "boolean":
                true, false = boolean_values(field)  # the defaults and the field's words; PackageError if they contradict
                words = {**dict.fromkeys(true, True), **dict.fromkeys(false, False)}
                finish[name] = (col.replace_strict(words, return_dtype=pl.Boolean) if strict else
                                col.replace_strict(words, default=None, return_dtype=pl.Boolean))
            elif ftype == "date":
                finish[name] = col.str.to_date(fmt, strict=strict).cast(date_type())
            else:
                finish[name] = col.str.to_datetime(None if fmt in ("default", "any") else fmt, time_unit="us",
                                                   strict=strict)
        else:
            types[name] = plain.get(ftype, pl.String)
    return types, finish


def read_polars(csv_path: Path, schema: dict, table: str | None = None):
    """polars DataFrame of one CSV with the schema's types (empty cells are nulls).

    Raises DataError naming table, row and field where the pandas loader (and validation)
    refuses the table: a header other than the schema's fields, a short, long or blank
    row, a cell that does not fit its type (``1e3`` in an integer column).
    """
    import polars as pl

    table = table or Path(csv_path).stem
    types, finish = polars_types(schema)
    try:
        df = pl.read_csv(csv_path, schema_overrides=types, null_values=[""], infer_schema=False)
        check_header(df.columns, schema, table)
        if df.width and df[df.columns[-1]].null_count() and not _rows_whole(csv_path, df.width, pl):
            check_structure(csv_path, schema, table)  # names the short or blank row
        df = df.with_columns(**finish) if finish else df
    except pl.exceptions.PolarsError as exc:
        raise _diagnose(csv_path, schema, table, pl, exc) from None
    _check_cell_sizes(df, schema, table, pl)
    return df


def _rows_whole(csv_path, width: int, pl) -> bool:
    """Whether every line is one row with one cell per field and a value, by counting its commas
    outside quotes (polars pads a short row with nulls, and reads a blank line as a row of them).
    False when unsure (a quoted line break): the csv module then decides. Asked only of a table
    whose last column has a null: a short or blank row leaves it null."""
    lines = pl.read_csv(csv_path, has_header=False, separator="\x00", quote_char=None, new_columns=["line"],
                        infer_schema=False, null_values=None)["line"].fill_null("")
    commas = lines.str.count_matches(",", literal=True)
    quoted = lines.str.contains('"', literal=True)
    if quoted.any():
        bare = lines.filter(quoted).str.replace_all('"[^"]*"', "")  # '""' inside a cell: two quoted runs
        if bare.str.contains('"', literal=True).any():
            return False
        commas = commas.scatter(quoted.arg_true(), bare.str.count_matches(",", literal=True))
    blank = lines.str.replace_all(",", "", literal=True) == ""  # a blank line, or only commas
    return bool((commas == width - 1).all()) and not blank.any()


def _check_cell_sizes(df, schema: dict, table: str, pl) -> None:
    text = [n for n, t in df.schema.items() if t == pl.String]
    if not text:
        return
    longest = df.select(pl.col(text).str.len_chars().max())
    for name in text:
        size = longest[name][0]
        if size is not None and size > MAX_CELL:
            i = df.with_row_index().filter(pl.col(name).str.len_chars() > MAX_CELL)["index"][0]
            raise too_long(table, i + 2, _key(df, schema, i), name, size)


def _key(df, schema: dict, i: int) -> str:
    return "/".join(str(df[k][i]) for k in key_fields(schema.get("primaryKey")) if k in df.columns)


def _diagnose(csv_path, schema: dict, table: str, pl, exc) -> DataError:
    """After polars refused a table: the first row and field that do not fit (read as text)."""
    try:
        check_structure(csv_path, schema, table)
        raw = pl.read_csv(csv_path, null_values=[""], infer_schema=False)
    except UnicodeDecodeError as bad:
        return DataError(f"{table}: {Path(csv_path).name} is not UTF-8 text ({bad.reason}); save it as UTF-8")
    except pl.exceptions.PolarsError:
        return DataError(f"{table}: cannot be read as typed data: {str(exc).splitlines()[0][:200]}")
    for field in schema.get("fields", []):
        name, ftype = field["name"], field.get("type", "string")
        col = pl.col(name)
        typed = _lenient(field, col, pl)
        if typed is None:
            continue
        bad = raw.with_row_index().filter(col.is_not_null() & typed.is_null())
        if len(bad):
            i = bad["index"][0]
            return DataError(f"{table}, row {i + 2}{_shown_key(raw, schema, i)}, field {name}: "
                             f"{bad[name][0]!r} is not {_WHAT.get(ftype, 'of type ' + ftype)}")
    return DataError(f"{table}: cannot be read as typed data: {str(exc).splitlines()[0][:200]}")


_WHAT = {"integer": "a whole number", "year": "a whole number", "number": "a number", "boolean": "true or false",
         "date": "a date", "datetime": "a date and time", "string": "one of the allowed values"}


def _lenient(field: dict, col, pl):
    """The field's typed value, null where a cell does not fit (None for free text)."""
    types, finish = polars_types({"fields": [field]}, strict=False)
    name = field["name"]
    if types[name] == pl.Date:  # read as a day: its finishing cast expects a date, not text
        return col.str.to_date("%Y-%m-%d", strict=False)
    if name in finish:
        return finish[name]
    return None if types[name] == pl.String else col.cast(types[name], strict=False)


def _shown_key(df, schema: dict, i: int) -> str:
    key = _key(df, schema, i)
    return f" ({key})" if key else ""


def load_polars(name: str, path=None):
    """Table ``name`` as a polars DataFrame typed from its Table Schema."""
    try:
        import polars  # noqa: F401
    except ImportError:
        raise PovpkgError("backend='polars' needs polars: pip install polars") from None
    dp = descriptor_path(path).resolve()
    res = find_resource(descriptor(dp), name)
    return read_polars(resource_file(dp.parent, res), res.get("schema", {}), table=name)
