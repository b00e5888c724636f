"""Validation reads only: no network, no writes into the package, no tracebacks."""
from __future__ import annotations

import socket
import subprocess
import sys

import povpkg


def snapshot(root):
    return {p: (p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(root.rglob("*"))}


def test_validate_never_writes_into_the_package(pkg):
    before = snapshot(pkg)
    povpkg.validate(pkg)
    assert snapshot(pkg) == before


def test_validate_never_touches_the_network(pkg, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("validation tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert povpkg.validate(pkg).valid


def test_import_has_no_side_effects(tmp_path):
    code = "import povpkg, os; print(sorted(os.listdir('.')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def cli(*args):
    return subprocess.run([sys.executable, "-m", "povpkg", *args], capture_output=True, text=True)


def test_malformed_inputs_end_in_one_line_and_an_exit_code(pkg, tmp_path):
    cases = []
    (tmp_path / "notjson.json").write_text("[1, 2", encoding="utf-8")
    cases.append(((str(tmp_path / "notjson.json"),), 2))
    (tmp_path / "latin1.json").write_bytes(b'{"resources": [], "title": "caf\xe9"}')
    cases.append(((str(tmp_path / "latin1.json"),), 2))
    (tmp_path / "noresources.json").write_text('{"name": "x"}', encoding="utf-8")
    cases.append(((str(tmp_path / "noresources.json"),), 2))
    (tmp_path / "badresource.json").write_text('{"resources": [42]}', encoding="utf-8")
    cases.append(((str(tmp_path / "badresource.json"),), 2))
    cases.append(((str(tmp_path / "absent"),), 2))
    for args, code in cases:
        run = cli("validate", *args)
        assert run.returncode == code, (args, run.stdout, run.stderr)
        assert "Traceback" not in run.stderr + run.stdout
        assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    with (pkg / "tables" / "countries.csv").open("a", encoding="utf-8") as fh:
        fh.write('ZZZ,"unclosed,Asia\n')
    run = cli("validate", str(pkg), "--format", "json")
    assert run.returncode == 1 and "Traceback" not in run.stderr


def test_every_command_has_help():
    for cmd in ("list", "show", "describe", "validate", "cite", "export", "codebook"):
        run = cli(cmd, "--help")
        assert run.returncode == 0 and "usage: povpkg " + cmd in run.stdout
