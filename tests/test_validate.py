"""The validator on the shipped data, on a corrupted copy, and on bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import povpkg
from povpkg import cli
from povpkg._report import Report


def test_shipped_package_is_valid(shipped_report):
    assert shipped_report.valid, shipped_report.to_text()
    assert set(shipped_report.tables) == set(povpkg.tables())


def test_validate_command_line_end_to_end(pkg):
    """In a new process: one cell off by one fails with a summary, and with a worker (as from
    8 MiB of data) the caller never imports frictionless. A valid package end to end:
    test_ci_integration.py."""
    path = pkg / "tables" / "funding_2009.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("3270,32700000", "3271,32710000", 1), encoding="utf-8")
    code = (f"import sys; from povpkg.cli import main; code = main(['validate', {str(pkg)!r}]);"
            "print('frictionless' in sys.modules); sys.exit(code)")
    env = {**os.environ, "POVPKG_WORKER": "1"}
    bad = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    *out, imported = bad.stdout.strip().splitlines()
    assert imported == "False"
    assert "[totals-add-up]" in bad.stdout and "[hash-count]" in bad.stdout
    assert out[-1].startswith("INVALID")


def off_by_one(draft):
    draft.update("funding_2009", {"recipient_id": "wenshan-prefecture", "category": "new_rural_construction"},
                 amount_10k_yuan="3271", amount_yuan="32710000")
    return Report(package="draft", version="0", failures=draft.failures("totals-add-up"))


def test_one_cell_off_by_one_names_table_row_and_total(draft):
    out = off_by_one(draft).to_text()
    assert "funding_2009_totals, row 2 (area-wenshan-prefecture)" in out
    assert "funding_2009_totals, row 9 (category-new-rural-construction)" in out
    assert "add up to 4171" in out and "printed total is 4170" in out
    assert "funding_2009, row 2 (wenshan-prefecture/new_rural_construction)" in out
    assert "[totals-add-up]" in out


def test_json_report_shape(draft):
    draft.update("funding_2009_totals", {"total_id": "grand"}, amount_10k_yuan="18000", amount_yuan="180000000")
    report = json.loads(Report(package="draft", version="0", failures=draft.failures("totals-add-up")).to_json())
    assert report["valid"] is False and report["report_format"] == 2
    (fail,) = [f for f in report["failures"] if f["key"] == "grand"]
    assert fail == {**fail, "table": "funding_2009_totals", "row": 12, "field": "amount_10k_yuan",
                    "rule": "totals-add-up", "value": 18000}


def one_line_error(capsys, argv) -> str:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert code == 2 and out == "", argv
    assert err.startswith("povpkg: error:") and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


def test_unreadable_input_exits_2_without_traceback(tmp_path, capsys):
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    for target in (tmp_path / "missing.json", tmp_path / "broken.json"):
        one_line_error(capsys, ["validate", str(target)])


@pytest.mark.parametrize("command", ["validate", "list --path", "cite --path", "update-hashes", "copy x --path"])
def test_a_folder_without_a_descriptor_is_not_a_data_package(command, tmp_path, capsys):
    (tmp_path / "tables").mkdir()
    err = one_line_error(capsys, [*command.split(), str(tmp_path)])
    assert f"{tmp_path} is not a data package: it has no datapackage.json" in err


def test_unknown_table_in_cli_exits_2(capsys):
    err = one_line_error(capsys, ["show", "nope"])
    assert "valid names:" in err and "funding_2009" in err


def test_pandera_schemas_catch_what_they_are_handed(frames):
    """The pandera layer on its own: a required cell emptied after loading."""
    import pandas as pd

    from povpkg._rules import rules_module

    frames = {"countries": frames["countries"].copy(), "events": frames["events"].copy()}
    frames["countries"].loc[0, "region"] = pd.NA
    frames["events"].loc[3, "end_date"] = frames["events"].loc[3, "start_date"] - pd.Timedelta(days=1)
    fails = rules_module().check_schemas(povpkg._descriptor(), frames)
    got = {(f.table, f.row, f.field, f.rule) for f in fails}
    assert ("countries", 2, "region", "pandera:not_nullable") in got
    assert ("events", 5, "end_date", "start-before-end") in got
    assert all(f.fix for f in fails)
