"""Which regular expressions a validation runs: only those the pinned contract records.

A ``pattern`` in the copy's descriptor is text anyone can write, and a pattern such
as ``(a+)+$`` backtracks for hours on a cell of 40 characters. So neither
frictionless nor pandera is handed one: each field keeps its pattern only when the
contract (``validation/contract.json``, installed with povpkg) records that very
pattern for that field; any other pattern is swapped for the field's latest
recorded one, or dropped. The contract rule reports the difference. Standard
library only: it runs before frictionless's worker starts.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache

from ._package import json_copy


def recorded_patterns() -> dict[tuple[str, str], list[str]]:
    """``(table, field) -> the patterns recorded for it``, oldest version first (read once per
    change of the file). Treat it as read-only."""
    from ._rules import rules_dir

    path = os.path.join(rules_dir(), "contract.json")
    st = os.stat(path)
    return _recorded(path, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=2)
def _recorded(path: str, mtime: int, size: int) -> dict:
    with open(path, encoding="utf-8") as f:
        record = json.load(f)
    out: dict = {}
    versions, contracts = record.get("versions", {}), record.get("contracts", {})  # see validation/records.py
    for version in sorted(versions, key=_semver):
        for table, spec in contracts[versions[version]]["tables"].items():
            for name, field in spec["fields"].items():
                pattern = field.get("constraints", {}).get("pattern")
                if pattern is not None and pattern not in out.setdefault((table, name), []):
                    out[(table, name)].append(pattern)
    return out


def pinned(desc: dict) -> dict:
    """A copy of ``desc`` whose every pattern is one the contract records for its field."""
    known = recorded_patterns()
    out = {**desc, "resources": []}
    for res in desc["resources"]:
        schema = res.get("schema")
        fields = schema.get("fields") if isinstance(schema, dict) else None
        if isinstance(fields, list):
            res = {**res, "schema": {**schema, "fields": [_pinned_field(res["name"], f, known) for f in fields]}}
        out["resources"].append(res)
    return out


def _pinned_field(table: str, field, known: dict):
    if not isinstance(field, dict) or not isinstance(field.get("constraints"), dict):
        return field
    name = field.get("name")
    have = field["constraints"].get("pattern")
    ok = known.get((table, name), []) if isinstance(name, str) else []
    want = have if have in ok else (ok[-1] if ok else None)
    if want == have:
        return field
    constraints = json_copy({k: v for k, v in field["constraints"].items() if k != "pattern"})
    if want is not None:
        constraints["pattern"] = want
    return {**field, "constraints": constraints}


def _semver(v: str) -> tuple:
    try:
        return tuple(int(p) for p in v.split("-")[0].split("+")[0].split("."))
    except ValueError:
        return ()
