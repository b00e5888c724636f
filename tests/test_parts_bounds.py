"""parts-add-up reads a whole's qualifier: 'over 1 billion' is met by parts adding to
1.012 billion, never by parts adding to 0.9 billion; 'nearly' bounds from above."""
from __future__ import annotations

import pytest

import povpkg
from povpkg._package import descriptor
from povpkg._rules import rules_module

R = rules_module()
WHOLE, FISCAL = "am-zh096-zhongshan-zhaotong-aid-cum", "am-zh096-zhongshan-zhaotong-fiscal-aid-cum"


@pytest.fixture(scope="module")
def frames():
    return {t: povpkg.load(t) for t in ("amounts", "indicators")}


def failing(frames, cells=None):
    """Keys parts-add-up fails, after setting cells {(row id, field): value} in amounts."""
    df = frames["amounts"].copy()
    for (key, field), value in (cells or {}).items():
        df[field] = df[field].astype(object)
        df.at[df.index[df["amount_id"] == key][0], field] = value
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=None)
    return {f.key for f in R.rules.parts_add_up({**frames, "amounts": df}, ctx)}


def test_parts_above_an_over_whole_pass(frames):
    assert WHOLE not in failing(frames)  # 0.772 + 0.24 billion against 'over 1 billion'


def test_parts_below_an_over_whole_fail(frames):
    assert WHOLE in failing(frames, {(FISCAL, "amount"): 500_000_000.0})


def test_the_same_parts_against_an_exact_whole_fail(frames):
    assert WHOLE in failing(frames, {(WHOLE, "qualifier"): "exact"})
    assert WHOLE in failing(frames, {(WHOLE, "qualifier"): "about"})


def test_a_nearly_whole_is_an_upper_bound(frames):
    assert WHOLE in failing(frames, {(WHOLE, "qualifier"): "nearly"})  # 1.012 is not nearly 1
    assert WHOLE not in failing(frames, {(WHOLE, "qualifier"): "nearly", (WHOLE, "amount"): 1_100_000_000.0})


def test_some_parts_of_an_over_whole_are_not_bounded(frames):
    assert WHOLE not in failing(frames, {(WHOLE, "parts_stated"): "some"})
