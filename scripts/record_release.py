"""Record the current version's resource hashes in validation/releases.json.

    python scripts/record_release.py            # record a new version
    python scripts/record_release.py --replace  # re-record a version not yet published

Run once per release, after the CHANGELOG entry is written. From then on the
release-record rule fails if that version's data changes: a data change needs a
new version.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    desc = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    version = desc["version"]
    if f"## {version}" not in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"):
        sys.exit(f"CHANGELOG.md has no '## {version}' entry: write it first")
    path = ROOT / "validation" / "releases.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    hashes = {r["name"]: r["hash"] for r in desc["resources"]}
    if version in record and record[version] != hashes and "--replace" not in sys.argv[1:]:
        sys.exit(f"version {version} is already recorded with other data: bump the version")
    record[version] = hashes
    path.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded {version}: {len(hashes)} resources")


if __name__ == "__main__":
    main()
