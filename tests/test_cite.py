"""Citations name the exact version, and CITATION.cff is the generated one."""
from __future__ import annotations

import pytest

import povpkg
from conftest import ROOT


@pytest.mark.parametrize("fmt", ["text", "bibtex", "cff"])
def test_citation_names_the_version(fmt, desc):
    out = povpkg.cite(fmt)
    assert desc["version"] in out
    assert desc["title"] in out
    assert f"povpkg=={desc['version']}" in out


def test_bibtex_is_one_entry():
    out = povpkg.cite("bibtex")
    assert out.startswith("@misc{povpkg_") and out.rstrip().endswith("}")
    assert out.count("{") == out.count("}")


def test_unknown_format_is_a_clear_error():
    with pytest.raises(povpkg.PovpkgError, match="choose one of"):
        povpkg.cite("apa7")


def test_citation_cff_is_generated_from_datapackage():
    # regenerate with: povpkg cite --format cff > CITATION.cff
    assert (ROOT / "CITATION.cff").read_text(encoding="utf-8") == povpkg.cite("cff") + "\n"


def test_versions_agree(desc):
    assert povpkg.__version__ == desc["version"]


def test_no_address_that_does_not_exist(desc):
    """The package is not on an index yet and has no public repository: cite none."""
    import tomllib

    assert "homepage" not in desc
    for fmt in ("text", "bibtex", "cff"):
        assert "pypi.org" not in povpkg.cite(fmt)
    assert "urls" not in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


@pytest.mark.parametrize("fmt", ["text", "bibtex", "cff"])
def test_cite_sources_lists_every_source_document(fmt):
    sources = povpkg.load("sources")
    out = povpkg.cite(fmt, sources=True)
    assert out.startswith(povpkg.cite(fmt))  # the dataset first, then its sources
    if fmt == "cff":
        import yaml

        out = str(yaml.safe_load(out)["references"])
    as_written = (lambda s: s) if fmt != "bibtex" else __import__("povpkg._cite", fromlist=["_bib"])._bib
    for src in sources.itertuples():
        assert as_written(src.title) in out and as_written(src.publisher) in out  # BibTeX escapes % & # ...
        if isinstance(src.url, str):
            assert src.url in out
    assert "2020, December 29" in povpkg.cite("text", sources=True)  # the date to its precision
    assert "(2013). International Cooperation. In China Poverty Alleviation Yearbook 2013" in povpkg.cite(
        "text", sources=True)


def test_cite_rows_names_only_the_sources_behind_them():
    ev = povpkg.load("events")
    some = ev[ev.source_id == "globaltimes-2020-12-29"]
    out = povpkg.cite(rows=some)
    assert "Global Times (2020, December 29)" in out
    assert "YCPress" not in out and "Yearbook 2010" not in out
    joined = povpkg.join("event_countries", "events")  # a link row and its event may cite different pages
    bib = povpkg.cite("bibtex", rows=joined)
    assert bib.count("@") == 1 + len(set(joined["source_id"]) | set(joined["source_id_events"]))
    with pytest.raises(povpkg.PovpkgError, match="source_id"):
        povpkg.cite(rows=povpkg.load("countries"))


def test_cite_sources_cli():
    from povpkg.cli import main

    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["cite", "--format", "bibtex", "--sources"]) == 0
    assert out.getvalue().count("@") == 1 + len(povpkg.load("sources"))
