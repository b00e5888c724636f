"""Frictionless in a worker process: the same report as in one process, whatever finishes first."""
from __future__ import annotations

import subprocess
import sys

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
