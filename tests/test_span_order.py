"""Figures that trade places: span-order and a part larger than its whole.

Runs on a made-up text and on the shipped package, so CI checks it without the
source texts (the provenance and page tests swap the real figures when they are here).
"""
from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from povpkg._package import descriptor
from povpkg._rules import rules_module

R = rules_module()
TEXT = "In 2010 the city gave Anshun 8.4 million yuan and Tongren 8.4 million yuan, Bijie 3.1 million yuan " \
       "and Liupanshui 1.2 million yuan: 21.1 million yuan in all."


def frames_with(tmp_path, rows: list[tuple[str, float, str | None]]):
    """A one-source package: ``rows`` are (amount_id, value_stated in million yuan, part_of), all citing TEXT."""
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    sources = pd.DataFrame({"source_id": ["s"], "file_name": ["t.txt"],
                            "sha256": [hashlib.sha256(TEXT.encode()).hexdigest()],
                            "characters": pd.array([len(TEXT)], dtype="Int64")})
    amounts = pd.DataFrame({
        "amount_id": [r[0] for r in rows],
        "value_stated": pd.array([r[1] for r in rows], dtype="Float64"),
        "unit_stated": ["million yuan"] * len(rows),
        "part_of": pd.array([r[2] for r in rows], dtype="str"),
        "source_id": ["s"] * len(rows),
        "span_start": pd.array([0] * len(rows), dtype="Int64"),
        "span_end": pd.array([len(TEXT)] * len(rows), dtype="Int64"),
    })
    return {"sources": sources, "amounts": amounts}


def order_failures(tmp_path, rows):
    frames = frames_with(tmp_path, rows)
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=tmp_path)
    return [(f.key, f.field) for f in R.provenance.span_order(frames, ctx)]


IN_ORDER = [("anshun", 8.4, "all"), ("tongren", 8.4, "all"), ("bijie", 3.1, "all"), ("liupanshui", 1.2, "all")]


@pytest.mark.parametrize("rows", [
    IN_ORDER,
    [("all", 21.1, None), *IN_ORDER],  # a total may stand anywhere
    [*IN_ORDER[:2], ("all", 21.1, None), *IN_ORDER[2:]],
    [IN_ORDER[0], IN_ORDER[2]],  # rows may skip figures
])
def test_rows_in_the_spans_order_pass(tmp_path, rows):
    assert order_failures(tmp_path, rows) == []


@pytest.mark.parametrize(("rows", "blamed"), [
    ([("anshun", 8.4, "all"), ("tongren", 8.4, "all"), ("bijie", 1.2, "all"), ("liupanshui", 3.1, "all")],
     [("liupanshui", "value_stated")]),  # two figures swapped
    ([("bijie", 3.1, "all"), ("anshun", 8.4, "all")], [("anshun", "value_stated")]),
])
def test_figures_out_of_the_spans_order_fail(tmp_path, rows, blamed):
    assert order_failures(tmp_path, rows) == blamed


def test_without_the_texts_nothing_is_claimed(tmp_path):
    frames = frames_with(tmp_path, IN_ORDER[::-1])
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=None)
    assert list(R.provenance.span_order(frames, ctx)) == []


def test_a_part_larger_than_its_whole_fails(draft, frames):
    """A swap of a total and one of its parts breaks no sum when the parts listed are not all
    of it; the part is then larger than its whole."""
    amounts = frames["amounts"]
    part = amounts[amounts["part_of"].notna()].iloc[0]
    whole = amounts.set_index("amount_id").loc[part["part_of"]]
    draft.update("amounts", {"amount_id": part["amount_id"]}, amount=f"{whole['amount'] + 1:.0f}")
    fails = [f for f in draft.failures("part-matches-whole") if f.rule == "part-matches-whole"]
    assert [(f.key, f.field) for f in fails] == [(part["amount_id"], "amount")]
