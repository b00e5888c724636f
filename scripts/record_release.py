"""Record the current version as a release of the package in this checkout.

    python scripts/record_release.py            # the same as: povpkg release .
    python scripts/record_release.py --replace  # the same as: povpkg release . --replace

Kept for old instructions; ``povpkg release`` (shipped in the wheel) is the command:
it syncs the derived files and records the version's hashes and contract in the
package's own ``validation/`` folder (docs/releasing.md).
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from povpkg.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["release", str(ROOT), *sys.argv[1:]]))
