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


def _with_identity(pkg):
    import json as _json

    dp = pkg / "datapackage.json"
    desc = _json.loads(dp.read_text(encoding="utf-8"))
    desc["id"] = "https://doi.org/10.5281/zenodo.1234567"
    desc["contributors"] = [{"title": "Ada Researcher", "roles": ["author"], "path": "https://orcid.org/0000-0002-1825-0097"},
                            {"title": "A Maintainer", "roles": ["maintainer"]}]
    dp.write_text(_json.dumps(desc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return pkg


def test_doi_and_orcid_reach_every_format(pkg):
    import rispy
    import yaml
    from pybtex.database import parse_string

    pkg = _with_identity(pkg)
    doi = "10.5281/zenodo.1234567"
    assert f"https://doi.org/{doi}" in povpkg.cite("text", pkg)
    assert next(iter(parse_string(povpkg.cite("bibtex", pkg), "bibtex").entries.values())).fields["doi"] == doi
    assert rispy.loads(povpkg.cite("ris", pkg))[0]["doi"] == doi
    assert json.loads(povpkg.cite("csl-json", pkg))[0]["DOI"] == doi
    cff = yaml.safe_load(povpkg.cite("cff", pkg))
    assert cff["doi"] == doi and cff["authors"] == [{"name": "Ada Researcher", "orcid": "https://orcid.org/0000-0002-1825-0097"}]
    from povpkg._cite import zenodo

    assert zenodo(pkg)["creators"] == [{"name": "Ada Researcher", "orcid": "0000-0002-1825-0097"}]


def test_no_doi_is_made_up(desc):
    for fmt in ("text", "bibtex", "ris", "csl-json", "cff"):
        assert "doi" not in povpkg.cite(fmt).lower() or desc.get("id")


def test_a_release_carries_its_own_date(pkg):
    import datetime as dt
    import json as _json

    from povpkg._release import release

    dp = pkg / "datapackage.json"
    desc = _json.loads(dp.read_text(encoding="utf-8"))
    desc.update(name="my-derived-data", version="1.0.0", created="2020-01-01T00:00:00Z")
    dp.write_text(_json.dumps(desc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    release(pkg)
    today = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d")
    assert _json.loads(dp.read_text(encoding="utf-8"))["created"].startswith(today)
    assert f'date-released: "{today}"' in povpkg.cite("cff", pkg)
