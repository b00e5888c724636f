"""Find the data package and read its descriptor, with the standard library only.

Kept free of pandas, frictionless and pandera so that ``import povpkg`` and the light
commands (``--version``, ``list``, ``describe``, ``cite``) stay light.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from ._limits import MAX_DESCRIPTOR_BYTES
from .errors import MissingFileError, PackageError, UnknownTableError

if TYPE_CHECKING:
    from pathlib import Path

_HERE = os.path.dirname(os.path.realpath(__file__))
DESCRIPTOR = "datapackage.json"


def _data_dir() -> str:
    """Folder holding the shipped datapackage.json.

    A wheel carries the data in ``povpkg/data``; a checkout or editable install
    has it at the repository root, one level above the package.
    """
    for root in (os.path.join(_HERE, "data"), os.path.dirname(_HERE)):
        if os.path.isfile(os.path.join(root, DESCRIPTOR)):
            return root
    raise PackageError("povpkg's data is missing: no datapackage.json was installed with the package")


def data_root() -> Path:
    """Folder holding the shipped datapackage.json (see ``_data_dir``)."""
    from pathlib import Path

    return Path(_data_dir())


def _descriptor_file(path: str | os.PathLike[str] | None = None) -> str:
    """Path of a datapackage.json given the file, its folder, or None for the shipped one."""
    if path is None:
        return os.path.join(_data_dir(), DESCRIPTOR)
    p = os.fspath(path) or "."
    if os.path.isdir(p):
        folder, p = p, os.path.join(p, DESCRIPTOR)
        if not os.path.lexists(p):
            raise PackageError(f"{folder} is not a data package: it has no {DESCRIPTOR}")
    if os.path.islink(p):  # it would vouch for a package elsewhere, like a symlinked CSV
        raise PackageError(f"{p} is a symlink; validate the package it points to instead")
    if not os.path.isfile(p):
        raise PackageError(f"no such file: {p}")
    return p


def descriptor_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Path of a datapackage.json given the file, its folder, or None for the shipped one."""
    from pathlib import Path

    return Path(_descriptor_file(path))


MAX_DEPTH = 32  # a Table Schema needs about six; deeper nesting would only exhaust recursion later


def _depth(obj) -> int:
    """How deeply ``obj`` nests lists and objects (level by level, without recursion;
    stops counting past MAX_DEPTH)."""
    deepest, level = 0, [obj] if isinstance(obj, (dict, list)) else []
    while level and deepest <= MAX_DEPTH:
        deepest += 1
        inner = []
        for item in level:
            inner += [c for c in (item.values() if isinstance(item, dict) else item) if isinstance(c, (dict, list))]
        level = inner
    return deepest


class _DuplicateKey(ValueError):
    """A key given twice in one JSON object: readers disagree on which one counts."""


def _unique_keys(pairs: list) -> dict:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set = set()
        raise _DuplicateKey(next(k for k, _ in pairs if k in seen or seen.add(k)))
    return obj


@lru_cache(maxsize=8)
def _read_descriptor(path: str, stamp: tuple[int, int]) -> dict:
    if stamp[1] > MAX_DESCRIPTOR_BYTES:
        raise PackageError(f"{path} has {stamp[1]:,} bytes; the limit for a descriptor is {MAX_DESCRIPTOR_BYTES:,} "
                           "(docs/limits.md)")
    try:
        with open(path, "rb") as f:
            text = f.read().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackageError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise PackageError(f"cannot read {path}: {exc.strerror}") from None
    try:
        desc = json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateKey as exc:
        raise PackageError(f"{path}: the key {_shown(exc.args[0])} appears twice in one object "
                           "(JSON readers disagree on which counts); keep one") from None
    except json.JSONDecodeError as exc:
        raise PackageError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except (ValueError, RecursionError) as exc:  # a 5,000-digit integer, arrays nested thousands deep
        raise PackageError(f"{path} cannot be read as a descriptor: {str(exc).splitlines()[0][:120]}") from None
    if _depth(desc) > MAX_DEPTH:
        raise PackageError(f"{path} is not a data package descriptor: it nests more than {MAX_DEPTH} levels deep")
    if not isinstance(desc, dict) or not isinstance(desc.get("resources"), list):
        raise PackageError(f"{path} is not a data package descriptor: it has no list of resources")
    seen = set()
    for n, res in enumerate(desc["resources"], 1):
        if not isinstance(res, dict) or not isinstance(res.get("name"), str):
            raise PackageError(f"{path}: resource #{n} is not an object with a name")
        if res["name"] in seen:
            raise PackageError(f"{path}: two resources are named {res['name']!r}")
        seen.add(res["name"])
    categories_as_enum(desc)
    return desc


def category_values(categories) -> list | None:
    """The values of a Table Schema v2 ``categories`` list (plain values, or objects with a
    ``value`` and a ``label``), or None when it is not shaped so."""
    if not isinstance(categories, list):
        return None
    values = [c.get("value") if isinstance(c, dict) else c for c in categories]
    return values if all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in values) else None


