"""Shared fixtures: the checkout's package, editable copies of it, the source texts."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATAPACKAGE = ROOT / "datapackage.json"
SOURCES = ROOT.parent / "shared" / "sources"


@pytest.fixture(scope="session")
def desc() -> dict:
    return json.loads(DATAPACKAGE.read_text(encoding="utf-8"))


@pytest.fixture
def pkg(tmp_path) -> Path:
    """A throwaway copy of the package (descriptor + tables) to corrupt."""
    dest = tmp_path / "pkg"
    dest.mkdir()
    shutil.copy2(DATAPACKAGE, dest / "datapackage.json")
    shutil.copytree(ROOT / "tables", dest / "tables")
    return dest


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    if not SOURCES.is_dir():
        pytest.skip("../shared/sources is not here; provenance checks need the source texts")
    return SOURCES


def rehash(pkg: Path) -> None:
    """Record new hashes after a corruption (with the maintainers' script), so only
    the rule under test fails."""
    import contextlib
    import io
    import runpy

    with contextlib.redirect_stdout(io.StringIO()):
        runpy.run_path(str(ROOT / "scripts" / "update_hashes.py"))["main"](pkg)


def edit_csv(pkg: Path, table: str, row: int, field: str, value: str) -> None:
    """Set one cell (row = CSV line number, header = 1) and keep hashes consistent."""
    import csv

    path = pkg / "tables" / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[row - 1][rows[0].index(field)] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    rehash(pkg)
