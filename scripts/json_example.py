"""Write the JSON report example of docs/validating.md anew (tests/test_reports.py checks it).

The example is the real report on a copy whose printed Wenshan total is one off; run this
after a data change alters the counts it shows: ``python scripts/json_example.py``.
"""
from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import povpkg  # noqa: E402
from conftest import edit_csv  # noqa: E402
from povpkg._hashes import update_hashes  # noqa: E402
from test_reports import readme_example  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pkg = Path(tmp) / "pkg"
        (pkg / "tables").mkdir(parents=True)
        shutil.copy(ROOT / "datapackage.json", pkg)
        for f in (ROOT / "tables").glob("*.csv"):
            shutil.copy(f, pkg / "tables")
        edit_csv(pkg, "funding_2009_totals", 2, "amount_10k_yuan", "4171")
        edit_csv(pkg, "funding_2009_totals", 2, "amount_yuan", "41710000")
        update_hashes(pkg, bump="patch")
        block = readme_example(povpkg.validate(pkg))
    page = ROOT / "docs" / "validating.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"```json\n.*?\n```", lambda m: "```json\n" + block + "\n```", text, count=1, flags=re.S),
                    encoding="utf-8")


if __name__ == "__main__":
    main()
