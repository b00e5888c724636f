"""recommended-for-aggregates, issue 19: only one year's amount of one kind of aid, never
inside a recommended whole at any depth; aid_type filled from a fixed vocabulary."""
from __future__ import annotations

import pytest

import povpkg
from povpkg._package import descriptor
from povpkg._rules import rules_module

R = rules_module()


@pytest.fixture(scope="module")
def amounts():
    return povpkg.load("amounts")


def failures(am):
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=None)
    return [(f.key, f.message) for f in R.aggregates.recommended_for_aggregates({"amounts": am}, ctx)]


def flagged(am, *keys, **cells):
    am = am.copy()
    rows = am["amount_id"].isin(keys)
    am.loc[rows, "recommended_for_aggregates"] = True
    for field, value in cells.items():
        am.loc[rows, field] = value
    return am


def test_the_shipped_flags_pass(amounts):
    assert failures(amounts) == []


@pytest.mark.parametrize(("key", "words"), [
    ("am-2010-liaoning-an-county", "covers several years"),  # the 4 billion: reconstruction since 2008
    ("am-2010-liaoning-counterpart-qinghai", "covers several years"),
    ("am-000-wuding-donations", "no year or period"),
    ("am-2009-shandong-xinjiang-aid", "several kinds together"),
    ("am-1996-2009-zhejiang-sichuan-econ-projects", "business investment"),
    ("am-2016-2020-jiangsu-shaanxi-fund", "aid_type other"),
])
def test_a_row_that_is_not_one_years_aid_of_one_kind_fails(amounts, key, words):
    mine = [m for k, m in failures(flagged(amounts, key)) if k == key]
    assert len(mine) == 1 and words in mine[0], mine


def test_a_fresh_mixed_or_undated_row_fails(amounts):
    assert "several kinds" in failures(flagged(amounts, "am-2011-beijing-im-allocated", aid_type="mixed"))[0][1]
    assert "year is not stated" in failures(flagged(amounts, "am-2011-beijing-im-allocated", year=None))[0][1]


def test_a_part_two_levels_below_a_recommended_whole_fails(amounts):
    """am-2011-qingdao-guizhou-initial-city lies within -initial, which lies within the recommended -total."""
    (fail,) = failures(flagged(amounts, "am-2011-qingdao-guizhou-initial-city"))
    assert fail[0] == "am-2011-qingdao-guizhou-initial-city" and "am-2011-qingdao-guizhou-total" in fail[1]


def test_every_row_has_an_aid_type_of_the_vocabulary(amounts):
    field = amounts.attrs["fields"]["aid_type"]
    assert field["constraints"]["required"] and amounts["aid_type"].isin(field["constraints"]["enum"]).all()
    am = amounts.set_index("amount_id")
    assert am.at["am-2010-liaoning-an-county", "aid_type"] == "reconstruction_aid"
    assert am.at["am-2009-shandong-xinjiang-aid", "aid_type"] == "mixed"
    assert not am.at["am-2010-liaoning-an-county", "recommended_for_aggregates"]
    assert not am.at["am-2009-shandong-xinjiang-aid", "recommended_for_aggregates"]
    assert am.at["am-2009-shandong-xinjiang-grant", "recommended_for_aggregates"]


def test_a_total_beside_its_project_items_fails(amounts):
    """The World Bank project's total, loans and grant, all dated one year and flagged: the total fails."""
    keys = ("am-wb-sixth-poverty-total", "am-wb-sixth-poverty-loan", "am-wb-sixth-poverty-gef-grant")
    am = flagged(amounts, *keys, year=2012, period="one_year", aid_type="loan")
    assert [k for k, m in failures(am) if "whose items (am-wb-sixth-poverty-loan, am-wb-sixth-poverty-gef-grant)" in m] \
        == ["am-wb-sixth-poverty-total"]
