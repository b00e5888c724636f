"""Loading is as strict as validating, on both backends (issue 18, §7): a DataError
naming table, row and field wherever validation fails, never a shifted, padded or
widened frame."""
from __future__ import annotations

import re

import pytest

import povpkg
from conftest import edit_csv
from povpkg.errors import DataError

BACKENDS = ["pandas", "polars", "pandas-without-pyarrow"]


@pytest.fixture(params=BACKENDS)
def backend(request, monkeypatch):
    if request.param == "polars":
        pytest.importorskip("polars")
    if request.param == "pandas-without-pyarrow":  # the strict reader alone, as without pyarrow installed
        from povpkg import _load

        monkeypatch.setattr(_load, "_read_arrow", lambda *a: None)
        return "pandas"
    return request.param


def _load(pkg, table, backend):
    return povpkg.load(table, pkg, backend=backend)


def _lines(pkg, table) -> list[str]:
    return (pkg / "tables" / f"{table}.csv").read_text(encoding="utf-8").split("\n")


def _write(pkg, table, lines) -> None:
    (pkg / "tables" / f"{table}.csv").write_text("\n".join(lines), encoding="utf-8")


def _key(pkg, table, row) -> str:
    return _lines(pkg, table)[row - 1].split(",")[0]


@pytest.mark.parametrize(("table", "row", "field"), [
    ("events", 3, "participants"),  # the kind
    ("funding_2009", 4, "amount_10k_yuan"),
    ("pairings", 2, "year_start"),  # a year column
    ("amounts", 5, "year"),
])
def test_an_exponent_in_an_integer_column(pkg, backend, table, row, field):
    edit_csv(pkg, table, row, field, "1e3", hashes=False)
    with pytest.raises(DataError, match=rf"^{table}, row {row}\b.*field {field}: '1e3' is not a whole number"):
        _load(pkg, table, backend)


@pytest.mark.parametrize("cell", ["1.0", " 5", "5 ", "0x10", "1_000", "\u0663"])
def test_other_integers_only_python_or_pandas_would_take(pkg, backend, cell):
    edit_csv(pkg, "events", 4, "participants", cell, hashes=False)
    with pytest.raises(DataError, match=r"^events, row 4\b.*field participants: .* is not a whole number"):
        _load(pkg, "events", backend)


@pytest.mark.parametrize("table", ["people", "countries", "events"])
def test_a_trailing_delimiter_on_every_row(pkg, backend, table):
    """pandas took the first column as the index and shifted every other one place."""
    lines = _lines(pkg, table)
    _write(pkg, table, [lines[0]] + [ln + "," if ln else ln for ln in lines[1:]])
    last = lines[0].split(",")[-1]
    with pytest.raises(DataError, match=rf"^{table}, row 2 \(.+\), field {last}: the row has \d+ cells for \d+ fields"):
        _load(pkg, table, backend)


def test_a_trailing_delimiter_on_the_header_too(pkg, backend):
    lines = _lines(pkg, "people")
    _write(pkg, "people", [ln + "," if ln else ln for ln in lines])
    with pytest.raises(DataError, match=r"^people, row 1: column '' is not declared"):
        _load(pkg, "people", backend)


@pytest.mark.parametrize(("table", "row"), [("people", 4), ("organizations", 9), ("indicators", 30)])
def test_a_short_row(pkg, backend, table, row):
    lines = _lines(pkg, table)
    fields = lines[0].split(",")
    lines[row - 1] = ",".join(lines[row - 1].split(",")[:3])
    _write(pkg, table, lines)
    with pytest.raises(DataError, match=rf"^{table}, row {row} \(.+\), field {fields[3]}: the row has 3 cells"):
        _load(pkg, table, backend)


@pytest.mark.parametrize("blank", ["", ",,,,,,,"])
def test_a_blank_row(pkg, backend, blank):
    lines = _lines(pkg, "people")
    lines.insert(5, blank)
    _write(pkg, "people", lines)
    with pytest.raises(DataError, match=r"^people, row 6, field person_id: the row is blank"):
        _load(pkg, "people", backend)


def test_an_undeclared_extra_column(pkg, backend):
    """polars returned it."""
    lines = _lines(pkg, "events")
    _write(pkg, "events", [lines[0] + ",colour"] + [ln + ",red" if ln else ln for ln in lines[1:]])
    with pytest.raises(DataError, match=r"^events, row 1: column 'colour' is not declared in the table's schema"):
        _load(pkg, "events", backend)


@pytest.mark.parametrize(("table", "drop"), [("events", "notes"), ("places", "source_id")])
def test_a_declared_column_dropped(pkg, backend, table, drop):
    """polars silently dropped it."""
    lines = _lines(pkg, table)
    i = lines[0].split(",").index(drop)
    import csv
    import io

    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:i] + r[i + 1:] for r in rows if r])
    (pkg / "tables" / f"{table}.csv").write_text(out.getvalue(), encoding="utf-8")
    with pytest.raises(DataError, match=rf"^{table}, row 1, field {drop}: the schema's field '{drop}' has no column"):
        _load(pkg, table, backend)


def test_the_header_in_another_order(pkg, backend):
    lines = _lines(pkg, "countries")
    head = lines[0].split(",")
    head[0], head[1] = head[1], head[0]
    _write(pkg, "countries", [",".join(head)] + lines[1:])
    with pytest.raises(DataError, match=rf"^countries, row 1, field {head[1]}: the header has '{head[0]}' in column 1"):
        _load(pkg, "countries", backend)


def test_the_shipped_tables_load_alike_on_both_backends():
    pl = pytest.importorskip("polars")
    for name in ("events", "people", "amounts", "indicators"):
        a, b = povpkg.load(name), povpkg.load(name, backend="polars")
        assert list(a.columns) == b.columns and len(a) == len(b), name
        assert isinstance(b, pl.DataFrame)


def test_validate_fails_at_the_row_loading_names(pkg):
    """The same damage: validation fails at the row the loaders name (frictionless's
    extra-cell, and the typed pass's own failure), and names no other row."""
    lines = _lines(pkg, "people")
    _write(pkg, "people", [lines[0]] + [ln + "," if ln else ln for ln in lines[1:]])
    with pytest.raises(DataError) as pandas_error:
        povpkg.load("people", pkg)
    row = int(re.search(r"row (\d+)", str(pandas_error.value)).group(1))
    report = povpkg.validate(pkg)
    people = [f for f in report.failures if f.table == "people"]
    assert any(f.rule == "extra-cell" and f.row == row for f in people)
    assert any(f.rule == "readable" and f"row {row}" in f.message for f in people)


def test_a_file_that_is_not_utf8_or_is_empty_is_a_one_line_error(pkg, backend):
    path = pkg / "tables" / "events.csv"
    path.write_bytes(path.read_bytes().replace(b"Rio", b"R\xe9o", 1))
    with pytest.raises(povpkg.errors.PackageError, match="is not UTF-8 text"):
        _load(pkg, "events", backend)
    path.write_bytes(b"")
    with pytest.raises(DataError, match=r"^events, row 1, field event_id: the schema's field 'event_id' has no column"):
        _load(pkg, "events", backend)
