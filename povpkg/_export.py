"""Write every table to SQLite, Parquet or Excel, keeping types and keys.

SQLite gets PRIMARY KEY and FOREIGN KEY constraints from the Table Schemas
(the DDL is generated, the rows go through pandas); Parquet goes through
pyarrow, one file per table; Excel through openpyxl, one sheet per table.
"""
from __future__ import annotations

from pathlib import Path

from ._package import descriptor
from .errors import PovpkgError

FORMATS = ("sqlite", "parquet", "xlsx")
_SQL_TYPE = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "year": "INTEGER"}


def _require(module: str, extra: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise PovpkgError(f"this export needs {module}: pip install 'povpkg[{extra}]'") from None


def create_table_sql(res: dict) -> str:
    """CREATE TABLE statement with the resource's primary and foreign keys."""
    schema = res.get("schema", {})
    cols = []
    for f in schema.get("fields", []):
        null = " NOT NULL" if f.get("constraints", {}).get("required") else ""
        cols.append(f'"{f["name"]}" {_SQL_TYPE.get(f.get("type"), "TEXT")}{null}')
    if schema.get("primaryKey"):
        cols.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in schema["primaryKey"]) + ")")
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        cols.append("FOREIGN KEY (" + ", ".join(f'"{k}"' for k in fk["fields"]) + f') REFERENCES "{ref.get("resource") or res["name"]}" ('
                    + ", ".join(f'"{k}"' for k in ref["fields"]) + ")")
    return f'CREATE TABLE "{res["name"]}" (\n  ' + ",\n  ".join(cols) + "\n)"


def _for_sql(df):
    """Dates as ISO text and categoricals as text, which is how SQLite keeps them."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if str(s.dtype).startswith("datetime64"):
            out[col] = s.dt.strftime("%Y-%m-%d")
        elif str(s.dtype) == "category":
            out[col] = s.astype("str").where(s.notna(), None)
    return out


def export(fmt: str, dest, path=None) -> Path:
    """Export all tables of the package to ``dest`` (a file for sqlite/xlsx, a folder for parquet)."""
    from . import load_all

    if fmt not in FORMATS:
        raise PovpkgError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    dest = Path(dest)
    if dest.exists() and fmt != "parquet":
        raise PovpkgError(f"{dest} already exists; export will not overwrite it")
    if not dest.absolute().parent.is_dir():
        raise PovpkgError(f"cannot write {dest}: folder {dest.absolute().parent} does not exist")
    desc = descriptor(path)
    frames = load_all(path)
    if fmt == "sqlite":
        import sqlite3

        con = sqlite3.connect(dest)
        try:
            for res in desc["resources"]:
                con.execute(create_table_sql(res))
            for res in desc["resources"]:
                _for_sql(frames[res["name"]]).to_sql(res["name"], con, if_exists="append", index=False)
            con.commit()
        finally:
            con.close()
    elif fmt == "parquet":
        _require("pyarrow", "export")
        dest.mkdir(parents=True, exist_ok=True)
        for name, df in frames.items():
            df.attrs = {}
            df.to_parquet(dest / f"{name}.parquet", index=False)
    else:
        _require("openpyxl", "export")
        import pandas as pd

        with pd.ExcelWriter(dest, engine="openpyxl") as xl:
            for name, df in frames.items():
                df.to_excel(xl, sheet_name=name[:31], index=False)
    return dest
