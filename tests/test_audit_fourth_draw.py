"""Issue 20, the fourth random draw over every table (docs/audit.md section 11).

The fault fixed: a figure from a clone, or from a repost that names no original, whose
notes did not say so (eight drawn rows, 154 in all), so that the row alone read as an
independent report; rule ``weak-copy-said`` now holds every such figure to say it.
"""
from __future__ import annotations

import pytest

KEY = {"amounts": "amount_id", "indicators": "indicator_id", "events": "event_id"}

# drawn rows of the first kind, with the notes they had before the fix
DRAWN_WEAK = {
    ("indicators", "in-zh217-africa-share-of-countries-aided"):
        "Share of all countries and regions aided, 2013-2018 (the 2021 white paper, cited).",  # zh-11
    ("indicators", "in-zh194-alliance-members"): "Chinese and foreign members, in late 2022.",  # zh-22
    ("amounts", "am-zh205-china-africa-trade-2017"):
        "Up 14% on 2016; China had been Africa's largest trading partner for nine years running.",  # zh-32
    ("amounts", "am-2011-2015-xinjiang-aid-plan"): "",  # zh-39
    ("indicators", "in-2011-2015-designated-central-units"): "Central units each with designated assistance tasks.",  # zh-61
    ("indicators", "in-zh063-ningbo-firms-paired-qianxinan"): "",  # zh-70
    ("amounts", "am-zh128-2002-2010-designated-direct-funds"):
        "Designated assistance by central units (not East-West). The Dec 2011 meeting (zh-127) rounds it to 91 "
        "(am-2002-2010-designated-direct-funds).",  # zh-76
    ("indicators", "in-zh204-cambodia-demo-community-centre"):
        "Built with a central water supply station in Chheu Teal Phlos (谢提尔普洛斯村) and Svay Ampear villages.",  # zh-90
}
CLONE_EVENT = "ev-2019-11-12-aii-pr-rural-revitalization-symposium"  # found beyond the draw: a participant count


def _row(frames, table, key):
    return frames[table].set_index(KEY[table]).loc[key]


@pytest.mark.parametrize(("table", "key"), sorted(DRAWN_WEAK))
def test_a_drawn_figure_from_a_weak_copy_says_it_confirms_nothing(frames, table, key):
    assert "confirms nothing on its own" in _row(frames, table, key)["notes"]


def test_the_clones_participant_count_says_it_confirms_nothing(frames):
    assert "confirms nothing on its own" in _row(frames, "events", CLONE_EVENT)["notes"]


def _weak(draft):
    return sorted((f.table, f.key) for f in draft.failures("weak-copy-said", tables=tuple(KEY)))


def test_the_shipped_figures_from_weak_copies_all_say_so(draft):
    assert _weak(draft) == []


def test_the_rule_catches_the_drawn_rows_as_they_were(draft):
    for (table, key), notes in DRAWN_WEAK.items():
        draft.update(table, {KEY[table]: key}, notes=notes)
    assert _weak(draft) == sorted(DRAWN_WEAK)


def test_an_event_is_held_only_when_it_states_a_figure(draft):
    old = "Aims: share practice, discuss policies for capacity building and cooperatives, build research partnerships " \
          "and seek collaborators for a project proposal."
    draft.update("events", {"event_id": CLONE_EVENT}, notes=old)
    assert _weak(draft) == [("events", CLONE_EVENT)]
    draft.update("events", {"event_id": CLONE_EVENT}, participants="", participants_qualifier="")
    assert _weak(draft) == []  # no figure: nothing to confirm


def test_an_independent_copy_needs_no_such_note(draft):
    # zh-070 is a repost naming Xinhua: an independent copy, its row says nothing of its host
    draft.update("amounts", {"amount_id": "am-zh070-2017-putuo-kunming-funds"}, notes="")
    assert _weak(draft) == []
    draft.update("sources", {"source_id": "zh-070-xinhua-2020-07-putuo-kunming"}, original_publisher="")
    assert ("amounts", "am-zh070-2017-putuo-kunming-funds") in _weak(draft)  # once unnamed, it must say so
