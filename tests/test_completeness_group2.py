"""The completeness pass over the Chinese pages of group 2 (docs/audit.md, section 5): its
count table adds up, and the rows it mended stay mended."""
from __future__ import annotations

import re

from conftest import ROOT

SECTION = "## 5. Completeness, pages group 2"


def audit_rows() -> list[list[str]]:
    text = (ROOT / "docs" / "audit.md").read_text(encoding="utf-8")
    section = text[text.index(SECTION):]
    section = section[:section.find("\n## ", 1)] if "\n## " in section[1:] else section
    return [[c.strip() for c in line.split("|")[1:-1]] for line in section.splitlines()
            if line.startswith("| zh-") or line.startswith("| **")]


def counts(row: list[str]) -> list[int]:
    """facts, found, missing, added, not added (the last two open with their number)."""
    lead = [re.match(r"\**(\d+)", cell) for cell in row[1:6]]
    return [int(m.group(1)) if m else 0 for m in lead]


def test_each_page_row_adds_up():
    pages = [r for r in audit_rows() if r[0].startswith("zh-")]
    assert len(pages) == 31
    for row in pages:
        facts, found, missing, added, left = counts(row)
        assert found + missing == facts, row[0]
        assert added + left == missing, row[0]


def test_the_total_row_is_the_sum_of_the_pages():
    rows = audit_rows()
    pages, total = [r for r in rows if r[0].startswith("zh-")], rows[-1]
    assert total[0].startswith("**")
    assert counts(total) == [sum(col) for col in zip(*(counts(r) for r in pages))]


def test_no_two_organizations_share_a_name(frames):
    names = frames["organizations"]["name"].str.lower()
    assert not names[names.duplicated()].tolist()


def test_cnpc_amounts_name_cnpc_as_their_provider(frames):
    amounts = frames["amounts"]
    cnpc = amounts[amounts["amount_id"].str.contains("cnpc")]
    assert len(cnpc) == 4
    assert set(cnpc["provider_org_id"]) == {"org-cnpc"}
