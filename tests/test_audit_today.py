"""Issue 20, the rows added on 2026-12-07 (docs/audit.md section 6): the kinds of error the
check found stay caught. A month dated by 'last year' or 'this year' (去年9月, 今年6月30日)
writes no year, so its date is the context's, not stated; a foreign name a Chinese page prints
only in characters says that its English spelling is not the page's."""
from __future__ import annotations

import pytest

from conftest import ROOT, SOURCES
from textfolders import copied_texts
from validation.provenance import TextIndex

PAGES_ZH = ROOT.parent / "pages-zh"
BYTEDANCE = {"event_id": "ev-2019-09-inner-mongolia-bytedance-agreement"}  # 去年9月, page of May 2020
STURGEON = {"event_id": "ev-2020-06-30-dalian-liuzhi-sturgeon-signing"}  # 今年6月30日, page of July 2020


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    return copied_texts(tmp_path_factory, SOURCES, PAGES_ZH)


def _years(text):
    return [(d.first[0], d.first[1]) for d in TextIndex(text).dates_in(0, len(text))]


def test_a_month_of_last_or_this_year_has_no_written_year():
    assert _years("2019年，签约。去年9月，签约。") == [(None, 9)]
    assert _years("2019年，签约。今年6月30日，签约。") == [(None, 6)]
    # a year the paragraph wrote before still dates a bare month, 当年 (that year) included
    assert _years("1996年，结对。当年11月，开会。") == [(1996, 11)]
    assert _years("2019年8月，开会。") == [(2019, 8)]


def _dates(draft, texts):
    return sorted((f.rule, f.key) for f in draft.failures("span-in-source", sources=texts, tables=("events", "sources"))
                  if f.rule in ("date-in-span", "date-basis-matches-span"))


def test_a_date_the_page_dates_by_its_own_year_is_not_stated(draft, texts):
    assert _dates(draft, texts) == []
    draft.update("events", BYTEDANCE, date_basis="stated").update("events", STURGEON, date_basis="stated")
    assert _dates(draft, texts) == [("date-in-span", BYTEDANCE["event_id"]), ("date-in-span", STURGEON["event_id"])]


def _spellings(draft, texts):
    got = draft.failures("spelling-not-printed", sources=texts, tables=("people", "event_people", "sources"))
    return sorted(f.key for f in got)


def test_a_name_printed_only_in_characters_says_the_spelling_is_ours(draft, texts):
    assert _spellings(draft, texts) == []
    draft.update("people", {"person_id": "p-khalid-malik"}, notes="UN Resident Coordinator in China (May 2005).")
    draft.update("people", {"person_id": "p-albert-muchanga"}, notes="AU Commissioner for Trade and Industry (2021).")
    assert _spellings(draft, texts) == ["p-albert-muchanga", "p-khalid-malik"]


def test_a_name_the_page_writes_or_a_chinese_national_needs_no_such_note(draft, texts):
    # 'OukRabun' on zh-176; 'Misran Karmain' (a spelling) beside "Dato's"; Chinese nationals are romanized
    for pid in ("p-ouk-rabun", "p-misran-karmain", "p-liu-changya"):
        draft.update("people", {"person_id": pid}, notes="")
    assert _spellings(draft, texts) == []
