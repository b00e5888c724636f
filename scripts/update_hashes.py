"""Record each resource's sha256 and size in datapackage.json after a deliberate edit.

    python scripts/update_hashes.py [PATH]

Validation never writes into a package; this maintainer script is the one
place that does. Bump the version and add a CHANGELOG entry in the same commit.
"""
import hashlib
import json
import sys
from pathlib import Path


def main(path="."):
    dp = Path(path)
    dp = dp / "datapackage.json" if dp.is_dir() else dp
    desc = json.loads(dp.read_text(encoding="utf-8"))
    changed = []
    for res in desc["resources"]:
        data = (dp.parent / res["path"]).read_bytes()
        new = {"hash": "sha256:" + hashlib.sha256(data).hexdigest(), "bytes": len(data)}
        if any(res.get(k) != v for k, v in new.items()):
            changed.append(res["name"])
            res.update(new)
    dp.write_text(json.dumps(desc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("updated: " + (", ".join(changed) if changed else "nothing changed"))


if __name__ == "__main__":
    main(*sys.argv[1:])
