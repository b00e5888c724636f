"""Issue 19 §3: descriptive cells are in our own words, not a source's for 8 words or more.

The check needs the texts (the five sources and the stored pages, kept outside the
repository); it checks every text that is present and skips when none is.
"""
from __future__ import annotations

import pytest

import povpkg
from conftest import ROOT, SOURCES
from validation.own_words import borrowed, borrowed_cells, outside_names, source_runs, words

PAGES = ROOT.parent / "pages"
TABLES = ("sources", "organizations", "people", "places", "projects", "pairings", "events",
          "amounts", "indicators", "documents", "products", "errata")


def _texts() -> dict[str, str]:
    texts = {}
    for folder in (SOURCES, PAGES):
        if folder.is_dir():
            texts.update({f.name: f.read_text(encoding="utf-8") for f in folder.glob("*.txt")})
    return texts


def test_no_descriptive_cell_follows_a_source_for_eight_words():
    texts = _texts()
    if not texts:
        pytest.skip("no source text is here (../shared/sources, ../pages)")
    frames = {t: povpkg.load(t) for t in TABLES}
    found = borrowed_cells(frames, texts)
    assert found == [], "\n".join(f"{t} {k} {c}: '{run}'" for t, k, c, run in found)


SOURCE = ("Zhejiang donated 30.685 million Yuan to 12 counties (cities, districts) of Guangyuan "
          "and Nanchong. The forum themed “Deepening regional cooperation, promoting poverty "
          "reduction and rural development” was attended by the Vice Chair of the People's "
          "Government of Guangxi Zhuang Autonomous Region.")


def _check(cell):
    prose, quoted = source_runs(SOURCE)
    return borrowed(cell, prose, quoted)


def test_a_copied_clause_is_found_even_in_quotes_or_another_case():
    assert _check("As stated, Zhejiang donated 30.685 million Yuan to 12 counties (cities, districts).")
    assert _check("'donated 30.685 million yuan to 12 counties' as stated")


def test_names_and_titles_the_source_quotes_are_kept_as_published():
    assert _check("Theme: Deepening regional cooperation, promoting poverty reduction and rural development.") is None
    assert _check("Spoke as Vice Chair of the People's Government of Guangxi Zhuang Autonomous Region.") is None


def test_seven_shared_words_are_not_a_run():
    assert _check("In 2011 Zhejiang donated 30.685 million Yuan to its partners.") is None


def test_a_name_span_needs_two_capitalised_words():
    assert outside_names(words("Deepening regional cooperation")) == ["Deepening", "regional", "cooperation"]
    assert outside_names(words("the Asia Cooperation Dialogue met")) == ["the", None, None, None, "met"]
