"""One command for a release (issue 21, section 2): `povpkg sync` and `povpkg release`, contracts
stored once per distinct schema, the version read where it lives, fix lines that propose the
right bump and print the path as given."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import povpkg
from conftest import ROOT
from povpkg._release import DERIVED, release, sync
from povpkg._report import Failure
from povpkg._rules import rules_dir, rules_module
from povpkg.errors import PovpkgError

V = rules_module()
# the digests of the contracts 0.3.0 and 0.4.0 were released with (their licences added)
RELEASED_CONTRACTS = {"0.3.0": "sha256:3bd584bec9a83ce4c4474a26b6e9c5eb331ee9a78d8d7c158ccbeb0934202d9d",
                      "0.4.0": "sha256:108829c96d2cf01bc2a629d425dfc7bde81a1616b703ad17a5cec1a8ec55a042"}


@pytest.fixture
def mine(tmp_path, desc) -> Path:
    """A copy of the package renamed `mine`, with a CHANGELOG and povpkg's derived files."""
    pkg = tmp_path / "mine"
    pkg.mkdir()
    shutil.copytree(ROOT / "tables", pkg / "tables")
    (pkg / "datapackage.json").write_text(json.dumps({**desc, "name": "mine", "version": "1.0.0"}, indent=2),
                                          encoding="utf-8")
    (pkg / "CHANGELOG.md").write_text("# Changelog\n\n## 1.0.1\n\n## 1.0.0\n", encoding="utf-8")
    return pkg


def test_releases_0_1_to_0_4_keep_their_recorded_meaning():
    releases = json.loads((rules_dir() / "releases.json").read_text(encoding="utf-8"))
    old = {v: releases[v] for v in ("0.1.0", "0.2.0", "0.3.0", "0.4.0")}
    assert V.records.digest(old) == V.records.digest(json.loads(_at_0_4_0("validation/releases.json")))
    book = json.loads((rules_dir() / "contract.json").read_text(encoding="utf-8"))
    assert {v: book["versions"][v] for v in RELEASED_CONTRACTS} == RELEASED_CONTRACTS
    assert book["descriptors"]["0.4.0"] == V.records.digest(json.loads(_at_0_4_0("datapackage.json")))
    was = json.loads(_at_0_4_0("validation/contract.json"))  # {version: contract}, before the licences
    for version, contract in V.contract.recorded().items():
        if version in was:
            assert {k: v for k, v in contract.items() if k != "licenses"} == was[version]


def _at_0_4_0(path: str) -> str:
    """A file as the commit that recorded 0.4.0 left it (skips outside a git checkout)."""
    import subprocess

    got = subprocess.run(["git", "-C", str(ROOT), "show", f"a5db171:{path}"], capture_output=True, text=True)
    if got.returncode != 0:
        pytest.skip("not a git checkout with the 0.4.0 commit")
    return got.stdout


def test_each_distinct_contract_is_stored_once_under_its_digest():
    book = json.loads((rules_dir() / "contract.json").read_text(encoding="utf-8"))
    assert book["package"] == "povpkg"
    assert set(book["contracts"]) == set(book["versions"].values())
    assert all(V.records.digest(c) == d for d, c in book["contracts"].items())


def test_a_release_without_schema_changes_adds_almost_nothing(mine):
    release(mine)
    book = mine / "validation" / "contract.json"
    size = book.stat().st_size
    events = mine / "tables" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("Rio de Janeiro", "Rio De Janeiro", 1),
                      encoding="utf-8")
    said = release(mine, bump="patch")
    assert "recorded mine 1.0.1" in said and said.endswith("re-hashed events")
    got = json.loads(book.read_text(encoding="utf-8"))
    assert len(got["contracts"]) == 1 and set(got["versions"]) == {"1.0.0", "1.0.1"}
    assert book.stat().st_size - size < 200
    releases = json.loads((mine / "validation" / "releases.json").read_text(encoding="utf-8"))
    assert releases["1.0.0"]["events"] != releases["1.0.1"]["events"]
    assert json.loads((mine / "datapackage.json").read_text(encoding="utf-8"))["version"] == "1.0.1"


def test_release_refuses_what_would_record_a_wrong_release(mine):
    release(mine)
    with pytest.raises(PovpkgError, match="already recorded"):
        release(mine)
    with pytest.raises(PovpkgError, match="CHANGELOG.md has no '## 1.1.0' entry"):
        release(mine, bump="minor")
    desc = json.loads((mine / "datapackage.json").read_text(encoding="utf-8"))
    desc["resources"] = [r for r in desc["resources"] if r["name"] != "products"]
    (mine / "datapackage.json").write_text(json.dumps({**desc, "version": "1.0.1"}), encoding="utf-8")
    with pytest.raises(PovpkgError, match="MAJOR change: the version must be 2.0.0 or above, not 1.0.1"):
        release(mine)
    (mine / "datapackage.json").write_text(json.dumps({**desc, "version": "0.9.0"}), encoding="utf-8")
    with pytest.raises(PovpkgError, match="does not rank above the latest release 1.0.0"):
        release(mine)
    assert set(json.loads((mine / "validation" / "releases.json").read_text(encoding="utf-8"))) == {"1.0.0"}


