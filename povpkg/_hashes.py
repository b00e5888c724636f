"""Record each data file's sha256 and size in a package's datapackage.json, and copy a package.

``povpkg update-hashes PATH`` is how an edited copy becomes consistent again;
validation itself never writes. Only the files the descriptor names, inside
the package folder, are read (the same path checks as loading). The descriptor is
rewritten through a temporary file renamed over it in the package folder, and one
with a second hard link (the same file elsewhere) is refused: nothing outside the
package changes.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from ._package import descriptor_path, resource_file
from ._safety import write_beside
from .errors import PackageError, PovpkgError

BUMPS = ("major", "minor", "patch")


def file_stamp(path: Path) -> dict:
    """The ``hash`` and ``bytes`` a Frictionless descriptor records for a file."""
    data = path.read_bytes()
    return {"hash": "sha256:" + hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def bumped(version: str, part: str) -> str:
    """``0.3.0`` bumped by ``minor`` is ``0.4.0``."""
    try:
        major, minor, patch = (int(x) for x in version.split("."))
    except ValueError:
        raise PovpkgError(f"version {version!r} is not MAJOR.MINOR.PATCH; edit it by hand") from None
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    if part == "patch":
        return f"{major}.{minor}.{patch + 1}"
    raise PovpkgError(f"unknown version part {part!r}; choose one of: {', '.join(BUMPS)}")


def update_hashes(path: str | os.PathLike | None = None, bump: str | None = None) -> tuple[list[str], str]:
    """Rewrite the descriptor at ``path`` with every resource's sha256 and bytes.

    Returns the names of the resources whose record changed and the version
    (bumped by ``bump``, one of major/minor/patch, when given).
    """
    dp = descriptor_path(path if path is not None else ".")
    if dp.stat().st_nlink > 1:
        raise PackageError(f"{dp} has {dp.stat().st_nlink} hard links: rewriting it would change a file outside "
                           "the package; copy it (cp, not ln) and try again")
    try:
        desc = json.loads(dp.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageError(f"{dp} is not a readable UTF-8 JSON descriptor: {exc}") from None
    if not isinstance(desc, dict) or not isinstance(desc.get("resources"), list):
        raise PackageError(f"{dp} is not a data package descriptor: it has no list of resources")
    changed = []
    for res in desc["resources"]:
        stamp = file_stamp(resource_file(dp.parent, res))
        if any(res.get(k) != v for k, v in stamp.items()):
            changed.append(res["name"])
            res.update(stamp)
    if bump:
        desc["version"] = bumped(str(desc.get("version", "")), bump)
    text = json.dumps(desc, indent=2, ensure_ascii=False) + "\n"  # renamed over the descriptor, in its folder
    write_beside(dp, lambda tmp: tmp.write_text(text, encoding="utf-8"), mode=dp.stat().st_mode & 0o777)
    return changed, desc.get("version")


def copy_package(dest: str | os.PathLike, path: str | os.PathLike | None = None) -> Path:
    """Copy the descriptor and its data files (nothing else) to the new folder ``dest``."""
    dp = descriptor_path(path)
    dest = Path(dest)
    if dest.is_symlink():
        raise PovpkgError(f"{dest} is a symlink; copy writes only into a new or empty real folder")
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise PovpkgError(f"{dest} already exists and is not an empty folder; choose a new folder")
    if not dest.parent.is_dir():
        raise PovpkgError(f"cannot create {dest}: folder {dest.parent} does not exist")
    desc = json.loads(dp.read_text(encoding="utf-8"))
    files = [(res["path"], resource_file(dp.parent, res)) for res in desc["resources"]]
    dest.mkdir(exist_ok=True)
    shutil.copy2(dp, dest / "datapackage.json")
    for rel, src in files:
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest / rel)
    return dest
