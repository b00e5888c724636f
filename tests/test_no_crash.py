"""No crash (issue 18 §5): a path holding a NUL or another control character, boolean
words that contradict, a citation date that is not a date: a one-line error or a failure
in the report, never a traceback or an "internal error"."""
from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

import povpkg
from povpkg.cli import main
from povpkg.errors import PackageError, PovpkgError

from conftest import edit_csv


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def one_line_error(code, err, *needles):
    assert code == 2 and len(err.strip().splitlines()) == 1 and "internal error" not in err, err
    for needle in needles:
        assert needle in err, err


def edit_field(pkg: Path, table: str, field: str, **props) -> None:
    dp = pkg / "datapackage.json"
    desc = json.loads(dp.read_text(encoding="utf-8"))
    res = next(r for r in desc["resources"] if r["name"] == table)
    next(f for f in res["schema"]["fields"] if f["name"] == field).update(props)
    dp.write_text(json.dumps(desc, ensure_ascii=False), encoding="utf-8")


def set_path(pkg: Path, table: str, path: str) -> None:
    dp = pkg / "datapackage.json"
    desc = json.loads(dp.read_text(encoding="utf-8"))
    next(r for r in desc["resources"] if r["name"] == table)["path"] = path
    dp.write_text(json.dumps(desc), encoding="utf-8")


def test_a_path_with_a_nul_is_a_failure_in_the_report(pkg):
    set_path(pkg, "countries", "tables/countries\x00.csv")  # the example: it ended in "internal error"
    report = povpkg.validate(pkg)
    assert [(f.rule, f.table) for f in report.failures if f.rule == "safe-path"] == [("safe-path", "countries")]


@pytest.mark.parametrize("path", ["tables/countries.csv\x00", "tables/\nevil.csv", "tables/\u202evsc.csv",
                                  "tables/x\x1b[2J.csv", "tables\x00/countries.csv"])
def test_a_path_with_a_control_character_is_refused(path, pkg):
    from povpkg._package import resource_file

    with pytest.raises(PackageError, match="control or invisible character"):
        resource_file(pkg, {"name": "countries", "path": path})
    set_path(pkg, "countries", path)
    with pytest.raises(PackageError, match="control or invisible character"):
        povpkg.load("countries", pkg)
    code, out, err = cli("show", "countries", "--path", pkg)
    one_line_error(code, err, "countries")


def test_a_source_file_name_with_a_nul_is_not_read(sources_dir):
    from povpkg._rules import rules_module

    source_file = rules_module().provenance.source_file
    assert source_file(sources_dir, "a\x00b.txt") is None and source_file(sources_dir, "\x00") is None


@pytest.mark.parametrize("backend", ["pandas", "polars"])
@pytest.mark.parametrize("true,false,said", [
    (["yes", "true"], ["yes", "false"], "'yes' is both"),  # the kind: one word, two meanings
    (["false"], None, "'false' is both"),  # a default false word declared true
    (["true"], ["true"], "'true' is both"),
    ([1], [0], "not a list of words"), ("yes", ["no"], "not a list of words"), (["y"], None, None),
])
def test_contradictory_boolean_words_are_a_one_line_error(backend, true, false, said, pkg):
    if backend == "polars":
        pytest.importorskip("polars")
    props = {"trueValues": true, **({"falseValues": false} if false is not None else {})}
    edit_field(pkg, "events", "online", **props)
    if said is None:  # words that agree load
        assert len(povpkg.load("events", pkg, backend=backend)) > 0
        return
    with pytest.raises(PackageError, match=said):
        povpkg.load("events", pkg, backend=backend)
    code, out, err = cli("show", "events", "--path", pkg)
    one_line_error(code, err, "online")


def test_contradictory_boolean_words_are_a_failure_in_the_report(pkg):
    edit_field(pkg, "amounts", "recommended_for_aggregates", trueValues=["no"], falseValues=["no"])
    report = povpkg.validate(pkg)
    assert not report.valid and "amounts" in {f.table for f in report.failures}


@pytest.mark.parametrize("published", ["2020-13-45", "sometime", "20x0-01-02", "", "2020-1"])
@pytest.mark.parametrize("fmt", ["text", "bibtex", "cff"])
def test_a_citation_date_that_is_not_a_date_is_left_out(published, fmt, pkg):
    edit_csv(pkg, "sources", 2, "published", published)
    assert povpkg.cite(fmt, pkg, sources=True)


def test_export_to_a_name_with_a_nul_is_a_one_line_error(tmp_path):
    with pytest.raises(PovpkgError, match="NUL"):
        povpkg.export("sqlite", str(tmp_path / "a\x00b.db"))


def _first(key):
    return lambda d: d["resources"][1]["schema"].update({key: "x"} if key != "primaryKey" else {key: 3})


@pytest.mark.parametrize("change", [
    lambda d: d.pop("version"), _first("fields"), _first("primaryKey"), _first("foreignKeys"),
    lambda d: d["resources"][1].update(schema="countries.schema.json"),
    lambda d: d["resources"][1]["schema"]["fields"].append("a field"),
    lambda d: d["resources"][1]["schema"]["fields"][0].update(constraints=["required"]),
    lambda d: d["resources"][1]["schema"].update(foreignKeys=[{"fields": ["iso3"], "reference": "countries"}]),
    lambda d: d.update(title=["a list"], keywords="text", licenses={"name": "CC0-1.0"}),
], ids=["no version", "fields", "primaryKey", "foreignKeys", "schema path", "field not object",
        "constraints list", "reference not object", "metadata shapes"])
@pytest.mark.parametrize("args", [("list",), ("describe", "countries"), ("show", "countries", "-n", "2"), ("cite",),
                                  ("cite", "--format", "bibtex", "--sources"), ("cite", "--format", "cff"),
                                  ("codebook",)], ids=lambda a: "-".join(a[:3]))
def test_a_descriptor_of_the_wrong_shape_is_a_one_line_error(change, args, pkg):
    dp = pkg / "datapackage.json"
    desc = json.loads(dp.read_text(encoding="utf-8"))
    change(desc)
    dp.write_text(json.dumps(desc), encoding="utf-8")
    code, out, err = cli(*args, "--path", pkg)
    assert code in (0, 2) and "internal error" not in err, err
    if code == 2:
        one_line_error(code, err)
