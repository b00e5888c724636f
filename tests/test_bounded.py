"""Bounded time and memory on hostile input (issue 18, §4): size limits reported as
failures before anything reads the input, no regular expression from the copy run,
every check linear. The huge inputs are refused by cheap checks, so these tests are
fast; benchmarks/bench_hostile.py runs each case whole and reports time and peak memory."""
from __future__ import annotations

import json
import os
import time

import pandas as pd
import pytest

import povpkg
from conftest import edit_csv
from povpkg import _limits, _validate
from povpkg._metadata import is_email, metadata_problems
from povpkg._package import descriptor
from povpkg._patterns import pinned
from povpkg._report import Report
from povpkg._rules import rules_module

R = rules_module()


def _desc(pkg):
    return json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))


def _save(pkg, desc):
    (pkg / "datapackage.json").write_text(json.dumps(desc, ensure_ascii=False), encoding="utf-8")


def _field(desc, table, name):
    res = next(r for r in desc["resources"] if r["name"] == table)
    return next(f for f in res["schema"]["fields"] if f["name"] == name)


def _limited(report) -> list[str]:
    return [f.message for f in report.failures if f.rule == "size-limit"]


# --- a regular expression from the copy is never run -----------------------------------------

@pytest.mark.parametrize(("table", "field"), [("events", "title"), ("people", "notes")])
def test_a_pattern_the_contract_does_not_record_is_dropped(desc, table, field):
    copy = json.loads(json.dumps(desc))
    _field(copy, table, field).setdefault("constraints", {})["pattern"] = "(a+)+$"
    assert "pattern" not in _field(pinned(copy), table, field)["constraints"]
    assert _field(copy, table, field)["constraints"]["pattern"] == "(a+)+$"  # the copy itself is left as written


def test_a_changed_pattern_is_swapped_for_the_recorded_one(desc):
    copy = json.loads(json.dumps(desc))
    recorded = _field(desc, "countries", "iso3")["constraints"]["pattern"]
    _field(copy, "countries", "iso3")["constraints"]["pattern"] = "([A-Z]+)+$"
    _field(copy, "organizations", "org_id")["constraints"]["pattern"] = "(x|x)*y"
    assert _field(pinned(copy), "countries", "iso3")["constraints"]["pattern"] == recorded
    assert _field(pinned(copy), "organizations", "org_id")["constraints"]["pattern"] == \
        _field(desc, "organizations", "org_id")["constraints"]["pattern"]


def test_a_new_field_or_table_runs_no_pattern(desc):
    copy = json.loads(json.dumps(desc))
    events = next(r for r in copy["resources"] if r["name"] == "events")
    events["schema"]["fields"].append({"name": "extra", "type": "string", "constraints": {"pattern": "(a|aa)+$"}})
    copy["resources"].append({"name": "new", "path": "tables/new.csv", "schema": {
        "fields": [{"name": "x", "constraints": {"pattern": "(a*)*$"}}]}})
    out = pinned(copy)
    assert "pattern" not in _field(out, "events", "extra")["constraints"]
    assert "pattern" not in _field(out, "new", "x")["constraints"]


def test_the_shipped_patterns_are_kept_as_they_are(desc):
    assert pinned(desc) == desc


def test_a_pattern_not_in_the_contract_is_a_contract_difference(desc):
    copy = json.loads(json.dumps(desc))
    _field(copy, "events", "title").setdefault("constraints", {})["pattern"] = "(a+)+$"
    next(r for r in copy["resources"] if r["name"] == "places")["schema"]["fields"].append(
        {"name": "extra", "type": "string", "constraints": {"pattern": "(b+)+$"}})
    record = R.records.pinned()
    base = record.contracts[record.latest_contract()]
    found = {(t, f) for t, f, m, _ in R.contract.differences(base, copy) if "not in the contract" in m}
    assert found == {("events", "title"), ("places", "extra")}
    assert not [d for d in R.contract.differences(base, desc) if "not in the contract" in d[2]]


