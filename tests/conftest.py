"""Shared fixtures: the checkout's package, editable copies of it (in memory: ``draft``;
on disk: ``pkg``), its typed frames read once, the source texts."""
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
def frames() -> dict:
    """Every shipped table as a typed frame, read once per session. Shared: never change one
    in place (copy it, or corrupt a ``draft``)."""
    from draft import shipped

    return shipped().frames


@pytest.fixture
def draft(tmp_path):
    """The shipped package in memory, to corrupt and check in-process (see tests/draft.py)."""
    from draft import Draft

    return Draft(tmp_path)


@pytest.fixture(scope="session")
def shipped_report():
    """The shipped package's validation report, made once per session."""
    import povpkg

    return povpkg.validate()


@pytest.fixture(scope="session")
def shipped_report_with_sources(sources_dir):
    """The shipped package's validation report with every cited span read, made once per session."""
    import povpkg

    return povpkg.validate(sources=sources_dir)


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


def _read(pkg: Path, table: str):
    import csv

    with (pkg / "tables" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
        return rows


def _write(pkg: Path, table: str, rows, fields=None) -> None:
    import csv

    path = pkg / "tables" / f"{table}.csv"
    fields = fields or path.read_text(encoding="utf-8").splitlines()[0].split(",")
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def update(pkg: Path, table: str, where: dict, **changes) -> None:
    """Change the rows matching ``where``; fail loudly if none match. Rehashes."""
    rows = _read(pkg, table)
    hits = [r for r in rows if all(r[k] == v for k, v in where.items())]
    assert hits, f"no {table} row matches {where}"
    for r in hits:
        r.update(changes)
    _write(pkg, table, rows)
    rehash(pkg)


def delete(pkg: Path, table: str, where: dict) -> None:
    rows = _read(pkg, table)
    keep = [r for r in rows if not all(r[k] == v for k, v in where.items())]
    assert len(keep) < len(rows), f"no {table} row matches {where}"
    _write(pkg, table, keep)
    rehash(pkg)


def append(pkg: Path, table: str, **row) -> None:
    rows = _read(pkg, table)
    rows.append(row)
    _write(pkg, table, rows)
    rehash(pkg)


def edit_csv(pkg: Path, table: str, row: int, field: str, value: str, *, hashes: bool = True) -> None:
    """Set one cell (row = CSV line number, header = 1) and keep hashes consistent (unless ``hashes``
    is False: loading does not read them)."""
    import csv

    path = pkg / "tables" / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[row - 1][rows[0].index(field)] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    if hashes:
        rehash(pkg)
