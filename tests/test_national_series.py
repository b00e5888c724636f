"""povpkg.national_series() and `povpkg panel --national`: the national East-West figures by
measure and span, never summed, each with the sources that state it and how independent they are."""
from __future__ import annotations

import json

import pandas as pd
import pytest

import povpkg
from povpkg import cli
from povpkg._national import national_series as build, span_kind


@pytest.fixture(scope="module")
def tables():
    return povpkg.load("amounts"), povpkg.load("indicators"), povpkg.load("sources")


@pytest.fixture(scope="module")
def series(tables):
    return build(*tables)


def _row(series, row_id):
    (row,) = series[series["row_ids"].str.split("|").map(lambda ids: row_id in ids)].to_dict("records")
    return row


def test_the_api_function_is_the_series(series):
    pd.testing.assert_frame_equal(povpkg.national_series(), series)
    assert "national_series" in dir(povpkg) and povpkg.national_series.__doc__


def test_the_polars_backend_gives_the_same_rows(series):
    pl = pytest.importorskip("polars")
    frame = povpkg.national_series(backend="polars")
    assert isinstance(frame, pl.DataFrame) and frame.columns == list(series.columns)
    assert frame.to_dicts() == [{k: (None if pd.isna(v) else v) for k, v in r.items()}
                                for r in series.astype(object).to_dict("records")]


def test_the_chinese_national_figures_are_in_it_from_1996_to_2023(series):
    """The national rows of the Chinese pages are linked to the programme (project
    pj-east-west-pairing), so the series reaches from 1996 to 2023."""
    assert series["start_year"].min() == 1996 and series["end_year"].max() == 2023
    fiscal = series[series["measure"] == "fiscal_aid"].set_index("row_ids")
    assert fiscal.at["am-2021-east-west-fiscal-aid", "value"] == 22_870_000_000
    assert fiscal.at["am-2021-east-west-fiscal-aid", "span_kind"] == "one_year"
    assert (fiscal.at["am-2014-east-west-cum-fiscal-aid", "start_year"],
            fiscal.at["am-2014-east-west-cum-fiscal-aid", "end_year"]) == (1996, 2014)


@pytest.mark.parametrize(("row_id", "kind", "start", "end"), [
    ("am-2014-east-west-cum-fiscal-aid", "cumulative", 1996, 2014),
    ("am-2011-2015-east-west-fiscal-aid-briefing", "plan_period", 2011, 2015),
    ("am-2011-east-west-financial-aid", "one_year", 2011, 2011),
    ("am-2019-jan-aug-east-west-fiscal-aid", "part_year", 2019, 2019),  # January to August
    ("am-2023-east-west-fiscal-aid", "part_year", 2023, 2023),  # to the end of November
    ("am-east-west-fiscal-aid-three-years-to-2019", "undated", None, None),  # 'the past three years', unnamed
    ("in-2003-2007-east-west-cadres-sent", "cumulative", 2003, 2007),
    ("in-2014-east-west-cum-people-trained", "cumulative", 1996, 2014),
])
def test_each_figure_keeps_the_span_it_was_stated_for(series, row_id, kind, start, end):
    row = _row(series, row_id)
    years = tuple(None if pd.isna(row[c]) else row[c] for c in ("start_year", "end_year"))
    assert (row["span_kind"], *years) == (kind, start, end)


def test_span_kinds():
    assert span_kind("stated_years", 2016, 2020) == "plan_period"
    assert span_kind("stated_years", 2016, 2019) == "cumulative"
    assert span_kind("unstated_years", pd.NA, 2020) == "cumulative"
    assert span_kind(pd.NA, pd.NA, 2019, "in 2019 up to the end of August") == "part_year"
    assert span_kind("one_year", pd.NA, 2019, "to the end of December") == "one_year"  # a whole year
    assert span_kind(pd.NA, pd.NA, pd.NA) == "undated"


def test_nothing_is_summed_and_no_row_is_counted_twice(series, tables):
    """Every value is one row's figure as stated; a row stands in exactly one line of the series."""
    am, ind, _ = tables
    ids = [i for cell in series["row_ids"] for i in cell.split("|")]
    assert len(ids) == len(set(ids))
    stated = {**dict(zip(am["amount_id"], am["amount"])), **dict(zip(ind["indicator_id"], ind["value"]))}
    for cell, value in zip(series["row_ids"], series["value"]):
        assert {stated[i] for i in cell.split("|")} == {value}, cell
    cum = series[series["span_kind"].isin(["cumulative", "plan_period"])]
    years = series[series["span_kind"] == "one_year"]
    for r in cum.itertuples():  # a span's total is never the sum of one-year rows within it
        inside = years[(years["measure"] == r.measure) & years["end_year"].between(r.start_year, r.end_year)]
        assert inside.empty or inside["value"].sum() != r.value


