"""Issue 20, the fifth held-out check: 30 pages over the whole catalogue, less section 16's pages
(seed 1216; docs/audit.md section 18).

No value, unit, year or partner was wrong. One document was missing (the 2021 white paper zh-217
takes its 2013-2018 aid totals from); the other facts the reader found missing have no figure the
validator binds and went to the notes of their rows.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from audit_tables import catalogue_pages, heldout_table, row_by_id


Z217 = "zh-217-fx361-2023-07-africa-agri-demo-centres"
WHITE_PAPER = "doc-2021-white-paper-intl-development-cooperation"
PAGES_ZH = Path(__file__).resolve().parents[2] / "pages-zh"  # the Chinese texts, outside the repository
SECTION = "## 18. Held-out check over the whole catalogue, second draw"
EARLIER = "## 16. Held-out check over the whole catalogue, after the completeness pass"


def test_the_2021_white_paper_has_its_row_from_the_page_that_cites_it(frames):
    row = row_by_id(frames, "documents", WHITE_PAPER)
    assert (row["kind"], int(row["year"]), row["source_id"]) == ("white_paper", 2021, Z217)
    assert row["name_zh"] == "新时代的中国国际发展合作"
    assert "confirms nothing on its own" in row["notes"]  # zh-217 is a repost naming no original


def test_the_white_paper_pages_coverage_reaches_its_year(frames):
    src = row_by_id(frames, "sources", Z217)
    assert int(src["covers_year_start"]) <= 2021 <= int(src["covers_year_end"])
    assert "left out" not in src["notes"]  # its thin-spaced figures have rows


def test_the_white_paper_span_holds_its_title(frames):
    path = PAGES_ZH / row_by_id(frames, "sources", Z217)["file_name"]
    if not path.is_file():
        pytest.skip("the stored Chinese text is not here")
    row = row_by_id(frames, "documents", WHITE_PAPER)
    span = path.read_text(encoding="utf-8")[int(row["span_start"]):int(row["span_end"])]
    assert "新时代的中国国际发展合作" in span and "2021" in span


@pytest.mark.parametrize("table, rid, words", [
    ("pairings", "pair-zhejiang-leshan", "industrial park in Leshan"),
    ("pairings", "pair-fujian-ningxia", "chartered tourist flights"),
    ("pairings", "pair-shenzhen-kashgar", "freight trains"),
    ("indicators", "in-zh203-lmc-fund-projects", "Saysettha"),
    ("indicators", "in-zh087-xialin-vegetable-area", "Baiyi"),
    ("events", "ev-2025-07-cau-tanzania-field-research", "358 shillings"),
])
def test_the_facts_without_a_figure_are_in_their_rows_notes(frames, table, rid, words):
    assert words in row_by_id(frames, table, rid)["notes"]


def test_the_section_18_table_adds_up():
    pages, counts = heldout_table(SECTION)
    assert pages[-1] == "total" and len(pages) == 31
    for page, (facts, found, right, missing, added, left) in zip(pages, counts):
        assert facts == found + missing and missing == added + left and right <= found, page
    assert counts[-1] == [sum(c) for c in zip(*counts[:-1])]
    zh = [sum(c) for c in zip(*counts[:20])]
    en = [sum(c) for c in zip(*counts[20:-1])]
    assert zh[:4] == [253, 228, 228, 25] and en[:4] == [85, 84, 84, 1]  # the result paragraph's totals


def test_the_section_18_pages_are_the_draw_less_section_16s_pages(frames):
    import random

    before = set(heldout_table(EARLIER)[0][:-1])
    zh, en = catalogue_pages(frames)
    zh, en = [s for s in zh if s not in before], [s for s in en if s not in before]
    assert (len(zh), len(en)) == (197, 90)
    rng = random.Random(1216)
    assert heldout_table(SECTION)[0][:-1] == rng.sample(zh, 20) + rng.sample(en, 10)


def _chinese_texts(frames) -> list[tuple[str, str]]:
    """(source_id, stored text) of each Chinese page whose text is here; skips the test when none is."""
    src = frames["sources"]
    texts = [(sid, (PAGES_ZH / name).read_text(encoding="utf-8"))
             for sid, name in src.loc[src["language"] == "zh", ["source_id", "file_name"]].itertuples(index=False)
             if (PAGES_ZH / name).is_file()]
    if not texts:
        pytest.skip("the stored Chinese texts are not here")
    return texts


def test_every_cited_white_paper_on_a_chinese_page_has_a_document_row(frames):
    """The kind of fault, over the shipped Chinese texts: a white paper or report a page names in
    book-title marks has a document row (by title or in a document's notes)."""
    docs = frames["documents"]
    known = " ".join(docs["title_as_stated"].fillna("") + " " + docs["name_zh"].fillna("")
                     + " " + docs["notes"].fillna(""))
    missing = []
    for sid, text in _chinese_texts(frames):
        for m in re.finditer(r"《([^》]{4,40})》(?:白皮书|报告)", text):
            if m.group(1) not in known:
                missing.append((sid, m.group(1)))
    assert missing == []


@pytest.mark.parametrize("oid, sid", [
    ("org-shanghai-xinjiang-aid-front-hq", "zh-135-chinaorg-2015-06-shanghai-kashgar"),
    ("org-shenzhen-xinjiang-aid-front-hq", "zh-138-szgz-2023-09-shenzhen-kashgar"),
    ("org-shenzhen-airport-group", "zh-138-szgz-2023-09-shenzhen-kashgar"),
    ("org-xinjiang-airport-group", "zh-138-szgz-2023-09-shenzhen-kashgar"),
    ("org-shenzhen-port-group", "zh-138-szgz-2023-09-shenzhen-kashgar"),
    ("org-jishishan-investment-bureau", "zh-087-gansudaily-2019-xiamen-linxia-enterprises"),
    ("org-zhejiang-drc", "sxgov-2019-06-zhejiang-partner-assistance"),
    ("org-beijing-yushu-front-hq", "zh-130-tibetcn-2020-04-beijing-yushu-clone"),
    ("org-fuzhou-dingxi-front-hq", "zh-039-fznews-2021-02-fuzhou-dingxi"),
])
def test_the_organizations_the_pages_name_have_rows(frames, oid, sid):
    assert row_by_id(frames, "organizations", oid)["source_id"] == sid


def test_the_airport_groups_take_part_in_their_cooperation_and_the_deputy_commander_has_his_org(frames):
    eo = frames["event_organizations"]
    ev = eo[eo["event_id"] == "ev-2023-05-shenzhen-airport-xinjiang-airport-cooperation"]
    assert set(ev["org_id"]) >= {"org-shenzhen-airport-group", "org-xinjiang-airport-group"}
    ep = frames["event_people"]
    yang = ep[(ep["event_id"] == "ev-2015-06-11-shanghai-kashgar-week-press-conference")
              & (ep["person_id"] == "p-yang-yuanfei")]
    assert list(yang["org_id"]) == ["org-shanghai-xinjiang-aid-front-hq"]


def test_every_named_front_headquarters_of_pairing_aid_has_an_organization(frames):
    """The kind of fault, over the shipped Chinese texts: a page that names one city's or province's
    command post for its pairing aid (指挥部) has an organization row citing it (or naming it)."""
    orgs = frames["organizations"]
    cited = {s[:6] for s in orgs["source_id"].dropna()}  # catalogue numbers (zh-NNN), as notes write them
    cited |= set(re.findall(r"zh-\d{3}", " ".join(orgs["notes"].fillna(""))))
    missing = []
    for sid, text in _chinese_texts(frames):
        named = [m.group(0) for m in re.finditer(r"[\u4e00-\u9fff·]{2,24}指[挥揮]部", text)]
        if [n for n in named if "各" not in n] and sid[:6] not in cited:
            missing.append(sid)
    assert missing == []