def test_validation_hands_neither_frictionless_nor_pandera_the_copys_pattern(pkg, monkeypatch):
    """The issue's example end to end: `(a+)+$` on a title of 40 a's and a '!' (hours of
    backtracking if it ran) is a contract difference. What frictionless and pandera are
    handed is captured instead of run, so a regression fails here instead of hanging."""
    from povpkg import _rules

    edit_csv(pkg, "events", 2, "title", "a" * 40 + "!")
    desc = _desc(pkg)
    _field(desc, "events", "title").setdefault("constraints", {})["pattern"] = "(a+)+$"
    _save(pkg, desc)
    handed = {}
    monkeypatch.setattr(_validate, "frictionless_copy", lambda d, t: handed.setdefault("frictionless", d) and {
        "resources": []})
    monkeypatch.setattr(_rules, "schema_failures", lambda d, f: (handed.setdefault("pandera", d), ([], []))[1])
    report = povpkg.validate(pkg)
    for tool in ("frictionless", "pandera"):
        assert "pattern" not in _field(handed[tool], "events", "title")["constraints"], tool
        assert _field(handed[tool], "events", "event_id")["constraints"]["pattern"] == "[a-z0-9][a-z0-9-]*"
    assert [f.field for f in report.failures if f.rule == "contract"] == ["title"]


# --- the descriptor ----------------------------------------------------------------------------

@pytest.mark.parametrize("where", ["contributor", "source"])
def test_a_quarter_million_character_email_is_over_the_limit(pkg, where):
    desc = _desc(pkg)
    address = "a@" + "a." * 124_998 + " x"
    if where == "contributor":
        desc["contributors"][0]["email"] = address
    else:
        desc["sources"] = [{"title": "t", "email": address}]
    _save(pkg, desc)
    report = povpkg.validate(pkg)
    assert not report.valid and len(report.failures) == 1
    assert "250,000 characters; the limit is 10,000" in _limited(report)[0]
    assert report.unchecked and report.unchecked[0].table is None


def test_the_email_check_is_linear():
    """The regular expression it replaces backtracked quadratically on dots before a space."""
    t = time.perf_counter()
    assert not is_email("a@" + "a." * 200_000 + " x")
    assert not is_email("a@" + "." * 400_000 + "@")
    assert time.perf_counter() - t < 0.5
    assert is_email("someone@example.org") and not is_email("someone@example") and not is_email("a b@c.d")
    assert not is_email("a@.org") and not is_email("a@b.") and not is_email("@b.c") and not is_email(None)


def test_the_email_check_still_refuses_a_bad_address(desc):
    copy = json.loads(json.dumps(desc))
    copy["contributors"][0]["email"] = "not an address"
    assert any("is not an e-mail address" in m for _, _, m in metadata_problems(copy))


def test_a_hundred_thousand_resources_are_over_the_limit(pkg):
    """Each names one small CSV; compact enough to stay under the descriptor's byte limit."""
    desc = _desc(pkg)
    desc["resources"] += [{"name": f"c{i}", "path": "c.csv"} for i in range(100_000)]
    (pkg / "datapackage.json").write_text(json.dumps(desc, separators=(",", ":")), encoding="utf-8")
    assert (pkg / "datapackage.json").stat().st_size < _limits.MAX_DESCRIPTOR_BYTES
    report = povpkg.validate(pkg)
    assert not report.valid
    assert _limited(report)[0] == "the package has 100,018 resources; the limit is 100"


def test_a_table_of_too_many_fields_and_a_key_too_long(desc):
    copy = json.loads(json.dumps(desc))
    copy["resources"][0]["schema"]["fields"] = [{"name": f"f{i}"} for i in range(201)]
    copy["x" * 10_001] = 1
    got = _limits.descriptor_limits(copy)
    assert any("201 fields; the limit is 200" in m for m in got)
    assert any("a key at" in m and "10,001 characters" in m for m in got)
    assert _limits.descriptor_limits(desc) == []


def test_a_descriptor_over_its_byte_limit_is_a_failure_for_validate_and_an_error_for_load(pkg):
    desc = _desc(pkg)
    desc["description"] = "x" * (_limits.MAX_DESCRIPTOR_BYTES + 1)
    _save(pkg, desc)
    report = povpkg.validate(pkg)
    assert not report.valid and "the limit for a descriptor is 4,194,304" in _limited(report)[0]
    with pytest.raises(povpkg.PovpkgError, match="the limit for a descriptor"):
        povpkg.load("events", pkg)


def test_a_string_in_the_metadata_over_the_limit(pkg):
    desc = _desc(pkg)
    _field(desc, "places", "name")["description"] = "y" * 10_001
    _save(pkg, desc)
    assert "/resources/4/schema/fields/1/description has 10,001 characters" in _limited(povpkg.validate(pkg))[0]


