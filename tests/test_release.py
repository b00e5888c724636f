"""Versioning: the data cannot change without a version bump and a changelog entry."""
from __future__ import annotations

import json
import re

from conftest import ROOT


def test_current_data_is_recorded_under_the_current_version(desc):
    record = json.loads((ROOT / "validation" / "releases.json").read_text(encoding="utf-8"))
    hashes = {r["name"]: r["hash"] for r in desc["resources"]}
    assert record.get(desc["version"]) == hashes, (
        "data differs from the record of version " + desc["version"]
        + ": bump the version, add a CHANGELOG entry, then run scripts/record_release.py")


def test_every_recorded_version_has_a_changelog_entry(desc):
    record = json.loads((ROOT / "validation" / "releases.json").read_text(encoding="utf-8"))
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (\d+\.\d+\.\d+)", changelog, flags=re.M)
    assert headings[0] == desc["version"], "the newest CHANGELOG entry must be the current version"
    assert set(record) <= set(headings)
