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
               "date": pl.Datetime("us")}  # as pandas' datetime64[us]: frames convert unchanged


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


def _both_readers(name, pkg, monkeypatch):
    """(frame or error message) from the pyarrow path and from the strict pandas path."""
    def one():
        try:
            return povpkg.load(name, pkg)
        except povpkg.PovpkgError as exc:
            return str(exc)
    fast = one()
    with monkeypatch.context() as m:
        m.setattr(_load, "_read_arrow", lambda *a: None)
        slow = one()
    return fast, slow


EDGE_CELLS = [("participants", v) for v in (" 5", "5 ", "+5", "05", "-0", "1e3", "1.0", "5.", "nan", "inf", "0x10",
                                            "1_000", "1,000", "9223372036854775808", "NA", "null", "-", "-5", "\u0663",
                                            "\uff11")] + \
    [("duration_days_stated", v) for v in ("nan", "NaN", "inf", "-inf", "Infinity", "1e400", " 1.5", "1,5", "+1.5",
                                           ".5", "5.", "1_0", "0x1p3", "NA", "-2", "1234567890123456",
                                           "12345678901234567", "\u0663")] + \
    [("online", v) for v in ("1", "0", "yes", "t", "T", "True", "TRUE", "tRUE", " true", "false ")] + \
    [("start_date", v) for v in ("2012-1-5", "20120105", " 2012-01-05", "2012-01-05 ", "2012-01-05T00:00",
                                 "+2012-01-05", "0001-01-01", "9999-12-31", "2012/01/05", "2012-02-29", "2013-02-29")] + \
    [("kind", v) for v in ("seminar ", " seminar", "Seminar", "NA")] + \
    [("title", v) for v in ("NA", "null", "None", "#N/A", " ", '"')]


@pytest.mark.parametrize(("field", "value"), EDGE_CELLS)
def test_arrow_reader_accepts_and_refuses_what_the_strict_reader_does(pkg, monkeypatch, field, value):
    """Odd cells: both readers give the same frame, or the strict reader's DataError names the cell."""
    pytest.importorskip("pyarrow")
    edit_csv(pkg, "events", 3, field, value, hashes=False)
    fast, slow = _both_readers("events", pkg, monkeypatch)
    if isinstance(slow, str):
        assert fast == slow
    else:
        assert not isinstance(fast, str), fast
        assert list(fast.dtypes) == list(slow.dtypes)
        pd.testing.assert_frame_equal(fast, slow, check_exact=True)


@pytest.mark.parametrize("damage", ["extra-column", "missing-column", "repeated-column", "short-row", "long-row",
                                    "bom", "not-utf8", "quoted-newline", "blank-line"])
def test_arrow_reader_leaves_damaged_files_to_the_strict_reader(pkg, monkeypatch, damage):
    pytest.importorskip("pyarrow")
    path = pkg / "tables" / "events.csv"
    raw = path.read_bytes()
    head, rest = raw.split(b"\n", 1)
    first, others = rest.split(b"\n", 1)
    raw = {
        "extra-column": head + b",colour\n" + first + b",red\n" + others.replace(b"\n", b",\n"),
        "missing-column": b",".join(head.split(b",")[:-1]) + b"\n" + rest,
        "repeated-column": head.replace(b"title", b"kind", 1) + b"\n" + rest,
        "short-row": head + b"\n" + b",".join(first.split(b",")[:3]) + b"\n" + others,
        "long-row": head + b"\n" + first + b",x\n" + others,
        "bom": b"\xef\xbb\xbf" + raw,
        "not-utf8": head + b"\n" + first.replace(b"Rio", b"R\xe9o", 1) + b"\n" + others,
        "quoted-newline": head + b"\n" + first.replace(b"Rio City", b'"Rio\nCity"', 1) + b"\n" + others,
        "blank-line": head + b"\n" + first + b"\n\n" + others,
    }[damage]
    path.write_bytes(raw)
    try:
        fast, slow = _both_readers("events", pkg, monkeypatch)
    except UnicodeDecodeError:
        assert damage == "not-utf8"  # both readers leave it to the caller, who names the file
        return
    if isinstance(slow, str):
        assert fast == slow
    else:
        assert not isinstance(fast, str), fast
        pd.testing.assert_frame_equal(fast, slow, check_exact=True)
