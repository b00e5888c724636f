"""Frictionless in a worker process: the same report as in one process, whatever finishes first."""
from __future__ import annotations

import subprocess
import sys

import pytest

import povpkg
from conftest import edit_csv, update


def both_ways(pkg, monkeypatch) -> tuple[dict, dict]:
    monkeypatch.setenv("POVPKG_NO_WORKER", "1")
    alone = povpkg.validate(pkg).to_dict()
    monkeypatch.delenv("POVPKG_NO_WORKER")
    return alone, povpkg.validate(pkg).to_dict()


def test_clean_package_same_report(pkg, monkeypatch):
    alone, overlapped = both_ways(pkg, monkeypatch)
    assert alone == overlapped and alone["valid"]


def test_a_table_frictionless_cannot_load_is_left_out_of_the_typed_pass(pkg, monkeypatch):
    edit_csv(pkg, "events", 3, "participants", "many")           # frictionless: type-error, events unloadable
    update(pkg, "amounts", {"amount_id": "am-wb-sixth-poverty-loan"}, part_of="am-missing")  # a rule's failure
    alone, overlapped = both_ways(pkg, monkeypatch)
    assert alone == overlapped
    rules = {(f["rule"], f["table"]) for f in overlapped["failures"]}
    assert ("type-error", "events") in rules and ("foreign-key", "amounts") in rules
    assert not any(f["table"] == "events" and f["rule"].startswith("pandera") for f in overlapped["failures"])
    assert "events" in {u["table"] for u in overlapped["unchecked"]}


def test_the_caller_never_imports_frictionless():
    code = "import sys, povpkg; r = povpkg.validate(); print(r.valid, 'frictionless' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False"]


def _hash_mismatch(pkg):
    path = pkg / "tables" / "places.csv"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # size and hash change, rows do not


def _unreadable_and_rule(pkg):
    edit_csv(pkg, "events", 2, "start_date", "2012-02-30")    # frictionless type-error and a reading failure
    edit_csv(pkg, "people", 2, "name", "=HYPERLINK(1)")       # formula-injection, a cross-table rule


def _missing_file(pkg):
    (pkg / "tables" / "products.csv").unlink()


def _duplicate_key(pkg):
    import csv

    path = pkg / "tables" / "countries.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    with path.open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(rows[1])  # frictionless primary-key, pandera uniqueness


@pytest.mark.parametrize("corrupt", [_hash_mismatch, _unreadable_and_rule, _missing_file, _duplicate_key])
def test_broken_packages_same_report(pkg, monkeypatch, corrupt):
    corrupt(pkg)
    alone, overlapped = both_ways(pkg, monkeypatch)
    assert alone == overlapped and not alone["valid"]
