"""The package's contract, pinned by the package itself, not by the descriptor under test.

An edit to ``datapackage.json`` could otherwise switch its own checks off (drop a
table, a ``minimum``, a foreign key). ``validation/contract.json`` records, per
released version, what every table promises: its fields with their types and
constraints, its keys, and whether it must have rows. A copy is compared with the
contract of the version it claims (or the newest recorded one below it); every
removed or loosened promise fails, field by field, with the semantic-versioning bump
it requires. Additions (a new table, field, constraint or key) are allowed.

Record the contract for an intended change with ``python scripts/record_release.py
--replace`` (unpublished version) or after a version bump without ``--replace``.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from povpkg._report import Failure

from .rules import rule

CONTRACT_FILE = Path(__file__).parent / "contract.json"
# field properties that change what a value means or which values pass
FIELD_KEYS = ("type", "format", "trueValues", "falseValues", "bareNumber", "groupChar", "decimalChar")
LOWER_BOUNDS, UPPER_BOUNDS = ("minimum", "minLength"), ("maximum", "maxLength")
MAJOR, MINOR = "MAJOR", "MINOR"
UNPINNED = "`pattern` of {where} is not in the contract (povpkg runs only the patterns its contract records)"


def contract_of(desc: dict, rows: dict) -> dict:
    """The contract ``desc`` promises; ``rows``: each table's row count (tables with rows must keep some)."""
    tables = {}
    for res in desc["resources"]:
        schema = res.get("schema") if isinstance(res.get("schema"), dict) else {}
        fields = {}
        for f in schema.get("fields") if isinstance(schema.get("fields"), list) else []:
            if not isinstance(f, dict) or not isinstance(f.get("name"), str):
                continue
            entry = {k: f[k] for k in FIELD_KEYS if k in f}
            entry["constraints"] = dict(f["constraints"]) if isinstance(f.get("constraints"), dict) else {}
            fields[f["name"]] = entry
        tables[res["name"]] = {
            "fields": fields,
            "primaryKey": _as_list(schema.get("primaryKey")),
            "foreignKeys": [_fk(fk) for fk in _as_list(schema.get("foreignKeys"))],
            "missingValues": schema.get("missingValues", [""]),
            "nonempty": rows.get(res["name"], 0) > 0,
        }
    return {"tables": tables}


def recorded() -> dict:
    """Every recorded version's contract (read once per change of the file)."""
    st = CONTRACT_FILE.stat()
    return _read(st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=2)
def _read(mtime, size) -> dict:
    return json.loads(CONTRACT_FILE.read_text(encoding="utf-8"))


def pinned_foreign_keys(desc: dict) -> dict:
    """Foreign keys per table from the contract the copy descends from."""
    record = recorded()
    version = base_version(desc.get("version"), record)
    tables = record[version]["tables"] if version else {}
    return {name: t["foreignKeys"] for name, t in tables.items()}


def base_version(version, versions) -> str | None:
    """The recorded version a copy claiming ``version`` descends from: itself if recorded,
    else the newest recorded one below it, else the newest recorded one."""
    if isinstance(version, str) and version in versions:
        return version
    ordered = sorted(versions, key=_semver)
    below = [v for v in ordered if _semver(v) < _semver(version)] if isinstance(version, str) else []
    return (below or ordered or [None])[-1]


