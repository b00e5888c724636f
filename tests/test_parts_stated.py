"""parts-stated and parts-add-up with parts_stated: every stated part is linked, every whole
says whether its parts make it up. In-process on frames loaded once."""
from __future__ import annotations

import pytest

import povpkg
from povpkg._package import descriptor
from povpkg._rules import rules_module

R = rules_module()


@pytest.fixture(scope="module")
def frames():
    return {t: povpkg.load(t) for t in ("amounts", "indicators")}


def run(fn, frames):
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=None)
    return [(f.key, f.field, f.message) for f in fn(frames, ctx)]


def with_cells(frames, key, **cells):
    df = frames["amounts"].copy()
    i = df.index[df["amount_id"] == key][0]
    for field, value in cells.items():
        df[field] = df[field].astype(object)
        df.at[i, field] = value
    return {**frames, "amounts": df}


def test_the_shipped_rows_pass(frames):
    assert run(R.parts.parts_stated, frames) == []
    excused = {"am-wb-sixth-poverty-loan", "in-2010-qingdao-guizhou-projects"}  # the sources' own sums: errata
    assert {k for k, _, _ in run(R.rules.parts_add_up, frames)} == excused


def test_notes_naming_a_whole_without_part_of_fail(frames):
    changed = with_cells(frames, "am-2012-east-west-aid-roads", part_of=None)
    assert [(k, f) for k, f, _ in run(R.parts.parts_stated, changed)] == [("am-2012-east-west-aid-roads", "part_of")]


def test_a_negated_mention_is_not_a_part():
    assert R.parts.named_wholes("Not part of am-x-y; share of am-a-b.") == ["am-a-b"]
    assert R.parts.named_wholes("Same total also given as am-x-y.") == []


def test_a_whole_must_say_whether_its_parts_make_it_up(frames):
    assert [k for k, _, _ in run(R.parts.parts_stated, with_cells(frames, "am-2009-beijing-im-total",
                                                                  parts_stated=None))] == ["am-2009-beijing-im-total"]
    assert [k for k, _, _ in run(R.parts.parts_stated, with_cells(frames, "am-2011-beijing-im-allocated",
                                                                  parts_stated="all"))] == ["am-2011-beijing-im-allocated"]


def test_some_parts_must_fall_short_and_all_parts_must_add_up(frames):
    fails = run(R.rules.parts_add_up, with_cells(frames, "am-2009-shandong-xinjiang-aid", parts_stated="all"))
    assert ("am-2009-shandong-xinjiang-aid", "amount") in [(k, f) for k, f, _ in fails]
    fails = run(R.rules.parts_add_up, with_cells(frames, "am-2009-beijing-im-total", parts_stated="some"))
    assert any(k == "am-2009-beijing-im-total" and "parts_stated is some" in m for k, _, m in fails)


def test_the_named_partial_parts_are_linked(frames):
    am = frames["amounts"].set_index("amount_id")
    assert am.at["am-2009-shandong-xinjiang-grant", "part_of"] == "am-2009-shandong-xinjiang-aid"
    shares = am[am["part_of"] == "am-2012-east-west-financial-aid"].index
    assert set(shares) == {f"am-2012-east-west-aid-{s}" for s in ("roads", "industry", "culture-education", "health")}
    assert am.at["am-2012-east-west-financial-aid", "parts_stated"] == "some"
