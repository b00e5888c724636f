"""povpkg.pairing_panel() and `povpkg panel`: pair x year x aid type in yuan, no figure twice,
stated totals beside the sum of their parts."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

import povpkg
from povpkg import cli
from povpkg._panel import pairing_panel as build

CELLS = ["amount_yuan", "amount_ids"]
TOTALS = ["stated_total_yuan", "sum_of_parts_yuan", "counted_yuan", "stated_total_id"]


@pytest.fixture(scope="module")
def tables():
    return povpkg.load("amounts"), povpkg.load("pairings")


@pytest.fixture(scope="module")
def panel(tables):
    return build(*tables)


def _ids(panel) -> list[str]:
    return [i for cell in panel.loc[panel["level"] == "pair", "amount_ids"] for i in cell.split("|")]


def test_the_api_function_is_the_panel(panel):
    pd.testing.assert_frame_equal(povpkg.pairing_panel(), panel)
    assert "pairing_panel" in dir(povpkg) and povpkg.pairing_panel.__doc__


def test_no_source_figure_is_counted_twice(panel, tables):
    am = tables[0].set_index("amount_id")
    ids = _ids(panel)
    assert len(ids) == len(set(ids)), "an amount is summed in two cells"
    wanted = am[am["recommended_for_aggregates"] & am["pairing_id"].notna() & (am["currency"] == "CNY")
                & (am["period"] == "one_year") & am["year"].notna()]
    assert set(ids) == set(wanted.index)
    for i in ids:  # no summed amount lies within another summed amount, at any depth
        whole = am.at[i, "part_of"]
        while isinstance(whole, str):
            assert whole not in ids, f"{i} is summed beside its whole {whole}"
            whole = am.at[whole, "part_of"]
    cells = panel[panel["level"] == "pair"]
    assert cells["amount_yuan"].sum() == wanted["amount"].sum()
    assert cells[TOTALS].isna().all().all(), "a cell carries a stated total"
    assert panel.loc[panel["level"] != "pair", CELLS].isna().all().all(), "a stated total is mixed into the cells"


@pytest.mark.parametrize(("total", "stated", "parts", "counted"), [
    ("am-2009-beijing-im-total", 37_870_500, 37_870_500, 37_870_500),  # split into three kinds, all counted
    ("am-2009-shandong-xinjiang-aid", 1_574_000_000, 75_800_000, 75_800_000),  # only the grant is counted
    ("am-2010-beijing-im-donated", 24_480_000, 23_200_000, 23_200_000),  # one stated part of two
    ("am-2012-east-west-financial-aid", 872_200_000, 559_370_000, 0),  # national: four sector shares stated
])
def test_a_stated_total_stands_beside_the_sum_of_its_parts(panel, total, stated, parts, counted):
    (row,) = panel[panel["stated_total_id"] == total].to_dict("records")
    assert (row["stated_total_yuan"], row["sum_of_parts_yuan"], row["counted_yuan"]) == (stated, parts, counted)
    assert pd.isna(row["amount_yuan"])


def test_a_national_total_counts_the_pairs_of_its_year_and_kind(panel):
    (row,) = panel[panel["stated_total_id"] == "am-2011-east-west-financial-aid"].to_dict("records")
    pairs = panel[(panel["level"] == "pair") & (panel["year"] == 2011) & (panel["aid_type"] == "government_aid")]
    assert row["level"] == "national" and row["counted_yuan"] == pairs["amount_yuan"].sum() > 0


def test_a_fresh_double_count_is_refused(tables):
    """A whole recommended beside its recommended parts: the panel refuses rather than count twice."""
    am = tables[0].copy()
    am.loc[am["amount_id"] == "am-2009-beijing-im-total", "recommended_for_aggregates"] = True
    with pytest.raises(povpkg.DataError, match="am-2009-beijing-im-total are both recommended"):
        build(am, tables[1])


def test_only_recommended_one_year_yuan_rows_are_summed(tables):
    am = tables[0].copy()
    am.loc[am["amount_id"] == "am-2010-liaoning-counterpart-qinghai", "recommended_for_aggregates"] = True
    assert "am-2010-liaoning-counterpart-qinghai" not in _ids(build(am, tables[1]))  # cumulative: never a year's cell


@pytest.mark.parametrize("fmt", ["csv", "json", "text"])
def test_the_command_prints_the_panel(capsys, panel, fmt):
    assert cli.main(["panel", "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        records = json.loads(out)
        assert len(records) == len(panel) and records[0]["year"] == int(panel["year"].iloc[0])
    elif fmt == "csv":
        assert out.splitlines()[0].split(",") == list(panel.columns) and len(out.splitlines()) == len(panel) + 1
    else:
        assert "stated_total_myuan" in out and "1,574.00" in out


def test_a_bad_path_is_one_line(capsys, tmp_path):
    assert cli.main(["panel", "--path", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("povpkg: error:") and len(err.strip().splitlines()) == 1


def test_import_povpkg_still_imports_no_pandas():
    code = "import sys, povpkg; povpkg.pairing_panel; print(sorted(m for m in ('pandas', 'frictionless', 'pandera') if m in sys.modules))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.strip() == "[]", run.stderr
