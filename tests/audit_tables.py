"""The count tables of docs/audit.md (facts, found, missing, added, not added per page), read once."""
from __future__ import annotations

import functools
import re

from conftest import ROOT

HEADER = "| page | facts | found | missing | added | not added (why) |"


def sections() -> dict[str, list[list[str]]]:
    """Each section heading of docs/audit.md that holds a count table -> the table's rows (cells)."""
    out: dict[str, list[list[str]]] = {}
    heading = ""
    for line in _audit().splitlines():
        if line.startswith("## "):
            heading = line
        elif line.startswith("| ") and not line.startswith("| page") and heading and HEADER in _tables_of(heading):
            out.setdefault(heading, []).append([c.strip() for c in line.split("|")[1:-1]])
    return out


@functools.cache
def _audit() -> str:
    return (ROOT / "docs" / "audit.md").read_text(encoding="utf-8")


@functools.cache
def _tables_of(heading: str) -> str:
    text = _audit()
    part = text[text.index(heading) + len(heading):]
    return part[:part.find("\n## ")] if "\n## " in part else part


def counts(row: list[str]) -> list[int]:
    """facts, found, missing, added, not added (the last two open with their number)."""
    lead = [re.match(r"\**(\d+)", cell) for cell in row[1:6]]
    return [int(m.group(1)) if m else 0 for m in lead]


def is_total(row: list[str]) -> bool:
    return row[0].startswith("**") or row[0].lower().startswith("all ")
