"""The reusable GitHub Action (action.yml) and the pre-commit hook, run as far as this machine can."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT, edit_csv

BIN = str(Path(sys.executable).parent)  # where the venv's `povpkg` script lives


def _env(**extra) -> dict:
    return {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", ""), **extra}


def test_action_yml_runs_the_script_and_uploads_the_report():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite" and {"path", "sources", "install"} <= set(action["inputs"])
    steps = action["runs"]["steps"]
    validate = next(s for s in steps if s.get("id") == "validate")
    assert "scripts/action_validate.sh" in validate["run"] and (ROOT / "scripts" / "action_validate.sh").is_file()
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact@"))
    assert upload["if"] == "always()" and upload["with"]["path"] == validate["env"]["POVPKG_REPORT"]
    assert any("pip install" in s.get("run", "") for s in steps)


def _action(pkg: Path, tmp_path: Path, **env):
    """Run the action's script with a `povpkg` on PATH that logs each call before running the real one."""
    shim = tmp_path / "shim"
    shim.mkdir(exist_ok=True)
    (shim / "povpkg").write_text(f'#!/bin/sh\necho "$*" >> "{tmp_path}/calls"\nexec "{BIN}/povpkg" "$@"\n')
    (shim / "povpkg").chmod(0o755)
    out = tmp_path / "github_output"
    report = tmp_path / "report.json"
    run = subprocess.run(["bash", str(ROOT / "scripts" / "action_validate.sh")], capture_output=True, text=True,
                         cwd=pkg.parent, env={**_env(POVPKG_PATH=pkg.name, POVPKG_REPORT=str(report),
                                                     GITHUB_OUTPUT=str(out), **env),
                                              "PATH": f"{shim}{os.pathsep}{_env()['PATH']}"})
    outputs = dict(line.split("=", 1) for line in out.read_text().splitlines()) if out.exists() else {}
    calls = (tmp_path / "calls").read_text().splitlines()
    assert len(calls) == 1, calls  # one validation gives the annotations and the report
    return run, report, outputs


def test_action_script_annotates_reports_and_fails_an_invalid_package(pkg, tmp_path):
    edit_csv(pkg, "event_countries", 5, "iso3", "XXX")
    run, report, outputs = _action(pkg, tmp_path)
    assert run.returncode == 1, run.stdout + run.stderr
    assert f"::error file={pkg.name}/tables/event_countries.csv,line=5,title=foreign-key::" in run.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["valid"] is False and any(f["rule"] == "foreign-key" for f in data["failures"])
    assert outputs == {"valid": "false", "report": str(report)}


def test_action_script_passes_a_valid_package(pkg, tmp_path):
    run, report, outputs = _action(pkg, tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "::error" not in run.stdout and json.loads(report.read_text(encoding="utf-8"))["valid"] is True
    assert outputs == {"valid": "true", "report": str(report)}


def test_action_script_keeps_exit_2_for_what_cannot_run_and_says_why(tmp_path):
    (tmp_path / "nothing").mkdir()
    (tmp_path / "report.json").write_text("{}")  # a report of an earlier run is not passed off as this one's
    run, report, outputs = _action(tmp_path / "nothing", tmp_path)
    assert run.returncode == 2 and "povpkg: error:" in run.stderr
    (line,) = [ln for ln in run.stdout.splitlines() if ln.startswith("::error")]
    assert line.startswith("::error title=povpkg validate::povpkg: error:") and "not a data package" in line
    assert not report.exists() and outputs == {"valid": "false"}


def _hook() -> dict:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return hook


def test_pre_commit_hook_entry_runs_in_the_repository_it_guards(tmp_path):
    """The entry validates the folder it runs in (a folder that holds no package says so)."""
    hook = _hook()
    assert hook["id"] == "povpkg-validate" and hook["language"] == "python" and hook["pass_filenames"] is False
    cmd = hook["entry"].split() + hook.get("args", [])
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, env=_env())
    assert run.returncode == 2 and ". is not a data package" in run.stderr, run.stdout + run.stderr


def test_pre_commit_hook_files_pattern_matches_the_data_only():
    import re

    pattern = re.compile(_hook()["files"])
    assert all(pattern.search(p) for p in ("datapackage.json", "tables/events.csv", "data/tables/x.csv"))
    assert not any(pattern.search(p) for p in ("README.md", "povpkg/cli.py"))
