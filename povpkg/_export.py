"""Write every table to SQLite, Parquet or Excel, keeping types, keys and meaning.

Each format carries the dataset's name, version and licence and each field's
description and unit where the format has a place for them:

- SQLite: PRIMARY KEY and FOREIGN KEY constraints from the Table Schemas, dates as
  ISO text, and two tables ``povpkg_metadata`` (key, value) and ``povpkg_fields``.
- Parquet (pyarrow): one file per table, dates as ``timestamp[us]`` (what pandas
  and ``povpkg.load`` hold; ``date32`` would come back to pandas as Python objects),
  enumerations as dictionaries that polars reads back as ``pl.Enum``, the dataset in the
  schema metadata and each field's description and unit in its field metadata;
  ``df.attrs`` travel as pandas' ``PANDAS_ATTRS`` metadata.
- Excel (openpyxl): a first ``README`` sheet (dataset, version, licence, citation,
  one line per table), one sheet per table with dates formatted as dates and each
  field's description as a comment on its header cell; a cell is text, never a formula.

Nothing is written outside DEST, and nothing the data says runs: a table name
becomes a file, sheet and SQL table name only when it is a plain identifier (as every
name the contract records is), every SQL identifier is quoted, and each file is
written beside its destination under a temporary name, then renamed over it (a
symlink at DEST is refused; one inside a parquet folder is replaced, never followed).
"""
from __future__ import annotations

import json
from pathlib import Path

from ._package import descriptor
from ._safety import PLAIN_NAME, shown, write_beside
from .errors import PovpkgError

FORMATS = ("sqlite", "parquet", "xlsx", "duckdb")
_SQL_TYPE = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "year": "INTEGER"}
DATE_FORMAT = "YYYY-MM-DD"


