"""povpkg: China's poverty-reduction cooperation as validated, citable tables.

    >>> import povpkg
    >>> povpkg.tables()                 # the table names
    >>> df = povpkg.load("events")      # a typed pandas DataFrame
    >>> povpkg.validate().valid         # every rule over the shipped data
    >>> print(povpkg.cite("bibtex"))    # cite the exact version

Importing povpkg imports nothing but its error classes; the descriptor is read
on first use, pandas when a table is loaded, frictionless and pandera only when
validating.
"""
from __future__ import annotations

from .errors import PackageError, PovpkgError, UnknownTableError

__all__ = ["__version__", "tables", "load", "load_all", "join", "describe", "validate", "cite", "export",
           "PovpkgError", "PackageError", "UnknownTableError"]


def _descriptor(path=None) -> dict:
    from ._package import descriptor

    return descriptor(path)


def _find_resource(desc: dict, name: str) -> dict:
    from ._package import find_resource

    return find_resource(desc, name)


def __getattr__(name):
    if name == "__version__":  # read on demand: datapackage.json is the one place it lives
        return _descriptor()["version"]
    raise AttributeError(f"module 'povpkg' has no attribute {name!r}")


def tables(path=None) -> list[str]:
    """Names of the tables in the package (the shipped one unless ``path`` is given)."""
    from ._package import table_names

    return table_names(_descriptor(path))


def load(name: str, path=None, *, backend: str = "pandas"):
    """Table ``name`` as a DataFrame typed from its Table Schema.

    ``backend="polars"`` returns a polars DataFrame read by polars itself
    (polars must be installed; pandas is not imported).
    """
    if backend == "polars":
        from ._polars import load_polars

        return load_polars(name, path)
    if backend != "pandas":
        raise PovpkgError(f"unknown backend {backend!r}; choose pandas or polars")
    from ._load import load as _load

    return _load(name, path)


def load_all(path=None) -> dict:
    """Every table, by name."""
    return {name: load(name, path) for name in tables(path)}


def join(child: str, parent: str, path=None):
    """Rows of ``child`` with the columns of ``parent`` added along their declared foreign key.

    ``join("event_countries", "events")`` gives each country link with its event;
    ``join("event_countries", "countries")`` adds the country's name and region.
    """
    res = _find_resource(_descriptor(path), child)
    for fk in res.get("schema", {}).get("foreignKeys", []):
        if fk["reference"].get("resource") == parent:
            left, right = load(child, path), load(parent, path)
            out = left.merge(right, how="left", left_on=fk["fields"], right_on=fk["reference"]["fields"],
                             suffixes=("", f"_{parent}"))
            out.attrs = dict(left.attrs, joined=parent)
            return out
    raise PovpkgError(f"{child} has no foreign key to {parent}")


def describe(name: str, path=None) -> dict:
    """The resource's metadata (title, description, fields, keys) as a dict."""
    return _find_resource(_descriptor(path), name)


def export(format: str, dest, path=None):
    """Write every table to ``dest`` as sqlite, parquet or xlsx; returns the path written."""
    from ._export import export as _export

    return _export(format, dest, path)


def cite(format: str = "text", path=None) -> str:
    """How to cite the exact version: format "text" (APA-like), "bibtex" or "cff"."""
    from ._cite import cite as _cite

    return _cite(format, path)


def validate(path=None, sources=None):
    """Run every check; returns a Report (``report.valid``, ``report.failures``)."""
    from ._validate import validate as _validate

    return _validate(path, sources=sources)
