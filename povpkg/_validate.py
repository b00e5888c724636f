"""Run every check over a data package and gather the failures into one Report.

Order: the descriptor is read (or the run stops with PackageError); every
property frictionless would dereference and every resource path is checked;
frictionless then checks structure, types, constraints, keys and hashes on a
sanitized in-memory copy of the descriptor (never the file itself); the pandera
schemas and the cross-table rules in ``validation/`` run on the tables found
well-typed. Whatever cannot be checked is listed in ``unchecked`` with its reason.
"""
from __future__ import annotations

from pathlib import Path

from ._package import descriptor, descriptor_path, resource_file
from ._report import Failure, Report, Unchecked
from ._safety import descriptor_problems, frictionless_copy
from .errors import MissingFileError, PackageError

# frictionless error types after which a table's values cannot be trusted to load typed
_UNLOADABLE = {
    "type-error", "constraint-error", "extra-cell", "missing-cell", "blank-row", "source-error",
    "scheme-error", "format-error", "encoding-error", "incorrect-label",
    "missing-label", "extra-label", "duplicate-label", "blank-label", "schema-error", "field-error",
    "resource-error", "general-error",
}
_MESSAGE = {
    "hash-count": "the data file differs from the sha256 recorded in datapackage.json",
    "byte-count": "the data file's size differs from the bytes recorded in datapackage.json",
}
_REHASH = ("after a deliberate edit, run `povpkg update-hashes {root} --bump patch` "
           "(records the files' new sha256 and size, and raises the version)")
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
    desc = descriptor(dp)
    version = desc.get("version")
    report = Report(package=str(dp), version=version if isinstance(version, str) else repr(version))
    root = dp.parent
    names = [r["name"] for r in desc["resources"]]

    report.stages.append("paths")
    files, bad = _check_descriptor(desc, root, report)
    report.tables = {name: 0 for name in names}

    report.stages.append("frictionless")
    readable = [n for n in names if n not in bad]
    broken = bad | _frictionless(frictionless_copy(desc, readable), root, report)

    from ._load import read_table  # pandas only from here on

    frames = {}
    for res in desc["resources"]:
        name = res["name"]
        if name in broken:
            continue
        try:
            frames[name] = read_table(files[name], res["schema"], table=name)
        except Exception as exc:  # noqa: BLE001 - any parse problem becomes a failure, not a traceback
            broken.add(name)
            report.failures.append(Failure(rule="readable", table=name, message=f"cannot be read as typed data: {exc}"))
    for name, df in frames.items():
        report.tables[name] = len(df)
    for name in names:
        if name in broken:
            report.unchecked.append(Unchecked(name, "the table's own problems above stop pandera and the cross-table rules"))

    from . import _rules

    checked = {**desc, "resources": [r for r in desc["resources"] if r["name"] in frames]}
    report.stages.append("pandera")
    fails, unchecked = _rules.schema_failures(checked, frames)
    report.failures.extend(fails)
    report.unchecked.extend(unchecked)
    report.stages.append("cross-table rules")
    fails, unchecked = _rules.rule_failures(checked, frames, root=root, sources=sources, broken=broken,
                                            package=desc)
    report.failures.extend(fails)
    report.unchecked.extend(unchecked)
    report.sources_not_checked = _rules.sources_not_checked(frames, sources)
    return report


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
    bad.discard(None)
    return files, bad


def _frictionless(copy: dict, root: Path, report: Report) -> set[str]:
    """Run frictionless on the sanitized copy; add its errors to the report; return tables that cannot be loaded."""
    import frictionless

    names = {r["name"] for r in copy["resources"]}
    try:
        result = frictionless.validate(copy, basepath=str(root))
    except Exception as exc:  # noqa: BLE001
        report.failures.append(Failure(rule="frictionless", message=f"frictionless could not run: {exc}"))
        return names
    from ._wording import plain_message, row_key

    schemas = {r["name"]: r.get("schema", {}) for r in copy["resources"]}
    broken = set()
    for err in result.errors:
        report.failures.append(Failure(rule=err.type, message=err.note or err.message))
        broken |= names  # a package-level error: no table can be trusted
    for task in result.tasks:
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


def _shell_path(path: Path) -> str:
    """A path as it can be pasted into a shell."""
    import shlex

    return shlex.quote(str(path))
