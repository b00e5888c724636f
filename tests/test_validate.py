"""The validator on the shipped data, on a corrupted copy, and on bad input."""
from __future__ import annotations

import json
import subprocess
import sys

import povpkg
from conftest import edit_csv


def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "povpkg", *args], capture_output=True, text=True, cwd=cwd)


def test_shipped_package_is_valid():
    report = povpkg.validate()
    assert report.valid, report.to_text()
    assert set(report.tables) == set(povpkg.tables())


def test_validate_cli_passes_with_summary(pkg):
    run = cli("validate", str(pkg))
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip().splitlines()[-1].startswith("VALID")


def test_one_cell_off_by_one_names_table_row_and_total(pkg):
    edit_csv(pkg, "funding_2009", 2, "amount_10k_yuan", "3271")  # Wenshan, new rural construction
    edit_csv(pkg, "funding_2009", 2, "amount_yuan", "32710000")
    run = cli("validate", str(pkg))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    out = run.stdout
    assert "funding_2009_totals, row 2 (area-wenshan-prefecture)" in out
    assert "funding_2009_totals, row 9 (category-new-rural-construction)" in out
    assert "add up to 4171" in out and "printed total is 4170" in out
    assert "funding_2009, row 2 (wenshan-prefecture/new_rural_construction)" in out
    assert "[totals-add-up]" in out


def test_json_report_shape(pkg):
    edit_csv(pkg, "funding_2009_totals", 12, "amount_10k_yuan", "18000")
    edit_csv(pkg, "funding_2009_totals", 12, "amount_yuan", "180000000")
    run = cli("validate", str(pkg), "--format", "json")
    assert run.returncode == 1
    report = json.loads(run.stdout)
    assert report["valid"] is False and report["report_format"] == 2
    (fail,) = [f for f in report["failures"] if f["key"] == "grand"]
    assert fail == {**fail, "table": "funding_2009_totals", "row": 12, "field": "amount_10k_yuan",
                    "rule": "totals-add-up", "value": 18000}


def test_unreadable_input_exits_2_without_traceback(tmp_path):
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    for target in (tmp_path / "missing.json", tmp_path / "broken.json", tmp_path):
        run = cli("validate", str(target))
        assert run.returncode == 2, target
        assert run.stderr.startswith("povpkg: error:") and "Traceback" not in run.stderr
        assert len(run.stderr.strip().splitlines()) == 1


def test_unknown_table_in_cli_exits_2():
    run = cli("show", "nope")
    assert run.returncode == 2
    assert "valid names:" in run.stderr and "funding_2009" in run.stderr


def test_pandera_schemas_catch_what_they_are_handed():
    """The pandera layer on its own: a required cell emptied after loading."""
    import pandas as pd

    from povpkg._rules import rules_module

    frames = {"countries": povpkg.load("countries"), "events": povpkg.load("events")}
    frames["countries"].loc[0, "region"] = pd.NA
    frames["events"].loc[3, "end_date"] = frames["events"].loc[3, "start_date"] - pd.Timedelta(days=1)
    fails = rules_module().check_schemas(povpkg._descriptor(), frames)
    got = {(f.table, f.row, f.field, f.rule) for f in fails}
    assert ("countries", 2, "region", "pandera:not_nullable") in got
    assert ("events", 5, "end_date", "start-before-end") in got
    assert all(f.fix for f in fails)
