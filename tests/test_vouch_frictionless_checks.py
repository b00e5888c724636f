"""Two of the vouching's conditions are frictionless's own answers, taken where frictionless
works them out anyway (povpkg/_frictionless_run.py) instead of a second time in the typed
pass: the dialect it sniffs while opening a table, and its cell reader's verdict on every
distinct ``uri``. When either disagrees it reads the whole table, so the report is the one
frictionless gives reading every row."""
from __future__ import annotations

import pytest

from conftest import ROOT
from povpkg._frictionless_run import _LIMIT, validate_package
from povpkg._load import read_table
from povpkg._package import resource_file
from povpkg._safety import frictionless_copy
from povpkg._vouch import vouch
from test_vouch import CLEAN, frictionless_errors, write_package

CASES = {
    "an address frictionless refuses": "a1,3,1.5,2019-08-21,true,not an address,\nb2,,,,,,\n",
    "a dialect sniffed as semicolons": 'a1,3,1.5,2019-08-21,true,https://example.org/a,x;"q";y\nb2,,,,,,\n',
}


@pytest.mark.parametrize("case", CASES)
def test_a_table_the_typed_pass_vouches_for_but_frictionless_doubts_is_read_whole(tmp_path, case):
    desc = write_package(tmp_path, CASES[case])
    res = desc["resources"][0]
    seen = vouch(tmp_path / "t.csv", res, read_table(tmp_path / "t.csv", res["schema"], table="t"))
    assert seen is not None  # the typed pass alone would have let frictionless stop after one row
    full, full_task = frictionless_errors(tmp_path, desc)
    got, task = frictionless_errors(tmp_path, desc, {"t": seen})
    assert full and got == full
    assert _LIMIT not in task.warnings and task.stats["rows"] == full_task.stats["rows"]


def test_the_cells_of_a_uri_field_are_listed_once_each(tmp_path):
    desc = write_package(tmp_path, CLEAN + "c3,,,,,https://example.org/a,\nd4,,,,,https://example.org/b,\n")
    res = desc["resources"][0]
    seen = vouch(tmp_path / "t.csv", res, read_table(tmp_path / "t.csv", res["schema"], table="t"))
    assert seen["cells"] == {"u": ["https://example.org/a", "https://example.org/b"]}


def test_every_shipped_table_is_read_only_to_its_first_row(desc, frames):
    vouched = {r["name"]: vouch(resource_file(ROOT, r), r, frames[r["name"]]) for r in desc["resources"]}
    errors, tasks = validate_package(frictionless_copy(desc, list(vouched)), str(ROOT), vouched)
    assert not errors and not [e for t in tasks for e in t.errors]
    assert {t.name: t.stats["rows"] for t in tasks} == {name: 1 for name in vouched}
