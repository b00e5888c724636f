"""Citations name the exact version, and CITATION.cff is the generated one."""
from __future__ import annotations

import importlib.metadata

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
    assert importlib.metadata.version("povpkg") == desc["version"]
