"""Read a table into a pandas DataFrame typed from its Table Schema.

The CSV is read once, with every dtype decided before reading (booleans by the
schema's true/false values); only date columns get one vectorized conversion
afterwards. No frictionless, no pandera.
"""
from __future__ import annotations

import copy
from pathlib import Path

from ._package import descriptor, descriptor_path, find_resource, resource_file

# Table Schema type -> the pandas dtype a loaded column has (pandera checks the same map).
PANDAS_DTYPE = {"string": "str", "integer": "Int64", "number": "Float64", "year": "Int64", "boolean": "boolean",
                "date": "datetime64[us]", "datetime": "datetime64[us]"}
_TRUE = ["true", "True", "TRUE"]
_FALSE = ["false", "False", "FALSE"]
_PLANS: dict = {}


def read_plan(schema: dict):
    """read_csv keyword arguments for a Table Schema, plus the date columns and their formats."""
    import pandas as pd

    dtypes, dates, true, false = {}, {}, set(_TRUE), set(_FALSE)
    for field in schema.get("fields", []):
        name, ftype = field["name"], field.get("type", "string")
        enum = field.get("constraints", {}).get("enum")
        if enum and ftype == "string":
            dtypes[name] = pd.CategoricalDtype(categories=enum, ordered=bool(field.get("categoriesOrdered")))
        elif ftype in ("date", "datetime"):
            dtypes[name] = "str"
            fmt = field.get("format", "default")
            dates[name] = "%Y-%m-%d" if fmt in ("default", "any") and ftype == "date" else \
                "ISO8601" if fmt in ("default", "any") else fmt
        else:
            dtypes[name] = PANDAS_DTYPE.get(ftype, "str")
            if ftype == "boolean":
                true |= set(field.get("trueValues", []))
                false |= set(field.get("falseValues", []))
    kwargs = dict(dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8",
                  true_values=sorted(true), false_values=sorted(false))
    return kwargs, dates


def read_table(csv_path: Path, schema: dict, plan=None):
    """DataFrame of one CSV with the schema's types (empty cells are missing values)."""
    import pandas as pd

    kwargs, dates = plan or read_plan(schema)
    df = pd.read_csv(csv_path, **kwargs)
    for name, fmt in dates.items():
        col = pd.to_datetime(df[name], format=fmt)
        df[name] = col if str(col.dtype) == "datetime64[us]" else col.astype("datetime64[us]")
    return df


def load(name: str, path=None):
    """Load table ``name`` as a typed pandas DataFrame with its metadata in ``.attrs``."""
    dp = descriptor_path(path).resolve()
    desc = descriptor(dp)
    res = find_resource(desc, name)
    key = (str(dp), dp.stat().st_mtime_ns, name)
    if key not in _PLANS:
        _PLANS[key] = read_plan(res.get("schema", {}))
    df = read_table(resource_file(dp.parent, res), res.get("schema", {}), _PLANS[key])
    df.attrs.update(
        name=name,
        title=res.get("title"),
        description=res.get("description"),
        version=desc.get("version"),
        source=f"{desc.get('name')} {desc.get('version')}: {res.get('path')}",
        primary_key=res.get("schema", {}).get("primaryKey"),
        fields=fields_of(res),
    )
    return df


def fields_of(res: dict) -> dict:
    """Every column's Table Schema field (description, type, unit, constraints), as a copy
    the caller may change without touching the descriptor."""
    return {f["name"]: copy.deepcopy(f) for f in res.get("schema", {}).get("fields", [])}
