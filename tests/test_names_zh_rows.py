"""names_zh._rows reads the three cells column by column: it must hand each rule what reading
the row cell by cell gives (None for an empty cell or an absent column), typed columns included."""
from __future__ import annotations

import pandas as pd

from povpkg._rules import rules_module

Z = rules_module().names_zh


def _by_cell(frames):
    out = []
    for table in Z.BASES:
        df = frames.get(table)
        cols = [c for c in (Z.NAME, Z.BASIS, Z.SOURCE) if df is not None and c in df.columns]
        if not cols:
            continue
        for i in df.index[df[cols].notna().any(axis=1)]:
            out.append((table, i) + tuple(Z._text(df.at[i, c]) if c in df.columns else None
                                          for c in (Z.NAME, Z.BASIS, Z.SOURCE)))
    return out


def test_rows_hand_the_cells_a_cell_by_cell_reading_gives():
    frames = {
        "people": pd.DataFrame({"person_id": ["a", "b", "c", "d"],
                                "name_zh": pd.array(["张三", None, "", "李四"], dtype="str"),
                                "name_zh_basis": pd.Categorical(["source_text", "source_text", None, None]),
                                "name_zh_source_id": pd.array([None, "s1", None, "s2"], dtype="str")},
                               index=[5, 6, 7, 8]),
        "places": pd.DataFrame({"place_id": ["p"], "name_zh": ["北京"], "name_zh_basis": ["gbt2260"]}),  # no page id column
        "events": pd.DataFrame({"event_id": ["e"]}),  # no Chinese name columns at all
    }
    got = [(t, i, n, b, s) for t, _, i, n, b, s in Z._rows(frames)]
    assert got == _by_cell(frames)
    assert got == [("people", 5, "张三", "source_text", None), ("people", 6, None, "source_text", "s1"),
                   ("people", 7, None, None, None), ("people", 8, "李四", None, "s2"),
                   ("places", 0, "北京", "gbt2260", None)]
