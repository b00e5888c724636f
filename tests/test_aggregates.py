"""amounts.recommended_for_aggregates and its rule: recommended rows sum without double counting."""
from __future__ import annotations

import re

import pytest

import povpkg
from conftest import ROOT

RULE = "recommended-for-aggregates"


def _doc_flags() -> dict[str, bool]:
    text = (ROOT / "docs" / "aggregates.md").read_text(encoding="utf-8")
    return {m[0]: m[1] == "true" for m in re.findall(r"^\| (am-[a-z0-9-]+) \| (true|false) \|", text, flags=re.M)}


def test_every_row_has_the_flag_and_its_documented_reason():
    am = povpkg.load("amounts")
    assert am["recommended_for_aggregates"].notna().all()
    assert _doc_flags() == dict(zip(am["amount_id"], am["recommended_for_aggregates"].astype(bool)))


def test_recommended_rows_follow_the_definition():
    am = povpkg.load("amounts").set_index("amount_id")
    ok = am[am["recommended_for_aggregates"]]
    assert ok["amount"].notna().all()
    assert not (set(ok["part_of"].dropna()) & set(ok.index)), "a whole and its part are both recommended"
    assert ok.loc["am-2009-shanghai-yunnan-actual", "amount"] == 180_000_000
    assert not am.loc["am-2009-shanghai-yunnan-plan", "recommended_for_aggregates"]
    assert not am.loc["am-wb-sixth-poverty-total", "recommended_for_aggregates"]
    assert not am.loc["am-2012-child-symposium-ausaid-grant", "recommended_for_aggregates"]


def test_the_rule_is_in_the_codebook_text():
    field = povpkg.load("amounts").attrs["fields"]["recommended_for_aggregates"]
    assert field["type"] == "boolean" and field["constraints"]["required"]
    assert "a whole and its part are never both true" in field["description"]
    assert field["description"] in (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")


CASES = {
    "whole and part both true": ({"amount_id": "am-2010-zhejiang-sichuan-cities"}, "am-2010-zhejiang-sichuan-cities",
                                 "its whole am-2010-zhejiang-sichuan-donated is recommended too"),
    "no amount but true": ({"amount_id": "am-2012-child-symposium-ausaid-grant"},
                           "am-2012-child-symposium-ausaid-grant", "it has no amount"),
    "plan and actual both true": ({"amount_id": "am-2009-shanghai-yunnan-plan"}, "am-2009-shanghai-yunnan-plan",
                                  "a plan"),
    "commercial order": ({"amount_id": "am-000-cmbc-order"}, "am-000-cmbc-order", "a commercial order"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_rule_catches_double_counting(case, draft):
    where, key, words = CASES[case]
    draft.update("amounts", where, recommended_for_aggregates="true")
    fails = draft.failures(RULE, "pandera")  # the rule, and pandera on amounts: nothing but the rule fails
    assert {f.rule for f in fails} == {RULE}, fails
    (fail,) = fails
    assert fail.key == key and fail.field == "recommended_for_aggregates" and words in fail.message
    assert fail.row == 2 + list(povpkg.load("amounts")["amount_id"]).index(key)


def test_whole_false_with_its_parts_true_is_fine(draft):
    draft.update("amounts", {"amount_id": "am-2010-zhejiang-sichuan-donated"}, recommended_for_aggregates="false")
    for part in ("am-2010-zhejiang-sichuan-provincial", "am-2010-zhejiang-sichuan-cities"):
        draft.update("amounts", {"amount_id": part}, recommended_for_aggregates="true")
    assert draft.failures(RULE, "pandera") == []


def test_an_empty_flag_fails(draft):
    draft.update("amounts", {"amount_id": "am-004-leigongdaniu"}, recommended_for_aggregates="")
    row = 2 + list(povpkg.load("amounts")["amount_id"]).index("am-004-leigongdaniu")
    assert any(f.field == "recommended_for_aggregates" and f.rule == "constraint-error" and f.row == row
               for f in draft.frictionless())
