"""Each export, read back by the reader people use for it, has the types povpkg.load gives."""
from __future__ import annotations

import sqlite3

import pytest

import povpkg

pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    formats = ["parquet", "sqlite"] + (["duckdb"] if _has("duckdb") else [])
    return {fmt: povpkg.export(fmt, folder / f"povpkg.{fmt}") for fmt in formats}


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


@pytest.mark.parametrize("table", povpkg.tables())
def test_parquet_read_by_pandas_is_the_loaded_frame(exported, table):
    import pandas as pd

    back = pd.read_parquet(exported["parquet"] / f"{table}.parquet")
    pd.testing.assert_frame_equal(back, povpkg.load(table))
    assert back.attrs["version"] == povpkg.__version__


def test_parquet_read_by_polars_is_the_loaded_polars_frame(exported):
    pl = pytest.importorskip("polars")
    for table in povpkg.tables():
        back, loaded = pl.read_parquet(exported["parquet"] / f"{table}.parquet"), povpkg.load(table, backend="polars")
        assert back.schema == loaded.schema, table  # Enum with its declared values, Int64, Datetime("us") ...
        assert back.equals(loaded), table


def test_polars_and_pandas_frames_convert_into_each_other_unchanged():
    pl = pytest.importorskip("polars")
    import pandas as pd

    for table in povpkg.tables():
        loaded = povpkg.load(table, backend="polars")
        assert pl.from_pandas(povpkg.load(table)).cast(loaded.schema).equals(loaded), table
        dates = [c for c, t in loaded.schema.items() if t == pl.Datetime("us")]
        back = loaded.to_pandas()
        assert all(back[c].dtype == "datetime64[us]" for c in dates), table
        pd.testing.assert_frame_equal(back[dates], povpkg.load(table)[dates])


def test_duckdb_database_has_the_declared_types_keys_and_comments(exported):
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect(str(exported["duckdb"]), read_only=True)
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = 'events'").fetchall())
    assert types["start_date"] == "DATE" and types["online"] == "BOOLEAN" and types["participants"] == "BIGINT"
    assert types["kind"].startswith("ENUM('visit_abroad'")
    assert dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                            "WHERE table_name = 'places'").fetchall())["gbt2260"] == "VARCHAR"
    assert dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                            "WHERE table_name = 'amounts'").fetchall())["amount"] == "DOUBLE"
    for table in povpkg.tables():
        assert con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == len(povpkg.load(table))
    kinds = {c for (c,) in con.execute("SELECT constraint_type FROM duckdb_constraints() WHERE table_name = "
                                      "'event_countries'").fetchall()}
    assert {"PRIMARY KEY", "FOREIGN KEY"} <= kinds
    comment = con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'events' "
                          "AND column_name = 'participants'").fetchone()[0]
    assert comment.startswith(povpkg.describe("events").fields.set_index("name").description["participants"])
    loaded = povpkg.load("events")
    back = con.execute('SELECT * FROM "events"').df()
    assert (back.start_date.dropna().dt.strftime("%Y-%m-%d") ==
            loaded.start_date.dropna().dt.strftime("%Y-%m-%d")).all()


def test_duckdb_reads_the_parquet_files_typed(exported):
    """Codes stay text (DuckDB infers BIGINT for places.gbt2260 from the CSV); an
    enumeration reads as text, which the DuckDB export declares as an ENUM instead."""
    duckdb = pytest.importorskip("duckdb")
    for table, col, want in [("places", "gbt2260", "VARCHAR"), ("amounts", "amount", "DOUBLE"),
                             ("events", "participants", "BIGINT"), ("events", "online", "BOOLEAN")]:
        path = str(exported["parquet"] / f"{table}.parquet").replace("'", "''")
        types = {row[0]: row[1] for row in duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()}
        assert types[col] == want, (table, col)


def test_sqlite_declares_the_types_and_keeps_the_values(exported):
    con = sqlite3.connect(exported["sqlite"])
    declared = {row[1]: row[2] for row in con.execute('PRAGMA table_info("events")')}
    assert declared["participants"] == "INTEGER" and declared["start_date"] == "TEXT"
    import pandas as pd

    loaded = povpkg.load("events").set_index("event_id")
    for event_id, start, online in con.execute('SELECT event_id, start_date, online FROM "events"'):
        want = loaded.start_date[event_id]
        assert start == (None if pd.isna(want) else want.strftime("%Y-%m-%d"))
        assert online == (None if pd.isna(loaded.online[event_id]) else int(loaded.online[event_id]))
