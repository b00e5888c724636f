"""No code from the data's folder runs (issue 18 §1): a data repository holding a
``povpkg/`` package or ``frictionless_*`` plugins, used as the working directory, never
gets them imported by the validator, its worker or any subprocess (docs/trust.md)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from povpkg import _trust, _worker
from povpkg._safety import frictionless_copy

ROOT = Path(__file__).resolve().parent.parent
PLANTED = ("frictionless_evil.py", "frictionless_pack/__init__.py", "povpkg/__init__.py", "povpkg/__main__.py",
           "povpkg/cli.py", "povpkg/_worker.py")


@pytest.fixture
def repo(pkg, tmp_path):
    """A data repository (the package at its root) holding code that writes a marker when imported."""
    marker = tmp_path / "MARKER"
    for rel in PLANTED:
        (pkg / rel).parent.mkdir(exist_ok=True)
        (pkg / rel).write_text(f"open({str(marker)!r}, 'a').write({rel!r} + '\\n')\n", encoding="utf-8")
    return pkg, marker


def ran(marker: Path) -> str:
    return marker.read_text(encoding="utf-8") if marker.exists() else ""


def countries(pkg: Path) -> int:
    return len((pkg / "tables" / "countries.csv").read_text(encoding="utf-8").splitlines()) - 1


def run(args, cwd):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONSAFEPATH"}
    env["POVPKG_WORKER"] = "1"  # the worker's interpreter too, though the test package is small
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def test_the_command_validates_a_repository_without_running_its_code(repo):
    pkg, marker = repo
    got = run([str(Path(sys.executable).parent / "povpkg"), "validate", "."], cwd=pkg)
    assert got.returncode == 0 and "VALID" in got.stdout, got.stdout + got.stderr
    assert ran(marker) == ""
    version = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert f"checked by povpkg {version}: " in got.stdout and "\ncontract: povpkg " in got.stdout  # who checked what


def test_python_safe_path_module_run_does_not_run_the_repository_code(repo):
    pkg, marker = repo
    got = run([sys.executable, "-P", "-m", "povpkg", "validate", "."], cwd=pkg)
    assert got.returncode == 0 and "VALID" in got.stdout, got.stdout + got.stderr
    assert ran(marker) == ""


def test_python_module_run_drops_the_working_directory_before_importing(repo):
    """Without -P, a povpkg/ folder would run instead (docs/trust.md); any other module there does not."""
    pkg, marker = repo
    for rel in ("povpkg/__init__.py", "povpkg/__main__.py", "povpkg/cli.py", "povpkg/_worker.py"):
        (pkg / rel).unlink()
    (pkg / "povpkg").rmdir()
    for rel in ("pandas.py", "numpy.py", "sitecustomize.py"):
        (pkg / rel).write_text(f"open({str(marker)!r}, 'a').write({rel!r} + '\\n')\n", encoding="utf-8")
    got = run([sys.executable, "-m", "povpkg", "validate", "."], cwd=pkg)
    assert got.returncode == 0 and "VALID" in got.stdout, got.stdout + got.stderr
    assert ran(marker) == ""


def test_the_worker_started_from_the_repository_imports_the_installed_povpkg(repo, monkeypatch):
    pkg, marker = repo
    monkeypatch.chdir(pkg)
    desc = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    worker = _worker.Frictionless(frictionless_copy(desc, ["countries"]), pkg, worker=True)
    assert worker.proc is not None and worker.proc.args[:2] == [sys.executable, "-P"]
    failures, rows, broken = worker.result()
    assert worker.proc.returncode == 0 and rows == {"countries": countries(pkg)} and not failures and not broken
    assert ran(marker) == ""


def test_frictionless_plugins_on_the_path_are_not_imported(repo, monkeypatch):
    """Even with the repository on sys.path (PYTHONPATH=.), frictionless's pass in this
    process imports no frictionless_* module; the caller's plugin cache comes back."""
    from frictionless import system

    pkg, marker = repo
    monkeypatch.syspath_prepend(str(pkg))
    desc = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    cache = system.__dict__
    saved = {k: cache.pop(k) for k in ("plugins", "methods") if k in cache}  # as in a fresh process
    try:
        failures, rows, _ = _worker.run(frictionless_copy(desc, ["countries"]), pkg)
        assert rows == {"countries": countries(pkg)} and not failures
        assert "plugins" not in cache  # nothing of the validation's own plugin set stays behind
    finally:
        cache.pop("plugins", None)
        cache.pop("methods", None)
        cache.update(saved)
        for name in ("frictionless_evil", "frictionless_pack"):
            sys.modules.pop(name, None)
    assert ran(marker) == ""


def test_the_working_directory_and_the_data_folder_leave_sys_path(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", ["", str(tmp_path), ".", str(data), _trust.HOME, *sys.path[1:]])
    _trust.drop_working_directory(data)
    assert "" not in sys.path and "." not in sys.path and str(tmp_path) not in sys.path and str(data) not in sys.path
    assert _trust.HOME in sys.path  # the folder povpkg itself came from stays


def test_the_home_folder_stays_even_as_working_directory(monkeypatch):
    monkeypatch.chdir(_trust.HOME)
    monkeypatch.setattr(sys, "path", ["", _trust.HOME, *sys.path[1:]])
    _trust.drop_working_directory(_trust.HOME)
    assert sys.path[0] == _trust.HOME


def test_every_python_subprocess_starts_with_safe_path():
    """A Python command line is built by _trust.python_command only (``-P``)."""
    assert _trust.python_command("-m", "x")[:2] == [sys.executable, "-P"]
    for path in (ROOT / "povpkg").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name != "_trust.py":
            assert "[sys.executable" not in text, path.name
        if "subprocess." in text:
            assert "python_command(" in text, path.name


def test_the_action_installs_with_safe_path_and_never_from_the_workspace():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    install = next(s for s in action["runs"]["steps"] if s.get("name") == "Install povpkg")
    assert "python -P -m pip install" in install["run"] and "GITHUB_ACTION_PATH" in install["run"]
    assert "workspace" not in install["run"].lower()
