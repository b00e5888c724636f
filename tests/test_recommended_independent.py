"""recommended-from-independent-source: a figure only a clone, or a repost naming no
original, gives is never recommended for aggregates (docs/aggregates.md)."""
from __future__ import annotations

import pytest

from povpkg._package import descriptor
from povpkg._rules import rules_module

R = rules_module()
CLONE_ROW = "am-2001-guangzhou-baise-education-donation"  # its page is a clone of China.org.cn's


def failing(frames, amount_id, **source_cells):
    amounts, sources = frames["amounts"].copy(), frames["sources"].copy()
    amounts[R.aggregates.FLAG] = amounts[R.aggregates.FLAG].astype(object)
    i = amounts.index[amounts["amount_id"] == amount_id][0]
    amounts.at[i, R.aggregates.FLAG] = True
    j = sources.index[sources["source_id"] == amounts.at[i, "source_id"]][0]
    for field, value in source_cells.items():
        sources[field] = sources[field].astype(object)
        sources.at[j, field] = value
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=None)
    return [f.key for f in R.hosts.recommended_from_independent_source({"amounts": amounts, "sources": sources}, ctx)]


def test_the_shipped_recommended_rows_rest_on_independent_copies(frames):
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=None)
    assert list(R.hosts.recommended_from_independent_source(frames, ctx)) == []


def test_a_clone_alone_is_not_summed(frames):
    assert failing(frames, CLONE_ROW) == [CLONE_ROW]


@pytest.mark.parametrize("cells, fails", [({"host_type": "repost", "original_publisher": None}, True),
                                          ({"host_type": "repost", "original_publisher": "China.org.cn"}, False),
                                          ({"host_type": "official", "original_publisher": None}, False)])
def test_a_repost_counts_only_when_it_names_its_original(frames, cells, fails):
    assert failing(frames, CLONE_ROW, **cells) == ([CLONE_ROW] if fails else [])
