"""Run every check over a data package and gather the failures into one Report.

Order: the descriptor is read (or the run stops with PackageError); every
property frictionless would dereference and every resource path is checked;
frictionless then checks structure, types, constraints, keys and hashes on a
sanitized in-memory copy of the descriptor (never the file itself); the pandera
schemas and the cross-table rules in ``validation/`` run on the tables found
well-typed. Whatever cannot be checked is listed in ``unchecked`` with its reason.

On a package of several MiB, frictionless runs in a worker process (``_worker``)
while this one reads the tables and runs pandera and the rules, assuming frictionless
finds every table loadable; when it does not, the typed pass is redone without those
tables. The report is the one a run in that order in one process gives (on a smaller
package, what the run is).
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ._limits import FIX as LIMITS_FIX, MAX_DESCRIPTOR_BYTES, descriptor_limits, file_limits
from ._package import descriptor, descriptor_path, resource_file
from ._patterns import pinned
from ._report import Failure, Report, Unchecked
from ._safety import descriptor_problems, frictionless_copy
from ._load import release_memory
from ._worker import Frictionless, separate
from .errors import MissingFileError, PackageError, SizeLimitError

# frictionless error types after which a table's values cannot be trusted to load typed
_UNLOADABLE = {
    "type-error", "constraint-error", "extra-cell", "missing-cell", "blank-row", "source-error",
    "scheme-error", "format-error", "encoding-error", "incorrect-label",
    "missing-label", "extra-label", "duplicate-label", "blank-label", "schema-error", "field-error",
    "resource-error", "general-error",
}
_OVER = "the descriptor is over povpkg's size limits, so nothing in it was checked (docs/limits.md)"
_MESSAGE = {
    "hash-count": "the data file differs from the sha256 recorded in datapackage.json",
    "byte-count": "the data file's size differs from the bytes recorded in datapackage.json",
}
_REHASH = ("after a deliberate edit, run `povpkg update-hashes {root}` "
           "(records the files' new sha256 and size)")
_REHASH_RELEASED = ("after a deliberate edit, run `povpkg update-hashes {root} --bump patch` "
                    "(records the files' new sha256 and size, and raises the version above its release)")
_FIX = {
    "type-error": "write the value in the field's type (see `povpkg describe TABLE`)",
    "constraint-error": "use a value the field's constraints allow (see `povpkg describe TABLE`)",
    "primary-key": "make the key unique: change or remove the duplicate row",
    "unique-error": "make the value unique in this column",
    "hash-count": _REHASH,
    "byte-count": _REHASH,
    "extra-cell": "remove the extra cell or quote a value that contains a comma",
    "missing-cell": "add the missing cells so the row has one per header column",
    "encoding-error": "save the file as UTF-8",
    "safe-descriptor": "describe every table inline (schema and dialect as objects) and use no profile URLs",
    "csv-dialect": "save the table as comma-separated UTF-8 CSV and remove the dialect",
    "descriptor": "write version as a string, e.g. \"0.3.0\"",
    "unknown-property": "remove the property: povpkg reads only the Data Package properties it documents",
    "metadata": "fix the descriptor's metadata as the message says (it feeds the citation and the licence)",
    "missing-file": "restore the file, or fix the resource's path",
    "safe-path": "keep every data file as a regular file inside the package folder",
}


def validate(path=None, sources=None) -> Report:
    """Validate the package at ``path`` (file or folder; None = the installed data).

    ``sources``: folder of the source texts; when given, cited spans are checked too.
    Raises PackageError when the package cannot be read at all.
    """
    dp = descriptor_path(path).resolve()
    if sources is not None and not Path(sources).is_dir():
        raise PackageError(f"--sources {sources}: no such folder")
    size = dp.stat().st_size
    if size > MAX_DESCRIPTOR_BYTES:  # reported, not raised: a size limit is the data's failure
        report = Report(package=str(dp), version=None, stages=["size limits"])
        report.failures.append(Failure(rule="size-limit", message=f"{dp.name} has {size:,} bytes; the limit for a "
                                       f"descriptor is {MAX_DESCRIPTOR_BYTES:,}", fix=LIMITS_FIX))
        report.unchecked.append(Unchecked(None, _OVER))
        return report
    desc = descriptor(dp)
    version = desc.get("version")
    report = Report(package=str(dp), version=version if isinstance(version, str) else repr(version),
                    validator=descriptor(None).get("version"))
    root = dp.parent
    if _over_limits(desc, report):
        return report
    names = [r["name"] for r in desc["resources"]]

    report.stages.append("paths")
    files, bad = _check_descriptor(desc, root, report)
    report.tables = {name: 0 for name in names}

    report.stages.append("frictionless")
    readable = [n for n in names if n not in bad]
    package, desc = desc, pinned(desc)  # only the contract's patterns run; the contract rule sees the copy's
    size = sum(_size(files[n]) for n in readable)
    worker = Frictionless(frictionless_copy(desc, readable), root, separate(size))  # may run beside the typed pass
    reads = _read_tables(desc, files, bad)
    with _survivors_left_alone():
        typed = _typed_pass(desc, reads, bad, root, sources, package, vouch_to=(worker, files))
        del reads  # the frames go while frictionless finishes; a second pass reads again
        release_memory()
        failures, rows, unloadable = worker.result()
        report.failures.extend(failures)
        report.tables.update(rows)
        if not unloadable <= typed.broken:  # frictionless found tables that cannot be loaded: check without them
            skip = bad | unloadable
            typed = _typed_pass(desc, _read_tables(desc, files, skip), skip, root, sources, package)
    report.tables.update(typed.rows)
    report.failures.extend(typed.failures)
    report.unchecked.extend(typed.unchecked)
    report.sources_not_checked = typed.sources_not_checked
    report.stages += ["pandera", "cross-table rules"]
    from ._rules import contract_basis

    report.contract = contract_basis(desc, root)
    report.failures = _as_given(report.failures, root, path, report.contract["released"])
    return report


@contextmanager
def _survivors_left_alone():
    """What is alive when the typed pass starts (the modules of pandas, pandera and the rules,
    the frames) outlives the pass: the garbage collections during it leave that alone
    (``gc.freeze``) instead of walking it again and again, and hand it back to the collector
    when the pass ends (``gc.unfreeze``). A caller that froze objects itself is left as it is."""
    import gc

    if gc.get_freeze_count():
        yield
        return
    from ._rules import rules_module

    rules_module()  # imported here, not inside the pass, so that its modules are left alone too
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _size(path: Path) -> int:
    """A data file's bytes (0 when it vanished since it was checked: frictionless then says so)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _as_given(failures: list, root: Path, given, released: bool) -> list:
    """Fix lines name the package as the user did (a relative path stays relative), and a
    re-hash proposes a version bump only when the version is a release."""
    import dataclasses
    import re

    shown = _shell_path(given) if given is not None else _shell_path(root)
    absolute = _shell_path(root)
    at_root = re.compile(re.escape(absolute) + r"(?![\w.-])")
    out = []
    for f in failures:
        fix = f.fix
        if f.rule in ("hash-count", "byte-count"):
            fix = (_REHASH_RELEASED if released else _REHASH).replace("{root}", absolute)
        fix = at_root.sub(lambda _: shown, fix)
        out.append(f if fix == f.fix else dataclasses.replace(f, fix=fix))
    return out


