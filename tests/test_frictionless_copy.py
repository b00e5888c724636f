"""The descriptor frictionless is handed is a copy of the checked parts: whatever frictionless
does to it, the parsed descriptor (cached for every later command) stays as read."""
from __future__ import annotations

import json

from conftest import DATAPACKAGE
from povpkg._package import descriptor
from povpkg._safety import frictionless_copy


def _containers(obj) -> list:
    out, todo = [], [obj]
    while todo:
        item = todo.pop()
        if isinstance(item, (dict, list)):
            out.append(item)
            todo += item.values() if isinstance(item, dict) else item
    return out


def test_the_copy_shares_no_dict_or_list_with_the_cached_descriptor():
    desc = descriptor(DATAPACKAGE)
    names = [r["name"] for r in desc["resources"]]
    copy = frictionless_copy(desc, names)
    cached = {id(c) for c in _containers(desc)}
    assert not [c for c in _containers(copy) if id(c) in cached]
    before = json.dumps(desc, sort_keys=True)
    for c in _containers(copy):  # frictionless normalizing everything it was handed
        c.clear()
    assert json.dumps(descriptor(DATAPACKAGE), sort_keys=True) == before


def test_the_copy_holds_the_checked_parts_of_the_tables_asked_for():
    desc = descriptor(DATAPACKAGE)
    copy = frictionless_copy(desc, ["countries", "events"])
    assert [r["name"] for r in copy["resources"]] == ["countries", "events"]
    res = copy["resources"][0]
    shipped = desc["resources"][[r["name"] for r in desc["resources"]].index("countries")]
    assert res["schema"]["fields"] == shipped["schema"]["fields"] and "foreignKeys" not in res["schema"]
    assert (res["type"], res["scheme"], res["format"], res["encoding"]) == ("table", "file", "csv", "utf-8")
    assert copy["version"] == desc["version"] and copy["licenses"] == desc["licenses"]