# --- data files ------------------------------------------------------------------------------

def _files(pkg, desc) -> dict:
    from povpkg._package import resource_file

    return {r["name"]: resource_file(pkg, r) for r in desc["resources"]}


def test_a_csv_extended_to_a_two_gib_sparse_file_is_refused_by_its_size(pkg):
    os.truncate(pkg / "tables" / "events.csv", 2 * 2**30)
    report = Report(package="", version=None)
    files, bad = _validate._check_descriptor(descriptor(pkg), pkg.resolve(), report)
    assert bad == {"events"}
    assert _limited(report) == ["tables/events.csv has 2,147,483,648 bytes; the limit for one data file is 33,554,432"]
    assert [f.table for f in report.failures] == ["events"]


def test_a_file_of_too_many_lines_and_a_package_too_large(pkg, monkeypatch):
    (pkg / "tables" / "people.csv").write_bytes((pkg / "tables" / "people.csv").read_bytes() + b"\n" * 300_000)
    desc = descriptor(pkg)
    got = _limits.file_limits(_files(pkg, desc))
    assert got == [("people", "tables/people.csv has more than 250,000 lines, the limit for one data file")]
    monkeypatch.setattr(_limits, "MAX_PACKAGE_BYTES", 100_000)
    assert _limits.file_limits(_files(pkg, desc))[-1][0] is None


def test_the_shipped_files_are_within_every_limit(desc):
    from conftest import ROOT

    assert _limits.file_limits(_files(ROOT, desc)) == []


@pytest.mark.parametrize("backend", ["pandas", "polars"])
@pytest.mark.parametrize(("table", "row", "field"), [("events", 3, "notes"), ("organizations", 2, "name")])
def test_a_cell_over_the_limit_is_refused_by_both_loaders(pkg, backend, table, row, field):
    if backend == "polars":
        pytest.importorskip("polars")
    edit_csv(pkg, table, row, field, "x" * (_limits.MAX_CELL + 1), hashes=False)
    with pytest.raises(povpkg.errors.SizeLimitError, match=rf"{table}, row {row} .*field {field}: a cell of 10,001"):
        povpkg.load(table, pkg, backend=backend)


def test_a_long_cell_is_a_size_limit_failure_in_the_report(pkg):
    reads = {"events": povpkg.errors.SizeLimitError("events, row 3, field notes: a cell of 10,001 characters")}
    desc = descriptor(pkg)
    one = {**desc, "resources": [r for r in desc["resources"] if r["name"] == "events"]}
    typed = _validate._typed_pass(one, reads, set(), pkg, None, one)
    assert [f.rule for f in typed.failures if f.table == "events"] == ["size-limit"]
    assert "events" in typed.broken


# --- every check linear ----------------------------------------------------------------------

def test_a_forty_thousand_place_parent_chain_is_walked_once():
    up = {f"p{i}": (f"p{i - 1}" if i else None) for i in range(40_000)}
    t = time.perf_counter()
    assert R.domain.on_cycles(up) == set()
    assert time.perf_counter() - t < 1


@pytest.mark.parametrize(("up", "looped"), [
    ({"a": "b", "b": "c", "c": "a", "d": "a"}, {"a", "b", "c"}),  # a loop of three, and a row hanging off it
    ({"a": "a", "b": None}, {"a"}),  # its own parent
    ({"x": "y", "y": "x", "z": "unknown", "w": float("nan")}, {"x", "y"}),
    ({"a": "b", "b": "c", "c": None}, set()),
])
def test_on_cycles_finds_exactly_the_keys_that_are_their_own_ancestors(up, looped):
    assert R.domain.on_cycles(up) == looped


def test_hierarchy_acyclic_on_a_long_chain_closed_into_a_loop():
    n = 40_000
    places = pd.DataFrame({"place_id": pd.array([f"p{i}" for i in range(n)], dtype="str"),
                           "parent_id": pd.array([f"p{(i - 1) % n}" for i in range(n)], dtype="str")})
    ctx = R.rules.Context(desc={"resources": []}, root=None, sources=None)
    t = time.perf_counter()
    got = list(R.domain.hierarchies_acyclic({"places": places}, ctx))
    assert len(got) == n and time.perf_counter() - t < 10
