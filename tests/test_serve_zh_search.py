"""`povpkg serve` finds a row by its Chinese name as well as by its English one.

In-process: the database is built once for the module and served through Datasette's own
test client with the plugin ``povpkg serve`` loads (no port, no subprocess). The rows each
search must find are computed from the tables, not from the server.
"""
from __future__ import annotations

import asyncio
import re
from urllib.parse import quote

import pytest

import povpkg
from povpkg._cjk_search import phrase_query, spaced
from povpkg._package import descriptor
from povpkg._serve import PLUGINS, SEARCHABLE, _rows, build_database, metadata, text_fields

pytest.importorskip("datasette", reason="povpkg[web] (Datasette) is not installed")

KEYS = {"people": "person_id", "organizations": "org_id", "places": "place_id", "events": "event_id",
        "documents": "document_id"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(Datasette, event loop) over the served database, as ``povpkg serve`` configures it."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    db = build_database(tmp_path_factory.mktemp("serve-zh"))
    ds = Datasette(immutables=[str(db)], metadata=metadata(descriptor(), _rows(db, "sources")),
                   plugins_dir=str(PLUGINS))
    loop = asyncio.new_event_loop()
    yield ds, loop
    loop.close()
    pm.unregister(name="povpkg_view.py")  # the plugin stays out of other tests' Datasette


def get(site, path: str):
    ds, loop = site
    return loop.run_until_complete(ds.client.get(path))


def found(site, table: str, query: str, raw: bool = False) -> set[str]:
    mode = "&_searchmode=raw" if raw else ""
    resp = get(site, f"/povpkg/{table}.json?_search={quote(query)}{mode}&_shape=array&_size=max")
    assert resp.status_code == 200, resp.text
    return {r[KEYS[table]] for r in resp.json()}


def holding(table: str, pattern: str) -> set[str]:
    """Keys of the rows one of whose text columns matches ``pattern`` (from the tables)."""
    df = povpkg.load(table)
    cols = text_fields(povpkg.describe(table))
    hit = df[cols].astype("string").fillna("").apply(lambda c: c.str.contains(pattern, regex=True)).any(axis=1)
    return set(df.loc[hit, KEYS[table]])


@pytest.mark.parametrize(("table", "query", "row"), [
    ("people", "孙毅", "p-sun-yi"),                        # a two-character name, in people.spellings
    ("organizations", "扶贫开发领导小组", "org-lgop"),        # inside 国务院扶贫开发领导小组办公室
    ("places", "昆明", "pl-kunming"),                      # inside 昆明市 (places.name_zh)
    ("documents", "谅解备忘录", "doc-2004-iprcc-mou"),       # inside a title_as_stated
    ("events", "自由贸易", "ev-2010-07-13-china-asean-forum-4"),
])
def test_a_chinese_name_or_part_of_one_finds_its_rows(site, table, query, row):
    hits = found(site, table, query)
    assert row in hits and hits == holding(table, re.escape(query))


def test_an_english_word_still_finds_its_rows(site):
    hits = found(site, "places", "Kunming")
    assert "pl-kunming" in hits and hits == holding("places", r"(?i)\bKunming\b")
    assert found(site, "organizations", "UNICEF") == holding("organizations", r"(?i)\bUNICEF\b") != set()


def test_one_column_can_be_searched_in_chinese(site):
    resp = get(site, f"/povpkg/places.json?_search_name_zh={quote('昆明')}&_shape=array")
    assert [r["place_id"] for r in resp.json()] == ["pl-kunming"]


@pytest.mark.parametrize("query", ['孙毅"', '"孙毅', '孙毅*', "NEAR(孙毅 扶贫)", "孙毅 OR", "(孙毅", "孙毅:",
                                   "^孙毅", "-孙毅", "NOT 孙毅", '孙"毅', "孙毅 AND Sun"])
def test_fts_syntax_around_a_chinese_query_never_errors(site, query):
    found(site, "people", query)  # 200, or the assertion in found() fails


def test_fts_syntax_is_read_as_words_in_the_default_mode(site):
    assert "p-sun-yi" in found(site, "people", '孙毅*') & found(site, "people", '"孙毅')


def test_raw_mode_reads_chinese_runs_as_phrases(site):
    assert found(site, "people", "孙毅", raw=True) == {"p-sun-yi"}
    assert found(site, "places", "name_zh:昆明 OR name_zh:南宁", raw=True) == {"pl-kunming", "pl-nanning"}
    assert found(site, "places", "Kunming", raw=True) == holding("places", r"(?i)\bKunming\b")


def test_raw_mode_syntax_errors_are_refused_as_for_english(site):
    for query in ("NEAR(昆明", "NEAR(Kunming"):
        resp = get(site, f"/povpkg/places.json?_search={quote(query)}&_searchmode=raw")
        assert resp.status_code == 400 and "fts5: syntax error" in resp.text


def test_the_plugin_replaces_datasettes_escape_fts(site):
    """Datasette registers its own escape_fts on every connection: ours must run after it."""
    resp = get(site, f"/povpkg.json?sql={quote('select escape_fts(:q) as e')}&q={quote('刘坚 Laos')}&_shape=array")
    assert resp.json() == [{"e": '"刘 坚" "Laos"'}]


def test_text_fields_include_names_in_characters_not_codes():
    fields = {name: text_fields(povpkg.describe(name)) for name in SEARCHABLE}
    assert "name_zh" in fields["places"] and "name_zh" in fields["organizations"] and "spellings" in fields["people"]
    assert not {"place_id", "gbt2260", "country_iso3", "level", "name_zh_basis"} & set(fields["places"])
    assert "title_as_stated" in fields["documents"] and "document_id" not in fields["documents"]


@pytest.mark.parametrize(("query", "fts"), [
    ("刘坚", '"刘 坚"'), ('"刘坚 主任"', '"刘 坚 主 任"'), ("刘坚*", '"刘 坚"*'), ("NEAR(刘坚 扶贫)", 'NEAR("刘 坚" "扶 贫")'),
    ("name_zh:北京", 'name_zh:"北 京"'), ("Laos OR Lao", "Laos OR Lao"), ('"a ""b"" c"', '"a ""b"" c"'),
])
def test_phrase_query(query, fts):
    assert phrase_query(query) == fts


def test_spaced_makes_each_character_a_token():
    assert spaced("Liu Jian|刘坚").split() == ["Liu", "Jian|", "刘", "坚"] and spaced(None) is None
