"""The validation report: a flat list of failures, rendered for people or for CI.

Every text rendering goes through ``_safety.shown`` line by line, and the JSON through
``shown_json``: nothing the data says reaches a terminal as an escape sequence, a bidi
override or a forged line.
"""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from typing import Any

from ._safety import shown, shown_json

REPORT_FORMAT = 2  # bump when the JSON shape changes (2: unchecked entries carry their reason)


def as_written(value):
    """A cell value as the CSV writes it: None for missing, ``2012-06-02`` for a date,
    plain Python numbers and text (no ``Timestamp(...)``, ``np.int64`` or ``NaT``)."""
    if value is None:
        return None
    kind = type(value).__name__
    if kind in ("NAType", "NaTType"):
        return None
    if hasattr(value, "isoformat") and hasattr(value, "year"):  # date, datetime, Timestamp
        if getattr(value, "hour", 0) == getattr(value, "minute", 0) == getattr(value, "second", 0) == 0:
            return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        try:
            value = value.item()
        except (TypeError, ValueError):
            return str(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def plural(n: int, word: str) -> str:
    """``1 table``, ``2 tables``, ``0 problems``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass(frozen=True)
class Failure:
    """One broken rule at one place: table, row (CSV line number, header = 1), field."""

    rule: str
    message: str
    table: str | None = None
    row: int | None = None
    key: str | None = None
    field: str | None = None
    value: object = None
    fix: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", as_written(self.value))

    def where(self) -> str:
        parts = [self.table or "package"]
        if self.row is not None:
            parts.append(f"row {self.row}" + (f" ({self.key})" if self.key else ""))
        elif self.key:
            parts.append(self.key)
        if self.field:
            parts.append(f"field {self.field}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Unchecked:
    """A table (or one rule on it) that could not be checked, and why."""

    table: str | None
    reason: str
    rule: str | None = None

    def text(self) -> str:
        what = self.table or "package"
        return f"{what}{f' [{self.rule}]' if self.rule else ''}: {self.reason}"


@dataclass
class Report:
    """What ``povpkg.validate`` returns; ``bool(report)`` is True when valid."""

    package: str
    version: str | None
    failures: list[Failure] = field(default_factory=list)
    tables: dict[str, int] = field(default_factory=dict)
    stages: list[str] = field(default_factory=list)
    unchecked: list[Unchecked] = field(default_factory=list)  # what could not be checked, with the reason
    sources_not_checked: dict[str, str] = field(default_factory=dict)  # source_id -> why its spans were not read
    contract: dict[str, Any] | None = None  # the release record and contract the package was held to (claims.Basis.summary)
    validator: str | None = None  # the povpkg release that checked (its own data's version)

    @property
    def valid(self) -> bool:
        return not self.failures

    def __bool__(self) -> bool:
        return self.valid

    def rules(self) -> set[str]:
        return {f.rule for f in self.failures}

    def skipped(self) -> set[str]:
        """Tables no typed rule ran on (a whole-table entry in ``unchecked``)."""
        return {u.table for u in self.unchecked if u.rule is None}

    def checked_by(self) -> str:
        """``checked by povpkg 0.5.0 against povpkg 0.4.0, povpkg's own record, ...``."""
        return shown(f"checked by povpkg {self.validator or '(unknown)'} against "
                     + (contract_text(self.contract) if self.contract else "no recorded contract"))

    def to_dict(self) -> dict[str, Any]:
        return {
            "report_format": REPORT_FORMAT,
            "valid": self.valid,
            "package": self.package,
            "version": self.version,
            "povpkg": self.validator,
            "stages": self.stages,
            "tables": self.tables,
            "unchecked": [asdict(u) for u in self.unchecked],
            "sources_not_checked": self.sources_not_checked,
            "contract": self.contract,
            "summary": {"tables": len(self.tables), "rows": sum(self.tables.values()), "failures": len(self.failures)},
            "failures": [_jsonable(asdict(f)) for f in self.failures],
        }

    def to_json(self) -> str:
        return shown_json(json.dumps(self.to_dict(), indent=2, ensure_ascii=False, allow_nan=False))

    def to_text(self) -> str:
        lines = [f"povpkg validate: {self.package} (version {self.version})"]
        lines.append(f"checked by povpkg {self.validator}: " if self.validator else "checked: ")
        lines[-1] += ", ".join(self.stages)
        if self.contract:
            lines.append("contract: " + contract_text(self.contract))
        by_table: dict[str, list[Failure]] = {}
        for f in self.failures:
            by_table.setdefault(f.table or "package", []).append(f)
        for name, rows in self.tables.items():
            mark = "FAIL" if name in by_table else "skip" if name in self.skipped() else "ok"
            lines.append(f"  {mark:4} {name} ({plural(rows, 'row')})" + (f": {plural(len(by_table[name]), 'problem')}" if name in by_table else ""))
        for name, fails in by_table.items():
            lines.append("")
            lines.append(f"{name}:")
            for f in fails:
                said = f.value is None or repr(f.value) in f.message
                lines.append(f"  - {f.where()}: [{f.rule}] {f.message}" + ("" if said else f" (value: {f.value!r})"))
                if f.fix:
                    lines.append(f"      fix: {f.fix}")
        if self.unchecked:
            lines.append("")
            lines.append("not checked until the problems above are fixed:")
            lines.extend(f"  - {u.text()}" for u in self.unchecked)
        if self.sources_not_checked:
            lines.append("")
            n = len(self.sources_not_checked)
            lines.append(f"spans not checked against a text ({n} source{'s' if n != 1 else ''} without one in the "
                         "sources folder): " + ", ".join(self.sources_not_checked))
        lines.append("")
        n, t = sum(self.tables.values()), len(self.tables)
        if self.valid:
            lines.append(f"VALID: {plural(t, 'table')}, {plural(n, 'row')}, every rule passed.")
        else:
            lines.append(f"INVALID: {plural(len(self.failures), 'problem')} in {plural(len(by_table), 'table')}; "
                         f"{plural(t, 'table')}, {plural(n, 'row')} checked.")
        return "\n".join(map(shown, lines))


def contract_text(c: dict) -> str:
    """``povpkg 0.4.0, povpkg's own record, pinned in the validator (the package is named povpkg)``."""
    if not c.get("version"):
        return f"none ({c.get('why')})"
    where = "povpkg's own record, pinned in the validator" if c.get("owner") == "povpkg" else \
        f"the package's own record in {c.get('record')}"
    return f"{c.get('package')} {c.get('version')}, {where} ({c.get('why')})"


def _jsonable(d: dict) -> dict:
    """Strict JSON: a value that is not a plain scalar, or a number that is not finite
    (inf, -inf, NaN), is written as text."""
    import math

    v = d.get("value")
    if v is not None and (not isinstance(v, (str, int, float, bool)) or (isinstance(v, float) and not math.isfinite(v))):
        d["value"] = str(v)
    return d
