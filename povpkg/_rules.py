"""Bridge to the rules in ``validation/``: find that folder, import it, run it.

A wheel carries the folder as ``povpkg/_validation``; a checkout keeps it at the
repository root. Either way it is imported under the name ``povpkg._validation`` (private: not part of the API)
so no generic top-level ``validation`` module is ever installed or imported.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from ._report import Failure, Unchecked

_NAME = "povpkg._validation"


def rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    for cand in (here / "_validation", here.parent / "validation"):  # the wheel's, then the checkout's
        if (cand / "__init__.py").is_file():
            return cand
    raise ImportError("povpkg's validation rules are missing")


def rules_module():
    """The ``validation`` package, imported once as ``povpkg._validation``."""
    if _NAME in sys.modules:
        return sys.modules[_NAME]
    folder = rules_dir()
    spec = importlib.util.spec_from_file_location(_NAME, folder / "__init__.py",
                                                  submodule_search_locations=[str(folder)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[_NAME] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[_NAME]
        raise
    return module


def schema_failures(desc: dict, frames: dict) -> tuple[list[Failure], list[Unchecked]]:
    """Pandera's failures per table; a table pandera cannot run on is listed unchecked."""
    from ._load import release_memory

    check = rules_module().check_schemas
    fails, unchecked = [], []
    for res in desc["resources"]:
        name = res["name"]
        try:
            fails += check({**desc, "resources": [res]}, {name: frames[name]})
        except Exception as exc:  # noqa: BLE001 - one broken table must not stop the run
            reason = f"pandera could not run: {type(exc).__name__}: {str(exc)[:200]}"
            fails.append(Failure(rule="pandera", table=name, message=reason,
                                 fix="fix the table's other problems, then validate again"))
            unchecked.append(Unchecked(name, reason, rule="pandera"))
        release_memory()  # one table's intermediate columns do not stay on top of the next one's
    return fails, unchecked


def rule_failures(desc: dict, frames: dict, *, root: Path, sources=None, broken=(), package=None) -> tuple[list, list]:
    """The cross-table rules' failures (errata applied) and what they could not check."""
    return rules_module().run_rules(desc, frames, root=root, sources=sources, broken=broken, package=package)


def contract_basis(desc: dict, root: Path) -> dict:
    """Which release record and contract the package is held to, and whether its version is a release."""
    claims = rules_module().claims
    try:
        return claims.basis(desc, root).summary()
    except claims.RecordError as exc:  # povpkg's own record is unreadable: say so, the rules fail on it
        return {"owner": None, "package": None, "version": None, "released": False, "why": str(exc), "record": None}


def sources_not_checked(frames: dict, sources) -> dict[str, str]:
    """Sources whose texts the ``sources`` folder does not hold (their spans go unchecked)."""
    if sources is None or "sources" not in frames:
        return {}
    return dict(rules_module().provenance.not_checked(frames["sources"], sources))
