"""An errata table cut down to fewer columns excuses nothing and says why, in one line (not a KeyError)."""
from __future__ import annotations

import pytest

from povpkg._report import Failure
from povpkg._rules import rules_module

errata = rules_module().errata


@pytest.mark.parametrize("column", errata.NEEDED)
def test_an_errata_table_without_a_needed_column_excuses_nothing(frames, desc, column):
    cut = {**frames, "errata": frames["errata"].drop(columns=[column])}
    first = frames["errata"].iloc[0]  # a failure an intact erratum would excuse
    failing = Failure(rule=first["rule"], message="x", table=first["table"], key=first["row_id"], field=first["field"])
    got = errata.apply_errata([failing], cut, desc, set(), set(frames))
    assert got[0] is failing  # still reported
    said = [f for f in got if f.rule == "errata"]
    assert len(said) == 1 and said[0].field == column and column in said[0].message


def test_the_shipped_errata_table_has_every_needed_column(frames):
    assert set(errata.NEEDED) <= set(frames["errata"].columns)
