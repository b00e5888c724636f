"""The command line as a newcomer meets it: fitted output, clear one-line errors, plain English."""
from __future__ import annotations

import contextlib
import io
import os
from types import SimpleNamespace
from unittest import mock

import pytest

import povpkg
from povpkg.cli import main


def cli(*args, columns: int = 80):
    """Run the command in this process (as `povpkg ARGS` in a terminal COLUMNS wide)."""
    out, err = io.StringIO(), io.StringIO()
    with mock.patch.dict(os.environ, {"COLUMNS": str(columns)}), \
            contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse: --help, usage errors
            code = exc.code
    return SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())


def one_line_error(run, *needles):
    assert run.returncode == 2, run.stdout + run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    for needle in needles:
        assert needle in run.stderr, run.stderr


@pytest.mark.parametrize("columns", [60, 80, 132])
@pytest.mark.parametrize("table", ["events", "amounts", "indicators", "organizations"])
def test_show_fits_the_terminal(table, columns):
    run = cli("show", table, "-n", "0", columns=columns)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert lines[0].split()[0] == povpkg.describe(table)["schema"]["primaryKey"][0]  # the key comes first
    assert len(lines) > len(povpkg.load(table))  # one line per row: nothing wraps


def test_show_says_what_is_hidden_and_how_to_see_it():
    out = cli("show", "events", "-n", "3").stdout
    assert f"[3 of {len(povpkg.load('events'))} rows" in out and "povpkg show events -n 0" in out
    assert "not shown:" in out and "--columns" in out
    picked = cli("show", "events", "-n", "2", "--columns", "event_id,start_date,date_precision").stdout
    header = picked.splitlines()[0].split()
    assert header == ["event_id", "start_date", "date_precision"]
    assert "2012-06-12" in picked and "00:00:00" not in picked


def test_show_prints_one_missing_value_marker():
    out = cli("show", "events", "-n", "0", "--columns", "event_id,end_date,participants,theme,online",
              columns=200).stdout
    for marker in ("NaN", "<NA>", "NaT", "None"):
        assert marker not in out
    assert " NA" in out


def test_show_wide_characters_count_twice():
    from povpkg._show import _cut, width_of

    assert width_of("上海") == 4 and width_of("Shanghai") == 8
    assert width_of(_cut("上海市人民政府合作交流办公室", 9)) == 9


def test_show_rows_zero_is_all_and_negative_is_refused():
    out = cli("show", "funding_2009", "-n", "0").stdout
    assert "[21 of 21 rows" in out and len(out.splitlines()) >= 22
    run = cli("show", "funding_2009", "-n", "-1")
    assert run.returncode == 2 and "negative" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize("args,meant", [(("show", "evnets"), "events"), (("describe", "fundings"), "funding_2009"),
                                        (("show", "Events"), "events")])
def test_misspelled_table_suggests_the_closest(args, meant):
    run = cli(*args)
    one_line_error(run, f"did you mean {meant}")
    assert "valid names" not in run.stderr


def test_unknown_table_error_suggests_in_python():
    with pytest.raises(povpkg.UnknownTableError, match="did you mean events"):
        povpkg.load("evnts")
    with pytest.raises(povpkg.UnknownTableError) as exc:
        povpkg.describe("zzz")
    assert exc.value.suggestions == [] and "valid names: sources" in str(exc.value)


def test_export_into_a_missing_folder_is_a_user_error(tmp_path):
    target = tmp_path / "no" / "such" / "x.sqlite"
    one_line_error(cli("export", "--format", "sqlite", str(target)), str(target.parent), "does not exist")
    assert not target.parent.exists()


def test_show_on_a_non_utf8_copy_is_a_user_error(pkg):
    (pkg / "tables" / "events.csv").write_bytes("event_id\n".encode() + "Bogot\xe1\n".encode("latin-1"))
    one_line_error(cli("show", "events", "--path", str(pkg)), "tables/events.csv", "not UTF-8")


def test_plurals_read_naturally():
    from povpkg._report import Failure, Report

    one = Report(package="p", version="1", tables={"a": 1}, failures=[Failure(rule="r", message="m", table="a")])
    text = one.to_text()
    assert "(1 row): 1 problem" in text and "INVALID: 1 problem in 1 table; 1 table, 1 row checked." in text
    assert "(s)" not in text
    assert Report(package="p", version="1", tables={"a": 2, "b": 0}).to_text().endswith(
        "VALID: 2 tables, 2 rows, every rule passed.")


@pytest.mark.parametrize("command", ["cite", "export"])
def test_format_options_have_help(command):
    out = cli(command, "--help", columns=200).stdout
    line = next(line for line in out.splitlines() if "--format" in line and "{" in line)
    assert len(line.split("}", 1)[1].strip()) > 10, out


def test_every_command_takes_path_where_it_reads_a_package(pkg):
    for args in (("list",), ("describe", "events"), ("cite",), ("codebook",)):
        run = cli(*args, "--path", str(pkg))
        assert run.returncode == 0, (args, run.stderr)
    run = cli("cite", "--path", str(pkg / "nowhere"))
    one_line_error(run, "no such file")
