"""Issue 20's Chinese pages: every span of every Chinese page source holds its figures.

The page texts are third-party material kept outside the repository (``../pages-zh``);
the test skips when they are absent (CI has none), like the English pages' tests.
"""
from __future__ import annotations

import pytest

import povpkg
from conftest import ROOT, SOURCES
from textfolders import copied_texts

PAGES_ZH = ROOT.parent / "pages-zh"


@pytest.fixture(scope="module")
def zh_texts(tmp_path_factory):
    return copied_texts(tmp_path_factory, SOURCES, PAGES_ZH)


def test_every_chinese_page_span_holds_its_figures(zh_texts):
    report = povpkg.validate(sources=zh_texts)
    assert report.valid, report.to_text()
    src = povpkg.load("sources")
    zh = src[src["language"] == "zh"]
    held = {f.stem for f in PAGES_ZH.glob("*.txt")}
    assert set(zh["file_name"].str.removesuffix(".txt")) - {"iprcc-2010-07-china-asean-forum-4-zh"} <= held


def test_no_two_figures_a_chinese_span_gives_with_one_unit_can_trade_places(zh_texts):
    from swaps import unnoticed_swaps

    tried, missed = unnoticed_swaps(zh_texts)
    assert tried >= 30 and missed == []
