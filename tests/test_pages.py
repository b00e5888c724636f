"""Issue 13's stored web pages: every span of every page source holds its figures.

The page texts are third-party material kept outside the repository (``../pages``);
the test skips when they are absent, like the five sources' tests.
"""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

import povpkg
from conftest import ROOT, SOURCES
from validation.provenance import TextIndex, amount_bound, date_stated, holds, mentions

PAGES = ROOT.parent / "pages"


@pytest.fixture(scope="module")
def all_texts(tmp_path_factory):
    if not (PAGES.is_dir() and SOURCES.is_dir()):
        pytest.skip("../pages or ../shared/sources is not here; the page checks need the stored texts")
    folder = tmp_path_factory.mktemp("texts")
    for d in (SOURCES, PAGES):
        for f in d.glob("*.txt"):
            shutil.copyfile(f, folder / f.name)  # copies: the validator refuses symlinked texts
    return folder


TEXT_RULES = ("span-in-source", "span-order", "name-in-span")  # the rules that read the texts


def test_every_page_span_holds_its_figures(all_texts, draft):
    """The shipped package passes every other rule (test_validate.py); these read the texts."""
    assert draft.failures(*TEXT_RULES, sources=all_texts) == []


def test_no_two_figures_a_page_span_gives_with_one_unit_can_trade_places(all_texts):
    from swaps import unnoticed_swaps

    tried, missed = unnoticed_swaps(all_texts)
    assert tried >= 20 and missed == []  # few: figure spans are clauses (issue 19)


def test_a_folder_holding_some_texts_checks_only_those(tmp_path, shipped_report_with_sources, draft):
    """Sources whose texts the folder lacks are not failures; a folder with none is."""
    assert shipped_report_with_sources.valid
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "source-text" in {f.rule for f in draft.failures("span-in-source", sources=empty)}


def test_every_page_source_says_how_much_is_stored():
    src = povpkg.load("sources")
    assert set(src["stored"].dropna()) <= {"complete", "opening"}
    assert src["stored"].notna().all()
    pages = src[~src["file_name"].str.match(r"\d{3}_")]
    assert len(pages) >= 100 and (pages["stored"] == "opening").sum() > 60


@pytest.mark.parametrize("span,value,expected", [
    ("75.80 million Yuan of it in grants", 75.8, True),
    ("valued 16.40 million", 16.4, True),
    ("valued 16.41 million", 16.4, False),
    ("his monthly income double", 2, True),
    ("来自东盟十国的代表", 10, True),
    ("二十国", 10, False),
    ("共安排了两次全体会议", 2, True),
    ("二十三个", 23, True),
])
def test_figures_as_pages_write_them(span, value, expected):
    assert holds(span, value) is expected


def _dated(text, date, precision="day", end=False):
    return date_stated(TextIndex(text), 0, len(text), date, precision, end)


def test_chinese_dates():
    span = "2010年7月13日—7月15日,论坛在桂林举行"
    assert _dated(span, dt.date(2010, 7, 13)) and _dated(span, dt.date(2010, 7, 15), end=True)
    assert not _dated(span, dt.date(2010, 7, 14)) and not _dated(span, dt.date(2010, 7, 15))
    assert _dated(span, dt.date(2010, 7, 1), "month")


@pytest.mark.parametrize("text,start,end", [
    ("On December 8-9,2015, the conference met", dt.date(2015, 12, 8), dt.date(2015, 12, 9)),
    ("30 October to 8 November, 2012 --- a delegation", dt.date(2012, 10, 30), dt.date(2012, 11, 8)),
])
def test_english_date_forms_of_the_pages(text, start, end):
    assert _dated(text, start) and _dated(text, end, end=True)
    assert not _dated(text, end) or start == end


def test_us_dollars_written_with_points():
    span = "foreign funds came to 1.4 billion U.S. dollars in all"
    (s, e), = mentions(span, 1.4)
    assert amount_bound(span, s, e, "billion usd") and not amount_bound(span, s, e, "billion yuan")


def test_chinese_names_match_as_written():
    from validation.provenance import words_in

    span = "来自文莱、柬埔寨等东盟十国的代表;柬埔寨经济财政部助理秘书长Sunly Thearith致辞"
    assert words_in(span, "文莱") and words_in(span, "Sunly Thearith")
    assert not words_in(span, "越南") and not words_in(span, "文莱 Thailand")


def test_people_spellings_let_a_page_name_a_person_its_own_way():
    people = povpkg.load("people").set_index("person_id")
    assert "Lü Youqing" in people.at["p-lv-youqing", "spellings"].split("|")
    assert "郑文凯" in people.at["p-zheng-wenkai", "spellings"].split("|")


def test_each_misspelt_scale_word_is_printed_by_its_source(all_texts):
    """The span check reads only the misspellings a source really prints as scale words."""
    from validation.provenance import SCALE_MISSPELLINGS, amount_bound

    text = (all_texts / "yearbook-2012-shandong-chongqing.txt").read_text(encoding="utf-8")
    for wrong in SCALE_MISSPELLINGS:
        assert f" {wrong} " in text
    assert amount_bound("donated 42.5 millioin Yuan", 8, 12, "million cny")
    assert not amount_bound("donated 42.5 billioin Yuan", 8, 12, "million cny")
