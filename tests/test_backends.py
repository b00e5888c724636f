"""The polars backend reads by itself, typed from the Table Schema, and never imports pandas."""
from __future__ import annotations

import subprocess
import sys

import pytest

import povpkg

from conftest import edit_csv

pl = pytest.importorskip("polars")

POLARS_TYPE = {"string": pl.String, "integer": pl.Int64, "number": pl.Float64, "boolean": pl.Boolean,
               "date": pl.Date}


@pytest.mark.parametrize("name", povpkg.tables())
def test_polars_backend_is_typed_from_the_table_schema(name):
    df = povpkg.load(name, backend="polars")
    fields = povpkg.describe(name)["schema"]["fields"]
    assert df.columns == [f["name"] for f in fields]
    for f in fields:
        enum = f.get("constraints", {}).get("enum")
        want = pl.Enum(enum) if enum and f["type"] == "string" else POLARS_TYPE[f["type"]]
        assert df.schema[f["name"]] == want, f["name"]
    same = pl.from_pandas(povpkg.load(name)).with_columns(
        **{c: pl.col(c).cast(t) for c, t in df.schema.items()})
    assert df.equals(same)


def test_polars_backend_never_imports_pandas():
    code = ("import sys, povpkg; df = povpkg.load('events', backend='polars');"
            "print(df.height, 'pandas' in sys.modules, 'pyarrow' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == [str(len(povpkg.load("events"))), "False", "False"]


@pytest.mark.parametrize(("field", "value", "said"), [
    ("participants", "twelve", "twelve"), ("start_date", "2012-02-30", "2012-02-30"), ("kind", "party", "party")])
def test_a_value_outside_its_type_is_an_error_not_a_null(pkg, field, value, said):
    edit_csv(pkg, "events", 2, field, value)
    with pytest.raises(povpkg.PovpkgError, match=said):
        povpkg.load("events", pkg, backend="polars")
