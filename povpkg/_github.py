"""A validation report as GitHub workflow commands, so failures land on the lines of a diff.

``::error file=tables/countries.csv,line=82,title=foreign-key::...``: the file is the
table's CSV relative to the working directory (as GitHub resolves it), the line is the
CSV line (header = 1). The descriptor is re-read here with the standard library only
and trusted for nothing but the names and relative paths of its resources. Every
piece of text passes ``_safety.shown`` first: a value holding a line break, ``::`` or an
escape sequence cannot start a workflow command of its own or colour the log.
"""
from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath

from ._report import Report
from ._safety import shown


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(shown(text)).replace(":", "%3A").replace(",", "%2C")


def table_files(descriptor: Path) -> dict[str, str]:
    """Table name -> its CSV's relative path, for the resources whose path is plainly safe."""
    try:
        desc = json.loads(descriptor.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out = {}
    resources = desc.get("resources") if isinstance(desc, dict) else None
    for res in resources if isinstance(resources, list) else []:
        name, path = (res.get("name"), res.get("path")) if isinstance(res, dict) else (None, None)
        if isinstance(name, str) and isinstance(path, str):
            p = PurePosixPath(path)
            if not p.is_absolute() and ".." not in p.parts:
                out[name] = path
    return out


def _relative(path: Path, cwd: Path) -> str:
    """``path`` relative to ``cwd`` where it lies below it (GitHub wants repository paths)."""
    path = path.resolve()
    try:
        return path.relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def to_github(report: Report, cwd: Path | None = None) -> str:
    """One ``::error`` line per failure, then the report's verdict as a plain line."""
    cwd = Path(cwd or os.getcwd())
    descriptor = Path(report.package)
    files = table_files(descriptor)
    lines = []
    for f in report.failures:
        target = descriptor.parent / files[f.table] if f.table in files else descriptor
        props = [f"file={_escape_property(_relative(target, cwd))}"]
        if f.row is not None and f.table in files:
            props.append(f"line={int(f.row)}")
        props.append(f"title={_escape_property(f.rule)}")
        text = shown(f"{f.where()}: {f.message}" + (f" (value: {f.value!r})" if f.value is not None else ""))
        if f.fix:
            text += f"\nfix: {shown(f.fix)}"
        lines.append(f"::error {','.join(props)}::{_escape_data(text)}")
    verdict = report.to_text().splitlines()[-1]
    lines.append(f"{verdict[:-1]} ({report.checked_by()})." if report.validator else verdict)
    return "\n".join(lines)
