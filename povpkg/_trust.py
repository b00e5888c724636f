"""Only the installed povpkg runs: no module from the data's folder or the working directory.

Python puts the working directory first on ``sys.path`` (``python -m``, ``python -c``),
and frictionless imports every ``frictionless_*`` module on the path as a plugin; a
data repository holding a ``povpkg/`` folder, a ``pandas.py`` or a
``frictionless_evil.py`` would run its code inside the validator, which could then
say VALID. So:

- the command line drops the working directory from ``sys.path`` before anything
  else is imported (``drop_working_directory``);
- every Python subprocess starts with ``-P`` (no unsafe path), in the folder povpkg
  was imported from, with that folder first on ``PYTHONPATH`` (``python_command``);
- frictionless sees only its own plugins (``with_own_plugins``).

What no code of povpkg can guard (docs/trust.md): ``python -m povpkg`` without ``-P``
in a folder holding a ``povpkg/`` runs that folder's package instead of this one,
and an environment that puts the data's folder on ``PYTHONPATH`` imports from it.
Standard library only: the command line imports this first.
"""
from __future__ import annotations

import os
import sys

# the folder the running povpkg was imported from (site-packages, or a checkout)
HOME = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def _real(entry: str) -> str | None:
    try:
        return os.path.realpath(entry or ".")
    except (OSError, ValueError):
        return None


def drop_working_directory(*folders) -> None:
    """Remove the working directory (``""`` or its path) and ``folders`` from ``sys.path``,
    keeping the folder povpkg itself came from."""
    try:
        untrusted = {os.path.realpath(os.getcwd())}
    except OSError:  # the working directory was removed
        untrusted = set()
    untrusted |= {os.path.realpath(os.fspath(f)) for f in folders}
    untrusted.discard(HOME)
    sys.path[:] = [p for p in sys.path if p != "" and _real(p) not in untrusted]


def python_command(*args: str) -> list[str]:
    """``python -P ARGS``: the running interpreter, never prepending the working directory."""
    return [sys.executable, "-P", *args]


def child_env() -> dict[str, str]:
    """The caller's environment with povpkg's folder first on the path, so a child
    imports the same povpkg (start it with ``cwd=HOME``)."""
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": HOME + (os.pathsep + path if path else "")}


def _own_plugins():
    """frictionless's plugins from its own packages (schemes, formats, portals), found as
    frictionless's System finds them, minus the ``frictionless_*`` modules on the path."""
    import pkgutil
    from collections import OrderedDict
    from importlib import import_module

    plugins = OrderedDict()
    for group in ("schemes", "formats", "portals"):
        package = import_module(f"frictionless.{group}")
        for _, name, _ in pkgutil.iter_modules([os.path.dirname(package.__file__)]):
            module = import_module(f"frictionless.{group}.{name}")
            plugin = getattr(module, f"{name.capitalize()}Plugin", None)
            if plugin:
                plugins[name] = plugin()
    return plugins


def with_own_plugins(run, *args, **kwargs):
    """``run(*args, **kwargs)`` with frictionless's own plugins only (its System caches
    them on first use); the caller's plugin set comes back after."""
    from frictionless import system

    cache = system.__dict__
    saved = {k: cache.pop(k) for k in ("plugins", "methods") if k in cache}
    cache["plugins"] = _own_plugins()
    try:
        return run(*args, **kwargs)
    finally:
        cache.pop("plugins", None)
        cache.pop("methods", None)
        cache.update(saved)
