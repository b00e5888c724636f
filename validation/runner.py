"""Run every registered rule, each guarded, then apply the errata by their policy.

A rule that raises is not a crash of the validator: it becomes a failure naming
the rule (the data it was handed is broken in a way no other check caught) and an
``unchecked`` entry with the reason. A rule whose tables could not be read is
listed in ``unchecked`` too, and the run goes on.
"""
from __future__ import annotations

from pathlib import Path

from povpkg._load import release_memory
from povpkg._report import Failure, Unchecked

from .errata import apply_errata
from .rules import RULES, Context


def run_rules(desc: dict, frames: dict, *, root: Path, sources=None, broken=(), package=None) -> tuple[list, list]:
    """``(failures, unchecked)`` of every rule over ``frames``, the errata applied.

    ``desc`` holds the resources of the tables in ``frames``; ``package`` the whole descriptor.
    """
    ctx = Context(desc=desc, root=Path(root), sources=Path(sources) if sources else None, package=package)
    failures, unchecked, complete = [], [], set()
    for name, fn in RULES.items():
        missing = [t for t in fn.needs if t not in frames]
        if missing:
            unchecked.append(_not_run(name, fn.needs, missing, frames, broken))
            continue
        got, gaps = run_one(name, fn, frames, ctx)
        release_memory()  # a rule's intermediate columns do not stay on top of the next rule's
        failures += got
        unchecked += gaps
        if not gaps and (not getattr(fn, "needs_texts", False) or _all_texts(frames, ctx)):
            complete.add(name)
    return apply_errata(failures, frames, desc, complete, set(frames) | set(broken)), unchecked


def _all_texts(frames, ctx) -> bool:
    """Did ``--sources`` hold every source's text? A rule reading the texts checked every
    row only then, so only then is an erratum it does not fail on stale."""
    from .provenance import texts_of

    return ctx.sources is not None and "sources" in frames and not texts_of(frames, ctx).absent


def run_one(name, fn, frames, ctx) -> tuple[list, list]:
    """One rule's failures and gaps; an exception inside it becomes both."""
    got, gaps = [], []
    try:
        for item in fn(frames, ctx):
            (gaps if isinstance(item, Unchecked) else got).append(item)
    except Exception as exc:  # noqa: BLE001 - a rule that cannot run says so; the run goes on
        table = fn.needs[0] if fn.needs else None
        reason = f"the rule could not run: {type(exc).__name__}: {str(exc)[:200]}"
        got.append(Failure(rule=name, table=table, message=reason,
                           fix="fix the other problems reported for these tables (a renamed or missing column, "
                               "an empty required cell), then validate again"))
        gaps.append(Unchecked(table, reason, rule=name))
    return got, gaps


def _not_run(name, needs, missing, frames, broken) -> Unchecked:
    loaded = [t for t in needs if t in frames]
    why = "could not be read" if all(t in broken for t in missing) else "is not in the package"
    return Unchecked(loaded[0] if loaded else missing[0], f"needs {', '.join(missing)}, which {why}", rule=name)
