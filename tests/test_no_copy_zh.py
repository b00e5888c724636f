"""No Chinese sentence of a stored page is copied into the repository.

With the Chinese page texts at hand (``../pages-zh``, kept outside the repository; the
test skips without them), no run of ``RUN`` Chinese characters of the tables, the
descriptor or the docs occurs in any stored text, except inside a name or title kept as
published (a source's title, a Chinese name, a name or title as stated).
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from conftest import ROOT

PAGES_ZH = ROOT.parent / "pages-zh"
RUN = 12  # longer than any name the tables keep outside their name columns
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# columns that keep a name or title as the source prints it
PUBLISHED = {"title", "name_zh", "spellings", "title_as_stated", "name_as_stated", "provider_as_stated",
             "recipient_as_stated", "product_as_stated", "place_as_stated", "publisher", "container",
             "original_publisher"}


def grams(text: str) -> set[str]:
    """Every RUN-character stretch of the text's Chinese runs."""
    return {run[i:i + RUN] for run in CJK.findall(text) for i in range(len(run) - RUN + 1)}


def repository_texts() -> tuple[list[tuple[str, str]], list[str]]:
    """(where, text) of every cell and doc the repository writes, and the published names
    and titles that may be quoted."""
    ours, published = [], []
    for path in sorted((ROOT / "tables").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for k, row in enumerate(csv.DictReader(fh), start=2):
                for col, v in row.items():
                    if v and CJK.search(v):
                        (published.append(v) if col in PUBLISHED else ours.append((f"{path.name}:{k}:{col}", v)))
    for path in [ROOT / "datapackage.json", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]:
        ours.append((path.name, path.read_text(encoding="utf-8")))
    return ours, published


def copied(ours, published, page_grams) -> list[tuple[str, str]]:
    """The stretches of our text found in a page and in no published name or title."""
    allowed = set().union(*(grams(p) for p in published)) if published else set()
    return [(where, g) for where, text in ours for g in sorted(grams(text)) if g in page_grams and g not in allowed]


def test_the_check_finds_a_copied_stretch_and_spares_a_title():
    page = grams("东部共向西部扶贫协作地区提供财政援助资金六十亿元")
    ours = [("notes", "我们写道：东部共向西部扶贫协作地区提供财政援助资金。")]
    assert copied(ours, [], page)
    assert copied(ours, ["东部共向西部扶贫协作地区提供财政援助资金"], page) == []
    assert copied([("notes", "东部援助西部")], [], page) == []


@pytest.mark.skipif(not PAGES_ZH.is_dir(), reason="../pages-zh is not here; the check needs the stored Chinese texts")
def test_no_run_of_chinese_characters_is_copied_from_a_stored_page():
    page_grams: set[str] = set()
    for f in PAGES_ZH.glob("*.txt"):
        page_grams |= grams(f.read_text(encoding="utf-8"))
    assert page_grams, "../pages-zh holds no text"
    ours, published = repository_texts()
    assert copied(ours, published, page_grams) == []
