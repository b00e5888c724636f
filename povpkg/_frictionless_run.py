"""Frictionless's validation of a package, reading every row only of the tables not vouched for.

``frictionless.validate`` reads every row of every table. For a table the typed pass
vouched for (``_vouch``), this runs the same steps as frictionless's own package
validation (the descriptor checked, each table opened and its header checked) but stops
after the first row, and compares the file's hash and size, computed by the caller, as
frictionless's baseline check does at the end of a table: the report is the one
``frictionless.validate`` gives. Two of the vouching's conditions are checked here, with
frictionless's own answers: the dialect it sniffed while opening the table is the plain
one the typed pass read it in, and its cell reader takes every ``uri`` the caller listed;
otherwise it reads the whole table.
"""
from __future__ import annotations

import csv

_LIMIT = "reached row limit: 1"


def validate_package(copy: dict, basepath: str, vouched: dict) -> tuple[list, list]:
    """``(package-level errors, one task per table)`` of frictionless over ``copy``."""
    import frictionless
    from frictionless import Checklist, FrictionlessException

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
        report = _validate_resource(resource, vouched.get(resource.name), checklist, source.read_metadata)
        errors += report.errors
        tasks += report.tasks
    return errors, tasks


def _validate_resource(resource, seen: dict | None, checklist, read_package):
    """Frictionless's report on one table: read row by row, or, when ``seen`` vouches for it and
    frictionless agrees on the dialect and the listed cells, up to its first row."""
    from frictionless import settings

    limit = settings.DEFAULT_LIMIT_ERRORS
    if seen is None or getattr(resource, "fields", None) or getattr(resource, "rows", None) \
            or not _cells_taken(resource, seen.get("cells") or {}):
        return resource.validate(checklist, limit_errors=limit)
    report = resource.validate(checklist, limit_rows=1, limit_errors=limit)
    stopped = [task for task in report.tasks if _LIMIT in task.warnings]
    if stopped and not _plain_dialect(resource):  # read in another dialect than the typed pass's: every row,
        return read_package().get_resource(resource.name).validate(checklist, limit_errors=limit)  # afresh
    for task in stopped:  # frictionless stopped before its end-of-table checks: they run here
        task.errors.extend(_file_errors(resource, seen))
    return report


def _cells_taken(resource, cells: dict) -> bool:
    """Whether frictionless's own cell reader takes each listed cell of each field without a note."""
    schema = resource.schema
    for name, values in cells.items():
        if not schema.has_field(name):
            return False
        read = schema.get_field(name).create_cell_reader()
        if any(read(value)[1] for value in values):
            return False
    return True


def _plain_dialect(resource) -> bool:
    """Whether frictionless read the table (its dialect sniffed while opening it) as the typed pass
    did: comma-separated, double quotes doubled, no escape character, spaces kept."""
    if not resource.dialect.has_control("csv"):
        return False
    got = resource.dialect.get_control("csv").to_python()
    return (got.delimiter, got.quotechar, got.escapechar, got.doublequote, got.skipinitialspace, got.quoting) == \
        (",", '"', None, True, False, csv.QUOTE_MINIMAL)


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
