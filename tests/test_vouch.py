"""Frictionless reads every row only of tables the typed pass cannot vouch for (povpkg/_vouch.py),
and a vouched-for table is one on which frictionless's row checks find nothing."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT
from povpkg._frictionless_run import validate_package
from povpkg._load import read_table
from povpkg._package import resource_file
from povpkg._rules import rules_module
from povpkg._safety import frictionless_copy
from povpkg._vouch import vouch

FIELDS = [
    {"name": "id", "type": "string", "constraints": {"required": True, "unique": True, "pattern": "[a-z]+[0-9]*"}},
    {"name": "n", "type": "integer", "constraints": {"minimum": 0}},
    {"name": "x", "type": "number"},
    {"name": "d", "type": "date"},
    {"name": "b", "type": "boolean"},
    {"name": "u", "type": "string", "format": "uri"},
    {"name": "t", "type": "string"},
]
HEADER = "id,n,x,d,b,u,t\n"
CLEAN = "a1,3,1.5,2019-08-21,true,https://example.org/a,plain\nb2,,,,,,\n"

# table body -> whether the typed pass vouches for it (frictionless then reads only its first row)
CASES = {
    "clean": (CLEAN, True),
    "quoted text": ('a1,3,1.5,2019-08-21,true,https://example.org/a,"comma, ""quote"""\nb2,,,,,,\n', True),
    "quoted newline": ('a1,3,1.5,2019-08-21,true,https://example.org/a,"two\nlines"\nb2,,,,,,\n', True),
    "integer with a sign": ("a1,+3,1.5,2019-08-21,true,,\n", False),
    "integer with a space": ("a1, 3,1.5,2019-08-21,true,,\n", False),
    "number of 16 digits": ("a1,3,1234567890123456,2019-08-21,true,,\n", False),
    "year 0": ("a1,3,1.5,0000-01-01,true,,\n", False),
    "carriage returns": (CLEAN.replace("\n", "\r\n"), False),
    "duplicate key": ("a1,3,,,,,\na1,4,,,,,\n", False),
    "byte order mark": ("\ufeff" + CLEAN, False),
}


def write_package(folder: Path, body: str, fields=FIELDS) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    data = ("\ufeff" + HEADER + body[1:]) if body.startswith("\ufeff") else HEADER + body
    (folder / "t.csv").write_bytes(data.encode("utf-8"))
    schema = {"fields": fields, "primaryKey": ["id"]}
    desc = {"name": "tiny", "resources": [{"name": "t", "path": "t.csv", "schema": schema}]}
    (folder / "datapackage.json").write_text(json.dumps(desc), encoding="utf-8")
    return desc


def frictionless_errors(folder: Path, desc: dict, vouched: dict | None = None) -> tuple[list, object]:
    errors, tasks = validate_package(frictionless_copy(desc, ["t"]), str(folder), vouched or {})
    assert not errors
    task, = tasks
    return [(e.type, e.note) for e in task.errors], task


@pytest.mark.parametrize("case", CASES)
def test_a_vouched_table_is_one_frictionless_finds_nothing_on(tmp_path, case):
    body, expected = CASES[case]
    desc = write_package(tmp_path, body)
    res = desc["resources"][0]
    try:
        frame = read_table(tmp_path / "t.csv", res["schema"], table="t")
    except Exception:  # noqa: BLE001 - unreadable: nothing to vouch for
        frame = None
    seen = None if frame is None else vouch(tmp_path / "t.csv", res, frame)
    assert (seen is not None) == expected
    if seen is not None:  # the typed pass and pandera found nothing: frictionless finds nothing either
        assert rules_module().check_schemas(desc, {"t": frame}) == []
        assert frictionless_errors(tmp_path, desc)[0] == []


@pytest.mark.parametrize("field", [
    {"name": "t", "type": "year"},
    {"name": "t", "type": "string", "format": "email"},
    {"name": "t", "type": "string", "constraints": {"maxLength": 3}},
    {"name": "t", "type": "boolean", "trueValues": ["yes"]},
    {"name": "t", "type": "integer", "constraints": {"minimum": 0.5}},
])
def test_fields_read_otherwise_than_the_typed_pass_reads_them_are_never_vouched_for(tmp_path, field):
    desc = write_package(tmp_path, CLEAN, fields=FIELDS[:-1] + [field])
    frame = read_table(tmp_path / "t.csv", {"fields": FIELDS}, table="t")  # the frame as if typed alike
    assert vouch(tmp_path / "t.csv", desc["resources"][0], frame) is None


def test_a_vouched_table_gets_frictionless_own_hash_and_size_errors_from_one_row(tmp_path):
    desc = write_package(tmp_path, CLEAN)
    res = desc["resources"][0]
    res.update(hash="sha256:" + "0" * 64, bytes=7)
    seen = vouch(tmp_path / "t.csv", res, read_table(tmp_path / "t.csv", res["schema"], table="t"))
    full, full_task = frictionless_errors(tmp_path, desc)
    one, one_task = frictionless_errors(tmp_path, desc, {"t": seen})
    assert [t for t, _ in full] == ["hash-count", "byte-count"] and one == full
    assert full_task.stats["rows"] == 2 and one_task.stats["rows"] == 1  # frictionless stopped after the first row


def test_every_shipped_table_is_vouched_for_with_its_recorded_digests(desc, frames):
    for res in desc["resources"]:
        seen = vouch(resource_file(ROOT, res), res, frames[res["name"]])
        assert seen is not None, res["name"]
        assert (f"sha256:{seen['sha256']}", seen["bytes"]) == (res["hash"], res["bytes"])


def test_a_table_pandera_failed_on_is_read_row_by_row(desc, frames):
    from povpkg._validate import _vouched

    files = {r["name"]: resource_file(ROOT, r) for r in desc["resources"]}
    got = _vouched(desc, frames, files, failed={"countries"})
    assert "countries" not in got and set(got) == set(frames) - {"countries"}


def test_a_corrupted_package_is_reported_as_when_frictionless_reads_every_row(pkg, monkeypatch):
    """Vouching changes what frictionless reads, never the report: an edited text (hash and
    size differ), a cell of the wrong type and a duplicate key, with and without it."""
    import povpkg
    from conftest import edit_csv
    from povpkg import _validate

    edit_csv(pkg, "countries", 3, "spellings", "Albania", hashes=False)
    edit_csv(pkg, "events", 4, "participants", "many", hashes=False)
    edit_csv(pkg, "people", 3, "person_id", "p-zheng-wenkai", hashes=False)
    monkeypatch.setenv("POVPKG_WORKER", "0")
    seen = {}
    vouched = _validate._vouched
    monkeypatch.setattr(_validate, "_vouched", lambda *a: seen.setdefault("tables", vouched(*a)))
    with_vouching = povpkg.validate(pkg)
    monkeypatch.setattr(_validate, "_vouched", lambda *a: {})
    without = povpkg.validate(pkg)
    assert "countries" in seen["tables"] and not {"events", "people"} & set(seen["tables"])
    assert with_vouching.failures == without.failures and with_vouching.tables == without.tables
    assert {("hash-count", "countries"), ("type-error", "events")} <= {(f.rule, f.table) for f in without.failures}
