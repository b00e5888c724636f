"""`povpkg validate --format github`: workflow annotations on the failing file and line."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

from povpkg._github import to_github
from povpkg._report import Failure, Report


def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "povpkg", *args], capture_output=True, text=True, cwd=cwd)


def test_foreign_key_failure_is_annotated_on_its_csv_line(draft):
    """In-process (the command line's --format github runs end to end in test_ci_integration.py)."""
    draft.rows("event_countries")[3]["iso3"] = "XXX"  # CSV line 5
    report = Report(package=str(ROOT / "datapackage.json"), version="0", failures=draft.failures("foreign-key"))
    lines = to_github(report, ROOT).splitlines()
    fk = [ln for ln in lines if ln.startswith("::error file=tables/event_countries.csv,line=5,title=foreign-key::")]
    assert fk, lines
    assert "XXX" in fk[0] and "\n" not in fk[0]
    assert lines[-1].startswith("INVALID:")
    assert all(ln.startswith("::error ") for ln in lines[:-1])


def test_paths_are_relative_to_the_working_directory(draft):
    draft.update("funding_2009", {"recipient_id": "wenshan-prefecture", "category": "new_rural_construction"},
                 amount_10k_yuan="3271")
    report = Report(package=str(ROOT / "datapackage.json"), version="0", failures=draft.failures("totals-add-up"))
    assert f"::error file={ROOT.name}/tables/funding_2009.csv,line=2,title=totals-add-up::" in to_github(report, ROOT.parent)


def test_valid_package_prints_only_the_verdict(shipped_report):
    (line,) = to_github(shipped_report).splitlines()
    assert line.startswith(shipped_report.to_text().splitlines()[-1][:-1] + " (checked by povpkg ")
    assert line.startswith("VALID:")


def test_bad_input_still_exits_2_with_one_line(tmp_path):
    run = cli("validate", str(tmp_path / "missing"), "--format", "github")
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.startswith("povpkg: error:") and len(run.stderr.strip().splitlines()) == 1


def test_workflow_command_escaping_and_untrusted_paths(tmp_path):
    desc = {"resources": [{"name": "ok", "path": "tables/ok.csv"}, {"name": "evil", "path": "../outside.csv"},
                          {"name": "abs", "path": "/etc/passwd"}, "not a resource"]}
    (tmp_path / "datapackage.json").write_text(json.dumps(desc), encoding="utf-8")
    report = Report(package=str(tmp_path / "datapackage.json"), version="1", failures=[
        Failure(rule="r,1:x", message="50% off\nsecond line", table="ok", row=3, fix="do: this"),
        Failure(rule="r", message="m", table="evil", row=2),
        Failure(rule="r", message="m", table="abs", row=2),
    ])
    first, evil, absolute, verdict = to_github(report, cwd=tmp_path).splitlines()
    assert first == "::error file=tables/ok.csv,line=3,title=r%2C1%3Ax::ok, row 3: 50%25 off\\nsecond line%0Afix: do: this"
    assert evil.startswith("::error file=datapackage.json,title=r::") and absolute.startswith("::error file=datapackage.json,title=r::")
    assert verdict.startswith("INVALID:")
