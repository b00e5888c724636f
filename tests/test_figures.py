"""The figure script runs on the loaded tables and writes its pictures."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_make_figures(tmp_path):
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_figures.py"), str(tmp_path)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    for name in ("funding_2009.png", "participants_2012_by_region.png", "timeline.png", "pairing_panel.png",
                 "national_series.png", "pairs_by_year.png"):
        data = (tmp_path / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 10_000, name


def _png_size(path):
    import struct

    return struct.unpack(">II", path.read_bytes()[16:24])


def test_participants_figure_is_legible_at_readme_width():
    width, height = _png_size(ROOT / "docs" / "figures" / "participants_2012_by_region.png")
    assert width <= 1000 and height <= 500  # fits a README column without shrinking its text


def _script():
    import runpy

    return runpy.run_path(str(ROOT / "scripts" / "make_figures.py"), run_name="figures")


def test_timeline_separates_overlapping_marks():
    lanes = _script()["_lanes"]
    assert lanes([0, 0, 1, 10], [5, 5, 6, 12], 1) == [0, 1, 2, 0]  # overlaps stack, a later mark reuses lane 0
    assert lanes([0, 3], [0, 3], 1) == [0, 0]  # far enough apart: one lane


def test_timeline_draws_imprecise_dates_over_their_month_or_year():
    import pandas as pd

    spans = _script()["_spans"]
    ev = pd.DataFrame({"start_date": pd.to_datetime(["2012-06-01", "2012-01-01", "2012-06-12"]),
                       "end_date": pd.to_datetime([None, None, "2012-06-22"]),
                       "date_precision": ["month", "year", "day"]})
    start, end = spans(ev)
    assert list(end) == list(pd.to_datetime(["2012-07-01", "2013-01-01", "2012-06-22"]))
