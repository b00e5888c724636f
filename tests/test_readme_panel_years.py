"""The README states the years the two panel figures cover; hold those words to the data
the figures draw (scripts/make_figures.py), so a data change cannot leave them stale."""
from __future__ import annotations

import re
import runpy

import pytest

import povpkg
from conftest import ROOT

pytest.importorskip("matplotlib")


@pytest.fixture(scope="module")
def script():
    return runpy.run_path(str(ROOT / "scripts" / "make_figures.py"), run_name="figures")


def _readme_years(figure: str) -> str:
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    m = re.search(rf"\(docs/figures/{figure}\.png\) \((?:figures for )?([^)]*)\)", text)
    assert m, f"the README names no years beside {figure}.png"
    return m.group(1).replace(" and ", ", ")


def test_the_national_figure_years_in_the_readme(script):
    drawn = script["national_drawn"](povpkg.national_series())
    years = [y for _, r in drawn.iterrows() for y in range(int(r.start_year), int(r.end_year) + 1)]
    assert _readme_years("national_series") == script["years_text"](years)


def test_the_pairs_figure_years_in_the_readme(script):
    drawn = script["pairs_drawn"](povpkg.pairing_panel())
    assert _readme_years("pairs_by_year") == script["years_text"](drawn["year"])
