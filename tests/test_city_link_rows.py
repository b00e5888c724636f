"""An event's city may be named in the span of one of its own link rows, found once per table
(``mentions._link_rows``), never in another event's."""
from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from povpkg._package import descriptor
from povpkg._rules import rules_module

R = rules_module()
TEXT = "The forum met on Monday. Its delegates then flew to Lusaka for the training."


def _city_failures(tmp_path, link_event: str) -> list[tuple[str, str]]:
    """place-in-span's failures for two events citing the first sentence, one link row citing the second."""
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    sources = pd.DataFrame({"source_id": ["s"], "file_name": ["t.txt"],
                            "sha256": [hashlib.sha256(TEXT.encode()).hexdigest()],
                            "characters": pd.array([len(TEXT)], dtype="Int64")})
    cut = TEXT.index("Its")
    events = pd.DataFrame({"event_id": ["e1", "e2"], "city": ["Lusaka", "Lusaka"], "parent_event_id": [None, None],
                           "source_id": ["s", "s"], "span_start": pd.array([0, 0], dtype="Int64"),
                           "span_end": pd.array([cut, cut], dtype="Int64")})
    links = pd.DataFrame({"event_id": [link_event], "iso3": ["ZMB"], "source_id": ["s"],
                          "span_start": pd.array([cut], dtype="Int64"), "span_end": pd.array([len(TEXT)], dtype="Int64")})
    frames = {"sources": sources, "events": events, "event_countries": links}
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=tmp_path)
    return [(f.key, f.value) for f in R.rules.RULES["name-in-span"](frames, ctx) if f.rule == "place-in-span"]


@pytest.mark.parametrize(("link_event", "failing"), [("e1", "e2"), ("e2", "e1")])
def test_a_city_named_only_in_a_link_rows_span_counts_for_that_event_alone(tmp_path, link_event, failing):
    assert _city_failures(tmp_path, link_event) == [(failing, "Lusaka")]
