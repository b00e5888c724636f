"""Rows added or changed on 2026-12-07, read independently (docs/audit.md section 15).

A draw of 100 of the 561 rows new or changed since 7588bf8 (seed 1213), and every new or changed pairing
and place, were read against their pages. One fault was found: the provider place of a pairing added
that day, Beijing's Daxing district, stood at county level without its GB/T 2260 code, its notes
claiming a package convention (codes only for names ending in 县 or 市) that the 22 coded districts
contradict. Each check below holds the correction, the same-kind search over every place, the
cross-reference written between the two pages that pair Yanji with different Ningbo partners, and the
codes of the places added that day as read against the official list.
"""
from __future__ import annotations

import pandas as pd
import pytest

from audit_tables import row_by_id


def _code(value) -> str:
    """A GB/T 2260 cell as six digits, whatever type the loader gave it."""
    return "" if pd.isna(value) else str(int(float(value)))


def test_daxing_is_a_district_with_its_official_code(frames):
    daxing = row_by_id(frames, "places", "pl-daxing")
    assert (daxing["level"], _code(daxing["gbt2260"]), daxing["name_zh"], daxing["name_zh_basis"]) == (
        "district", "110115", "大兴区", "gbt2260")
    assert "left out" not in daxing["notes"]


def test_no_place_named_as_a_district_sits_at_another_level(frames):
    places = frames["places"]
    named = places[places["name_zh"].notna()]
    district_names = named["name_zh"].str.endswith("区") & ~named["name_zh"].str.endswith(("地区", "自治区", "山区"))
    wrong = named[district_names & (named["level"] != "district")]
    assert wrong.empty, list(wrong["place_id"])


def test_yinzhou_yanji_names_the_partner_the_earlier_page_gives_yanji(frames):
    notes = row_by_id(frames, "pairings", "pair-yinzhou-yanji")["notes"]
    assert "pair-yuyao-yanji" in notes and "zh-064" in notes
    yuyao = row_by_id(frames, "pairings", "pair-yuyao-yanji")
    assert (yuyao["provider_place_id"], yuyao["recipient_place_id"]) == ("pl-yuyao", "pl-yanji")


def test_no_two_pairings_repeat_one_pair_with_one_start(frames):
    pairs = frames["pairings"]
    cells = pairs[["provider_place_id", "recipient_place_id", "year_start"]].astype("string").fillna("")
    key = cells.agg("|".join, axis=1)
    assert not key.duplicated().any(), sorted(set(key[key.duplicated()]))


# The codes of the places added on 2026-12-07, each read against GB/T 2260, with the parent each lies in.
CODES = {
    "pl-tongzhou-beijing": ("110112", "pl-beijing"), "pl-chengguan-lhasa": ("540102", "pl-lhasa"),
    "pl-haishu": ("330203", "pl-ningbo"), "pl-jiangbei-ningbo": ("330205", "pl-ningbo"),
    "pl-beilun": ("330206", "pl-ningbo"), "pl-zhenhai": ("330211", "pl-ningbo"),
    "pl-yinzhou-ningbo": ("330212", "pl-ningbo"), "pl-fenghua": ("330213", "pl-ningbo"),
    "pl-xiangshan-ningbo": ("330225", "pl-ningbo"), "pl-yuyao": ("330281", "pl-ningbo"),
    "pl-cixi": ("330282", "pl-ningbo"), "pl-hexi-tianjin": ("120103", "pl-tianjin"),
    "pl-dongli": ("120110", "pl-tianjin"), "pl-jinnan": ("120112", "pl-tianjin"),
    "pl-wuqing": ("120114", "pl-tianjin"), "pl-baodi": ("120115", "pl-tianjin"),
    "pl-jinghai": ("120118", "pl-tianjin"), "pl-pingliang": ("620800", "pl-gansu"),
    "pl-lanzhou": ("620100", "pl-gansu"), "pl-qingyang": ("621000", "pl-gansu"),
    "pl-kongtong": ("620802", "pl-pingliang"), "pl-jingchuan": ("620821", "pl-pingliang"),
    "pl-lingtai": ("620822", "pl-pingliang"), "pl-zhuanglang": ("620825", "pl-pingliang"),
    "pl-jingning": ("620826", "pl-pingliang"), "pl-yongdeng": ("620121", "pl-lanzhou"),
    "pl-gaolan": ("620122", "pl-lanzhou"), "pl-zhenyuan-gansu": ("621027", "pl-qingyang"),
    "pl-xiaojin": ("513227", "pl-aba"), "pl-hezhou": ("451100", "pl-guangxi"),
    "pl-huizhou": ("441300", "pl-guangdong"), "pl-jianggan-hangzhou": ("330104", "pl-hangzhou"),
    "pl-puyang": ("410900", "pl-henan"), "pl-fan-county": ("410926", "pl-puyang"),
    "pl-taiqian": ("410927", "pl-puyang"), "pl-dongguan": ("441900", "pl-guangdong"),
    "pl-yanji": ("222401", "pl-yanbian"), "pl-tumen": ("222402", "pl-yanbian"),
    "pl-dunhua": ("222403", "pl-yanbian"), "pl-hunchun": ("222404", "pl-yanbian"),
    "pl-longjing": ("222405", "pl-yanbian"), "pl-helong": ("222406", "pl-yanbian"),
    "pl-wangqing": ("222424", "pl-yanbian"), "pl-antu": ("222426", "pl-yanbian"),
}


@pytest.mark.parametrize("place_id", sorted(CODES))
def test_each_place_added_that_day_has_its_official_code_and_parent(frames, place_id):
    place = row_by_id(frames, "places", place_id)
    assert (_code(place["gbt2260"]), place["parent_id"]) == CODES[place_id]


def test_the_development_zone_keeps_no_code(frames):
    assert _code(row_by_id(frames, "places", "pl-dayawan-huizhou")["gbt2260"]) == ""
