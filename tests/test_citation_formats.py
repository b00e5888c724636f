"""Every citation format parses with a parser of that format, and says the same thing."""
from __future__ import annotations

import json

import pytest

import povpkg
from povpkg.cli import main


def test_ris_parses_and_names_the_version(desc):
    import rispy

    entries = rispy.loads(povpkg.cite("ris", sources=True))
    assert entries[0]["type_of_reference"] == "DATA" and entries[0]["edition"] == desc["version"]
    assert len(entries) == 1 + len(povpkg.load("sources"))
    assert all(e.get("title") for e in entries)


def test_csl_json_items_are_csl(desc):
    items = json.loads(povpkg.cite("csl-json", sources=True))
    assert items[0]["type"] == "dataset" and items[0]["version"] == desc["version"]
    assert len({i["id"] for i in items}) == len(items) == 1 + len(povpkg.load("sources"))
    for item in items:
        parts = item.get("issued", {"date-parts": [[2000]]})["date-parts"][0]
        assert 1 <= len(parts) <= 3 and all(isinstance(p, int) for p in parts)


def test_bibtex_parses_into_one_entry_per_work(desc):
    from pybtex.database import parse_string

    db = parse_string(povpkg.cite("bibtex", sources=True), "bibtex")
    assert len(db.entries) == 1 + len(povpkg.load("sources"))
    first = next(iter(db.entries.values()))
    assert first.fields["version"] == desc["version"]


@pytest.mark.parametrize("fmt", ["ris", "csl-json", "bibtex", "cff", "text"])
def test_rows_cite_only_their_sources_in_every_format(fmt):
    rows = povpkg.load("events").head(3)
    wanted = set(rows.source_id)
    text = povpkg.cite(fmt, rows=rows)
    titles = povpkg.load("sources").set_index("source_id").title
    for sid in titles.index:
        if titles[sid] not in str(titles.drop(sid).tolist()):  # a title no other source contains
            assert (titles[sid] in text) == (sid in wanted), (sid, fmt)


def test_polars_rows_and_non_frames():
    pl = pytest.importorskip("polars")
    rows = povpkg.load("events", backend="polars").head(2)
    assert povpkg.cite(rows=rows) == povpkg.cite(rows=povpkg.load("events").head(2))
    assert isinstance(rows, pl.DataFrame)
    with pytest.raises(povpkg.PovpkgError, match="needs a pandas or polars frame"):
        povpkg.cite(rows=[1, 2])


def test_cli_offers_every_format(capsys):
    for fmt in ("ris", "csl-json"):
        assert main(["cite", "--format", fmt]) == 0
        assert povpkg.__version__ in capsys.readouterr().out