def _read_tables(desc: dict, files: dict, bad: set) -> dict:
    """Each table's typed frame, or the exception that stopped reading it."""
    from ._load import read_table  # pandas only from here on

    reads = {}
    for res in desc["resources"]:
        name = res["name"]
        if name not in bad:
            try:
                reads[name] = read_table(files[name], res["schema"], table=name)
            except Exception as exc:  # noqa: BLE001 - any parse problem becomes a failure, not a traceback
                reads[name] = exc
            release_memory()
    return reads


@dataclass
class _Typed:
    rows: dict = field(default_factory=dict)
    failures: list = field(default_factory=list)
    unchecked: list = field(default_factory=list)
    broken: set = field(default_factory=set)
    sources_not_checked: dict = field(default_factory=dict)


def _typed_pass(desc: dict, reads: dict, broken: set, root: Path, sources, package: dict, vouch_to=None) -> _Typed:
    """Reading failures, pandera and the cross-table rules on the tables not ``broken``
    (``package``: the descriptor as written, for the rules that compare it with the contract).
    ``vouch_to``: ``(worker, files)``: once pandera has run, the worker starts on every table,
    reading row by row only those the typed pass cannot vouch for (``_vouch``)."""
    from . import _rules

    out = _Typed(broken=set(broken))
    frames = {}
    for res in desc["resources"]:
        name = res["name"]
        if name in out.broken:
            continue
        got = reads[name]
        if isinstance(got, SizeLimitError):
            out.broken.add(name)
            out.failures.append(Failure(rule="size-limit", table=name, message=str(got), fix=LIMITS_FIX))
        elif isinstance(got, Exception):
            out.broken.add(name)
            out.failures.append(Failure(rule="readable", table=name, message=f"cannot be read as typed data: {got}"))
        else:
            frames[name] = got
    out.rows = {name: len(df) for name, df in frames.items()}
    for res in desc["resources"]:
        if res["name"] in out.broken:
            out.unchecked.append(Unchecked(res["name"], "the table's own problems above stop pandera and the cross-table rules"))
    checked = {**desc, "resources": [r for r in desc["resources"] if r["name"] in frames]}
    fails, unchecked = _rules.schema_failures(checked, frames)
    out.failures += fails
    out.unchecked += unchecked
    if vouch_to is not None:
        worker, files = vouch_to
        worker.start(_vouched(checked, frames, files, {f.table for f in fails}))
    fails, unchecked = _rules.rule_failures(checked, frames, root=root, sources=sources, broken=out.broken,
                                            package=package)
    out.failures += fails
    out.unchecked += unchecked
    out.sources_not_checked = _rules.sources_not_checked(frames, sources)
    return out