def differences(base: dict, desc: dict) -> list[tuple[str, str | None, str, str]]:
    """Every promise of ``base`` that ``desc`` breaks: ``(table, field, message, bump)``."""
    out = []
    current = contract_of(desc, {})["tables"]
    for table, want in base["tables"].items():
        have = current.get(table)
        if have is None:
            out.append((table, None, f"table {table} was removed", MAJOR))
            continue
        if want["fields"] and not have["fields"]:
            out.append((table, None, f"{table} declares no fields (its schema is missing or not inline)", MAJOR))
            continue
        for name, field in want["fields"].items():
            if name not in have["fields"]:
                out.append((table, name, f"field {table}.{name} was removed or renamed", MAJOR))
            else:
                out += [(table, name, m, b) for m, b in _field_changes(f"{table}.{name}", field, have["fields"][name])]
        if have["primaryKey"] != want["primaryKey"]:
            out.append((table, None, f"primary key of {table} changed from {want['primaryKey']} to {have['primaryKey']}",
                        MAJOR))
        for fk in want["foreignKeys"]:
            if fk not in have["foreignKeys"]:
                ref = fk["reference"]
                out.append((table, "/".join(fk["fields"]), f"foreign key {table}.{'/'.join(fk['fields'])} -> "
                            f"{ref['resource']}.{'/'.join(ref['fields'])} was removed", MAJOR))
        if set(have["missingValues"]) - set(want["missingValues"]):
            out.append((table, None, f"{table} treats more cells as missing: {have['missingValues']}", MAJOR))
    for table, have in current.items():  # fields the contract does not know: their patterns are never run
        known = base["tables"].get(table, {}).get("fields", {})
        out += [(table, name, UNPINNED.format(where=f"{table}.{name}"), MINOR)
                for name, field in have["fields"].items() if name not in known and "pattern" in field["constraints"]]
    return out


def _field_changes(where: str, want: dict, have: dict):
    for key in FIELD_KEYS:
        if want.get(key) != have.get(key):
            yield f"{key} of {where} changed from {want.get(key)!r} to {have.get(key)!r}", MAJOR
    wc, hc = want["constraints"], have["constraints"]
    for key, value in wc.items():
        now = hc.get(key)
        if key not in hc or (key in ("required", "unique") and value and not now):
            yield f"`{key}` removed from {where}", MAJOR
        elif key == "enum":
            added = [v for v in _as_list(now) if v not in value]
            if added:
                yield f"enum of {where} gains {', '.join(map(repr, added))}", MINOR
        elif key in LOWER_BOUNDS + UPPER_BOUNDS:
            looser = _looser(key, value, now)
            if looser:
                yield f"`{key}` of {where} loosened from {value!r} to {now!r}", MAJOR
        elif key not in ("required", "unique") and now != value:
            yield f"`{key}` of {where} changed from {value!r} to {now!r}", MAJOR
    if "pattern" in hc and "pattern" not in wc:
        yield UNPINNED.format(where=where), MINOR


def _looser(key, was, now) -> bool:
    try:
        return now < was if key in LOWER_BOUNDS else now > was
    except TypeError:
        return was != now


def _fk(fk) -> dict:
    fk = fk if isinstance(fk, dict) else {}
    ref = fk.get("reference") if isinstance(fk.get("reference"), dict) else {}
    return {"fields": _as_list(fk.get("fields")),
            "reference": {"resource": ref.get("resource", ""), "fields": _as_list(ref.get("fields"))}}


def _as_list(v) -> list:
    return [v] if isinstance(v, str) else list(v) if isinstance(v, list) else []


def _semver(v) -> tuple:
    try:
        return tuple(int(p) for p in str(v).split("-")[0].split("."))
    except ValueError:
        return ()


def bumped(version: str, bump: str) -> str:
    major, minor, _ = (_semver(version) + (0, 0, 0))[:3]
    return f"{major + 1}.0.0" if bump == MAJOR else f"{major}.{minor + 1}.0"


@rule("contract", needs=())
def contract(frames, ctx):
    """The descriptor keeps every promise of the recorded contract; tables that had rows keep some."""
    record = recorded()
    desc = ctx.package or ctx.desc
    version = base_version(desc.get("version"), record)
    if version is None:
        return
    base = record[version]
    for table, field, message, bump in differences(base, desc):
        yield Failure(rule="contract", table=table, field=field, message=f"{message} (since {version}: a {bump} change)",
                      fix=f"restore it; if the change is intended, set version to {bumped(version, bump)} or later, "
                          "add a CHANGELOG entry and record the contract with `python scripts/record_release.py`")
    for table, want in base["tables"].items():
        if want["nonempty"] and table in frames and frames[table].empty:
            yield Failure(rule="contract", table=table, message=f"{table} has no rows; the package's contract requires rows",
                          fix="restore the table's rows")
