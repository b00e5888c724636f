"""The package's contract, recorded per release, not read from the descriptor under test.

An edit to ``datapackage.json`` could otherwise switch its own checks off (drop a
table, a ``minimum``, a foreign key, change the licence). A release record
(``records``) holds, per released version, what every table promises: its fields with
their types and constraints, its keys, whether it must have rows, and the licences.
``claims.basis`` says which record and which version apply; every removed or loosened
promise fails, field by field, with the semantic-versioning bump it requires.
Additions (a new table, field, constraint or key) are allowed, except under the
number of a release, which a copy must match exactly.

``povpkg release`` records the contract with the release.
"""
from __future__ import annotations

import shlex

from povpkg._package import category_values
from povpkg._report import Failure

from .claims import POVPKG, basis
from .records import pinned, precedence
from .rules import rule

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
            categories = category_values(f.get("categories"))
            if categories is not None:  # v2's categories are the field's allowed values, as an enum was
                entry["constraints"].setdefault("enum", categories)
            fields[f["name"]] = entry
        tables[res["name"]] = {
            "fields": fields,
            "primaryKey": _as_list(schema.get("primaryKey")),
            "foreignKeys": [_fk(fk) for fk in _as_list(schema.get("foreignKeys"))],
            "missingValues": schema.get("missingValues", [""]),
            "nonempty": rows.get(res["name"], 0) > 0,
        }
        if "licenses" in res:  # a table's own licence overrides the package's
            tables[res["name"]]["licenses"] = _licenses(res)
    return {"tables": tables, "licenses": _licenses(desc)}


def _licenses(obj: dict) -> list:
    """The names of the licences ``obj`` (the package or a resource) declares, in order."""
    given = obj.get("licenses") if isinstance(obj.get("licenses"), list) else []
    return [lic.get("name") if isinstance(lic, dict) else lic for lic in given]


def recorded() -> dict:
    """Every version's contract in povpkg's own (pinned) record."""
    return pinned().contracts


def pinned_foreign_keys(desc: dict, root) -> dict:
    """Foreign keys per table from the contract the package is held to."""
    contract = basis(desc, root).contract() or {"tables": {}}
    return {name: t["foreignKeys"] for name, t in contract["tables"].items()}


def differences(base: dict, desc: dict) -> list[tuple[str, str | None, str, str]]:
    """Every promise of ``base`` that ``desc`` breaks: ``(table, field, message, bump)``."""
    out = []
    now = contract_of(desc, {})
    current = now["tables"]
    if "licenses" in base and now["licenses"] != base["licenses"]:
        out.append((None, "licenses", f"the licences changed from {base['licenses']} to {now['licenses']}", MAJOR))
    for table, want in base["tables"].items():
        have = current.get(table)
        if have is None:
            out.append((table, None, f"table {table} was removed", MAJOR))
            continue
        if "licenses" in base and have.get("licenses") != want.get("licenses"):
            out.append((table, "licenses", f"the licences of {table} changed from {want.get('licenses')} to "
                                           f"{have.get('licenses')}", MAJOR))
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


def additions(base: dict, desc: dict) -> list[tuple[str, str | None, str]]:
    """What ``desc`` adds to ``base`` and ``differences`` does not report (a table, a field, a
    tightened constraint, a new key): ``(table, field, message)``; allowed above a release,
    not under its number."""
    out = []
    current = contract_of(desc, {})["tables"]
    for table, have in current.items():
        want = base["tables"].get(table)
        if want is None:
            out.append((table, None, f"table {table} was added"))
            continue
        for name, field in have["fields"].items():
            was = want["fields"].get(name)
            if was is None:
                out.append((table, name, f"field {table}.{name} was added"))
            elif field != was and not list(_field_changes(f"{table}.{name}", was, field)):
                out.append((table, name, f"a constraint of {table}.{name} was added or tightened"))
        if [fk for fk in have["foreignKeys"] if fk not in want["foreignKeys"]] or \
                set(want["missingValues"]) - set(have["missingValues"]):
            out.append((table, None, f"a foreign key or missing value of {table} changed"))
    return out


def needed_bump(base: dict, desc: dict) -> str:
    """The least version bump (major, minor, patch) that the differences from ``base`` need."""
    bumps = {bump for *_, bump in differences(base, desc)}
    return "major" if MAJOR in bumps else "minor" if bumps or additions(base, desc) else "patch"


def bumped(version: str, bump: str) -> str:
    """The least version a change of kind ``bump`` (MAJOR or MINOR) needs above ``version``."""
    major, minor = precedence(version)[:2]
    return f"{major + 1}.0.0" if bump == MAJOR else f"{major}.{minor + 1}.0"


@rule("contract", needs=())
def contract(frames, ctx):
    """The descriptor keeps every promise of the contract it is held to; tables that had rows keep some;
    under a release's number, it adds nothing either."""
    desc = ctx.package or ctx.desc
    b = basis(desc, ctx.root)
    base = b.contract()
    if base is None:
        return
    here = shlex.quote(str(ctx.root))
    for table, field, message, bump in differences(base, desc):
        yield Failure(rule="contract", table=table, field=field, message=f"{message} (since {b.base}: a {bump} change)",
                      fix=_fix(b, bumped(b.base, bump), here))
    if b.released and b.base == b.version:
        for table, field, message in additions(base, desc):
            yield Failure(rule="contract", table=table, field=field,
                          message=f"{message} under the number of release {b.version}, which must stay as released",
                          fix=f"raise the version: `povpkg update-hashes {here} --bump minor`")
    for table, want in base["tables"].items():
        if want["nonempty"] and table in frames and frames[table].empty:
            yield Failure(rule="contract", table=table, message=f"{table} has no rows; the package's contract requires rows",
                          fix="restore the table's rows")


def _fix(b, needed: str, here: str) -> str:
    """How to restore a promise, or make the change a release of its own."""
    if b.owner == POVPKG and b.by_data:
        return (f"restore it; or, to publish it as a dataset derived from {b.records.package}, record its own "
                f"release: `povpkg release {here}` (see docs/releasing.md)")
    record = f"record the release: `povpkg release {here}`" + (
        f" in {b.records.package}'s repository" if b.owner == POVPKG else "")
    if precedence(b.version) is None or precedence(b.version) < precedence(needed):
        return f"restore it; if the change is intended, set version to {needed} or above, add a CHANGELOG entry and {record}"
    return f"restore it; if the change is intended, {record}"
