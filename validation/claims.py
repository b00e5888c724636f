"""Which release record a package is held to, and what its version claims.

The model (docs/releasing.md says it for users):

- povpkg's own package is held to povpkg's record as shipped with the validator
  (``records.pinned``), never to a record kept in the copy. A package is povpkg's own
  when it bears povpkg's name, when its folder keeps povpkg's record (povpkg's
  repository, or a fork that keeps its history), when it is the data installed with
  povpkg, or when it keeps no record of its own and holds a table povpkg released
  (povpkg's data under another name). A rename alone therefore changes nothing.
- Any other package is held to its own record (``PATH/validation/``, written by
  ``povpkg release``); with none, no contract applies and the report says so.
- A version the record lists must be that release: the same tables with the same
  hashes (and, from 0.4.0 on, the same descriptor, value for value). Any other
  version is held to the latest release's contract and must rank above that release
  (so 0.3.9, 0.4.0-fork and 0.4.0+fork cannot pick an older, looser contract).
"""
from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

from povpkg._report import Failure

from .records import RecordError, Records, digest, local, pinned, precedence
from .rules import rule

POVPKG, OWN, NONE = "povpkg", "own", "none"


@dataclass(frozen=True)
class Basis:
    """The record a package is held to (``owner``: povpkg, own or none), and why."""

    owner: str
    records: Records | None
    version: object  # as the descriptor claims it
    why: str
    error: str | None = None  # the package's own record could not be read
    by_data: bool = False  # povpkg's because it holds povpkg's released data under another name

    @property
    def released(self) -> bool:
        """The claimed version is one the record lists."""
        return self.records is not None and isinstance(self.version, str) and self.version in self.records.releases

    @property
    def base(self) -> str | None:
        """The version whose contract applies: the claimed release's, else the latest one."""
        if self.records is None:
            return None
        if self.released and self.version in self.records.contracts:
            return self.version
        return self.records.latest_contract()

    def contract(self) -> dict | None:
        return self.records.contracts[self.base] if self.base else None

    def summary(self) -> dict:
        """What the report says about the contract it checked against."""
        recs = self.records
        return {"owner": self.owner, "package": recs.package if recs else None, "version": self.base,
                "released": self.released, "why": self.why,
                "record": None if recs is None else "pinned in povpkg" if self.owner == POVPKG else recs.where}


def basis(desc: dict, root: Path) -> Basis:
    """The record ``desc`` (the package at ``root``) is held to."""
    pin, name, version = pinned(), desc.get("name"), desc.get("version")
    try:
        own, error = local(root), None
    except RecordError as exc:
        own, error = None, str(exc)
    if name == pin.package:
        return Basis(POVPKG, pin, version, f"the package is named {pin.package}")
    if own is not None and (own.package == pin.package or _shares_history(own, pin)):
        return Basis(POVPKG, pin, version, f"its folder keeps {pin.package}'s release record")
    if _installed(root):
        return Basis(POVPKG, pin, version, f"it is the data installed with {pin.package}")
    if own is not None or error:
        return Basis(OWN, own, version, f"a package other than {pin.package}, with its own release record",
                     error=error)
    released = {h for hashes in pin.releases.values() for h in hashes.values()}
    if any(isinstance(r, dict) and r.get("hash") in released for r in desc["resources"]):
        return Basis(POVPKG, pin, version, f"it holds tables {pin.package} released and keeps no release record "
                                           "of its own", by_data=True)
    shown = name if isinstance(name, str) and name.isprintable() and len(name) <= 80 else "the package"
    return Basis(NONE, None, version, f"{shown} is not {pin.package}'s and keeps no release record; "
                                      "`povpkg release PATH` records one")


def _shares_history(own: Records, pin: Records) -> bool:
    """The record lists one of povpkg's own releases (a renamed copy of povpkg's record)."""
    return any(own.releases.get(v) == hashes for v, hashes in pin.releases.items())


def _installed(root: Path) -> bool:
    from povpkg._package import _data_dir

    try:
        return Path(root).resolve() == Path(_data_dir()).resolve()
    except Exception:  # noqa: BLE001 - no installed data: nothing to be
        return False


def above(version, latest: str) -> bool:
    """``version`` ranks above the release ``latest``."""
    mine = precedence(version)
    return mine is not None and mine > precedence(latest)


def next_patch(version: str) -> str:
    major, minor, patch = precedence(version)[:3]
    return f"{major}.{minor}.{patch + 1}"


@rule("release-record", needs=())
def release_record(frames, ctx):
    """A released version's data cannot change under its number; any other version ranks above the latest release."""
    desc = ctx.package or ctx.desc
    b = basis(desc, ctx.root)
    here = shlex.quote(str(ctx.root))
    if b.error:
        yield Failure(rule="release-record", message=f"the package's release record cannot be read: {b.error}",
                      fix=f"restore validation/releases.json and validation/contract.json as `povpkg release {here}` "
                          "wrote them")
    if b.records is None:
        return
    if b.released:
        yield from _same_release(desc, b, here)
        return
    latest = b.records.latest()
    if latest and not above(b.version, latest):
        yield Failure(rule="release-record", field="version", value=b.version,
                      message=f"version {b.version!r} is not a release of {b.records.package} and does not rank above "
                              f"its latest release {latest} (a copy is either a release, byte for byte, or above it)",
                      fix=f"set \"version\" in datapackage.json to {next_patch(latest)} or above")


def _same_release(desc: dict, b: Basis, here: str):
    from .contract import needed_bump

    version, hashes = b.version, b.records.releases[b.version]
    bump = needed_bump(b.contract(), desc) if b.contract() else "patch"
    fix = f"raise the version: `povpkg update-hashes {here} --bump {bump}`"
    have = {r["name"]: r for r in desc["resources"]}
    found = False
    for name, want in hashes.items():
        if name not in have:
            found = True
            yield Failure(rule="release-record", table=name, message=f"table {name} of release {version} is missing",
                          fix=fix)
        elif have[name].get("hash") != want:
            found = True
            yield Failure(rule="release-record", table=name, field="hash", value=have[name].get("hash"),
                          message=f"the data changed but the version is still {version}, whose release recorded "
                                  "other data", fix=fix)
    for name in have:
        if name not in hashes:
            found = True
            yield Failure(rule="release-record", table=name, message=f"table {name} is not in release {version}",
                          fix=fix)
    whole = b.records.descriptors.get(version)
    if not found and whole and digest(desc) != whole:
        yield Failure(rule="release-record", message=f"datapackage.json differs from the one released as {version}",
                      fix=fix)
