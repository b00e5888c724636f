"""Derived documents stay in step with datapackage.json."""
from __future__ import annotations

import json

from conftest import ROOT
from povpkg._cite import zenodo
from povpkg._codebook import codebook


def test_codebook_is_current():
    # regenerate with: povpkg codebook > docs/codebook.md
    assert (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8") == codebook(ROOT)


def test_codebook_covers_every_field(desc):
    page = codebook(ROOT)
    for res in desc["resources"]:
        assert f"## {res['name']}" in page
        for f in res["schema"]["fields"]:
            assert f"`{f['name']}`" in page
    assert "erDiagram" in page and "events ||--o{ event_countries" in page


def test_zenodo_json_is_current():
    # regenerate with: povpkg sync (which also regenerates CITATION.cff and docs/codebook.md)
    assert json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8")) == zenodo(ROOT)


def test_citation_cff_matches_the_cff_1_2_0_schema(tmp_path):
    """Validated with jsonschema against the schema shipped in the cffconvert wheel,
    which is downloaded but never installed (its jsonschema<4 pin would break frictionless)."""
    import subprocess
    import sys
    import zipfile

    import jsonschema
    import pytest
    import yaml

    got = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(tmp_path),
                          "cffconvert==2.0.0"], capture_output=True, text=True, timeout=120)
    if got.returncode != 0:
        pytest.skip("cannot download cffconvert's wheel for its CFF schema: " + got.stderr.strip()[-200:])
    (whl,) = tmp_path.glob("cffconvert-*.whl")
    schema = json.loads(zipfile.ZipFile(whl).read("cffconvert/schemas/1.2.0/schema.json"))
    import povpkg

    for text in ((ROOT / "CITATION.cff").read_text(encoding="utf-8"), povpkg.cite("cff", sources=True)):
        cff = yaml.safe_load(text)
        cff["date-released"] = str(cff["date-released"])  # YAML reads dates as date objects
        for ref in cff.get("references", []):
            if "date-published" in ref:
                ref["date-published"] = str(ref["date-published"])
        jsonschema.validate(cff, schema, format_checker=jsonschema.FormatChecker())
        assert cff["type"] == "dataset"
    assert len(cff["references"]) == len(povpkg.load("sources"))
