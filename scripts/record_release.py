"""Record the current version's resource hashes and contract in validation/.

    python scripts/record_release.py            # record a new version
    python scripts/record_release.py --replace  # re-record a version not yet published

Run once per release, after the CHANGELOG entry is written, and after any intended
change to the tables or to datapackage.json's schemas (with --replace while the
version is unpublished). From then on the release-record rule fails if that
version's data changes, and the contract rule fails if a copy drops or loosens what
the recorded schemas promise (validation/contract.json).
"""
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def row_counts(desc: dict) -> dict:
    counts = {}
    for res in desc["resources"]:
        with (ROOT / res["path"]).open(encoding="utf-8", newline="") as fh:
            counts[res["name"]] = sum(1 for _ in csv.reader(fh)) - 1
    return counts


def record(path: Path, version: str, entry, replace: bool, what: str) -> None:
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if version in data and data[version] != entry and not replace:
        sys.exit(f"version {version} is already recorded with other {what}: bump the version")
    data[version] = entry
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def main():
    from povpkg._rules import rules_module

    contract = rules_module().contract
    desc = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    version = desc["version"]
    if f"## {version}" not in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"):
        sys.exit(f"CHANGELOG.md has no '## {version}' entry: write it first")
    replace = "--replace" in sys.argv[1:]
    hashes = {r["name"]: r["hash"] for r in desc["resources"]}
    record(ROOT / "validation" / "releases.json", version, hashes, replace, "data")
    record(contract.CONTRACT_FILE, version, contract.contract_of(desc, row_counts(desc)), replace, "schemas")
    print(f"recorded {version}: {len(hashes)} resources, hashes and contract")


if __name__ == "__main__":
    main()
