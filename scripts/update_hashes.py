"""Record each resource's sha256 and size in datapackage.json after a deliberate edit.

    python scripts/update_hashes.py [PATH]

The same as ``povpkg update-hashes [PATH]`` (which an installed wheel carries);
validation never writes into a package. Bump the version and add a CHANGELOG
entry in the same commit.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from povpkg._hashes import update_hashes  # noqa: E402


def main(path="."):
    changed, _ = update_hashes(path)
    print("updated: " + (", ".join(changed) if changed else "nothing changed"))


if __name__ == "__main__":
    main(*sys.argv[1:])
