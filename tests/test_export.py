"""Exports keep every row, the types and the keys."""
from __future__ import annotations

import sqlite3

import pandas as pd
import pytest

import povpkg


@pytest.fixture(scope="module")
def frames():
    return povpkg.load_all()


def test_sqlite_keeps_rows_keys_and_foreign_keys(tmp_path, frames, desc):
    db = povpkg.export("sqlite", tmp_path / "povpkg.sqlite")
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


def test_parquet_round_trip_keeps_types(tmp_path, frames):
    out = povpkg.export("parquet", tmp_path / "pq")
    for name, df in frames.items():
        back = pd.read_parquet(out / f"{name}.parquet")
        pd.testing.assert_frame_equal(back, df, check_dtype=True, check_categorical=True, obj=name)


def test_xlsx_round_trip(tmp_path, frames):
    out = povpkg.export("xlsx", tmp_path / "povpkg.xlsx")
    sheets = pd.read_excel(out, sheet_name=None)
    assert set(sheets) == set(frames)
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
