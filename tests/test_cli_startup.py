"""The light commands' fast start (issue 11): the quick parser must read a command line
exactly as argparse does or hand it over, and the installed command must behave the same
whether or not it skips the interpreter's teardown."""
from __future__ import annotations

import itertools
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from povpkg import cli

WORDS = ["list", "describe", "cite", "path", "show", "validate", "events", "x", "", "--path", "--path=x",
         "--pa", "--format", "bibtex", "cff", "text", "nope", "--sources", "--version", "-h", "--help",
         "-n", "--", "-", "-x", "--rows"]


def parsed(argv: list[str]):
    """argparse's reading of ``argv``: the namespace, or None where it refuses or prints help."""
    try:
        return vars(cli._parser(cli._wanted(argv)).parse_args(argv))
    except SystemExit:
        return None


def _lines():
    rng = random.Random(11)
    yield from ([w] for w in WORDS)
    yield from (list(p) for p in itertools.product(["list", "describe", "cite", "path"], WORDS))
    for _ in range(3000):
        yield [rng.choice(WORDS[:4])] + rng.choices(WORDS, k=rng.randint(0, 5))


def test_quick_parser_agrees_with_argparse_or_hands_over(capsys):
    taken = 0
    for argv in _lines():
        quick = cli._quick(list(argv))
        if quick is not None:
            taken += 1
            assert vars(quick) == parsed(argv), argv
    capsys.readouterr()  # argparse's usage messages for the refused lines
    assert taken > 300  # the plain forms are taken, not only handed over


@pytest.mark.parametrize("argv", [["list", "--path", "d"], ["cite", "--format", "cff", "--sources"],
                                  ["describe", "events"], ["path"], ["--version"],
                                  ["cite", "--path", "p", "--format", "bibtex", "--path", "q"]])
def test_plain_light_commands_skip_argparse(argv):
    assert cli._quick(argv) is not None


@pytest.mark.parametrize("argv", [["list", "-h"], ["cite", "--format", "xml"], ["cite", "--format=cff"],
                                  ["describe"], ["describe", "a", "b"], ["list", "--pa", "d"],
                                  ["list", "--path"], ["list", "--path", "--sources"], ["show", "events"],
                                  ["--version", "list"], []])
def test_anything_unusual_goes_to_argparse(argv):
    assert cli._quick(argv) is None


def test_a_light_command_does_not_import_argparse():
    code = "import sys; from povpkg.cli import main; main(['describe', 'events']); print('argparse' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "False"


def installed_command() -> str:
    found = shutil.which("povpkg", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("the povpkg command is not installed beside this interpreter")
    return found


@pytest.mark.parametrize("argv", [["--version"], ["list"], ["describe", "events"], ["cite", "--format", "bibtex"],
                                  ["describe", "nope"], ["list", "--path", "/nonexistent"], ["list", "-h"]])
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
    proc = subprocess.Popen([installed_command(), "codebook"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    assert proc.wait() == 0
    proc = subprocess.Popen([installed_command(), "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait() == 0 and err == ""
