"""The page counts that descriptions and docs write in words agree with the sources table.

They are prose (a description, the README's summary, the coverage page), so they are not
generated; this test keeps them from going stale when pages are added.
"""
from __future__ import annotations

import re

import povpkg
from conftest import ROOT


def _counts():
    src = povpkg.load("sources")
    pages = len(src) - 5  # the five documents read in full
    zh = int((src["language"] == "zh").sum())
    return pages, pages - zh, zh


def test_the_descriptor_counts_the_pages(desc):
    pages, en, zh = _counts()
    assert f"or of {pages} stored public web pages ({en} in English, {zh} in Chinese;" in desc["description"]
    assert desc["sources"][-1]["title"].startswith(f"{pages} stored public web pages ({en} in English")
    res = next(r for r in desc["resources"] if r["name"] == "sources")
    assert f"five full documents and {pages} stored public web pages, {zh} of them in Chinese" in res["description"]


def test_the_readme_and_coverage_page_count_the_pages():
    pages, en, zh = _counts()
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"{pages} stored public web pages ({en} in English, {zh} in Chinese" in readme
    coverage = (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    used = re.search(r"Used so far: (\d+) of 217", (ROOT / "docs" / "coverage-zh.md").read_text(encoding="utf-8"))
    assert used and f"{used.group(1)} of the 217 Chinese pages" in " ".join(coverage.split())
