"""Exports keep every row, the types and the keys."""
from __future__ import annotations

import sqlite3

import pandas as pd
import pytest

import povpkg


@pytest.fixture(scope="module")
def frames():
    return povpkg.load_all()


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Each format written once for the module's tests (read only)."""
    out = tmp_path_factory.mktemp("exported")
    made = {}

    def get(fmt):
        if fmt not in made:
            made[fmt] = povpkg.export(fmt, out / {"sqlite": "povpkg.sqlite", "parquet": "pq", "xlsx": "povpkg.xlsx"}[fmt])
        return made[fmt]
    return get


def test_sqlite_keeps_rows_keys_and_foreign_keys(exported, frames, desc):
    db = exported("sqlite")
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    for res in desc["resources"]:
        name = res["name"]
        assert con.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] == len(frames[name])
        fks = con.execute(f'PRAGMA foreign_key_list("{name}")').fetchall()
        assert len(fks) == len(res["schema"].get("foreignKeys", [])), name
        pk = [r[1] for r in sorted(con.execute(f'PRAGMA table_info("{name}")').fetchall(), key=lambda r: r[5]) if r[5]]
        assert pk == res["schema"]["primaryKey"], name
    back = pd.read_sql('SELECT * FROM "funding_2009"', con)
    assert back["amount_yuan"].sum() == 180_200_000
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("INSERT INTO event_countries (event_id, iso3, role, name_as_stated, source_id, span_start, span_end)"
                    " VALUES ('ev-none', 'CHN', 'participant', 'China', 'aii-cica-2021', 0, 1)")
    con.close()


def test_export_refuses_to_overwrite(tmp_path):
    (tmp_path / "x.sqlite").write_text("")
    with pytest.raises(povpkg.PovpkgError, match="already exists"):
        povpkg.export("sqlite", tmp_path / "x.sqlite")


def test_parquet_round_trip_keeps_types(exported, frames):
    out = exported("parquet")
    for name, df in frames.items():
        back = pd.read_parquet(out / f"{name}.parquet")
        for col in df.columns:  # dates are stored as dates (date32); pandas reads them as datetime.date
            if str(df[col].dtype).startswith("datetime64"):
                back[col] = pd.to_datetime(back[col]).astype(df[col].dtype)
        pd.testing.assert_frame_equal(back, df, check_dtype=True, check_categorical=True, obj=name)


def test_xlsx_round_trip(exported, frames):
    out = exported("xlsx")
    sheets = pd.read_excel(out, sheet_name=None)
    assert list(sheets)[0] == "README" and set(sheets) == set(frames) | {"README"}
    for name, df in frames.items():
        assert len(sheets[name]) == len(df)
        assert list(sheets[name].columns) == list(df.columns)
    ev = sheets["events"].set_index("event_id")
    assert ev.loc["ev-2012-04-13-mdgs-seminar", "participants"] == 26


def test_cli_export(tmp_path):
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "povpkg", "export", "--format", "sqlite", str(tmp_path / "a.db")],
                         capture_output=True, text=True)
    assert run.returncode == 0 and (tmp_path / "a.db").stat().st_size > 0


def _date_fields(desc):
    return {(r["name"], f["name"]) for r in desc["resources"] for f in r["schema"]["fields"] if f["type"] == "date"}


def test_parquet_keeps_dates_as_timestamps_and_the_metadata(exported, desc):
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq

    out = exported("parquet")
    dates = _date_fields(desc)
    assert dates
    for res in desc["resources"]:
        schema = pq.read_schema(out / f"{res['name']}.parquet")
        meta = {k.decode(): v.decode() for k, v in schema.metadata.items()}
        assert (meta["name"], meta["version"], meta["license"]) == (desc["name"], desc["version"], "CC-BY-4.0")
        about = json.loads(meta["povpkg"])
        assert about["table"] == res["name"]
        assert about["fields"][res["schema"]["fields"][0]["name"]]["description"] == res["schema"]["fields"][0]["description"]
        for f in res["schema"]["fields"]:
            field = schema.field(f["name"])
            fmeta = {k.decode(): v.decode() for k, v in (field.metadata or {}).items()}
            assert fmeta["description"] == f["description"], f["name"]
            assert fmeta.get("unit") == f.get("unit"), f["name"]
            if (res["name"], f["name"]) in dates:
                assert field.type == pa.timestamp("us"), f["name"]  # pandas reads it back as datetime64[us]
    back = pd.read_parquet(out / "events.parquet")
    assert back.attrs["version"] == desc["version"] and back.attrs["name"] == "events"


def test_xlsx_has_a_readme_sheet_date_formats_and_field_descriptions(exported, desc):
    import openpyxl

    out = exported("xlsx")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "README"
    readme = "\n".join(str(c.value) for row in book["README"].iter_rows() for c in row if c.value is not None)
    assert desc["version"] in readme and "CC-BY-4.0" in readme and desc["title"] in readme
    for res in desc["resources"]:
        assert res["name"] in readme
    events = book["events"]
    header = [c.value for c in events[1]]
    start = events.cell(row=2, column=header.index("start_date") + 1)
    assert start.is_date and start.number_format == "YYYY-MM-DD"
    fields = {f["name"]: f for f in povpkg.describe("events")["schema"]["fields"]}
    for cell in events[1]:
        assert cell.comment is not None and fields[cell.value]["description"] in cell.comment.text
    amounts = book["amounts"]
    unit_of = {f["name"]: f.get("unit") for f in povpkg.describe("amounts")["schema"]["fields"]}
    for cell in amounts[1]:
        if unit_of[cell.value]:
            assert unit_of[cell.value] in cell.comment.text


def test_sqlite_keeps_metadata_field_descriptions_and_iso_dates(exported, desc):
    import re

    con = sqlite3.connect(exported("sqlite"))
    meta = dict(con.execute("SELECT key, value FROM povpkg_metadata"))
    assert (meta["name"], meta["version"], meta["license"]) == (desc["name"], desc["version"], "CC-BY-4.0")
    assert "MIT" in meta["licenses"] and desc["version"] in meta["citation"]
    fields = {(t, f): (d, u) for t, f, d, u in con.execute(
        "SELECT table_name, field_name, description, unit FROM povpkg_fields")}
    for res in desc["resources"]:
        for f in res["schema"]["fields"]:
            assert fields[(res["name"], f["name"])] == (f["description"], f.get("unit"))
    for table, field in _date_fields(desc):
        values = [v for (v,) in con.execute(f'SELECT "{field}" FROM "{table}" WHERE "{field}" IS NOT NULL')]
        assert values and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) for v in values), (table, field)
    con.close()