def categories_as_enum(desc: dict) -> None:
    """A field's v2 ``categories`` are the values it allows: where the field has no
    ``constraints.enum``, the parsed descriptor gets one with those values, so that every
    check that reads ``enum`` (frictionless, pandera, the loaders, the contract) holds
    them too; frictionless itself ignores ``categories``. The file is never rewritten.
    Categories that disagree with an enum the field also states are the ``metadata``
    rule's to report."""
    for res in desc["resources"]:
        schema = res.get("schema")
        fields = schema.get("fields") if isinstance(schema, dict) else None
        for field in fields if isinstance(fields, list) else ():
            if not isinstance(field, dict) or "categories" not in field:
                continue
            values = category_values(field["categories"])
            constraints = field.setdefault("constraints", {}) if values is not None else None
            if isinstance(constraints, dict) and "enum" not in constraints:
                constraints["enum"] = values


def _shown(key: str) -> str:
    text = repr(key)
    return text if len(text) <= 60 else text[:57] + "..."


def descriptor(path: str | os.PathLike[str] | None = None) -> dict:
    """The parsed descriptor (cached until the file changes). Treat it as read-only."""
    p = os.path.realpath(_descriptor_file(path))
    st = os.stat(p)
    return _read_descriptor(p, (st.st_mtime_ns, st.st_size))


def json_copy(obj):
    """A deep copy of parsed JSON (dicts, lists and immutable scalars): copy.deepcopy's
    memo and dispatch make it several times slower on a descriptor's metadata."""
    if type(obj) is dict:
        return {k: json_copy(v) for k, v in obj.items()}
    if type(obj) is list:
        return [json_copy(v) for v in obj]
    return obj


def table_names(desc: dict) -> list[str]:
    return [r.get("name") for r in desc["resources"] if isinstance(r, dict)]


def schema_of(res: dict) -> dict:
    """The resource's inline Table Schema; a schema given by path or URL is never opened.

    Raises PackageError when it is not shaped as every reader of it assumes: fields a list
    of objects with a name, keys names or lists of names, foreign keys objects with a reference.
    """
    name = res.get("name")
    schema = res.get("schema")
    if not isinstance(schema, dict):
        raise PackageError(f"resource {name!r} has no inline schema")
    fields = schema.get("fields", [])
    if not isinstance(fields, list) or not all(isinstance(f, dict) and isinstance(f.get("name"), str) for f in fields):
        raise PackageError(f"resource {name!r}: schema fields are not a list of objects with a name")
    if not all(isinstance(f.get(k, {}), dict) for f in fields for k in ("constraints",)):
        raise PackageError(f"resource {name!r}: a field's constraints are not an object")
    if not _names(schema.get("primaryKey", [])):
        raise PackageError(f"resource {name!r}: primaryKey is not a field name or a list of them")
    fks = schema.get("foreignKeys", [])
    if not isinstance(fks, list) or not all(
            isinstance(fk, dict) and _names(fk.get("fields")) and isinstance(fk.get("reference"), dict)
            and _names(fk["reference"].get("fields")) for fk in fks):
        raise PackageError(f"resource {name!r}: foreignKeys are not a list of objects with fields and a reference")
    return schema


def key_fields(keys) -> list:
    """A key's field names as a list (a Table Schema may give one name as a string; none: [])."""
    return [keys] if isinstance(keys, str) else list(keys or [])


def _names(value) -> bool:
    return isinstance(value, str) or isinstance(value, list) and all(isinstance(v, str) for v in value)


def find_resource(desc: dict, name: str) -> dict:
    for res in desc["resources"]:
        if isinstance(res, dict) and res.get("name") == name:
            return res
    raise UnknownTableError(name, table_names(desc))


def resource_file(root: Path, res: dict) -> Path:
    """Absolute path of a resource's data file, refusing anything outside ``root``.

    Frictionless follows symlinks and ``..``; a package must not read or vouch
    for files it does not contain.
    """
    from pathlib import Path

    rel = res.get("path")
    name = res.get("name")
    if not isinstance(rel, str) or not rel:
        raise PackageError(f"resource {name!r} has no single local path")
    from ._safety import has_control

    if has_control(rel):  # a NUL ends the path for the system; a line break or bidi mark hides what it names
        raise PackageError(f"resource {name!r}: path {rel!r} holds a control or invisible character")
    if "://" in rel or Path(rel).is_absolute():
        raise PackageError(f"resource {name!r}: path {rel!r} is not a relative path inside the package")
    if ".." in Path(rel).parts:
        raise PackageError(f"resource {name!r}: path {rel!r} leaves the package folder")
    root = root.resolve()
    target = root / rel
    resolved = target.resolve()
    if root not in resolved.parents:
        raise PackageError(f"resource {name!r}: path {rel!r} leaves the package folder")
    part = target
    while part != root:
        if part.is_symlink():
            raise PackageError(f"resource {name!r}: path {rel!r} goes through a symlink")
        part = part.parent
    if not resolved.is_file():
        raise MissingFileError(f"resource {name!r}: data file {rel!r} does not exist")
    return resolved
