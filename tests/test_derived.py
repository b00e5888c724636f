"""Derived datasets can pass; povpkg's own package cannot be loosened by renaming it or by
editing the records in its copy (issue 21, section 1). Rules run in-process on descriptors;
one derived-dataset loop runs through the command line's main() and a whole validation."""
from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest

import povpkg
from conftest import ROOT
from povpkg._rules import rules_dir, rules_module
from povpkg.errors import PovpkgError

V = rules_module()
PINNED = ("releases.json", "contract.json")


def failures(desc: dict, root: Path) -> list:
    ctx = V.rules.Context(desc=desc, root=Path(root), sources=None, package=desc)
    return [f for name in ("release-record", "contract") for f in V.rules.RULES[name]({}, ctx)]


def derived(desc: dict) -> dict:
    """povpkg's descriptor renamed, at 2.0.0, without funding_2009_totals and without events.online."""
    out = copy.deepcopy(desc)
    out.update(name="my-derived-data", version="2.0.0")
    out["resources"] = [r for r in out["resources"] if r["name"] != "funding_2009_totals"]
    events = next(r for r in out["resources"] if r["name"] == "events")["schema"]
    events["fields"] = [f for f in events["fields"] if f["name"] != "online"]
    return out


def write_package(folder: Path, desc: dict) -> Path:
    """``desc`` and the checkout's tables it names, in ``folder`` (hashes as the descriptor says)."""
    folder.mkdir(parents=True, exist_ok=True)
    for res in desc["resources"]:
        (folder / res["path"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / res["path"], folder / res["path"])
    (folder / "datapackage.json").write_text(json.dumps(desc, indent=2, ensure_ascii=False), encoding="utf-8")
    return folder


def with_povpkgs_record(folder: Path) -> Path:
    """``folder`` laid out as povpkg's repository: its release record in validation/."""
    (folder / "validation").mkdir(parents=True, exist_ok=True)
    for name in PINNED:
        shutil.copy2(rules_dir() / name, folder / "validation" / name)
    return folder


def test_a_renamed_copy_is_still_povpkgs_until_it_records_its_own_release(desc, tmp_path):
    got = failures(derived(desc), tmp_path)
    assert {(f.table, f.field) for f in got} == {("funding_2009_totals", None), ("events", "online")}
    assert all("povpkg release" in f.fix and "derived" in f.fix for f in got)
    b = V.claims.basis(derived(desc), tmp_path)
    assert (b.owner, b.by_data, b.base) == ("povpkg", True, "0.4.0")


def test_the_derived_dataset_loop_ends_valid(desc, tmp_path, capsys, monkeypatch):
    """Copy, rename, drop a table and a field, record its own release, validate: VALID, and the
    report names the package's own contract; povpkg's own record is not touched."""
    from povpkg.cli import main

    pinned = {name: (rules_dir() / name).read_bytes() for name in PINNED}
    mine = derived(desc)
    pkg = write_package(tmp_path / "mine", mine)
    for res in mine["resources"]:  # drop events.online from the data too
        if res["name"] == "events":
            import csv

            path = pkg / res["path"]
            with path.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
            with path.open("w", encoding="utf-8", newline="") as fh:
                w = csv.DictWriter(fh, [f["name"] for f in res["schema"]["fields"]], lineterminator="\n",
                                   extrasaction="ignore")
                w.writeheader()
                w.writerows(rows)
    monkeypatch.chdir(tmp_path)
    assert main(["release", "mine"]) == 0
    assert "recorded my-derived-data 2.0.0" in capsys.readouterr().out
    assert sorted(p.name for p in (pkg / "validation").iterdir()) == ["contract.json", "releases.json"]
    assert {name: (rules_dir() / name).read_bytes() for name in PINNED} == pinned
    report = povpkg.validate("mine")
    assert report.valid, report.to_text()
    assert report.contract["owner"] == "own" and report.contract["package"] == "my-derived-data"
    assert report.contract["version"] == "2.0.0" and report.contract["released"]
    assert "contract: my-derived-data 2.0.0, the package's own record" in report.to_text()
    assert json.loads(report.to_json())["contract"]["package"] == "my-derived-data"


def test_a_derived_package_is_held_to_its_own_contract(desc, tmp_path):
    mine = derived(desc)
    hashes = {r["name"]: r["hash"] for r in mine["resources"]}
    V.records.write(tmp_path / "validation", mine["name"], "2.0.0", hashes, V.contract.contract_of(mine, {}),
                    V.records.digest(mine))
    assert failures(mine, tmp_path) == []
    later = {**copy.deepcopy(mine), "version": "2.1.0"}
    later["resources"] = [r for r in later["resources"] if r["name"] != "people"]
    got = [(f.rule, f.table, f.message) for f in failures(later, tmp_path)]
    assert got == [("contract", "people", "table people was removed (since 2.0.0: a MAJOR change)")]
    assert [f.fix for f in failures(later, tmp_path)][0].startswith("restore it; if the change is intended, set "
                                                                     "version to 3.0.0 or above")
    assert "release-record" in {f.rule for f in failures({**mine, "version": "1.9.0"}, tmp_path)}


def test_an_unrelated_one_table_package_is_held_to_no_contract(tmp_path):
    (tmp_path / "birds.csv").write_text("bird,count\nwren,3\n", encoding="utf-8")
    other = {"name": "birds", "version": "1.0.0", "licenses": [{"name": "CC0-1.0"}],
             "contributors": [{"title": "A. Birder", "role": "author"}], "title": "Birds",
             "resources": [{"name": "birds", "path": "birds.csv", "format": "csv", "mediatype": "text/csv",
                            "encoding": "utf-8",
                            "schema": {"fields": [{"name": "bird", "type": "string"},
                                                  {"name": "count", "type": "integer"}]}}]}
    (tmp_path / "datapackage.json").write_text(json.dumps(other), encoding="utf-8")
    assert failures(other, tmp_path) == []
    report = povpkg.validate(tmp_path)
    assert not {"contract", "release-record"} & report.rules(), report.to_text()
    assert report.contract["owner"] == "none" and report.contract["version"] is None
    assert "contract: none (birds is not povpkg's and keeps no release record" in report.to_text()


def test_a_rename_inside_povpkgs_repository_is_still_checked(desc, tmp_path):
    repo = with_povpkgs_record(tmp_path / "repo")
    got = failures(derived(desc), repo)
    assert {(f.table, f.field) for f in got if f.rule == "contract"} == {("funding_2009_totals", None),
                                                                         ("events", "online")}
    assert V.claims.basis(derived(desc), repo).why == "its folder keeps povpkg's release record"


@pytest.mark.parametrize("rename", [False, True])
def test_records_edited_in_the_copy_do_not_loosen_povpkgs_contract(desc, tmp_path, rename):
    """The copy's record loosened (events dropped from 0.4.0's contract, its digest redone), with the
    record renamed too or not: povpkg's own package is held to the record shipped with the validator."""
    repo = with_povpkgs_record(tmp_path / "repo")
    book_path = repo / "validation" / "contract.json"
    book = json.loads(book_path.read_text(encoding="utf-8"))
    loose = copy.deepcopy(book["contracts"][book["versions"]["0.4.0"]])
    loose["tables"].pop("events")
    book["contracts"][V.records.digest(loose)] = loose
    book["versions"]["0.4.0"] = V.records.digest(loose)
    if rename:
        book["package"] = "my-derived-data"
    book_path.write_text(json.dumps(book), encoding="utf-8")
    mine = copy.deepcopy(desc)
    mine["name"] = "my-derived-data" if rename else "povpkg"
    mine["resources"] = [r for r in mine["resources"] if r["name"] != "events"]
    assert ("contract", "events") in {(f.rule, f.table) for f in failures(mine, repo)}
    assert V.claims.basis(mine, repo).owner == "povpkg"


def test_release_refuses_povpkgs_own_package_outside_its_repository(desc, tmp_path):
    from povpkg._release import release

    pkg = write_package(tmp_path / "copy", desc)
    with pytest.raises(PovpkgError, match="recorded only in its repository.*change \"name\""):
        release(pkg)
    assert not (pkg / "validation").exists()


def test_release_refuses_a_renamed_package_in_povpkgs_repository(desc, tmp_path):
    from povpkg._release import release

    repo = with_povpkgs_record(write_package(tmp_path / "repo", derived(desc)))
    before = (repo / "validation" / "releases.json").read_bytes()
    with pytest.raises(PovpkgError, match="records povpkg only"):
        release(repo)
    assert (repo / "validation" / "releases.json").read_bytes() == before


def test_record_release_is_shipped_and_the_script_only_calls_it():
    text = (ROOT / "scripts" / "record_release.py").read_text(encoding="utf-8")
    assert 'main(["release", str(ROOT)' in text
    assert (ROOT / "povpkg" / "_release.py").is_file()  # inside the wheel's package
