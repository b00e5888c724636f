"""Frictionless's validation of a package, reading every row only of the tables not vouched for.

``frictionless.validate`` reads every row of every table. For a table the typed pass
vouched for (``_vouch``), this runs the same steps as frictionless's own package
validation (the descriptor checked, each table opened and its header checked) but stops
after the first row, and compares the file's hash and size, computed by the caller, as
frictionless's baseline check does at the end of a table: the report is the one
``frictionless.validate`` gives.
"""
from __future__ import annotations

_LIMIT = "reached row limit: 1"


def validate_package(copy: dict, basepath: str, vouched: dict) -> tuple[list, list]:
    """``(package-level errors, one task per table)`` of frictionless over ``copy``."""
    import frictionless
    from frictionless import Checklist, FrictionlessException, settings

    if not vouched:
        result = frictionless.validate(copy, basepath=basepath)
        return result.errors, result.tasks
    # the steps of frictionless.validate (actions/validate.py), JsonResource.validate and Package.validate
    try:
        source = frictionless.Resource(copy, datatype=None, basepath=basepath)
    except FrictionlessException as exc:
        return exc.reasons or [exc.error], []
    if not hasattr(source, "read_metadata"):  # not read as a package: frictionless's own way
        result = frictionless.validate(copy, basepath=basepath)
        return result.errors, result.tasks
    try:
        package = source.read_metadata()
        package.to_descriptor(validate=True)
    except FrictionlessException as exc:
        return exc.to_errors(), []
    checklist, errors, tasks = Checklist(), [], []
    for resource in package.resources:  # Report.from_validation_reports: each report's errors and tasks
        seen = vouched.get(resource.name)
        if seen is None or getattr(resource, "fields", None) or getattr(resource, "rows", None):
            report = resource.validate(checklist, limit_errors=settings.DEFAULT_LIMIT_ERRORS)
        else:
            report = resource.validate(checklist, limit_rows=1, limit_errors=settings.DEFAULT_LIMIT_ERRORS)
            for task in report.tasks:
                if _LIMIT in task.warnings:  # frictionless stopped before its end-of-table checks: they run here
                    task.errors.extend(_file_errors(resource, seen))
        errors += report.errors
        tasks += report.tasks
    return errors, tasks


def _file_errors(resource, seen: dict) -> list:
    """The hash-count and byte-count errors of frictionless's baseline check, from ``seen``'s digests."""
    from frictionless import errors, helpers

    out, note = [], 'expected is "%s" and actual is "%s"'
    if resource.hash:
        algorithm, expected = helpers.parse_resource_hash_v1(resource.hash)
        actual = seen.get(algorithm) if algorithm in ("md5", "sha256") else None
        if actual and actual != expected:
            out.append(errors.HashCountError(note=note % (expected, actual)))
    if resource.bytes and resource.bytes != seen["bytes"]:
        out.append(errors.ByteCountError(note=note % (resource.bytes, seen["bytes"])))
    return out
