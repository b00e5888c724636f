"""One command per step of a release: ``povpkg sync`` and ``povpkg release``.

``sync`` brings every file derived from ``datapackage.json`` up to date: the data
files' sha256 and size in the descriptor, and the generated files the package folder
keeps (CITATION.cff, .zenodo.json, docs/codebook.md). ``release`` does the same, then
records the version in the package's own release record (``PATH/validation/``): its
tables' hashes, its contract (stored once per distinct schema) and the descriptor's
digest. From then on a copy claiming that version must be that release, and any
later version is held to its contract (docs/releasing.md).
"""
from __future__ import annotations

import json
from pathlib import Path

from ._package import descriptor_path, resource_file
from .errors import PovpkgError


def _zenodo(path) -> str:
    from ._cite import zenodo

    return json.dumps(zenodo(path), indent=2) + "\n"  # as the documented `python -c` printed it


def _cff(path) -> str:
    from ._cite import cite

    return cite("cff", path) + "\n"


def _codebook(path) -> str:
    from ._codebook import codebook

    return codebook(path)


# the files generated from datapackage.json, by their place in the package folder
DERIVED = {"CITATION.cff": _cff, ".zenodo.json": _zenodo, "docs/codebook.md": _codebook}


def sync(path=".", bump: str | None = None) -> tuple[list[str], list[str]]:
    """Record the files' hashes (raising the version first when ``bump`` is given) and
    regenerate the derived files the folder keeps.

    Returns the tables whose hashes changed and the derived files rewritten.
    """
    from ._hashes import update_hashes
    from ._rules import rules_module

    changed, _ = update_hashes(path, bump=bump)
    root = descriptor_path(path).resolve().parent
    written = []
    for rel, build in DERIVED.items():
        target = root / rel
        if target.is_file() and not target.is_symlink():
            text = build(root)
            if target.read_text(encoding="utf-8") != text:
                rules_module().records.write_text(target, text)
                written.append(rel)
    return changed, written


def release(path=".", bump: str | None = None, replace: bool = False) -> str:
    """Check, sync and record the package at ``path`` as a release; returns a one-line summary.

    Nothing is written unless every check passes: the package may record releases in
    its folder, the version (after ``bump``) ranks above the latest recorded release
    and by as much as its schema changes need, and CHANGELOG.md (when the folder has
    one) has its entry.
    """
    from ._codebook import _rows
    from ._hashes import bumped
    from ._package import descriptor
    from ._rules import rules_module

    v = rules_module()
    dp = descriptor_path(path)
    root = dp.resolve().parent
    desc = descriptor(dp)
    version = bumped(str(desc.get("version", "")), bump) if bump else desc.get("version")
    folder = _record_folder(v, desc, root)
    try:
        own = v.records.local(root)
    except v.records.RecordError as exc:
        raise PovpkgError(f"cannot record a release: {exc}") from None
    _check_version(v, own, {**desc, "version": version}, replace)
    _check_changelog(root, version)
    _stamp_release_date(dp, v)
    changed, written = sync(path, bump)
    desc = descriptor(dp)
    hashes = {r["name"]: r.get("hash") for r in desc["resources"]}
    rows = {r["name"]: _rows(resource_file(root, r)) for r in desc["resources"]}
    contract = v.contract.contract_of(desc, rows)
    try:
        v.records.write(folder, desc["name"], version, hashes, contract, v.records.digest(desc), replace=replace)
    except v.records.RecordError as exc:
        raise PovpkgError(str(exc)) from None
    also = ", ".join(written)
    return (f"recorded {desc['name']} {version}: {len(hashes)} tables, their hashes and contract, in "
            f"{folder}" + (f"; updated {also}" if also else "") + (f"; re-hashed {', '.join(changed)}" if changed else ""))


def _stamp_release_date(dp: Path, v) -> None:
    """``created`` becomes today's date: each release's citation carries its own date
    (``date-released``), not the first release's."""
    import datetime as dt

    today = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT00:00:00Z")
    desc = json.loads(Path(dp).read_text(encoding="utf-8"))
    if desc.get("created") != today:
        desc["created"] = today
        v.records.write_text(Path(dp), json.dumps(desc, indent=2, ensure_ascii=False) + "\n")


def _record_folder(v, desc: dict, root: Path) -> Path:
    """Where this package's releases are recorded; refuses a copy of povpkg's own package,
    whose releases only povpkg's repository records."""
    b = v.claims.basis(desc, root)
    pin = v.records.pinned().package
    if b.owner == v.claims.POVPKG and not b.by_data:
        try:
            keeps = v.records.local(root)
        except v.records.RecordError:
            keeps = None
        if keeps is None or keeps.package != pin:
            raise PovpkgError(f"{root} is {pin}'s own package ({b.why}), and {pin}'s releases are recorded only in "
                              f"its repository; to publish a dataset of your own, change \"name\" in datapackage.json")
        if desc.get("name") != pin:
            raise PovpkgError(f"{root} keeps {pin}'s release record, but the package is named {desc.get('name')!r}: "
                              f"{pin}'s repository records {pin} only")
    return root / v.records.FOLDER


def _check_version(v, own, desc: dict, replace: bool) -> None:
    """The new version is a new release above the latest, by as much as its schemas need."""
    version = desc.get("version")
    if v.records.precedence(version) is None:
        raise PovpkgError(f"version {version!r} is not a semantic version such as \"1.0.0\"")
    if own is None or (replace and version in own.releases):
        return
    if version in own.releases:
        raise PovpkgError(f"version {version} is already recorded: raise the version (--bump patch, minor or major)")
    latest, base = own.latest(), own.latest_contract()
    if latest and not v.claims.above(version, latest):
        raise PovpkgError(f"version {version} does not rank above the latest release {latest}")
    if base:
        need = v.contract.needed_bump(own.contracts[base], desc)
        least = v.contract.bumped(base, v.contract.MAJOR if need == "major" else v.contract.MINOR)
        if need != "patch" and v.records.precedence(version) < v.records.precedence(least):
            raise PovpkgError(f"the schemas differ from release {base} by a {need.upper()} change: "
                              f"the version must be {least} or above, not {version}")


def _check_changelog(root: Path, version: str) -> None:
    changelog = root / "CHANGELOG.md"
    if changelog.is_file():
        import re

        if not re.search(rf"^## {re.escape(version)}\b", changelog.read_text(encoding="utf-8"), flags=re.M):
            raise PovpkgError(f"CHANGELOG.md has no '## {version}' entry: write it first")
