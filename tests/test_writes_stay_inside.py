"""Nothing is written outside where the user asked (issue 18 §2): export's file and table
names, symlinked destinations, update-hashes on a hard-linked descriptor, copy."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import povpkg
from povpkg._hashes import copy_package, update_hashes
from povpkg.errors import PovpkgError


def rename(pkg: Path, old: str, new: str) -> None:
    dp = pkg / "datapackage.json"
    desc = json.loads(dp.read_text(encoding="utf-8"))
    next(r for r in desc["resources"] if r["name"] == old)["name"] = new
    dp.write_text(json.dumps(desc, ensure_ascii=False), encoding="utf-8")


def everything(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.mark.parametrize("fmt,name", [
    ("parquet", "../../outside/escaped"),  # the example
    ("parquet", "/tmp/absolute"), ("xlsx", "a/b"), ("sqlite", "..\\windows"), ("parquet", ".hidden"),
    ("sqlite", "povpkg_metadata"), ("sqlite", "sqlite_master"), ("parquet", "x" * 40), ("sqlite", "Events"),
    ("xlsx", "readme"), ("sqlite", "events_fts"), ("duckdb", '" AS SELECT 1 AS pwned /*'), ("duckdb", "../x"),
])
def test_export_refuses_a_table_name_that_is_not_plain(fmt, name, pkg, tmp_path):
    rename(pkg, "countries", name)
    (tmp_path / "outside").mkdir()
    (tmp_path / "out").mkdir()
    before = everything(tmp_path)
    with pytest.raises(PovpkgError, match="table name"):
        povpkg.export(fmt, tmp_path / "out" / "dest", pkg)
    assert everything(tmp_path) == before


def test_every_name_the_contract_records_is_plain():
    from povpkg._export import name_problem
    from povpkg._rules import rules_module

    contract = rules_module().contract.recorded()
    names = {t for version in contract.values() for t in version["tables"]} | set(povpkg.tables())
    assert names and not {n: name_problem(n) for n in names if name_problem(n)}


@pytest.mark.parametrize("fmt", ["sqlite", "xlsx", "duckdb"])
def test_export_refuses_a_dangling_symlink_destination(fmt, tmp_path):
    target = tmp_path / "elsewhere" / "created.db"
    target.parent.mkdir()
    dest = tmp_path / "out.db"
    dest.symlink_to(target)
    with pytest.raises(PovpkgError, match="symlink"):
        povpkg.export(fmt, dest)
    assert not target.exists() and os.listdir(target.parent) == []


def test_export_refuses_a_symlink_to_an_existing_file_or_folder(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    (tmp_path / "link.db").symlink_to(victim)
    (tmp_path / "folder").mkdir()
    (tmp_path / "linked-folder").symlink_to(tmp_path / "folder")
    with pytest.raises(PovpkgError, match="symlink"):
        povpkg.export("sqlite", tmp_path / "link.db")
    with pytest.raises(PovpkgError, match="symlink"):
        povpkg.export("parquet", tmp_path / "linked-folder")
    assert victim.read_text(encoding="utf-8") == "keep" and os.listdir(tmp_path / "folder") == []


def test_a_symlink_inside_a_parquet_folder_is_replaced_not_followed(tmp_path):
    pytest.importorskip("pyarrow")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    dest = tmp_path / "parquet"
    dest.mkdir()
    (dest / "events.parquet").symlink_to(victim)
    (dest / "sources.parquet").symlink_to(tmp_path / "dangling")
    povpkg.export("parquet", dest)
    assert victim.read_text(encoding="utf-8") == "keep" and not (tmp_path / "dangling").exists()
    assert not (dest / "events.parquet").is_symlink() and (dest / "events.parquet").stat().st_size > 1000
    umask = os.umask(0o022)
    os.umask(umask)
    assert (dest / "events.parquet").stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's private mode
    assert sorted(p.name for p in dest.iterdir()) == sorted(f"{t}.parquet" for t in povpkg.tables())  # no temporary left


def test_a_failed_export_leaves_no_file(tmp_path, monkeypatch):
    from povpkg import _export

    def boom(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(_export, "_sqlite_file", boom)
    with pytest.raises(OSError):
        povpkg.export("sqlite", tmp_path / "out.db")
    assert os.listdir(tmp_path) == []


def test_update_hashes_refuses_a_hard_linked_descriptor(pkg, tmp_path):
    outside = tmp_path / "outside.json"
    os.link(pkg / "datapackage.json", outside)
    before = outside.read_bytes()
    with (pkg / "tables" / "countries.csv").open("a", encoding="utf-8") as fh:
        fh.write("ZZZ,Nowhere,Asia\n")
    with pytest.raises(PovpkgError, match="hard link"):
        update_hashes(pkg)
    assert outside.read_bytes() == before


def test_update_hashes_writes_a_new_file_renamed_into_place(pkg):
    dp = pkg / "datapackage.json"
    inode, mode = dp.stat().st_ino, dp.stat().st_mode
    changed, version = update_hashes(pkg, bump="patch")
    assert changed == [] and version.endswith(".1")
    assert dp.stat().st_ino != inode and dp.stat().st_mode == mode  # renamed over, not written through
    assert sorted(p.name for p in pkg.iterdir()) == ["datapackage.json", "tables"]  # no temporary left
    assert json.loads(dp.read_text(encoding="utf-8"))["version"] == version


def test_copy_refuses_a_symlinked_destination(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (tmp_path / "link").symlink_to(empty)
    with pytest.raises(PovpkgError, match="symlink"):
        copy_package(tmp_path / "link")
    assert os.listdir(empty) == []
