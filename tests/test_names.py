"""Names the tables quote from the sources: spellings of countries, names, titles and places in spans."""
from __future__ import annotations

import re

import pytest

import povpkg
from conftest import ROOT

MASISI = {"event_id": "ev-2012-06-26-hui-liangyu-botswana-meeting", "person_id": "p-mokgweetsi-masisi"}


def source_text(sources_dir) -> str:
    """The five sources and the stored pages (issue 13), whose spellings the tables also keep."""
    pages = ROOT.parent / "pages"
    if not pages.is_dir():
        pytest.skip("../pages is not here; country spellings come from the stored pages too")
    files = sorted(sources_dir.glob("*.txt")) + sorted(pages.glob("*.txt"))
    files += sorted((ROOT.parent / "pages-zh").glob("*.txt"))  # the Chinese pages (issue 20), where stored
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def _written(name: str, text: str) -> bool:
    """A name in Latin letters as a whole word; in Chinese characters, as it stands (no spaces)."""
    if re.search(r"[\u3400-\u9fff]", name):
        return name in text
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def test_every_country_spelling_occurs_in_the_sources(sources_dir):
    text = source_text(sources_dir)
    missing = [(c, s) for c, spellings in povpkg.load("countries")[["iso3", "spellings"]].dropna().itertuples(index=False)
               for s in spellings.split("|") if not _written(s, text)]
    assert not missing, missing


def test_country_forms_the_sources_use_are_recorded():
    spellings = dict(povpkg.load("countries")[["iso3", "spellings"]].fillna("").itertuples(index=False))
    for iso3, form in [("PER", "Peru"), ("DEU", "Germany"), ("GBR", "UK"), ("CAN", "Canadean"),
                       ("ETH", "Ethiopian"), ("TON", "Tongan"), ("LAO", "Lao"), ("NPL", "Nepalese")]:
        assert form in spellings[iso3].split("|"), (iso3, form)


def test_names_as_stated_are_among_the_country_spellings():
    spellings = dict(povpkg.load("countries")[["iso3", "spellings"]].fillna("").itertuples(index=False))
    links = povpkg.load("event_countries")
    bad = [(e, c, n) for e, c, n in links[["event_id", "iso3", "name_as_stated"]].itertuples(index=False)
           if n not in spellings[c].split("|")]
    assert not bad, bad


def _failures(draft, sources_dir, rule):
    """``rule``'s failures (names, titles and places are checked by the rule name-in-span) on the
    changed tables (it checks each on its own, with the people it names and an event's links)."""
    return [(f.table, f.key, f.field, f.value) for f in name_failures(draft, sources_dir) if f.rule == rule]


def name_failures(draft, sources_dir):
    return draft.failures("name-in-span", sources=sources_dir,
                          tables=draft.changed() | {"people", "event_countries", "event_organizations", "event_people"})


def test_title_outside_its_span_is_caught(draft, sources_dir):
    draft.update("event_people", MASISI, span_start="7920")  # the span before it was widened to the title
    assert _failures(draft, sources_dir, "title-in-span") == [
        ("event_people", "ev-2012-06-26-hui-liangyu-botswana-meeting/p-mokgweetsi-masisi/led", "title_as_stated",
         "Minister of Presidential Affairs and Public Administration")]


def test_title_found_only_in_another_persons_title_is_caught(draft, sources_dir):
    # 24624-24919 names Fan Xiaojian, but its only 'Minister' is Paes de Sousa's 'Vice Minister'
    fan = {"event_id": "ev-2012-child-symposium-fan-meetings", "person_id": "p-fan-xiaojian"}
    draft.update("event_people", fan, span_start="24624")
    got = {f.key: f.message for f in name_failures(draft, sources_dir) if f.rule == "title-in-span"}
    assert "another person's title" in got["ev-2012-child-symposium-fan-meetings/p-fan-xiaojian/met"]
    # a title printed once beside its own person passes although others' titles repeat its words
    # ('led by Minister Fan Xiaojian ... Prime Minister Aires Ali ... Minister of ...', 4106-4450)
    assert not [k for k in got if k.startswith("ev-2012-07-fan-mozambique-officials-meeting/")]


def test_person_not_named_in_the_span_is_caught(draft, sources_dir):
    draft.update("event_people", MASISI, person_id="p-yoka-brandt")
    got = _failures(draft, sources_dir, "name-in-span")
    assert ("event_people", "ev-2012-06-26-hui-liangyu-botswana-meeting/p-yoka-brandt/led", "person_id", "Yoka Brandt") in got


def test_city_outside_the_event_mentions_is_caught(draft, sources_dir):
    draft.update("events", {"event_id": "ev-2009-12-15-deang-forum"}, city="Kunming")
    assert _failures(draft, sources_dir, "place-in-span") == [("events", "ev-2009-12-15-deang-forum", "city", "Kunming")]


def test_city_inherited_from_the_parent_must_match_it(draft, sources_dir):
    draft.update("events", {"event_id": "ev-2009-12-18-dulong-agreement-signing"}, city="Dali")
    assert ("events", "ev-2009-12-18-dulong-agreement-signing", "city", "Dali") in _failures(draft, sources_dir, "place-in-span")


def test_country_spelling_not_in_span_is_caught(draft, sources_dir):
    draft.update("event_countries", {"event_id": "ev-2012-11-05-china-africa-msme-program", "iso3": "MYS"},
           name_as_stated="Malaysian")
    assert _failures(draft, sources_dir, "name-in-span") == [
        ("event_countries", "ev-2012-11-05-china-africa-msme-program/MYS/participant", "name_as_stated", "Malaysian")]


CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff（）()－—·0-9]+")
LEVEL_ENDINGS = {"province": ("省", "市", "自治区"), "prefecture": ("州", "市", "地区"), "city": ("市",),
                 "county": ("县", "市"), "district": ("区",)}


def _named(table):
    df = povpkg.load(table)
    return df[df["name_zh"].notna()]


def test_every_chinese_name_is_cjk_text_with_its_basis():
    for table in ("places", "organizations", "projects"):
        df = povpkg.load(table)
        assert (df["name_zh"].notna() == df["name_zh_basis"].notna()).all(), table
        named = _named(table)
        bad = [n for n in named["name_zh"] if not CJK.fullmatch(n) or not re.search(r"[\u3400-\u9fff]", n)]
        assert not bad, (table, bad)


def test_every_place_with_a_gbt2260_code_has_its_official_name():
    places = povpkg.load("places")
    coded = places[places["gbt2260"].notna()]
    assert coded["name_zh"].notna().all(), list(coded.loc[coded["name_zh"].isna(), "place_id"])
    assert (coded["name_zh_basis"] == "gbt2260").all()
    for level, name in coded[["level", "name_zh"]].itertuples(index=False):
        assert name.endswith(LEVEL_ENDINGS[level]), (level, name)
    abroad = places[places["country_iso3"] != "CHN"]
    assert abroad["name_zh"].isna().all(), "Chinese names are given for places in China only"


def test_chinese_names_of_the_anchors():
    orgs = dict(_named("organizations")[["org_id", "name_zh"]].itertuples(index=False))
    assert orgs["org-lgop"] == "国务院扶贫开发领导小组办公室" and orgs["org-iprcc"] == "中国国际扶贫中心"
    assert orgs["org-caas"] == "中国农业科学院" and orgs["org-aii-caas"].startswith(orgs["org-caas"])
    places = dict(_named("places")[["place_id", "name_zh"]].itertuples(index=False))
    assert places["pl-wenshan"] == "文山壮族苗族自治州" and places["pl-yunnan"] == "云南省"