def test_sync_brings_the_derived_files_the_folder_keeps_up_to_date(mine):
    for rel in ("CITATION.cff", ".zenodo.json"):
        (mine / rel).write_text("stale\n", encoding="utf-8")
    events = mine / "tables" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed, written = sync(mine)
    assert changed == ["events"] and written == ["CITATION.cff", ".zenodo.json"]
    assert 'version: "1.0.0"' in (mine / "CITATION.cff").read_text(encoding="utf-8")
    assert json.loads((mine / ".zenodo.json").read_text(encoding="utf-8"))["version"] == "1.0.0"
    assert not (mine / "docs").exists()  # a generated file the folder does not keep is not created
    assert sync(mine) == ([], [])


def test_sync_and_release_are_commands(mine, capsys):
    from povpkg.cli import main

    assert main(["sync", str(mine)]) == 0
    assert capsys.readouterr().out.strip() == "hashes: up to date; derived files: up to date"
    assert main(["release", str(mine), "--bump", "patch"]) == 0
    assert capsys.readouterr().out.startswith("recorded mine 1.0.1:")
    assert main(["release", str(mine)]) == 2
    assert capsys.readouterr().err.strip() == ("povpkg: error: version 1.0.1 is already recorded: raise the version "
                                               "(--bump patch, minor or major)")


def test_sync_would_change_nothing_in_this_checkout():
    """What `povpkg sync .` writes is what the checkout holds (built here, nothing written)."""
    for rel, build in DERIVED.items():
        assert (ROOT / rel).read_text(encoding="utf-8") == build(ROOT), f"{rel} is stale: run `povpkg sync`"


def test_the_version_is_read_where_it_lives(desc):
    """datapackage.json holds the version; the build reads it from there (so an editable install's
    stale metadata after a bump is no error), and a built, non-editable install agrees."""
    import importlib.metadata
    import tomllib

    hatch = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["version"]
    assert hatch["path"] == "datapackage.json"
    found = re.search(hatch["pattern"], (ROOT / hatch["path"]).read_text(encoding="utf-8"))
    assert found.group("version") == desc["version"] == povpkg.__version__
    dist = importlib.metadata.distribution("povpkg")
    direct = json.loads(dist.read_text("direct_url.json") or "{}")
    if not direct.get("dir_info", {}).get("editable"):
        assert dist.version == desc["version"]


@pytest.mark.parametrize("released, bump", [(True, " --bump patch"), (False, "")])
def test_the_rehash_fix_proposes_a_bump_only_for_a_released_version(released, bump, tmp_path):
    from povpkg._validate import _as_given

    root = tmp_path / "copy"
    fails = [Failure(rule="hash-count", message="m", fix="x"), Failure(rule="byte-count", message="m", fix="x")]
    got = _as_given(fails, root, "copy", released)
    assert [f.fix.split("`")[1] for f in got] == [f"povpkg update-hashes copy{bump}"] * 2


def test_fix_lines_print_the_path_as_given(tmp_path, monkeypatch):
    from povpkg._validate import _as_given

    root = tmp_path / "my copy"
    fails = [Failure(rule="release-record", message="m", fix=f"raise it: `povpkg update-hashes '{root}' --bump patch`"),
             Failure(rule="x", message="m", fix=f"see '{root}x'")]
    got = _as_given(fails, root, "my copy", True)
    assert got[0].fix == "raise it: `povpkg update-hashes 'my copy' --bump patch`"
    assert got[1] is fails[1]  # another path that merely starts alike is left alone


def test_a_relative_path_stays_relative_in_a_whole_validation(tmp_path, monkeypatch, desc):
    pkg = tmp_path / "copy"
    pkg.mkdir()
    shutil.copy2(ROOT / "datapackage.json", pkg / "datapackage.json")
    shutil.copytree(ROOT / "tables", pkg / "tables")
    countries = pkg / "tables" / "countries.csv"
    countries.write_text(countries.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = povpkg.validate("copy")
    fixes = {f.rule: f.fix for f in report.failures}
    bump = " --bump patch" if report.contract["released"] else ""  # 0.4.0 is a release; a 0.5.0 in the making not
    assert f"`povpkg update-hashes copy{bump}`" in fixes["hash-count"]
    assert str(tmp_path) not in report.to_text().split("\n", 1)[1]  # only the header names the absolute path


def test_povpkgs_next_release_is_recorded_in_its_repository(tmp_path, desc):
    """The integrator's step after a merge: in a repository laid out as povpkg's, `povpkg release
    --bump minor` records 0.5.0 beside 0.1.0-0.4.0, which stay as they were."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "tables", repo / "tables")
    shutil.copytree(rules_dir(), repo / "validation", ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    shutil.copy2(ROOT / "datapackage.json", repo / "datapackage.json")
    (repo / "CHANGELOG.md").write_text("# Changelog\n\n## 0.5.0\n\n## 0.4.0\n", encoding="utf-8")
    before = json.loads((repo / "validation" / "releases.json").read_text(encoding="utf-8"))
    next_version = "0.5.0" if desc["version"] == "0.4.0" else None
    if next_version is None:
        pytest.skip("the checkout's version is not 0.4.0")
    assert "recorded povpkg 0.5.0" in release(repo, bump="minor")
    after = json.loads((repo / "validation" / "releases.json").read_text(encoding="utf-8"))
    assert {v: after[v] for v in before} == before and set(after) == set(before) | {"0.5.0"}
    book = json.loads((repo / "validation" / "contract.json").read_text(encoding="utf-8"))
    assert book["versions"]["0.5.0"] == book["versions"]["0.4.0"]  # no schema change: the same contract
    assert len(book["contracts"]) == 2