def _vouched(desc: dict, frames: dict, files: dict, failed: set) -> dict:
    """The digests of every table pandera found nothing on and the typed pass vouches for."""
    from ._vouch import vouch

    out = {}
    for res in desc["resources"]:
        name = res["name"]
        if name not in failed:
            try:
                seen = vouch(files[name], res, frames[name])
            except Exception:  # noqa: BLE001 - a table in doubt is read by frictionless row by row
                seen = None
            if seen is not None:
                out[name] = seen
    return out


def _check_descriptor(desc: dict, root: Path, report: Report) -> tuple[dict, set]:
    """Refuse what frictionless would fetch or open; return the safe data files and the refused tables."""
    files, bad = {}, set()
    for table, rule, message in descriptor_problems(desc):
        bad.add(table)
        report.failures.append(Failure(rule=rule, table=table, message=message, fix=_FIX[rule]))
    for res in desc["resources"]:
        name = res["name"]
        try:
            files[name] = resource_file(root, res)
        except PackageError as exc:
            bad.add(name)
            rule = "missing-file" if isinstance(exc, MissingFileError) else "safe-path"
            report.failures.append(Failure(rule=rule, table=name, message=str(exc), fix=_FIX[rule]))
    for table, message in file_limits({n: f for n, f in files.items() if n not in bad}):
        bad |= set(files) if table is None else {table}
        report.failures.append(Failure(rule="size-limit", table=table, message=message, fix=LIMITS_FIX))
    bad.discard(None)
    return files, bad


def _over_limits(desc: dict, report: Report) -> bool:
    """Whether the descriptor is over a size limit (each one a failure): nothing else is then checked."""
    over = descriptor_limits(desc)
    report.failures += [Failure(rule="size-limit", message=m, fix=LIMITS_FIX) for m in over]
    if over:
        report.stages.append("size limits")
        report.unchecked.append(Unchecked(None, _OVER))
    return bool(over)


def _frictionless(copy: dict, root: Path, report: Report, vouched: dict | None = None) -> set[str]:
    """Run frictionless on the sanitized copy (the ``vouched`` tables opened, not read row by row);
    add its errors to the report; return tables that cannot be loaded."""
    from ._frictionless_run import validate_package
    from ._trust import with_own_plugins

    names = {r["name"] for r in copy["resources"]}
    try:  # no frictionless_* module found on the path runs
        errors, tasks = with_own_plugins(validate_package, copy, str(root), vouched or {})
    except Exception as exc:  # noqa: BLE001
        report.failures.append(Failure(rule="frictionless", message=f"frictionless could not run: {exc}"))
        return names
    from ._wording import plain_message, row_key

    schemas = {r["name"]: r.get("schema", {}) for r in copy["resources"]}
    broken = set()
    for err in errors:
        report.failures.append(Failure(rule=err.type, message=err.note or err.message))
        broken |= names  # a package-level error: no table can be trusted
    for task in tasks:
        report.tables[task.name] = (task.stats or {}).get("rows") or 0
        for err in task.errors:
            if err.type in _UNLOADABLE:
                broken.add(task.name)
            report.failures.append(Failure(
                rule=err.type, table=task.name, row=getattr(err, "row_number", None),
                key=row_key(err, schemas.get(task.name, {})),
                field=getattr(err, "field_name", None), value=getattr(err, "cell", None),
                message=_MESSAGE.get(err.type) or plain_message(err),
                fix=_FIX.get(err.type, "").replace("{root}", _shell_path(root)),
            ))
    return broken


def _shell_path(path) -> str:
    """A path as it can be pasted into a shell."""
    import os
    import shlex

    return shlex.quote(os.fspath(path))
