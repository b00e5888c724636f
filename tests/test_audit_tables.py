"""Every count table of docs/audit.md adds up: per page, facts = found + missing and
missing = added + not added; the total row is the sum of the page rows."""
from __future__ import annotations

import pytest

from audit_tables import counts, is_total, sections


SECTIONS = sections()


def test_the_audit_holds_its_count_tables():
    assert len(SECTIONS) >= 10


@pytest.mark.parametrize("heading", sorted(SECTIONS))
def test_each_count_table_adds_up(heading):
    rows = SECTIONS[heading]
    pages = [r for r in rows if not is_total(r)]
    for row in pages:
        facts, found, missing, added, left = counts(row)
        assert facts == found + missing and missing == added + left, row[0]
    totals = [r for r in rows if is_total(r)]
    if totals:
        assert counts(totals[-1]) == [sum(c) for c in zip(*map(counts, pages))], heading


@pytest.mark.parametrize("heading", sorted(SECTIONS))
def test_each_page_row_names_a_source(heading, frames):
    ids = list(frames["sources"]["source_id"])
    for row in SECTIONS[heading]:
        if is_total(row):
            continue
        page = row[0].strip("`").split(" (")[0].strip("`")
        assert page in ids or any(i.startswith(page + "-") for i in ids), page  # an id or its catalogue prefix
