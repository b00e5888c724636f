"""A package's release record: what each released version's data and schemas were.

Two files in a ``validation/`` folder beside the records' owner: ``releases.json``
maps each released version to its tables' sha256 (as ``datapackage.json`` records
them); ``contract.json`` names the package, maps each version to the digest of its
contract and holds every distinct contract once, under its digest, so a release that
changes no schema adds two lines there. Versions from 0.4.0 on also carry the
digest of the whole descriptor (``descriptors``), so a copy claiming them must be that
release value for value.

povpkg's own record sits beside this module (pinned: shipped with the validator);
another package keeps its own in ``PATH/validation/``, written by ``povpkg release``.
A record read from a package folder is that package's statement and is read as
untrusted input: shape-checked, size-bounded, never through a symlink.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

FOLDER = "validation"
RELEASES, CONTRACTS = "releases.json", "contract.json"
PINNED = Path(__file__).parent
MAX_BYTES = 16 * 2**20  # povpkg's own record is about 0.1 MB
SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?")


class RecordError(ValueError):
    """A release record that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class Records:
    """One package's release record."""

    package: str
    releases: dict  # version -> {table: "sha256:..."}
    contracts: dict  # version -> contract (resolved from its digest)
    descriptors: dict = field(default_factory=dict)  # version -> digest of the whole descriptor
    where: str = ""  # the folder the record was read from

    def latest(self) -> str | None:
        """The highest released version (semantic-version precedence)."""
        return _highest(self.releases)

    def latest_contract(self) -> str | None:
        """The highest version that has a recorded contract."""
        return _highest(self.contracts)


def _highest(versions) -> str | None:
    """The highest of ``versions`` by semantic-version precedence (others are passed over)."""
    ranked = [v for v in versions if precedence(v) is not None]
    return max(ranked, key=precedence) if ranked else None


def digest(obj) -> str:
    """sha256 of ``obj`` as canonical JSON (sorted keys, no spaces): equal values, equal digests."""
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def precedence(version) -> tuple | None:
    """A sort key giving semantic-version precedence (build metadata ignored; a
    pre-release ranks below its release), or None for a string that is no version."""
    m = SEMVER.fullmatch(version) if isinstance(version, str) else None
    if not m:
        return None
    core = tuple(int(p) for p in m.group(1, 2, 3))
    if m.group(4) is None:
        return core + ((1,),)
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in m.group(4).split("."))
    return core + ((0,) + parts,)


def pinned() -> Records:
    """povpkg's own record, shipped with the validator (read once per change of its files)."""
    return read(PINNED)


def local(root: Path) -> Records | None:
    """The record kept in the package folder ``root``, or None when it keeps none."""
    folder = Path(root) / FOLDER
    if not any(os.path.lexists(folder / name) for name in (RELEASES, CONTRACTS)):
        return None
    return read(folder)


def read(folder: Path) -> Records:
    """The record in ``folder``; RecordError when it is missing a file, unreadable or malformed."""
    stamps = []
    for name in (RELEASES, CONTRACTS):
        path = Path(folder) / name
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise RecordError(f"{path} is not a regular file")
        if not path.exists():
            raise RecordError(f"{path} is missing (a release record is {RELEASES} and {CONTRACTS} together)")
        st = path.stat()
        if st.st_size > MAX_BYTES:
            raise RecordError(f"{path} is larger than {MAX_BYTES // 2**20} MiB")
        stamps.append((st.st_mtime_ns, st.st_size, st.st_ino))
    return _read(str(folder), tuple(stamps))


@lru_cache(maxsize=8)
def _read(folder: str, stamps: tuple) -> Records:
    releases = _json(Path(folder) / RELEASES)
    book = _json(Path(folder) / CONTRACTS)
    where = Path(folder) / CONTRACTS
    if not (isinstance(book, dict) and isinstance(book.get("package"), str) and isinstance(book.get("versions"), dict)
            and isinstance(book.get("contracts"), dict) and isinstance(book.get("descriptors", {}), dict)):
        raise RecordError(f"{where} is not a contract record (package, versions, contracts)")
    if not isinstance(releases, dict) or not all(
            isinstance(v, str) and isinstance(h, dict) and all(isinstance(x, str) for x in h.values())
            for v, h in releases.items()):
        raise RecordError(f"{Path(folder) / RELEASES} is not a release record (version -> table -> sha256)")
    if not (book["package"].isprintable() and 0 < len(book["package"]) <= 100):
        raise RecordError(f"{where}: the package's name is not a short printable name")
    odd = [v for v in list(releases) + list(book["versions"]) if precedence(v) is None]
    if odd:
        raise RecordError(f"{where}: {odd[0][:40]!r} is not a semantic version")
    contracts = {}
    for version, ref in book["versions"].items():
        contract = book["contracts"].get(ref) if isinstance(ref, str) else None
        if not isinstance(contract, dict) or not isinstance(contract.get("tables"), dict) or digest(contract) != ref:
            raise RecordError(f"{where}: the contract of {version} is missing or does not match its digest")
        contracts[version] = contract
    return Records(book["package"], releases, contracts, dict(book.get("descriptors", {})), folder)


def _json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise RecordError(f"{path} cannot be read: {str(exc).splitlines()[0][:160]}") from None


def write(folder: Path, package: str, version: str, hashes: dict, contract: dict, whole: str,
          *, replace: bool = False) -> None:
    """Add ``version`` to the record in ``folder`` (created if absent).

    Refuses a version already recorded with other data or schemas unless ``replace``
    (for a version not yet published). A contract already stored is referenced, not copied.
    """
    folder = Path(folder)
    rel_path, book_path = folder / RELEASES, folder / CONTRACTS
    releases = _json(rel_path) if rel_path.exists() else {}
    book = _json(book_path) if book_path.exists() else {"package": package, "versions": {}, "contracts": {}}
    book.setdefault("descriptors", {})
    ref = digest(contract)
    if not replace and version in releases and (releases[version] != hashes or book["versions"].get(version) != ref):
        raise RecordError(f"version {version} is already recorded with other data or schemas: raise the version")
    releases[version] = hashes
    book["package"] = package
    book["versions"][version] = ref
    book["descriptors"][version] = whole
    book["contracts"][ref] = contract
    used = set(book["versions"].values())
    book["contracts"] = {k: v for k, v in book["contracts"].items() if k in used}
    folder.mkdir(exist_ok=True)
    for path, data in ((rel_path, releases), (book_path, book)):
        write_text(path, json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def write_text(path: Path, text: str) -> None:
    """Write through a temporary file renamed over ``path`` (never through a symlink or a
    hard link that would change a file elsewhere)."""
    path = Path(path)
    if path.is_symlink():
        raise RecordError(f"{path} is a symlink; refusing to write through it")
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
