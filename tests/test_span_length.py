"""Issue 19 §3: a figure row cites the clause stating its facts, not a paragraph (rule span-length)."""
from __future__ import annotations

import pytest

import povpkg
from povpkg._package import descriptor
from povpkg._rules import rules_module

R = rules_module()
MAX = R.provenance.FIGURE_SPAN_MAX


@pytest.fixture(scope="module")
def frames():
    return {t: povpkg.load(t) for t in ("amounts", "indicators")}


def failing(frames, table=None, key=None, **span):
    """Keys span-length fails on ``frames``, with one row's span changed."""
    if table:
        frames = dict(frames, **{table: frames[table].copy()})
        df = frames[table]
        i = df.index[df.iloc[:, 0] == key][0]
        for col, v in span.items():
            df.loc[i, col] = v
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=None)
    return [(f.table, f.key) for f in R.provenance.span_length(frames, ctx)]


def test_shipped_figure_spans_are_clauses(frames):
    assert failing(frames) == []
    for table, col in (("amounts", "value_stated"), ("indicators", "value")):
        df = frames[table]
        width = (df["span_end"] - df["span_start"])[df[col].notna()]
        assert width.max() <= MAX and width.median() < 100


def test_a_paragraph_sized_span_of_an_amount_fails(frames):
    key = "am-wb-sixth-poverty-total"
    assert failing(frames, "amounts", key, span_start=44000, span_end=44913) == [("amounts", key)]


def test_an_indicator_at_the_bound_passes_and_one_past_it_fails(frames):
    key = "in-2012-lgop-delegations-sent-abroad"
    assert failing(frames, "indicators", key, span_start=100, span_end=100 + MAX) == []
    assert failing(frames, "indicators", key, span_start=100, span_end=101 + MAX) == [("indicators", key)]


def test_a_row_without_a_figure_may_cite_a_longer_passage(frames):
    assert failing(frames, "amounts", "am-2012-child-symposium-ausaid-grant", span_start=23000, span_end=24449) == []


def test_the_rule_runs_in_a_validation():
    assert "span-length" in R.rules.RULES
