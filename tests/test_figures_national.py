"""The figures of the extended panel: what they draw is the functions' output, and the script
draws the same picture twice."""
from __future__ import annotations

import runpy

import pytest

import povpkg

from conftest import ROOT

pytest.importorskip("matplotlib")


@pytest.fixture(scope="module")
def script():
    return runpy.run_path(str(ROOT / "scripts" / "make_figures.py"), run_name="figures")


@pytest.fixture(scope="module")
def series():
    return povpkg.national_series()


@pytest.fixture(scope="module")
def panel():
    return povpkg.pairing_panel()


def _marks(fig):
    """Each mark drawn with a gid (its rows): gid -> (x data, y data)."""
    marks = {}
    for ax in fig.axes:
        for line in ax.get_lines():
            if line.get_gid():
                marks[line.get_gid()] = (list(line.get_xdata()), list(line.get_ydata()))
        for coll in ax.collections:
            if coll.get_gid():
                (x, y), = coll.get_offsets().tolist()
                marks[coll.get_gid()] = ([x], [y])
    return marks


def test_the_national_figure_draws_every_money_figure_on_the_axis(script, series):
    measures = {m for _, ms, _ in script["NATIONAL_PANELS"] for m in ms}
    want = series[series["measure"].isin(measures) & (series["unit"] == "CNY") & series["start_year"].notna()]
    assert set(script["national_drawn"](series)["row_ids"]) == set(want["row_ids"])
    assert not (want["start_year"] < 1996).any() and not (want["end_year"] > 2023).any()  # nothing off the axis
    assert {"fiscal_aid", "social_donations", "enterprise_investment"} <= set(want["measure"])


def test_the_national_figure_draws_the_series_values_over_their_years(script, series):
    import matplotlib.pyplot as plt

    drawn = script["national_drawn"](series)
    fig = script["national_figure"](series)
    try:
        marks = _marks(fig)
        title = fig.get_suptitle()
    finally:
        plt.close(fig)
    assert set(marks) == set(drawn["row_ids"])
    for r in drawn.itertuples():
        xs, ys = marks[r.row_ids]
        assert all(y * 1e9 == pytest.approx(r.value) for y in ys)
        if r.span_kind in ("one_year", "part_year"):
            assert xs == [r.end_year + 0.5]
        else:  # a bar over every year of its span, at the span's total
            assert xs == [r.start_year, r.end_year + 1]
    assert "1996\u20132023" in title and "Nothing is summed" in title
    years = {y for s, e in zip(drawn["start_year"], drawn["end_year"]) for y in range(s, e + 1)}
    assert f"figures cover {script['years_text'](years)}" in title


def test_the_pairs_figure_draws_the_recommended_cells(script, panel):
    import matplotlib.pyplot as plt

    drawn = script["pairs_drawn"](panel)
    cells = panel[panel["level"] == "pair"]
    assert drawn["amount_yuan"].sum() == cells["amount_yuan"].sum()
    assert sorted(i for c in drawn["amount_ids"] for i in c.split("|")) == \
        sorted(i for c in cells["amount_ids"] for i in c.split("|"))
    fig = script["pairs_figure"](panel)
    try:
        marks = _marks(fig)
        title = fig.axes[0].get_title()
        labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    finally:
        plt.close(fig)
    assert set(marks) == set(drawn["amount_ids"])
    for r in drawn.itertuples():
        (x,), (y,) = marks[r.amount_ids]
        assert x == r.year + 0.5 and labels[int(y)].startswith(script["_short"](
            panel.loc[panel["pairing_id"] == r.pairing_id, "provider"].iloc[0]))
    assert f"amounts in {script['years_text'](drawn['year'])}" in title and "1996\u20132023" in title


def test_years_are_said_briefly(script):
    assert script["years_text"]([2011, 2009, 2010, 2001]) == "2001, 2009\u20132011"
    assert script["years_text"]([2023]) == "2023"


@pytest.mark.parametrize("draw", ["national_series", "pairs_by_year"])
def test_the_script_draws_the_same_picture_twice(script, draw, tmp_path):
    one, two = tmp_path / "1", tmp_path / "2"
    one.mkdir(), two.mkdir()
    a, b = script[draw](one), script[draw](two)
    assert a.name == b.name and a.read_bytes() == b.read_bytes() and a.read_bytes().startswith(b"\x89PNG")
    assert (ROOT / "docs" / "figures" / a.name).is_file()


def test_a_figure_without_its_first_year_is_left_off_the_axis(script, series):
    import matplotlib.pyplot as plt
    import pandas as pd

    row = series[series["measure"] == "fiscal_aid"].head(1).assign(span_kind="cumulative", start_year=pd.NA,
                                                                   row_ids="am-test-since-unstated")
    more = pd.concat([series, row], ignore_index=True).astype(series.dtypes.to_dict())
    assert "am-test-since-unstated" not in set(script["national_drawn"](more)["row_ids"])
    plt.close(script["national_figure"](more))
