"""Read a table into a polars DataFrame typed from its Table Schema, with polars alone.

polars parses every column in its declared type while reading (enumerations as
``pl.Enum`` with the declared values, ISO dates as ``pl.Date``); a value that
does not fit its type is an error, never a silent null. pandas is not imported.
"""
from __future__ import annotations

from pathlib import Path

from ._package import descriptor, descriptor_path, find_resource, resource_file
from ._safety import boolean_values
from .errors import PovpkgError


def polars_types(schema: dict) -> tuple[dict, dict]:
    """(polars dtypes to read with, expressions finishing the columns polars cannot type while reading)."""
    import polars as pl

    plain = {"string": pl.String, "integer": pl.Int64, "year": pl.Int64, "number": pl.Float64}
    types, finish = {}, {}
    for field in schema.get("fields", []):
        name, ftype = field["name"], field.get("type", "string")
        enum = field.get("constraints", {}).get("enum")
        fmt = field.get("format", "default")
        col = pl.col(name)
        if enum and ftype == "string":
            types[name] = pl.Enum(enum)
        elif ftype == "date" and fmt in ("default", "any"):
            types[name] = pl.Date
        elif ftype in ("date", "datetime"):
            types[name] = pl.String
            finish[name] = (col.str.to_date(fmt, strict=True) if ftype == "date" else
                            col.str.to_datetime(None if fmt in ("default", "any") else fmt, time_unit="us",
                                                strict=True))
        elif ftype == "boolean":
            true, false = boolean_values(field)  # the defaults and the field's words; PackageError if they contradict
            types[name] = pl.String
            finish[name] = col.replace_strict({**dict.fromkeys(true, True), **dict.fromkeys(false, False)},
                                              return_dtype=pl.Boolean)
        else:
            types[name] = plain.get(ftype, pl.String)
    return types, finish


def read_polars(csv_path: Path, schema: dict):
    """polars DataFrame of one CSV with the schema's types (empty cells are nulls)."""
    import polars as pl

    types, finish = polars_types(schema)
    try:
        df = pl.read_csv(csv_path, schema_overrides=types, null_values=[""], infer_schema=False)
    except (pl.exceptions.ComputeError, pl.exceptions.InvalidOperationError) as exc:
        raise PovpkgError(f"{Path(csv_path).name}: {str(exc).splitlines()[0]}") from None
    if finish:
        try:
            df = df.with_columns(**{n: e for n, e in finish.items() if n in df.columns})
        except (pl.exceptions.ComputeError, pl.exceptions.InvalidOperationError) as exc:
            raise PovpkgError(f"{Path(csv_path).name}: {str(exc).splitlines()[0]}") from None
    return df


def load_polars(name: str, path=None):
    """Table ``name`` as a polars DataFrame typed from its Table Schema."""
    try:
        import polars  # noqa: F401
    except ImportError:
        raise PovpkgError("backend='polars' needs polars: pip install polars") from None
    dp = descriptor_path(path).resolve()
    res = find_resource(descriptor(dp), name)
    return read_polars(resource_file(dp.parent, res), res.get("schema", {}))
