"""Every pandera failure of a declared constraint comes with its fix (they were reported with none:
pandera names the failed check as its built-in check, not as the constraint)."""
from __future__ import annotations

import pytest

from povpkg._rules import rules_module

schemas = rules_module().schemas


def _failures(frames, desc, table, column, value):
    df = frames[table].copy()
    df.loc[df.index[0], column] = value
    res = next(r for r in desc["resources"] if r["name"] == table)
    return [f for f in schemas.check_schemas({**desc, "resources": [res]}, {table: df}) if f.field == column]


@pytest.mark.parametrize("table,column,value,fix", [
    ("events", "participants", -1, "at or above the field's minimum"),
    ("countries", "iso3", "abc", "the field's pattern"),
])
def test_a_broken_constraint_says_how_to_fix_it(frames, desc, table, column, value, fix):
    got = _failures(frames, desc, table, column, value)
    assert got and all(fix in f.fix for f in got), [(f.rule, f.fix) for f in got]


def test_each_constraint_pandera_names_has_a_fix():
    for built_in, constraint in schemas._CONSTRAINT_OF.items():
        assert schemas._fix_for(f"{built_in}(1)") == schemas._FIX[constraint]
    assert schemas._fix_for("dtype('Int64')").startswith("convert")
