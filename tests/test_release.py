"""Versioning: the data cannot change without a version bump and a changelog entry."""
from __future__ import annotations

import json
import re

from conftest import ROOT


def test_current_data_is_recorded_under_the_current_version(desc):
    """A recorded version's data is as recorded; an unrecorded one is in the making, above the latest release."""
    from povpkg._rules import rules_module

    record = json.loads((ROOT / "validation" / "releases.json").read_text(encoding="utf-8"))
    hashes = {r["name"]: r["hash"] for r in desc["resources"]}
    claims = rules_module().claims
    assert record.get(desc["version"]) == hashes or (
        desc["version"] not in record and claims.above(desc["version"], claims.pinned().latest())), (
        "data differs from the record of version " + desc["version"]
        + ": bump the version (`povpkg update-hashes . --bump minor`) and add a CHANGELOG entry")


def test_every_recorded_version_has_a_changelog_entry(desc):
    record = json.loads((ROOT / "validation" / "releases.json").read_text(encoding="utf-8"))
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (\d+\.\d+\.\d+)", changelog, flags=re.M)
    assert headings[0] == desc["version"] or desc["version"] not in record, (
        "the newest CHANGELOG entry must be the current release (a version in the making has `## Unreleased`)")
    assert set(record) <= set(headings)


def test_changelog_has_one_entry_per_version_newest_first_and_says_which_are_recorded():
    """A merge can leave a version's heading twice, or a recorded one marked unreleased."""
    from povpkg._rules import rules_module

    record = json.loads((ROOT / "validation" / "releases.json").read_text(encoding="utf-8"))
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    entries = re.findall(r"^## (\d+\.\d+\.\d+)(.*)$", changelog, flags=re.M)
    versions = [v for v, _ in entries]
    assert len(versions) == len(set(versions)), "a version has two CHANGELOG headings"
    key = rules_module().claims.precedence
    assert versions == sorted(versions, key=key, reverse=True), "CHANGELOG entries are not newest first"
    for version, rest in entries:
        assert ("unreleased" in rest.lower()) == (version not in record), (version, rest)


def test_contract_is_recorded_for_the_current_version(desc):
    """The contract pins the current schemas (`povpkg release` records them with the release)."""
    import csv

    from povpkg._rules import rules_module

    contract = rules_module().contract
    rows = {}
    for res in desc["resources"]:
        with (ROOT / res["path"]).open(encoding="utf-8", newline="") as fh:
            rows[res["name"]] = sum(1 for _ in csv.reader(fh)) - 1
    recorded = contract.recorded()
    if desc["version"] in recorded:
        assert recorded[desc["version"]] == contract.contract_of(desc, rows), (
            "datapackage.json's schemas differ from validation/contract.json: raise the version")
    else:  # a version in the making keeps every promise of the latest release (additions are allowed)
        latest = rules_module().records.pinned().latest_contract()
        assert contract.differences(recorded[latest], desc) == []


def test_contract_differences_are_reported_field_by_field_with_the_bump(draft):
    draft.field("events", "participants")["constraints"].pop("minimum")
    draft.field("events", "kind")["categories"].append("party")
    events = draft.resource("events")["schema"]
    events["foreignKeys"] = [fk for fk in events["foreignKeys"] if fk["fields"] != ["place_id"]]
    draft.drop("people")
    got = {(f.table, f.field, f.message.split(" (since")[0], f.message.rsplit("a ", 1)[-1])
           for f in draft.failures("contract") if f.rule == "contract"}
    assert got == {
        ("events", "participants", "`minimum` removed from events.participants", "MAJOR change)"),
        ("events", "kind", "enum of events.kind gains 'party'", "MINOR change)"),
        ("events", "place_id", "foreign key events.place_id -> places.place_id was removed", "MAJOR change)"),
        ("people", None, "table people was removed", "MAJOR change)"),
    }
