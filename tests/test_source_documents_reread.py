"""The five source documents read again, independently, before the tables (docs/audit.md section 12).

Every fact of documents 000 to 003 was found with its date and partner. Document 004 (the 2010
Yearbook's Shanghai-Yunnan chapter) had all its facts, but five were short of a year or a partner,
and its indicators alone among the pair chapters never named their pairing. The checks below hold
the corrected rows; those that read the document skip when ../shared/sources is absent.
"""
from __future__ import annotations

import pytest

from conftest import SOURCES

S004 = "yearbook-2010-shanghai-yunnan"
PAIR = "pair-shanghai-yunnan"
# The programmes of the pairing that 004's indicators hang on.
PAIR_PROJECTS = {"pj-shanghai-yunnan-pairing", "pj-three-guarantee", "pj-whole-town-pilots",
                 "pj-deang-support", "pj-leigongdaniu-relocation"}
# The 2009 social section's figures, dated 2009 like the 100 teachers beside them.
DATED_2009 = {"in-004-training-projects": 4, "in-004-people-trained": 8800,
              "in-004-labor-transfer": 30000, "in-004-young-volunteers": 154}


def _indicators_004(frames):
    ind = frames["indicators"]
    return ind[ind["source_id"] == S004].set_index("indicator_id")


def _empty(v) -> bool:
    import pandas as pd

    return bool(pd.isna(v))


def test_the_pairings_work_in_004_names_its_pairing(frames):
    ind = _indicators_004(frames)
    ours = ind[ind["project_id"].isin(PAIR_PROJECTS)]
    assert len(ours) == 41
    assert set(ours["pairing_id"]) == {PAIR}
    assert ind.loc["in-004-bo-villages-supported", "pairing_id"] == PAIR  # Shanghai's nine Bo villages


def test_what_is_not_the_pairings_work_stays_unlinked(frames):
    ind = _indicators_004(frames)
    for rid in ("in-004-dulongjiang-population", "in-004-small-minorities", "in-004-bo-villages-total",
                "in-004-opinions-ministries", "in-004-yingmao-stake"):
        assert _empty(ind.loc[rid, "pairing_id"]), rid


def test_004s_indicators_name_their_pairing_like_every_other_pair_chapter(frames):
    ind = frames["indicators"]
    pair_chapters = [s for s in ind["source_id"].unique()
                     if s.startswith("yearbook-") and ind.loc[ind["source_id"] == s, "pairing_id"].notna().any()]
    assert S004 in pair_chapters


def test_the_2009_social_figures_carry_their_year(frames):
    ind = _indicators_004(frames)
    for rid, value in DATED_2009.items():
        row = ind.loc[rid]
        assert (float(row["value"]), int(row["year"]), row["period"]) == (float(value), 2009, "one_year"), rid
        assert "2009" in row["notes"] and row["pairing_id"] == PAIR, rid
    assert int(ind.loc["in-004-teachers", "year"]) == 2009  # the sibling that already had it


def test_figures_the_chapter_does_not_date_stay_undated(frames):
    ind = _indicators_004(frames)
    for rid in ("in-004-eva-projects", "in-004-cadres-sent", "in-004-cadre-batch-sent", "in-004-food-city-entrants"):
        assert _empty(ind.loc[rid, "year"]) and _empty(ind.loc[rid, "period"]), rid


def test_the_entrepreneurs_gift_comes_from_shanghai(frames):
    am = frames["amounts"].set_index("amount_id")
    gift = am.loc["am-004-field-survey-donation"]
    assert (gift["provider_place_id"], gift["recipient_org_id"], gift["pairing_id"]) == (
        "pl-shanghai", "org-glorious-cause-yunnan", PAIR)
    assert (float(gift["amount"]), int(gift["year"]), gift["event_id"]) == (
        850000.0, 2009, "ev-2009-08-30-shanghai-entrepreneurs-field-survey")
    assert _empty(gift["provider_org_id"])  # no government gave it


def test_guangmings_purchase_is_a_flow_of_the_pairing(frames):
    row = frames["amounts"].set_index("amount_id").loc["am-004-guangming-yingmao"]
    assert (row["pairing_id"], row["project_id"], row["provider_place_id"], row["recipient_place_id"]) == (
        PAIR, "pj-shanghai-yunnan-pairing", "pl-shanghai", "pl-yunnan")


def test_kanzhan_buvinai_is_found_by_his_second_spelling(frames):
    p = frames["people"].set_index("person_id").loc["p-kanzhan-buvinai"]
    assert "Kanzhan Bhuvinay" in str(p["spellings"]).split("|")
    assert "Khamchan Boudvinai" in str(p["spellings"]).split("|")


def _text(frames, source_id):
    if not SOURCES.is_dir():
        pytest.skip("../shared/sources is not here; the check reads the document")
    name = frames["sources"].set_index("source_id").loc[source_id, "file_name"]
    return (SOURCES / name).read_text(encoding="utf-8")


def test_the_dated_figures_lie_in_the_chapters_2009_social_section(frames):
    text = _text(frames, S004)
    start = text.index("social construction projects in 2009")
    end = text.index("Economic and technical cooperation")
    ind = _indicators_004(frames)
    for rid, value in DATED_2009.items():
        a, b = int(ind.loc[rid, "span_start"]), int(ind.loc[rid, "span_end"])
        assert start < a < b < end, rid
        assert f"{value:,}".replace(",", "") in text[a:b].replace(",", "") or "four" in text[a:b], rid


def test_the_gift_names_shanghais_entrepreneurs_before_its_span(frames):
    text = _text(frames, S004)
    gift = frames["amounts"].set_index("amount_id").loc["am-004-field-survey-donation"]
    a = int(gift["span_start"])
    paragraph = text[text.rindex("\n", 0, a):a]
    assert "Shanghai’s private entrepreneurs" in paragraph or "Shanghai's private entrepreneurs" in paragraph


def test_the_second_spelling_is_the_articles_own(frames):
    assert "Kanzhan Bhuvinay" in _text(frames, "ycpress-2020-laos")
