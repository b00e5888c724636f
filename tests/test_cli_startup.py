"""The command line: light commands stay light, the installed command behaves as ``main``,
and a mistyped command is answered with the one meant."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from povpkg import cli


def test_a_light_command_imports_neither_pandas_nor_the_validators():
    code = ("import sys; from povpkg.cli import main; main(['describe', 'events']); main(['list']);"
            "main(['cite', '--format', 'bibtex']); print([m for m in ('pandas', 'frictionless', 'pandera') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "[]"


@pytest.mark.parametrize(("typo", "meant"), [("validat", "validate"), ("lst", "list"), ("describ", "describe"),
                                             ("update-hash", "update-hashes")])
def test_a_mistyped_command_gets_did_you_mean(typo, meant, capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main([typo, "--path", "x"])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and err.splitlines()[-1] == f"povpkg: error: unknown command {typo!r}; did you mean {meant}?"


def test_an_unknown_command_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["zzzz"])
    assert exc.value.code == 2 and "choose from list, show, describe, find, validate" in capsys.readouterr().err


def installed_command() -> str:
    found = shutil.which("povpkg", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("the povpkg command is not installed beside this interpreter")
    return found


@pytest.mark.parametrize("argv", [["--version"], ["describe", "nope"], ["list", "-h"]])
def test_installed_command_prints_and_exits_as_main_does(argv, capsys):
    run = subprocess.run([installed_command(), *argv], capture_output=True, text=True)
    try:
        code = cli.main(argv)
    except SystemExit as exc:  # -h
        code = exc.code
    out, err = capsys.readouterr()
    assert (run.returncode, run.stdout, run.stderr) == (code, out, err)


def test_a_reader_that_leaves_early_gets_no_traceback():
    """`povpkg list | head -1`: the pipe closes before the output is written."""
    for command in ("codebook", "list"):
        proc = subprocess.Popen([installed_command(), command], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert proc.wait() == 0 and err == "", (command, err)
