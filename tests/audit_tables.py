"""The count tables of docs/audit.md (facts, found, missing, added, not added per page), read once,
and what the audit tests share: the held-out tables, the pages a draw is made from, a row by its id."""
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


# The held-out checks' tables (sections 9, 10, 16, 18): one column more, "found with the right year and partner".
DOCUMENT_FILE = r"\d{3}_[0-9a-f]{16}\.txt"  # the five source documents (../shared/sources)


def heldout_table(heading: str) -> tuple[list[str], list[list[int]]]:
    """The pages of a held-out section's table (its total row last) and their six counts."""
    rows = [[c.strip() for c in line.split("|")[1:-1]] for line in _tables_of(heading).splitlines()
            if line.startswith("| ") and not line.startswith("| page")]
    lead = [[int(re.match(r"\**(\d+)", c).group(1)) for c in row[1:7]] for row in rows]
    return [row[0].strip("*") for row in rows], lead


def catalogue_pages(frames) -> tuple[list[str], list[str]]:
    """The pages the held-out draws are made from, in table order, as they stood: the 217 Chinese
    pages and the 100 English ones (not the five source documents); pages added later, at the end
    of the table, change no draw."""
    src = frames["sources"]
    zh = list(src.loc[src["language"] == "zh", "source_id"])[:217]
    en = src[(src["language"] == "en") & ~src["file_name"].str.fullmatch(DOCUMENT_FILE)]
    return zh, list(en["source_id"])[:100]


def row_by_id(frames, table, rid):
    """The row of ``table`` whose id (its first column) is ``rid``."""
    df = frames[table]
    return df.set_index(df.columns[0]).loc[rid]
