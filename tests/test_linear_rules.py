"""Rules whose work grows with the rows, not with their square: many places sharing one
name (a package grown by copies, or a common county name) cost one walk up the hierarchy
per indicator."""
from __future__ import annotations

import time

import pandas as pd

from povpkg._rules import rules_module

R = rules_module()


def test_subject_names_place_with_thousands_of_places_of_one_name():
    n = 6_000
    ids = [f"pl-wuding-{i}" for i in range(n)]
    places = pd.DataFrame({"place_id": pd.array(ids, dtype="str"), "name": ["Wuding County"] * n,
                           "parent_id": pd.array([None] * n, dtype="str")})
    indicators = pd.DataFrame({"indicator_id": [f"in-{i}" for i in range(n + 1)],
                               "subject": ["Wuding County poverty rate"] * (n + 1),
                               "place_id": pd.array(ids + ["pl-elsewhere"], dtype="str")})
    ctx = R.rules.Context(desc={"resources": []}, root=None, sources=None)
    t = time.process_time()
    got = list(R.geography.subject_names_place({"indicators": indicators, "places": places}, ctx))
    assert time.process_time() - t < 10  # 36 million (indicator, place) pairs before
    assert [(f.row, f.value) for f in got] == [(n + 2, "pl-elsewhere")]
    assert got[0].message.startswith("the subject 'Wuding County poverty rate' names pl-wuding-0, pl-wuding-1, ")
