"""Names the tables quote from the sources: spellings of countries, names, titles and places in spans."""
from __future__ import annotations

import re

import povpkg
from conftest import update

MASISI = {"event_id": "ev-2012-06-26-hui-liangyu-botswana-meeting", "person_id": "p-mokgweetsi-masisi"}


def source_text(sources_dir) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(sources_dir.glob("*.txt")))


def test_every_country_spelling_occurs_in_the_sources(sources_dir):
    text = source_text(sources_dir)
    missing = [(c, s) for c, spellings in povpkg.load("countries")[["iso3", "spellings"]].dropna().itertuples(index=False)
               for s in spellings.split("|") if not re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]
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


def _failures(pkg, sources_dir, rule):
    return [(f.table, f.key, f.field, f.value) for f in povpkg.validate(pkg, sources=sources_dir).failures if f.rule == rule]


def test_title_outside_its_span_is_caught(pkg, sources_dir):
    update(pkg, "event_people", MASISI, span_start="7920")  # the span before it was widened to the title
    assert _failures(pkg, sources_dir, "title-in-span") == [
        ("event_people", "ev-2012-06-26-hui-liangyu-botswana-meeting/p-mokgweetsi-masisi/led", "title_as_stated",
         "Minister of Presidential Affairs and Public Administration")]


def test_person_not_named_in_the_span_is_caught(pkg, sources_dir):
    update(pkg, "event_people", MASISI, person_id="p-yoka-brandt")
    got = _failures(pkg, sources_dir, "name-in-span")
    assert ("event_people", "ev-2012-06-26-hui-liangyu-botswana-meeting/p-yoka-brandt/led", "person_id", "Yoka Brandt") in got


def test_city_outside_the_event_mentions_is_caught(pkg, sources_dir):
    update(pkg, "events", {"event_id": "ev-2009-12-15-deang-forum"}, city="Kunming")
    assert _failures(pkg, sources_dir, "place-in-span") == [("events", "ev-2009-12-15-deang-forum", "city", "Kunming")]


def test_city_inherited_from_the_parent_must_match_it(pkg, sources_dir):
    update(pkg, "events", {"event_id": "ev-2009-12-18-dulong-agreement-signing"}, city="Dali")
    assert ("events", "ev-2009-12-18-dulong-agreement-signing", "city", "Dali") in _failures(pkg, sources_dir, "place-in-span")


def test_country_spelling_not_in_span_is_caught(pkg, sources_dir):
    update(pkg, "event_countries", {"event_id": "ev-2012-11-05-china-africa-msme-program", "iso3": "MYS"},
           name_as_stated="Malaysian")
    assert _failures(pkg, sources_dir, "name-in-span") == [
        ("event_countries", "ev-2012-11-05-china-africa-msme-program/MYS/participant", "name_as_stated", "Malaysian")]
