"""Validation reads only: no network, no writes into the package, no tracebacks."""
from __future__ import annotations

import socket
import subprocess
import sys

import pytest

import povpkg
from povpkg import cli


def snapshot(root):
    return {p: (p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(root.rglob("*"))}


def test_validate_never_writes_into_the_package_nor_touches_the_network(pkg, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("validation tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setenv("POVPKG_WORKER", "0")  # frictionless in this process, where the guard holds
    before = snapshot(pkg)
    assert povpkg.validate(pkg).valid
    assert snapshot(pkg) == before


def test_import_has_no_side_effects(tmp_path):
    code = "import povpkg, os; print(sorted(os.listdir('.')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_malformed_inputs_end_in_one_line_and_an_exit_code(tmp_path, capsys):
    cases = [tmp_path / "absent"]
    for name, data in [("notjson.json", b"[1, 2"), ("latin1.json", b'{"resources": [], "title": "caf\xe9"}'),
                       ("noresources.json", b'{"name": "x"}'), ("badresource.json", b'{"resources": [42]}')]:
        (tmp_path / name).write_bytes(data)
        cases.append(tmp_path / name)
    for path in cases:
        code = cli.main(["validate", str(path)])
        out, err = capsys.readouterr()
        assert code == 2, (path, out, err)
        assert "Traceback" not in err + out and len(err.strip().splitlines()) == 1, err


def test_an_unclosed_quote_is_a_failure_not_a_crash(draft):
    draft.set_bytes("countries", draft.csv("countries") + b'ZZZ,"unclosed,Asia\n')
    assert "readable" in {f.rule for f in draft.failures("iso-country-code")}
    assert draft.frictionless()


@pytest.mark.parametrize("command", ["list", "show", "describe", "validate", "cite", "export", "codebook", "serve",
                                     "path", "copy", "update-hashes"])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main([command, "--help"])
    assert exc.value.code == 0 and "usage: povpkg " + command in capsys.readouterr().out
