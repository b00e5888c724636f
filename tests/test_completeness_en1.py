"""Completeness pass over English pages, group 1 (docs/audit.md §7): the rows it fixed stay
fixed and the facts it added stay bound to their pages."""
from __future__ import annotations

import pytest

# Counts the white paper gives "by 2010" or "in recent years", and sales through centres set
# up over unstated years: several years' totals, never one year's.
CUMULATIVE = {
    "indicators": ["in-2010-foreign-funded-pr-projects", "in-2010-foreign-funded-pr-counties",
                   "in-2010-foreign-funded-pr-provinces", "in-2010-foreign-funded-pr-beneficiaries",
                   "in-2011-officials-trained-developing-countries", "in-2011-developing-countries-trained"],
    "amounts": ["am-shaanxi-sales-centers-jiangsu-sales"],
}

ADDED = {
    "amounts": ["am-2010-2018-qinghai-pairing-total-usd"],
    "indicators": ["in-2010-liaoning-qinghai-provincial-increase"],
    "events": ["ev-2010-07-qinghai-pairing-programme-launch", "ev-2010-xiamen-counterpart-support-meetings"],
    "people": ["p-salehuddin-ahmed", "p-pang-xiaopeng", "p-zhang-xiaoying"],
    "organizations": ["org-univ-cambridge", "org-nottinghamshire-gov", "org-british-recruitment-commission",
                      "org-iatc", "org-vso"],
}


def _key(frame):
    return frame.columns[0]


@pytest.mark.parametrize("table", sorted(CUMULATIVE))
def test_cumulative_figures_are_not_one_year(frames, table):
    df = frames[table].set_index(_key(frames[table]))
    periods = df.loc[CUMULATIVE[table], "period"]
    assert (periods == "unstated_years").all(), periods.to_dict()


@pytest.mark.parametrize("table", sorted(ADDED))
def test_added_rows_cite_their_page(frames, table):
    df = frames[table].set_index(_key(frames[table]))
    rows = df.loc[ADDED[table]]
    assert rows["source_id"].notna().all() and rows["span_start"].notna().all()


def test_dollar_figure_is_the_yuan_totals_twin_not_an_addition(frames):
    amounts = frames["amounts"].set_index("amount_id")
    usd, cny = amounts.loc["am-2010-2018-qinghai-pairing-total-usd"], amounts.loc["am-2010-2018-qinghai-pairing-total"]
    assert usd["currency"] == "USD" and not usd["recommended_for_aggregates"]
    assert (usd["source_id"], usd["year"], usd["period_start_year"]) == (cny["source_id"], cny["year"], cny["period_start_year"])