def _require(module: str, extra: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise PovpkgError(f"this export needs {module}: pip install 'povpkg[{extra}]'") from None


def dataset_metadata(desc: dict, path=None) -> dict[str, str]:
    """What every export records about the dataset as a whole (``path``: where ``desc`` was read)."""
    from ._cite import cite

    licenses = desc.get("licenses") or []
    return {
        "name": str(desc.get("name", "")),
        "title": str(desc.get("title", "")),
        "version": str(desc.get("version", "")),
        "license": licenses[0].get("name", "") if licenses else "",
        "licenses": "; ".join(f"{lic.get('title', '')} [{lic.get('name')}]" for lic in licenses),
        "description": str(desc.get("description", "")),
        "citation": cite("text", path),
    }


def _fields(res: dict) -> list[dict]:
    return res.get("schema", {}).get("fields", [])


def quoted(name) -> str:
    """An SQL identifier in double quotes, its own quotes doubled: data, never SQL."""
    return '"' + str(name).replace('"', '""') + '"'


def _names(keys) -> str:
    return ", ".join(map(quoted, [keys] if isinstance(keys, str) else keys))


def table_sql(res: dict, column_type, *, self_references: bool = True) -> str:
    """CREATE TABLE for a resource: each field typed by ``column_type(field)``, NOT NULL where
    required, the primary key and the foreign keys (those into the table itself only with
    ``self_references``); every identifier quoted."""
    schema, name = res.get("schema", {}), res["name"]
    cols = []
    for f in schema.get("fields", []):
        null = " NOT NULL" if f.get("constraints", {}).get("required") else ""
        cols.append(f"{quoted(f['name'])} {column_type(f)}{null}")
    if schema.get("primaryKey"):
        cols.append(f"PRIMARY KEY ({_names(schema['primaryKey'])})")
    for fk in schema.get("foreignKeys", []):
        other = fk["reference"].get("resource") or name
        if self_references or other != name:
            cols.append(f"FOREIGN KEY ({_names(fk['fields'])}) REFERENCES {quoted(other)} "
                        f"({_names(fk['reference']['fields'])})")
    return f"CREATE TABLE {quoted(name)} (\n  " + ",\n  ".join(cols) + "\n)"


def create_table_sql(res: dict) -> str:
    """SQLite's CREATE TABLE statement with the resource's primary and foreign keys."""
    return table_sql(res, lambda f: _SQL_TYPE.get(f.get("type"), "TEXT"))


RESERVED = ("povpkg_", "sqlite_")  # the export's own tables, SQLite's


def name_problem(name: str) -> str | None:
    """Why a table name cannot become a file, sheet or SQL table name, or None."""
    if not PLAIN_NAME.fullmatch(name):
        return "is not a plain name (a lowercase letter, then lowercase letters, digits or _; at most 31)"
    if name.startswith(RESERVED) or name.endswith("_fts") or name == "readme":
        return (f"is reserved (names starting {' or '.join(RESERVED)} or ending _fts, and the README sheet, "
                "are the export's own)")
    return None


def _check_names(desc: dict) -> None:
    for res in desc["resources"]:
        why = name_problem(res["name"])
        if why:
            raise PovpkgError(f"table name {res['name']!r} {why}; export writes no file or SQL from it")


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


def _sqlite(dest: Path, desc: dict, frames: dict, meta: dict) -> None:
    write_beside(dest, lambda tmp: _sqlite_file(tmp, desc, frames, meta))


def _sqlite_file(dest: Path, desc: dict, frames: dict, meta: dict) -> None:
    import sqlite3

    con = sqlite3.connect(dest)
    try:
        for res in desc["resources"]:
            con.execute(create_table_sql(res))
        for res in desc["resources"]:
            _for_sql(frames[res["name"]]).to_sql(res["name"], con, if_exists="append", index=False)
        con.execute('CREATE TABLE "povpkg_metadata" ("key" TEXT PRIMARY KEY, "value" TEXT)')
        con.executemany('INSERT INTO "povpkg_metadata" VALUES (?, ?)', list(meta.items()))
        con.execute('CREATE TABLE "povpkg_fields" ("table_name" TEXT, "field_name" TEXT, "type" TEXT, "unit" TEXT, '
                    '"description" TEXT, PRIMARY KEY ("table_name", "field_name"))')
        con.executemany('INSERT INTO "povpkg_fields" VALUES (?, ?, ?, ?, ?)',
                        [(res["name"], f["name"], f.get("type", "string"), f.get("unit"), f.get("description"))
                         for res in desc["resources"] for f in _fields(res)])
        con.commit()
    finally:
        con.close()


def _polars_enum(values: list[str]) -> bytes:
    """polars' own field metadata for an Enum (``_PL_ENUM_VALUES2``: each value as
    byte length;value), so that ``polars.read_parquet`` gives the declared Enum back."""
    return "".join(f"{len(v.encode())};{v}" for v in values).encode()  # lengths in UTF-8 bytes


def arrow_table(df, res: dict, meta: dict):
    """A pyarrow Table of one frame: the dataset and fields described in the schema,
    typed so that pandas and polars read back what ``povpkg.load`` gives."""
    import pyarrow as pa

    table = pa.Table.from_pandas(df, preserve_index=False)
    pandas_meta = table.schema.metadata or {}
    by_name = {f["name"]: f for f in _fields(res)}
    fields = []
    for field in table.schema:
        spec = by_name.get(field.name, {})
        info = {k: str(spec[k]) for k in ("description", "unit", "type") if spec.get(k)}
        enum = spec.get("constraints", {}).get("enum")
        if enum and spec.get("type", "string") == "string":
            info["_PL_ENUM_VALUES2"] = _polars_enum(enum)
        fields.append(field.with_metadata(info))
    table = table.cast(pa.schema(fields))
    described = {f["name"]: {k: f[k] for k in ("type", "unit", "description") if f.get(k)} for f in _fields(res)}
    extra = {**pandas_meta, b"povpkg": json.dumps({**meta, "table": res["name"], "table_title": res.get("title", ""),
                                                   "table_description": res.get("description", ""),
                                                   "fields": described}).encode()}
    extra.update({k.encode(): v.encode() for k, v in meta.items() if k in ("name", "version", "license")})
    attrs = {k: v for k, v in df.attrs.items() if _jsonable(v)}
    if attrs:
        extra[b"PANDAS_ATTRS"] = json.dumps(attrs).encode()
    return table.replace_schema_metadata(extra)


def _jsonable(value) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def _parquet(dest: Path, desc: dict, frames: dict, meta: dict) -> None:
    _require("pyarrow", "export")
    import pyarrow.parquet as pq

    dest.mkdir(exist_ok=True)
    for res in desc["resources"]:
        table = arrow_table(frames[res["name"]], res, meta)
        write_beside(dest / f"{res['name']}.parquet", lambda tmp: pq.write_table(table, tmp))


def _xlsx(dest: Path, desc: dict, frames: dict, meta: dict) -> None:
    _require("openpyxl", "export")
    write_beside(dest, lambda tmp: _xlsx_file(tmp, desc, frames, meta))


def _no_formulas(sheet) -> None:
    """Every cell a value: openpyxl takes a text starting with "=" for a formula."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def _xlsx_file(dest: Path, desc: dict, frames: dict, meta: dict) -> None:
    import pandas as pd
    from openpyxl.comments import Comment

    readme = [("dataset", meta["title"]), ("version", meta["version"]), ("licence", meta["licenses"]),
              ("description", meta["description"]), ("cite as", meta["citation"]), ("", ""),
              ("sheet", "title (rows)")]
    readme += [(res["name"][:31], f"{res.get('title', '')} ({len(frames[res['name']])} rows)")
               for res in desc["resources"]]
    readme += [("", ""), ("field descriptions", "hover over a column header (a cell comment)")]
    with pd.ExcelWriter(dest, engine="openpyxl") as xl:
        pd.DataFrame(readme, columns=["povpkg", ""]).to_excel(xl, sheet_name="README", index=False)
        xl.sheets["README"].column_dimensions["A"].width = 22
        xl.sheets["README"].column_dimensions["B"].width = 100
        for res in desc["resources"]:
            name = res["name"][:31]
            frames[res["name"]].to_excel(xl, sheet_name=name, index=False)
            sheet = xl.sheets[name]
            for col, field in enumerate(_fields(res), start=1):
                text = field.get("description", "") + (f" [unit: {field['unit']}]" if field.get("unit") else "")
                if text:
                    sheet.cell(row=1, column=col).comment = Comment(text, meta["name"])
                if field.get("type") == "date":  # pandas writes a date and time; a date is what the CSV holds
                    for (cell,) in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
                        cell.number_format = DATE_FORMAT
            sheet.freeze_panes = "A2"
        for sheet in xl.sheets.values():
            _no_formulas(sheet)


_DUCK_TYPE = {"integer": "BIGINT", "year": "INTEGER", "number": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE",
              "datetime": "TIMESTAMP"}


def _sql_text(text) -> str:
    """A SQL string literal: quotes doubled, so a description is data, never SQL."""
    return "'" + str(text).replace("'", "''") + "'"


def duckdb_ddl(res: dict) -> list[str]:
    """DuckDB statements declaring one table as its Table Schema does: an ENUM type per
    enumeration, declared types, NOT NULL, primary and foreign keys, comments.

    A key into the table itself (a parent row) is left out: DuckDB checks it row by row
    while inserting, so a child listed before its parent would be refused.
    """
    q = quoted
    schema, name = res.get("schema", {}), res["name"]
    enums = {}
    for f in schema.get("fields", []):
        enum = f.get("constraints", {}).get("enum")
        if enum and f.get("type", "string") == "string":
            enums[f["name"]] = q(f"{name}__{f['name']}")
    out = [f"CREATE TYPE {enums[f['name']]} AS ENUM ({', '.join(map(_sql_text, f['constraints']['enum']))})"
           for f in schema.get("fields", []) if f["name"] in enums]
    out.append(table_sql(res, lambda f: enums.get(f["name"]) or _DUCK_TYPE.get(f.get("type"), "VARCHAR"),
                         self_references=False))
    out.append(f"COMMENT ON TABLE {q(name)} IS {_sql_text(res.get('title', '') + ': ' + res.get('description', ''))}")
    for f in schema.get("fields", []):
        text = f.get("description", "") + (f" [unit: {f['unit']}]" if f.get("unit") else "")
        out.append(f"COMMENT ON COLUMN {q(name)}.{q(f['name'])} IS {_sql_text(text)}")
    return out


def _duckdb(dest: Path, desc: dict, frames: dict, meta: dict) -> None:
    _require("duckdb", "export")
    write_beside(dest, lambda tmp: _duckdb_file(tmp, desc, frames, meta))


def _duckdb_file(dest: Path, desc: dict, frames: dict, meta: dict) -> None:
    """A DuckDB database with the declared types, keys and comments, and a povpkg_metadata table."""
    import duckdb

    dest.unlink()  # the empty placeholder beside DEST: DuckDB creates its own file
    con = duckdb.connect(str(dest))
    try:
        for res in _referenced_first(desc["resources"]):
            for statement in duckdb_ddl(res):
                con.execute(statement)
            con.register("frame", frames[res["name"]])
            names = ", ".join(quoted(f["name"]) for f in _fields(res))
            con.execute(f"INSERT INTO {quoted(res['name'])} ({names}) SELECT {names} FROM frame")
            con.unregister("frame")
        con.execute('CREATE TABLE "povpkg_metadata" ("key" VARCHAR PRIMARY KEY, "value" VARCHAR)')
        con.executemany('INSERT INTO "povpkg_metadata" VALUES (?, ?)', list(meta.items()))
    finally:
        con.close()


def _referenced_first(resources: list[dict]) -> list[dict]:
    """Resources ordered so that every table a foreign key points to is created before it."""
    by_name, done, out = {r["name"]: r for r in resources}, set(), []

    def visit(res, path=()):
        if res["name"] in done or res["name"] in path:
            return
        for fk in res.get("schema", {}).get("foreignKeys", []):
            other = fk["reference"].get("resource") or res["name"]
            if other in by_name and other != res["name"]:
                visit(by_name[other], (*path, res["name"]))
        done.add(res["name"])
        out.append(res)

    for res in resources:
        visit(res)
    return out


def export(fmt: str, dest, path=None) -> Path:
    """Export all tables of the package to ``dest`` (a file for sqlite/xlsx/duckdb, a folder for parquet)."""
    from . import load_all

    if fmt not in FORMATS:
        raise PovpkgError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if "\0" in str(dest):
        raise PovpkgError(f"export destination {shown(str(dest))} holds a NUL; no file can have that name")
    dest = Path(dest)
    if dest.is_symlink():  # dangling or not: what it points to is not where the user asked
        raise PovpkgError(f"{dest} is a symlink; export writes only to a new file or a real folder")
    if dest.exists() and fmt != "parquet":
        raise PovpkgError(f"{dest} already exists; export will not overwrite it")
    if not dest.absolute().parent.is_dir():
        raise PovpkgError(f"cannot write {dest}: folder {dest.absolute().parent} does not exist")
    desc = descriptor(path)
    _check_names(desc)
    meta = dataset_metadata(desc, path)
    frames = load_all(path)
    {"sqlite": _sqlite, "parquet": _parquet, "xlsx": _xlsx, "duckdb": _duckdb}[fmt](dest, desc, frames, meta)
    return dest
