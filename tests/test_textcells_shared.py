"""clean-text and formula-injection read every text cell: a package whose text fits one batch
has it built once per run (kept on the rules' context); a larger one is batched per rule."""
from __future__ import annotations

import pandas as pd

from povpkg._rules import rules_module

R = rules_module()
T = R.textcells


def frames():
    return {"a": pd.DataFrame({"id": pd.array(["x", " y", None], dtype="str"), "n": [1, 2, 3]}),
            "b": pd.DataFrame({"note": pd.array(["=1+1", "ok"], dtype="str"),
                               "kind": pd.Categorical(["k", "k"])})}


def ctx():
    return R.rules.Context(desc={"resources": []}, root=None, sources=None)


def _cells(batches):
    return [(t, c, i, v) for cells in batches for t, c, _, i, v in cells.flagged(cells.present())]


def test_one_batch_is_built_once_per_context_and_frames():
    frs, c = frames(), ctx()
    first = T.shared_batches(frs, c)
    assert T.shared_batches(frs, c) is first and len(first) == 1
    assert _cells(first) == _cells(T.text_batches(frs))
    other = frames()
    assert T.shared_batches(other, c) is not first  # other frames: built anew
    assert T.shared_batches(frs, ctx()) is not first  # another run


def test_a_package_larger_than_a_batch_is_batched_per_rule(monkeypatch):
    monkeypatch.setattr(T, "BATCH", 2)
    frs, c = frames(), ctx()
    got = T.shared_batches(frs, c)
    assert not isinstance(got, list) and "text cells" not in c.shared
    assert _cells(got) == _cells(T.text_batches(frs, cells=10))


def test_both_rules_flag_as_before_on_a_shared_batch():
    frs, c = frames(), ctx()
    assert [(f.rule, f.table, f.field) for f in R.hygiene.clean_text(frs, c)] == [("clean-text", "a", "id")]
    assert [(f.rule, f.table, f.field) for f in R.rules.no_formulas(frs, c)] == [("formula-injection", "b", "note")]
