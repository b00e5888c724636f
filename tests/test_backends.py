"""The readers: pyarrow's and pandas' give the same typed frame; polars reads by itself."""
from __future__ import annotations

import subprocess
import sys

import pytest

import pandas as pd

import povpkg
from povpkg import _load

from conftest import edit_csv

pl = pytest.importorskip("polars")

POLARS_TYPE = {"string": pl.String, "integer": pl.Int64, "number": pl.Float64, "boolean": pl.Boolean,
               "date": pl.Date}


@pytest.mark.parametrize("name", povpkg.tables())
def test_arrow_reader_gives_exactly_the_strict_pandas_frame(name, monkeypatch):
    pytest.importorskip("pyarrow")
    fast = povpkg.load(name)
    monkeypatch.setattr(_load, "_read_arrow", lambda *a: None)
    slow = povpkg.load(name)
    assert list(fast.dtypes) == list(slow.dtypes)
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)


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
@pytest.mark.parametrize("backend", ["pandas", "polars"])
def test_a_value_outside_its_type_is_an_error_not_a_null(pkg, field, value, said, backend):
    edit_csv(pkg, "events", 2, field, value)
    with pytest.raises(povpkg.PovpkgError, match=said):
        povpkg.load("events", pkg, backend=backend)
