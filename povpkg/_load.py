"""Read a table into a pandas DataFrame typed from its Table Schema.

The CSV is read once, with the dtypes decided before reading; only dates and
booleans get a vectorized conversion afterwards. No frictionless, no pandera.
"""
from __future__ import annotations

from pathlib import Path

from ._package import descriptor, descriptor_path, find_resource, resource_file

# Table Schema type -> pandas dtype given to read_csv.
_READ_AS = {
    "string": "str",
    "integer": "Int64",
    "number": "Float64",
    "year": "Int64",
}
_TRUE = {"true", "True", "TRUE", "1"}
_FALSE = {"false", "False", "FALSE", "0"}


def read_plan(schema: dict):
    """Split a Table Schema into read_csv dtypes plus the columns needing a second step."""
    import pandas as pd

    dtypes, dates, booleans = {}, [], []
    for field in schema.get("fields", []):
        name, ftype = field["name"], field.get("type", "string")
        enum = field.get("constraints", {}).get("enum")
        if enum and ftype == "string":
            dtypes[name] = pd.CategoricalDtype(categories=enum, ordered=bool(field.get("categoriesOrdered")))
        elif ftype in ("date", "datetime"):
            dtypes[name] = "str"
            dates.append(name)
        elif ftype == "boolean":
            dtypes[name] = "str"
            booleans.append(field)
        else:
            dtypes[name] = _READ_AS.get(ftype, "str")
    return dtypes, dates, booleans


def read_table(csv_path: Path, schema: dict):
    """DataFrame of one CSV with the schema's types (empty cells are missing values)."""
    import pandas as pd

    dtypes, dates, booleans = read_plan(schema)
    df = pd.read_csv(csv_path, dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8")
    for name in dates:
        df[name] = pd.to_datetime(df[name], format="ISO8601").astype("datetime64[us]")
    for field in booleans:
        true = set(field.get("trueValues", _TRUE))
        false = set(field.get("falseValues", _FALSE))
        col = df[field["name"]]
        mapped = col.map(lambda v: True if v in true else False if v in false else pd.NA)
        df[field["name"]] = mapped.astype("boolean")
    return df


def load(name: str, path=None):
    """Load table ``name`` as a typed pandas DataFrame with its metadata in ``.attrs``."""
    desc = descriptor(path)
    res = find_resource(desc, name)
    root = descriptor_path(path).resolve().parent
    df = read_table(resource_file(root, res), res.get("schema", {}))
    df.attrs.update(
        name=name,
        title=res.get("title"),
        description=res.get("description"),
        version=desc.get("version"),
        source=f"{desc.get('name')} {desc.get('version')}: {res.get('path')}",
        primary_key=res.get("schema", {}).get("primaryKey"),
    )
    return df
