"""Run every check over a data package and gather the failures into one Report.

Order: the descriptor is read (or the run stops with PackageError), resource
paths are checked for safety, frictionless checks structure, types,
constraints, keys and hashes, then the pandera schemas and the cross-table
rules in ``validation/`` run on the tables frictionless found well-typed.
"""
from __future__ import annotations

from pathlib import Path

from ._package import descriptor, descriptor_path, resource_file
from ._report import Failure, Report
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
}


def validate(path=None, sources=None) -> Report:
    """Validate the package at ``path`` (file or folder; None = the installed data).

    ``sources``: folder of the source texts; when given, cited spans are checked too.
    Raises PackageError when the package cannot be read at all.
    """
    dp = descriptor_path(path).resolve()
    desc = descriptor(dp)
    report = Report(package=str(dp), version=desc.get("version"))
    root = dp.parent

    files, unsafe = {}, set()
    report.stages.append("paths")
    for res in desc["resources"]:
        name = res["name"]
        try:
            files[name] = resource_file(root, res)
        except MissingFileError as exc:
            unsafe.add(name)
            report.failures.append(Failure(rule="missing-file", table=name, message=str(exc),
                                           fix="restore the file, or fix the resource's path"))
        except PackageError as exc:
            unsafe.add(name)
            report.failures.append(Failure(rule="safe-path", table=name, message=str(exc),
                                           fix="keep every data file as a regular file inside the package folder"))
    if unsafe:  # never hand such a descriptor to frictionless: it would follow the path
        report.tables = {r["name"]: 0 for r in desc["resources"]}
        report.unchecked = [r["name"] for r in desc["resources"]]
        return report

    report.stages.append("frictionless")
    broken = _frictionless(dp, report)
    report.unchecked = [r["name"] for r in desc["resources"] if r["name"] in broken]

    from ._load import read_table  # pandas only from here on

    frames = {}
    for res in desc["resources"]:
        name = res["name"]
        if name in broken:
            continue
        try:
            frames[name] = read_table(files[name], res.get("schema", {}))
        except Exception as exc:  # noqa: BLE001 - any parse problem becomes a failure, not a traceback
            report.unchecked.append(name)
            report.failures.append(Failure(rule="readable", table=name, message=f"cannot be read as typed data: {exc}"))
    for name, df in frames.items():
        report.tables[name] = len(df)

    from . import _rules

    report.stages.append("pandera")
    report.failures.extend(_rules.schema_failures(desc, frames))
    report.stages.append("cross-table rules")
    report.failures.extend(_rules.rule_failures(desc, frames, root=root, sources=sources))
    report.sources_not_checked = _rules.sources_not_checked(frames, sources)
    return report


def _frictionless(dp: Path, report: Report) -> set[str]:
    """Run frictionless; add its errors to the report; return tables that cannot be loaded."""
    import frictionless

    try:
        result = frictionless.validate(str(dp))
    except Exception as exc:  # noqa: BLE001
        report.failures.append(Failure(rule="frictionless", message=f"frictionless could not run: {exc}"))
        return {r.get("name") for r in descriptor(dp)["resources"]}
    from ._wording import plain_message, row_key

    schemas = {r.get("name"): r.get("schema", {}) for r in descriptor(dp)["resources"]}
    broken = set()
    for err in result.errors:
        report.failures.append(Failure(rule=err.type, message=err.note or err.message))
        broken.add(None)
    for task in result.tasks:
        report.tables[task.name] = (task.stats or {}).get("rows") or 0
        for err in task.errors:
            if err.type == "foreign-key":
                continue  # validation's foreign-key rule reports these with clearer messages
            if err.type in _UNLOADABLE:
                broken.add(task.name)
            report.failures.append(Failure(
                rule=err.type, table=task.name, row=getattr(err, "row_number", None),
                key=row_key(err, schemas.get(task.name, {})),
                field=getattr(err, "field_name", None), value=getattr(err, "cell", None),
                message=_MESSAGE.get(err.type) or plain_message(err),
                fix=_FIX.get(err.type, "").replace("{root}", _shell_path(dp.parent)),
            ))
    if None in broken:  # a package-level error: no table can be trusted
        broken |= {r.get("name") for r in descriptor(dp)["resources"]}
    return broken


def _shell_path(path: Path) -> str:
    """A path as it can be pasted into a shell."""
    import shlex

    return shlex.quote(str(path))
