"""Tiers of checks over datapackage.json: metadata, schemas, files, frictionless."""
from __future__ import annotations

import hashlib
import re

import pytest

from conftest import DATAPACKAGE, ROOT

NUMERIC = {"integer", "number"}


def resources(desc):
    return desc["resources"]


def test_package_metadata(desc):
    for key in ("name", "title", "description", "version", "licenses", "sources", "contributors", "created"):
        assert desc.get(key), f"datapackage.json lacks {key}"
    assert re.fullmatch(r"\d+\.\d+\.\d+", desc["version"])


def test_every_resource_and_field_is_documented(desc):
    for res in resources(desc):
        assert res.get("title") and res.get("description"), res["name"]
        for field in res["schema"]["fields"]:
            assert field.get("title") and field.get("description"), f"{res['name']}.{field['name']}"
            assert "example" in field, f"{res['name']}.{field['name']} has no example"
            if field["type"] in NUMERIC and not field["name"].endswith(("_year", "year")):
                assert field.get("unit"), f"{res['name']}.{field['name']} is numeric but has no unit"


def test_every_resource_has_keys_and_provenance(desc):
    names = {r["name"] for r in resources(desc)}
    for res in resources(desc):
        schema = res["schema"]
        assert schema.get("primaryKey"), f"{res['name']} has no primary key"
        fields = {f["name"] for f in schema["fields"]}
        for fk in schema.get("foreignKeys", []):
            assert fk["reference"]["resource"] in names
            assert set(fk["fields"]) <= fields
        if "source_id" in fields and res["name"] != "sources":
            assert any(fk["reference"]["resource"] == "sources" for fk in schema.get("foreignKeys", [])), res["name"]


def test_hash_and_bytes_match_files(desc):
    for res in resources(desc):
        data = (ROOT / res["path"]).read_bytes()
        assert res["bytes"] == len(data), res["name"]
        assert res["hash"] == "sha256:" + hashlib.sha256(data).hexdigest(), res["name"]


def test_csv_headers_match_schema(desc):
    for res in resources(desc):
        header = (ROOT / res["path"]).read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header == [f["name"] for f in res["schema"]["fields"]], res["name"]


def test_frictionless_accepts_the_package():
    from frictionless import validate

    report = validate(str(DATAPACKAGE))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
