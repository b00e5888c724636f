"""Duplicate keys in datapackage.json (issue 18, §6): other JSON readers take the first
value where Python takes the last, so a copy could show one version to one tool and
another to povpkg. Refused anywhere in the descriptor, with a one-line error."""
from __future__ import annotations

import subprocess
import sys

import pytest

import povpkg
from povpkg.errors import PackageError


def _duplicate(pkg, old: str, new: str, count: int = 1) -> None:
    path = pkg / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


CASES = {
    "version twice": ('"version": "', '"version": "9.9.9", "version": "', "version"),  # the examples
    "a resource's path twice": ('"path": "tables/events.csv"',
                                '"path": "tables/people.csv", "path": "tables/events.csv"', "path"),
    "a field's type twice": ('"type": "integer"', '"type": "string", "type": "integer"', "type"),  # fresh ones
    "a constraint twice": ('"required": true', '"required": false, "required": true', "required"),
    "a licence's name twice": ('"name": "CC-BY-4.0"', '"name": "CC0-1.0", "name": "CC-BY-4.0"', "name"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_duplicate_key_is_refused(pkg, case):
    old, new, key = CASES[case]
    _duplicate(pkg, old, new)
    with pytest.raises(PackageError, match=rf"the key '{key}' appears twice in one object"):
        povpkg.validate(pkg)
    with pytest.raises(PackageError, match="appears twice"):
        povpkg.load("events", pkg)


def test_the_same_key_in_two_objects_is_fine(pkg):
    assert povpkg.load("countries", pkg) is not None  # every resource has its own "name", "path", ...


def test_the_command_line_says_so_in_one_line(pkg):
    old, new, _ = CASES["version twice"]
    _duplicate(pkg, old, new)
    got = subprocess.run([sys.executable, "-m", "povpkg", "validate", str(pkg)], capture_output=True, text=True)
    assert got.returncode == 2
    assert got.stderr.count("\n") == 1 and "appears twice" in got.stderr and "Traceback" not in got.stderr
