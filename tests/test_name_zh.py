"""Chinese names (name_zh): the rules of validation/names_zh.py on corrupted drafts, the shipped
names against the stored Chinese pages, and povpkg.find reaching a row by its Chinese name."""
from __future__ import annotations

import pytest

import povpkg
from conftest import ROOT, SOURCES
from textfolders import copied_texts

PAGES_ZH = ROOT.parent / "pages-zh"
XI = {"person_id": "p-xi-jinping"}  # 习近平, printed by zh-186
RULES = ("name-zh-text", "name-zh-basis")
NAMED = ("people", "documents", "events", "organizations", "places", "projects")


def _keys(failures, rule):
    return [(f.table, f.key, f.field) for f in failures if f.rule == rule]


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    return copied_texts(tmp_path_factory, SOURCES, PAGES_ZH)


def test_the_shipped_names_pass_and_each_table_names_some(draft, frames):
    assert draft.failures(*RULES) == []
    for table in NAMED:
        df = frames[table]
        assert df["name_zh"].notna().any() and df["name_zh_source_id"].notna().any(), table
    people = frames["people"].set_index("person_id")
    assert people.at["p-xi-jinping", "name_zh"] == "习近平"
    assert people.at["p-su-guoxia", "name_zh"] == "蘇國霞"  # as the page prints it: traditional characters


@pytest.mark.parametrize("name", ["Xi Jinping", "“习近平”", "习近平 主席", "习近平，", "12", "习" * 41])
def test_a_chinese_name_is_characters_only_and_no_longer_than_a_title(draft, name):
    got = draft.update("people", XI, name_zh=name).failures("name-zh-text")
    assert _keys(got, "name-zh-text") == [("people", "p-xi-jinping", "name_zh")]


def test_name_and_basis_go_together(draft):
    draft.update("people", XI, name_zh_basis="").update("events", {"event_id": "ev-2016-lmc-first-leaders-meeting"},
                                                        name_zh="", name_zh_source_id="")
    got = _keys(draft.failures("name-zh-basis"), "name-zh-basis")
    assert ("people", "p-xi-jinping", "name_zh_basis") in got
    assert ("events", "ev-2016-lmc-first-leaders-meeting", "name_zh") in got


def test_a_printed_name_names_its_page_and_a_page_id_needs_a_name(draft):
    draft.update("people", XI, name_zh_source_id="")
    draft.update("places", {"place_id": "pl-diqing"}, name_zh="", name_zh_basis="",
                 name_zh_source_id="zh-009-cnnb-2016-12-guiding-opinion-pairs")
    got = _keys(draft.failures("name-zh-basis"), "name-zh-basis")
    assert ("people", "p-xi-jinping", "name_zh_source_id") in got
    assert ("places", "pl-diqing", "name_zh_source_id") in got


def test_the_page_is_a_chinese_source_of_the_sources_table(draft):
    draft.update("people", XI, name_zh_source_id="yearbook-2013-intl")  # an English page
    draft.update("documents", {"document_id": "doc-2020-longnan-consensus"}, name_zh_source_id="zh-no-such-page")
    got = draft.failures("name-zh-basis")
    assert _keys(got, "name-zh-basis") == [("people", "p-xi-jinping", "name_zh_source_id"),
                                           ("documents", "doc-2020-longnan-consensus", "name_zh_source_id")]
    assert "not a Chinese-language page" in got[0].message and "not in sources.source_id" in got[1].message


def test_an_edited_descriptor_does_not_switch_the_checks_off(draft):
    """The categories and the foreign key of the new fields are not pinned by 0.4.0's contract:
    the rule keeps its own list of bases and looks the page up itself."""
    draft.field("people", "name_zh_basis").pop("categories")
    people = draft.resource("people")["schema"]
    people["foreignKeys"] = [fk for fk in people["foreignKeys"] if fk["fields"] != ["name_zh_source_id"]]
    draft.update("people", XI, name_zh_basis="official_usage", name_zh_source_id="zh-no-such-page")
    got = draft.failures("name-zh-basis", "foreign-key")
    assert _keys(got, "name-zh-basis") == [("people", "p-xi-jinping", "name_zh_basis"),
                                           ("people", "p-xi-jinping", "name_zh_source_id")]


def test_every_shipped_name_is_printed_by_its_page(draft, frames, texts):
    cited = set().union(*(set(frames[t]["name_zh_source_id"].dropna()) for t in NAMED))
    held = {p.name for p in texts.iterdir()}
    files = dict(zip(frames["sources"]["source_id"], frames["sources"]["file_name"]))
    assert {files[s] for s in cited} <= held, "a cited page's text is missing: the check would skip it"
    assert draft.failures("name-zh-in-source", sources=texts) == []


def test_a_name_the_page_does_not_print_fails_and_no_erratum_excuses_it(draft, texts):
    draft.update("people", XI, name_zh="习近评")
    draft.update("events", {"event_id": "ev-2016-lmc-first-leaders-meeting"},
                 name_zh_source_id="zh-186-xinhua-2015-10-high-level-forum")  # a page that names another meeting
    draft.append("errata", erratum_id="er-test-name-zh", source_id="zh-186-xinhua-2015-10-high-level-forum",
                 span_start="0", span_end="10", table="people", row_id="p-xi-jinping", field="name_zh",
                 rule="name-zh-in-source", description="test", handling="test")
    got = draft.failures("name-zh-in-source", "errata", sources=texts)
    assert _keys(got, "name-zh-in-source") == [("people", "p-xi-jinping", "name_zh"),
                                               ("events", "ev-2016-lmc-first-leaders-meeting", "name_zh")]
    assert [f.key for f in got if f.rule == "errata"] == ["er-test-name-zh"]


@pytest.mark.parametrize("backend", ["pandas", "polars"])
@pytest.mark.parametrize("name, table, key", [
    ("刘永富", "people", "p-liu-yongfu"),
    ("北京市人民政府·内蒙古自治区人民政府区域合作框架协议", "documents", "doc-beijing-im-regional-coop-framework-agreement"),
    ("澜湄合作首次领导人会议", "events", "ev-2016-lmc-first-leaders-meeting"),
])
def test_find_reaches_a_row_by_its_chinese_name(name, table, key, backend):
    if backend == "polars":
        pytest.importorskip("polars")
    hits = povpkg.find(name, backend=backend)
    rows = hits.rows() if backend == "polars" else list(hits.itertuples(index=False, name=None))
    assert (table, key, "name_zh", name) in rows
