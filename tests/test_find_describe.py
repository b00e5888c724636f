"""Finding rows across tables, a readable describe(), the terminal's leading columns,
and the public functions on both backends."""
from __future__ import annotations

import pytest

import povpkg
from povpkg._show import column_order, leading
from povpkg.cli import main


def test_find_reaches_every_table_that_mentions_a_place():
    hits = povpkg.find("bansuo")
    assert list(hits.columns) == ["table", "key", "field", "value"]
    assert {"places", "events", "projects"} <= set(hits.table)
    assert ("places", "pl-bansuo", "name") in set(zip(hits.table, hits.key, hits.field))
    assert hits.value.str.casefold().str.contains("bansuo").all()


def test_find_ignores_case_and_accents_and_reads_chinese():
    assert povpkg.find("LAOS").equals(povpkg.find("laos"))
    assert "LAO" in set(povpkg.find("老挝").query("table == 'countries'").key)
    assert len(povpkg.find("Lao", tables=["countries"])) == len(povpkg.find("Lào", tables=["countries"]))


def test_find_refuses_an_empty_word_and_an_unknown_table():
    with pytest.raises(povpkg.PovpkgError, match="needs a word"):
        povpkg.find("  ")
    with pytest.raises(povpkg.UnknownTableError):
        povpkg.find("Laos", tables=["event"])


def test_find_on_polars_gives_the_same_rows():
    pytest.importorskip("polars")
    assert povpkg.find("Laos", backend="polars").rows() == list(povpkg.find("Laos").itertuples(index=False, name=None))


def test_find_command(capsys):
    assert main(["find", "bansuo", "-t", "places"]) == 0
    out = capsys.readouterr().out
    assert "pl-bansuo" in out and "places" in out.splitlines()[-1]
    assert main(["find", "no-such-word-anywhere"]) == 0
    assert "no row mentions" in capsys.readouterr().out


def test_describe_reads_like_text_and_is_still_the_dict(desc):
    info = povpkg.describe("events")
    assert repr(info).startswith("events: ") and "primary key: event_id" in repr(info)
    assert info["schema"]["primaryKey"] == info.primary_key == ["event_id"]
    assert info.title == desc["resources"][7]["title"] and info.rows == len(povpkg.load("events"))
    fields = info.fields
    assert list(fields.columns) == ["name", "type", "unit", "description", "constraints"]
    assert list(fields.name) == [f["name"] for f in info["schema"]["fields"]]
    assert ("project_id", ["project_id"]) in [(f[0][0], f[2]) for f in info.foreign_keys]
    assert set(info.sources) <= set(povpkg.load("sources").source_id) and info.sources
    info["title"] = "changed"
    assert povpkg.describe("events").title != "changed"


def test_terminal_leads_with_what_identifies_a_row():
    for table, first in [("amounts", ["amount_id", "year", "amount", "currency"]),
                         ("events", ["event_id", "title", "start_date"]),
                         ("indicators", ["indicator_id", "year", "value", "unit"])]:
        df = povpkg.load(table)
        assert column_order(df, df.attrs["primary_key"], df.attrs["fields"])[:len(first)] == first, table
    assert leading({}) == []


def test_show_amounts_at_80_columns_has_the_figure_and_currency(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["show", "amounts", "-n", "3"]) == 0
    header = capsys.readouterr().out.splitlines()[0].split()
    assert {"amount", "currency", "year"} <= set(header)


@pytest.mark.parametrize("call", ["load_all", "join", "join_on"])
def test_frame_functions_take_either_backend(call):
    pl = pytest.importorskip("polars")
    both = {}
    for backend in ("pandas", "polars"):
        if call == "load_all":
            both[backend] = povpkg.load_all(backend=backend)["events"]
        elif call == "join":
            both[backend] = povpkg.join("event_countries", "countries", backend=backend)
        else:
            both[backend] = povpkg.join("amounts", "organizations", on="recipient_org_id", backend=backend)
    assert isinstance(both["polars"], pl.DataFrame)
    assert list(both["polars"].columns) == list(both["pandas"].columns)
    assert both["polars"].height == len(both["pandas"])
    with pytest.raises(povpkg.PovpkgError, match="unknown backend"):
        povpkg.load_all(backend="arrow")
