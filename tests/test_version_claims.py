"""A copy cannot pick an older, looser contract by the version it claims, nor change the licence
(issue 18, section 6): the release-record and contract rules, run in-process on descriptors."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from conftest import ROOT
from povpkg._rules import rules_module

V = rules_module()
LATEST = V.records.pinned().latest()  # 0.4.0 on this branch; the tests hold after a later release too
NEXT = V.claims.next_patch(LATEST)
MAJOR, MINOR = (int(p) for p in LATEST.split(".")[:2])


def failures(desc: dict, root: Path = ROOT, frames=None) -> list:
    """The release-record and contract failures of ``desc`` (as the package at ``root``)."""
    ctx = V.rules.Context(desc=desc, root=Path(root), sources=None, package=desc)
    return [f for name in ("release-record", "contract") for f in V.rules.RULES[name](frames or {}, ctx)]


def claiming(desc: dict, version: str) -> dict:
    out = copy.deepcopy(desc)
    out["version"] = version
    return out


@pytest.fixture
def released(desc, tmp_path) -> tuple[dict, Path]:
    """The checkout's package renamed `mine`, recorded as its release 1.0.0 in its own folder
    (the same rules hold a package to povpkg's record or to its own)."""
    mine = {**claiming(desc, "1.0.0"), "name": "mine"}
    V.records.write(tmp_path / "validation", "mine", "1.0.0", {r["name"]: r["hash"] for r in mine["resources"]},
                    V.contract.contract_of(mine, {}), V.records.digest(mine))
    return mine, tmp_path


def test_the_shipped_package_is_its_release(desc):
    assert failures(desc) == []


@pytest.mark.parametrize("version", ["0.3.9", f"{LATEST}-fork", f"{LATEST}+fork", "0.1.0-rc.1", "0.0.1", "banana"])
def test_a_version_neither_released_nor_above_the_latest_release_fails(desc, version):
    got = failures(claiming(desc, version))
    assert [(f.rule, f.field) for f in got] == [("release-record", "version")], got
    assert f"does not rank above its latest release {LATEST}" in got[0].message
    assert f"{NEXT} or above" in got[0].fix


@pytest.mark.parametrize("version", [NEXT, f"{MAJOR}.{MINOR + 1}.0", f"{MAJOR}.{MINOR + 1}.0-fork",
                                     f"{NEXT}+build.7", f"{MAJOR + 1}.0.0"])
def test_a_version_above_the_latest_release_is_held_to_its_contract(desc, version):
    assert failures(claiming(desc, version)) == []
    assert V.claims.basis(claiming(desc, version), ROOT).base == LATEST


def test_an_older_version_does_not_bring_an_older_contract(desc):
    """0.3.9 was the way to 0.3.0's looser contract: now it fails, and is held to 0.4.0's."""
    old = claiming(desc, "0.3.9")
    old["resources"] = [r for r in old["resources"] if r["name"] != "pairings"]  # 0.3.0 had no pairings
    got = {(f.rule, f.table) for f in failures(old)}
    assert ("contract", "pairings") in got and ("release-record", None) in got


def test_a_released_version_must_be_that_release_table_for_table(released):
    mine, root = released
    assert failures(mine, root) == []
    changed = copy.deepcopy(mine)
    changed["resources"][0]["hash"] = "sha256:" + "0" * 64
    extra = copy.deepcopy(mine)
    extra["resources"].append({**copy.deepcopy(mine["resources"][1]), "name": "countries_again"})
    fewer = copy.deepcopy(mine)
    fewer["resources"] = fewer["resources"][:-1]
    assert {f.message.split(",")[0] for f in failures(changed, root) if f.rule == "release-record"} == {
        "the data changed but the version is still 1.0.0"}
    assert "table countries_again is not in release 1.0.0" in [f.message for f in failures(extra, root)]
    assert f"table {mine['resources'][-1]['name']} of release 1.0.0 is missing" in [
        f.message for f in failures(fewer, root)]


def test_a_released_version_adds_no_field_or_constraint(released):
    """An addition is allowed above a release, never under its number."""
    mine, root = released
    added = copy.deepcopy(mine)
    events = next(r for r in added["resources"] if r["name"] == "events")["schema"]
    events["fields"].append({"name": "venue_note", "type": "string"})
    next(f for f in events["fields"] if f["name"] == "participants")["constraints"]["maximum"] = 10**5
    got = [(f.rule, f.field) for f in failures(added, root)]
    assert ("contract", "venue_note") in got and ("contract", "participants") in got
    fix = next(f.fix for f in failures(added, root) if f.field == "venue_note")
    assert "--bump minor" in fix
    assert failures(claiming(added, "1.1.0"), root) == []  # a new field under a new minor version


@pytest.mark.parametrize("version", ["1.0.0", "1.1.0"])
def test_the_licence_is_part_of_the_contract(released, version):
    mine, root = released
    cc0 = claiming(mine, version)
    cc0["licenses"] = [{**cc0["licenses"][0], "name": "CC0-1.0"}] + cc0["licenses"][1:]
    got = [f for f in failures(cc0, root) if f.rule == "contract"]
    assert [f.field for f in got] == ["licenses"] and "CC-BY-4.0" in got[0].message and "MAJOR" in got[0].message
    assert "2.0.0 or above" in got[0].fix


def test_povpkgs_licence_cannot_change_above_its_latest_release(desc):
    cc0 = claiming(desc, NEXT)
    cc0["licenses"] = [{**cc0["licenses"][0], "name": "CC0-1.0"}] + cc0["licenses"][1:]
    assert [(f.rule, f.field) for f in failures(cc0)] == [("contract", "licenses")]


def test_a_table_relicensed_on_its_own_fails(desc):
    relicensed = claiming(desc, NEXT)
    relicensed["resources"][3]["licenses"] = [{"name": "CC0-1.0"}]
    got = [(f.table, f.field) for f in failures(relicensed)]
    assert got == [(relicensed["resources"][3]["name"], "licenses")]


def test_the_recorded_contracts_hold_the_licences_the_releases_had(desc):
    recorded = V.contract.recorded()
    assert {v: recorded[v]["licenses"] for v in ("0.3.0", "0.4.0")} == {"0.3.0": ["CC-BY-4.0", "MIT"],
                                                                         "0.4.0": ["CC-BY-4.0", "MIT"]}


def test_precedence_follows_semantic_versioning():
    order = ["0.3.9", "0.4.0-alpha", "0.4.0-alpha.1", "0.4.0-alpha.beta", "0.4.0-beta.2", "0.4.0-beta.11",
             "0.4.0-rc.1", "0.4.0", "0.4.1", "0.10.0", "1.0.0"]
    assert sorted(reversed(order), key=V.records.precedence) == order
    assert V.records.precedence("0.4.0+fork") == V.records.precedence("0.4.0")
    assert V.records.precedence("01.0.0") is None and V.records.precedence(4) is None


def test_a_release_recorded_with_its_descriptor_must_match_it_whole(released):
    """Releases carry the descriptor's digest: a changed title under the release's number fails,
    though every table and schema is the same."""
    mine, root = released
    retitled = {**mine, "title": "Another title"}
    assert [f.message for f in failures(retitled, root)] == ["datapackage.json differs from the one released as 1.0.0"]
    assert failures({**retitled, "version": "1.0.1"}, root) == []


def test_a_release_record_that_cannot_be_read_fails_in_one_line(desc, tmp_path):
    mine = {**claiming(desc, "2.0.0"), "name": "mine"}
    (tmp_path / "validation").mkdir()
    (tmp_path / "validation" / "releases.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "validation" / "contract.json").write_text(json.dumps({"package": "mine"}), encoding="utf-8")
    got = failures(mine, tmp_path)
    assert [f.rule for f in got] == ["release-record"] and "cannot be read" in got[0].message
    assert "\n" not in got[0].message


def test_a_contract_that_does_not_match_its_digest_is_refused(desc, tmp_path):
    mine = {**claiming(desc, "2.0.0"), "name": "mine"}
    V.records.write(tmp_path / "validation", "mine", "2.0.0", {}, V.contract.contract_of(mine, {}), "")
    book_path = tmp_path / "validation" / "contract.json"
    book = json.loads(book_path.read_text(encoding="utf-8"))
    (only,) = book["contracts"].values()
    only["tables"].pop("events")  # loosened in place, the digest left as it was
    book_path.write_text(json.dumps(book), encoding="utf-8")
    got = failures(mine, tmp_path)
    assert [f.rule for f in got] == ["release-record"] and "does not match its digest" in got[0].message


def test_a_symlinked_release_record_is_not_read(desc, tmp_path):
    mine = {**claiming(desc, "2.0.0"), "name": "mine"}
    V.records.write(tmp_path / "elsewhere", "mine", "2.0.0", {}, {"tables": {}}, "")
    (tmp_path / "validation").mkdir()
    for name in ("releases.json", "contract.json"):
        (tmp_path / "validation" / name).symlink_to(tmp_path / "elsewhere" / name)
    got = failures(mine, tmp_path)
    assert [f.rule for f in got] == ["release-record"] and "not a regular file" in got[0].message


def test_povpkgs_0_4_0_is_recorded_value_for_value(desc):
    assert V.records.pinned().descriptors["0.4.0"].startswith("sha256:")
    if desc["version"] != "0.4.0":
        pytest.skip("the checkout is no longer 0.4.0")
    retitled = {**desc, "title": desc["title"] + " (fork)"}
    assert [f.message for f in failures(retitled)] == ["datapackage.json differs from the one released as 0.4.0"]
    assert failures({**retitled, "version": "0.4.1"}) == []


def test_the_contract_fix_asks_for_no_version_the_package_already_has(desc):
    """At 2.0.0 a removed table is allowed by the version: the fix says to record the release,
    not to 'set version to 1.0.0 or later'."""
    dropped = claiming(desc, "2.0.0")
    dropped["resources"] = [r for r in dropped["resources"] if r["name"] != "people"]
    (fail,) = failures(dropped)
    assert fail.fix == f"restore it; if the change is intended, record the release: `povpkg release {ROOT}` in " \
                       "povpkg's repository"
    (fail,) = failures(claiming(dropped, f"{MAJOR}.{MINOR}.9"))
    assert fail.fix.startswith(f"restore it; if the change is intended, set version to {MAJOR + 1}.0.0 or above")


@pytest.mark.parametrize("book", [{"package": "mine\x1b[2J"}, {"versions": {"2.0.0\x1b[31m": ""}}])
def test_a_release_record_names_nothing_a_terminal_would_run(desc, tmp_path, book):
    mine = {**claiming(desc, "2.0.0"), "name": "mine"}
    V.records.write(tmp_path / "validation", "mine", "2.0.0", {}, {"tables": {}}, "")
    path = tmp_path / "validation" / "contract.json"
    path.write_text(json.dumps({**json.loads(path.read_text(encoding="utf-8")), **book}), encoding="utf-8")
    (got,) = failures(mine, tmp_path)
    assert got.rule == "release-record" and "\x1b" not in got.message
