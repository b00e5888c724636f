"""Loading: typed frames, metadata in attrs, clear errors, light import."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import povpkg
from conftest import update

EXPECTED_DTYPE = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "date": "datetime64[us]"}


@pytest.mark.parametrize("name", povpkg.tables())
def test_every_table_loads_with_schema_types(name):
    df = povpkg.load(name)
    res = povpkg.describe(name)
    assert list(df.columns) == [f["name"] for f in res["schema"]["fields"]]
    for field in res["schema"]["fields"]:
        dtype = df[field["name"]].dtype
        if "enum" in field.get("constraints", {}):
            assert isinstance(dtype, pd.CategoricalDtype), field["name"]
            assert list(dtype.categories) == field["constraints"]["enum"]
        elif field["type"] == "string":
            assert dtype == "str", field["name"]
        else:
            assert str(dtype) == EXPECTED_DTYPE[field["type"]], field["name"]
    assert df.attrs["version"] == povpkg.__version__
    assert df.attrs["title"] == res["title"]


def test_funding_table_long_form():
    df = povpkg.load("funding_2009")
    assert len(df) == 21
    assert df.groupby("recipient_id", observed=True).size().eq(3).all()
    wenshan = df[(df.recipient_id == "wenshan-prefecture") & (df.category == "new_rural_construction")]
    assert wenshan.amount_10k_yuan.item() == 3270
    assert wenshan.amount_yuan.item() == 32_700_000
    assert povpkg.load("funding_2009_totals").set_index("total_id").loc["grand", "amount_10k_yuan"] == 18020


def test_unknown_table_lists_valid_names():
    with pytest.raises(povpkg.UnknownTableError) as exc:
        povpkg.load("no_such_table")
    assert "funding_2009" in str(exc.value) and "no_such_table" in str(exc.value)
    assert isinstance(exc.value, KeyError)


def test_import_is_light():
    code = ("import sys, povpkg; povpkg.tables(); povpkg.__version__; povpkg.cite('bibtex');"
            "heavy = [m for m in ('pandas', 'frictionless', 'pandera', 'numpy') if m in sys.modules];"
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_load_imports_neither_frictionless_nor_pandera():
    code = ("import sys, povpkg; povpkg.load('funding_2009');"
            "print([m for m in ('frictionless', 'pandera') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_join_follows_the_declared_foreign_key():
    links = povpkg.join("event_countries", "countries")
    assert len(links) == len(povpkg.load("event_countries"))
    assert links["region"].notna().all()
    mdgs = povpkg.join("event_countries", "events")
    mdgs = mdgs[mdgs.event_id == "ev-2012-04-13-mdgs-seminar"]
    assert set(mdgs["title"]) == {"Seminar on MDGs and Sustainable Poverty Reduction for Developing Countries"}
    with pytest.raises(povpkg.PovpkgError, match="no foreign key"):
        povpkg.join("countries", "events")


def test_polars_backend():
    pl = pytest.importorskip("polars")
    df = povpkg.load("funding_2009", backend="polars")
    assert isinstance(df, pl.DataFrame) and df.shape == (21, 9)
    assert df["amount_yuan"].sum() == 180_200_000


def test_load_all_and_attrs():
    frames = povpkg.load_all()
    assert set(frames) == set(povpkg.tables())
    ev = frames["events"]
    assert {"title", "description", "version", "source"} <= set(ev.attrs)
    assert str(ev["start_date"].dtype) == "datetime64[us]"
    assert ev["online"].dtype == "boolean"


# --- strict loading (issue 8, section 7) ---------------------------------------

MDGS = {"event_id": "ev-2012-04-13-mdgs-seminar"}


def _extra_column(pkg):
    path = pkg / "tables" / "countries.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",colour"] + [line + ",red" for line in lines[1:]]) + "\n", encoding="utf-8")


STRICT = {
    # kind -> (table, corruption, words the error must carry)
    "enum": ("events", lambda p: update(p, "events", MDGS, kind="semniar"), ["events", "row", "field kind", "'semniar'"]),
    "integer": ("events", lambda p: update(p, "events", MDGS, participants="26.5"),
                ["events", "field participants", "'26.5'", MDGS["event_id"]]),
    "integer-word": ("indicators", lambda p: update(p, "indicators", {"indicator_id": "in-2012-lgop-delegations-sent-abroad"},
                                                    value="thirty"), ["indicators", "field value", "'thirty'"]),
    "date": ("events", lambda p: update(p, "events", MDGS, start_date="2012-02-30"),
             ["events", "field start_date", "'2012-02-30'", MDGS["event_id"]]),
    "boolean": ("events", lambda p: update(p, "events", MDGS, online="maybe"), ["events", "field online", "'maybe'"]),
    "extra-column": ("countries", _extra_column, ["countries", "'colour'", "not declared"]),
}


@pytest.mark.parametrize("kind", sorted(STRICT))
def test_load_refuses_what_does_not_fit_the_schema(kind, pkg, capsys):
    from povpkg import cli

    table, corrupt, words = STRICT[kind]
    corrupt(pkg)
    with pytest.raises(povpkg.PovpkgError) as exc:
        povpkg.load(table, pkg)
    for w in words:
        assert w in str(exc.value), (w, str(exc.value))
    assert cli.main(["show", table, "--path", str(pkg)]) == 2
    err = capsys.readouterr().err
    assert str(exc.value) in err and "internal error" not in err


def test_enum_error_names_the_csv_row(pkg):
    update(pkg, "events", MDGS, kind="party")
    row = next(i for i, line in enumerate((pkg / "tables" / "events.csv").read_text(encoding="utf-8").splitlines(), 1)
               if line.startswith(MDGS["event_id"] + ","))
    with pytest.raises(povpkg.DataError, match=rf"row {row} \({MDGS['event_id']}\), field kind: 'party'"):
        povpkg.load("events", pkg)


def test_describe_and_attrs_are_copies(pkg):
    res = povpkg.describe("events", pkg)
    res["schema"]["fields"].clear()
    res["schema"]["primaryKey"].append("title")
    df = povpkg.load("events", pkg)
    df.attrs["primary_key"].append("kind")
    again = povpkg.describe("events", pkg)
    assert again["schema"]["fields"] and again["schema"]["primaryKey"] == ["event_id"]
    assert povpkg.load("events", pkg).attrs["primary_key"] == ["event_id"]
    import json

    from povpkg._package import categories_as_enum

    raw = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    categories_as_enum(raw)  # the descriptor as read: v2 categories as each field's enum
    assert povpkg._descriptor(pkg) == raw