def test_a_part_of_another_figure_and_a_pair_stay_out(series, tables):
    am = tables[0]
    ids = {i for cell in series["row_ids"] for i in cell.split("|")}
    assert "am-2012-east-west-aid-roads" not in ids  # a stated share of the 2012 financial aid
    assert not ids & set(am.loc[am["pairing_id"].notna(), "amount_id"])
    assert "am-2019-designated-direct-funds" not in ids  # designated assistance is a programme of its own


def test_two_values_for_one_span_are_both_kept_and_flagged(series):
    """2011-2015 fiscal aid: 6.07 billion at the briefing, 5.69 billion in the clone of the white paper."""
    plan = series[(series["measure"] == "fiscal_aid") & (series["span_kind"] == "plan_period")]
    assert sorted(plan["value"]) == [5_690_000_000, 6_070_000_000]
    assert set(plan["same_span"]) == {"differs"}
    clone = plan[plan["value"] == 5_690_000_000].iloc[0]
    assert clone["host_types"] == "clone" and clone["independent_sources"] == 0


def test_a_clone_repeating_a_figure_is_no_independent_confirmation(series):
    row = _row(series, "am-2011-2015-east-west-donations-briefing")
    assert row["row_ids"] == "am-2011-2015-east-west-donations-briefing|am-2011-2015-east-west-donations-white-paper"
    assert (row["sources"], row["independent_sources"], row["same_span"]) == (2, 1, "repeated")


def test_two_independent_sources_confirm(tables):
    am, ind, src = (t.copy() for t in tables)
    src.loc[src["source_id"] == "zh-008-chinanews-2016-10-white-paper-clone", ["host_type", "publisher"]] = \
        ["official", "Another publisher"]
    row = _row(build(am, ind, src), "am-2011-2015-east-west-donations-briefing")
    assert (row["independent_sources"], row["same_span"]) == (2, "confirmed")


def test_a_repost_counts_as_its_original_and_an_unnamed_one_not_at_all(tables):
    am, ind, src = (t.copy() for t in tables)
    clone = src["source_id"] == "zh-008-chinanews-2016-10-white-paper-clone"
    src.loc[clone, ["host_type", "original_publisher"]] = ["repost", src.loc[
        src["source_id"] == "zh-005-cnhubei-2016-12-east-west", "publisher"].iloc[0]]
    assert _row(build(am, ind, src), "am-2011-2015-east-west-donations-briefing")["independent_sources"] == 1
    src.loc[clone, "original_publisher"] = pd.NA
    assert _row(build(am, ind, src), "am-2011-2015-east-west-donations-white-paper")["independent_sources"] == 1


def test_measures_name_what_is_measured(series):
    assert _row(series, "am-2023-east-west-fiscal-aid-per-county")["measure"] == "fiscal_aid_per_unit"
    assert _row(series, "am-2023-east-west-donations-money-goods")["measure"] == "donations_money_and_goods"
    assert _row(series, "am-2023-east-west-donated-funds")["measure"] == "social_donations"
    assert _row(series, "am-2016-2019-east-west-enterprise-investment")["measure"] == "enterprise_investment"


def test_new_rows_of_any_page_join_the_series(tables):
    """Rows another page adds are taken as they come: a new national figure for a new year."""
    am, ind, src = tables
    new = am[am["amount_id"] == "am-2021-east-west-fiscal-aid"].assign(amount_id="am-2022-test", year=2022,
                                                                        amount=1.0)
    out = build(pd.concat([am, new], ignore_index=True), ind, src)
    assert _row(out, "am-2022-test")["end_year"] == 2022


def test_an_empty_package_gives_an_empty_typed_series(tables):
    am, ind, src = tables
    out = build(am.iloc[:0], ind.iloc[:0], src)
    assert out.empty and list(out.columns) == list(build(*tables).columns)
    assert str(out["value"].dtype) == "Float64"


def test_the_command_prints_the_series(capsys, series):
    assert cli.main(["panel", "--national", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == len(series) and records[0]["measure"] == series.at[0, "measure"]
    assert cli.main(["panel", "--national"]) == 0
    assert "fiscal_aid" in capsys.readouterr().out


def test_every_national_east_west_amount_is_linked_to_the_programme(tables):
    """A national East-West amount (named so, with no pair, provider or recipient) that lacks the
    project pj-east-west-pairing would be missing from the series: link it."""
    am = tables[0]
    free = am[am["pairing_id"].isna() & am["provider_org_id"].isna() & am["provider_place_id"].isna()
              & am["recipient_org_id"].isna() & am["recipient_place_id"].isna()]
    named = free[free["amount_id"].str.contains("east-west")]
    assert len(named) >= 40
    assert named.loc[named["project_id"].fillna("") != "pj-east-west-pairing", "amount_id"].tolist() == []
