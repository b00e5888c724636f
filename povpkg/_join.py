"""Join a child table to a parent along a declared foreign key, choosing the key explicitly
when there are several (``amounts`` names a provider and a recipient organization)."""
from __future__ import annotations

from ._package import descriptor, find_resource
from .errors import PovpkgError


def _keys_to(desc: dict, child: str, parent: str) -> list[dict]:
    find_resource(desc, parent)  # an unknown parent is an UnknownTableError, not "no foreign key"
    fks = find_resource(desc, child).get("schema", {}).get("foreignKeys", [])
    return [fk for fk in fks if (fk["reference"].get("resource") or child) == parent]


def join(child: str, parent: str, path=None, *, on: str | None = None, backend: str = "pandas"):
    desc = descriptor(path)
    keys = _keys_to(desc, child, parent)
    if not keys:
        raise PovpkgError(f"{child} has no foreign key to {parent}")
    names = [", ".join(fk["fields"]) for fk in keys]
    if on is None and len(keys) > 1:
        raise PovpkgError(f"{child} refers to {parent} through {' and '.join(names)}; "
                          f"choose one with on=, e.g. join({child!r}, {parent!r}, on={keys[0]['fields'][0]!r})")
    if on is not None:
        keys = [fk for fk in keys if on in fk["fields"]]
        if not keys:
            raise PovpkgError(f"{child}.{on} is not a foreign key to {parent}; choose one of: {', '.join(names)}")
    fk = keys[0]
    if backend == "polars":
        return _join_polars(child, parent, path, fk, on if len(names) > 1 else None)
    from . import load

    left, right = load(child, path), load(parent, path)
    right_on = fk["reference"]["fields"]
    renamed = {c: c for c in right.columns}
    if on is not None and len(names) > 1:  # joining twice (provider, recipient) must keep both
        renamed = {c: f"{c}_{on}" for c in right.columns}
        right = right.rename(columns=renamed)
        right_on = [f"{c}_{on}" for c in right_on]
    out = left.merge(right, how="left", left_on=fk["fields"], right_on=right_on, suffixes=("", f"_{parent}"))
    out.attrs = dict(left.attrs, joined=parent, joined_on=fk["fields"],
                     fields=_joined_fields(out, left, right.attrs["fields"], renamed, parent))
    return out


def _joined_fields(out, left, parent_fields: dict, renamed: dict, parent: str) -> dict:
    """Field metadata of a joined frame: the child's columns, then the parent's under the
    names they got in the join (renamed for ``on=``, suffixed on clashes)."""
    fields = dict(left.attrs["fields"])
    for col, new in renamed.items():
        name = f"{new}_{parent}" if new in left.columns else new
        if name in out.columns and col in parent_fields:
            fields.setdefault(name, parent_fields[col])
    return fields


def _join_polars(child: str, parent: str, path, fk: dict, on: str | None):
    """The same join on polars frames: the parent's columns renamed for ``on=``, suffixed on clashes."""
    from . import load

    left, right = load(child, path, backend="polars"), load(parent, path, backend="polars")
    right_on = fk["reference"]["fields"]
    if on is not None:
        right = right.rename({c: f"{c}_{on}" for c in right.columns})
        right_on = [f"{c}_{on}" for c in right_on]
    return left.join(right, how="left", left_on=fk["fields"], right_on=right_on, suffix=f"_{parent}",
                     coalesce=on is None, maintain_order="left")  # as pandas: renamed keys stay
