"""The source checks bind each value to its own mention (issue 8, section 5).

Every case corrupts a copy in one way a careless edit could, on several rows, and
checks the provenance rule names the row and field. Needs ../shared/sources.
"""
from __future__ import annotations

import json
import math
import shutil

import pytest

import povpkg

from povpkg._report import Report
from povpkg._rules import rules_module

P = rules_module().provenance


# --- number words never crash or mislead ---------------------------------------

@pytest.mark.parametrize("value", [-5, -1, -19, -100, -2.5, math.inf, -math.inf, math.nan, 10**30, "x"])
def test_odd_numbers_have_no_misleading_renderings(value):
    r = P.renderings(value)
    assert not any(w in ("fifteen", "nineteen", "one", "eighty", "zero") for w in r)
    assert not P.holds("fifteen nineteen eighty one zero", value)


def test_a_negative_figure_is_found_only_as_written():
    assert P.holds("a fall of -5 points", -5) and not P.holds("fifteen", -5) and not P.holds("5", -5)


def span_failures(draft, sources_dir):
    """The provenance rule alone, on the tables the draft changed (it checks each table on its own)."""
    return draft.failures("span-in-source", sources=sources_dir, tables=draft.changed())


def _caught(draft, sources_dir, rule, table, key, field):
    fails = span_failures(draft, sources_dir)
    hits = [(f.table, f.key, f.field) for f in fails if f.rule == rule]
    assert (table, key, field) in hits, f"expected {rule} on {table} {key} {field}; got {hits}"


# --- dates: year, month and day as the source writes them ------------------------

DAY_DATES = [  # event, field, a date the span does not write (year moved, or day that is only some figure)
    ("ev-2012-05-30-giz-delegation", "start_date", "1012-05-30"),
    ("ev-2012-06-26-hui-liangyu-botswana-meeting", "start_date", "2011-06-26"),  # year from the text before
    ("ev-2009-12-15-deang-forum", "start_date", "2010-12-15"),
    ("ev-2021-10-25-cica-workshop", "end_date", "2022-10-26"),
    ("ev-2012-11-20-child-poverty-symposium", "end_date", "2012-11-20"),  # 20 is also "20 developing countries"
    ("ev-2012-11-20-child-poverty-symposium", "start_date", "2012-11-02"),  # "2.5 days"
    ("ev-2012-08-28-poverty-alleviation-diplomacy-seminar", "end_date", "2012-08-30"),
    ("ev-2012-09-26-china-asean-forum", "start_date", "2012-09-08"),  # "eight ASEAN countries"
]
MONTH_DATES = [
    ("ev-2009-06-niuchangping-move-in", "start_date", "2010-06-01"),
    ("ev-2017-09-guangxi-laos-demo-launch", "start_date", "2016-09-01"),
    ("ev-2012-07-child-poverty-comparative-study", "end_date", "2013-09-01"),
    ("ev-2019-05-hebian-asean-officials-visit", "start_date", "2019-06-01"),
]


@pytest.mark.parametrize(("event", "field", "date"), DAY_DATES + MONTH_DATES)
def test_a_stated_date_moved_away_from_its_mention_is_caught(draft, sources_dir, event, field, date):
    draft.update("events", {"event_id": event}, **{field: date})
    _caught(draft, sources_dir, "date-in-span", "events", event, field)


# --- figures: each bound to what it counts ------------------------------------------

SWAPS = [  # two figures of one span, swapped
    ("indicators", "indicator_id", "value", "in-004-leigongdaniu-families", "in-004-leigongdaniu-people"),  # 43 / 195
    ("indicators", "indicator_id", "value", "in-2004-2012-lgop-overseas-trainings", "in-2004-2012-lgop-overseas-training-cadres"),
    ("indicators", "indicator_id", "value", "in-004-pilot-towns", "in-004-pilot-counties"),
    ("indicators", "indicator_id", "value", "in-004-tg-villages-2009", "in-004-tg-villages-2010"),
    ("indicators", "indicator_id", "value", "in-003-coffee-packs-sold", "in-003-coffee-sellout-minutes"),
    ("indicators", "indicator_id", "value", "in-004-dulongjiang-area", "in-004-dulongjiang-population"),
]


def test_no_two_figures_a_span_gives_with_one_unit_can_trade_places(sources_dir):
    """Rows citing one span with one unit give its figures in its order (span-order), and a
    part is no larger than its whole (part-matches-whole): every such swap is noticed."""
    from swaps import unnoticed_swaps

    tried, missed = unnoticed_swaps(sources_dir)
    assert tried >= 5 and missed == []  # few: figure spans are clauses (issue 19)


@pytest.mark.parametrize(("table", "key", "field", "one", "other"), SWAPS)
def test_two_figures_of_one_span_cannot_be_swapped(draft, sources_dir, table, key, field, one, other):
    rows = {r[key]: r[field] for r in povpkg.load(table).to_dict("records") if r[key] in (one, other)}
    draft.update(table, {key: one}, **{field: f"{rows[other]:g}"})
    draft.update(table, {key: other}, **{field: f"{rows[one]:g}"})
    blamed = {f.key for f in span_failures(draft, sources_dir) if f.rule == "figure-in-span"}
    assert blamed & {one, other}, f"swapping {one} and {other} passed"


EVENT_SWAPS = ["ev-2012-11-20-child-poverty-symposium", "ev-2012-04-13-mdgs-seminar", "ev-2012-05-15-rural-dev-seminar",
               "ev-2012-06-05-asian-rural-urban-seminar", "ev-2012-11-15-francophone-mdgs-seminar"]


@pytest.mark.parametrize("event", EVENT_SWAPS)
def test_participants_and_countries_cannot_be_swapped(draft, sources_dir, event):
    e = povpkg.load("events").set_index("event_id").loc[event]
    draft.update("events", {"event_id": event}, participants=str(e["countries_stated"]),
           countries_stated=str(e["participants"]))
    fails = span_failures(draft, sources_dir)
    assert {(f.key, f.field) for f in fails if f.rule == "figure-in-span"} & {(event, "participants"), (event, "countries_stated")}


MOVED = [  # a figure moved to another number of its span
    ("amounts", "amount_id", "am-004-leigongdaniu", "value_stated", "50"),  # '50 safe houses'
    ("amounts", "amount_id", "am-2009-shanghai-yunnan-actual", "value_stated", "24.6"),  # 'up 24.6%'
    ("funding_2009", None, {"recipient_id": "puer-city", "category": "industrial_development"}, "amount_10k_yuan", "550"),
    ("funding_2009_totals", "total_id", "area-others", "amount_10k_yuan", "150"),
    ("indicators", "indicator_id", "in-000-wuding-population", "value", "136"),
    ("events", "event_id", "ev-2012-09-26-china-asean-forum", "participants", "8"),
]


@pytest.mark.parametrize(("table", "key", "row", "field", "value"), MOVED)
def test_a_figure_moved_to_another_number_of_its_span_is_caught(draft, sources_dir, table, key, row, field, value):
    where = row if key is None else {key: row}
    changes = {field: value}
    if table.startswith("funding"):
        changes["amount_yuan"] = str(int(value) * 10000)
    if table == "amounts":
        unit = {r["amount_id"]: r for r in povpkg.load("amounts").to_dict("records")}[row]
        changes["amount"] = f"{float(value) * P_SCALE[unit['unit_stated']]:.0f}"
    draft.update(table, where, **changes)
    assert any(f.rule == "figure-in-span" and f.table == table and f.field == field
               for f in span_failures(draft, sources_dir))


P_SCALE = {"yuan": 1, "million yuan": 1_000_000, "billion yuan": 1_000_000_000, "million usd": 1_000_000, "usd": 1}


def test_a_unit_scale_that_the_text_does_not_write_is_caught(draft, sources_dir):
    draft.update("amounts", {"amount_id": "am-000-wuding-dev-funds"}, unit_stated="billion yuan", amount="2300000000")
    _caught(draft, sources_dir, "figure-in-span", "amounts", "am-000-wuding-dev-funds", "value_stated")


@pytest.mark.parametrize("value", ["-5", "-15"])
def test_a_negative_indicator_is_a_failure_not_a_crash(draft, sources_dir, value):
    draft.update("indicators", {"indicator_id": "in-004-sh-implementation-regulations"}, value=value)
    fails = draft.failures("span-in-source", "span-order", sources=sources_dir, tables=["indicators"])
    assert [f.key for f in fails if f.rule == "figure-in-span"] == ["in-004-sh-implementation-regulations"]
    assert not any("could not run" in f.message for f in fails)


# --- the texts themselves -------------------------------------------------------------

@pytest.mark.parametrize("source", ["yearbook-2013-intl", "ycpress-2020-laos"])
def test_characters_must_be_the_texts_length(draft, sources_dir, source):
    n = povpkg.load("sources").set_index("source_id").at[source, "characters"]
    draft.update("sources", {"source_id": source}, characters=str(n + 7))
    assert any(f.rule == "source-text" and f.key == source and "characters" in f.message
               for f in span_failures(draft, sources_dir))


TEXT_RULES = ("span-in-source", "span-order", "name-in-span")  # the rules that read the texts


def text_report(draft, folder) -> Report:
    """The draft's report from the rules that read the source texts in ``folder``."""
    from povpkg._rules import sources_not_checked

    return Report(package="draft", version="0", failures=draft.failures(*TEXT_RULES, sources=folder),
                  sources_not_checked=sources_not_checked(draft.frames(), folder))


def test_sources_whose_texts_are_elsewhere_are_reported_not_checked(draft, tmp_path, sources_dir):
    part = tmp_path / "some-texts"
    part.mkdir()
    src = povpkg.load("sources")
    kept = src.iloc[:2]
    for name in kept["file_name"]:
        shutil.copy2(sources_dir / name, part / name)
    report = text_report(draft, part)
    assert report.valid, report.to_text()
    assert set(report.sources_not_checked) == set(src["source_id"]) - set(kept["source_id"])
    assert json.loads(report.to_json())["sources_not_checked"] == report.sources_not_checked
    assert "not checked" in report.to_text()


def test_a_text_held_but_wrong_still_fails_while_others_are_not_checked(draft, tmp_path, sources_dir):
    part = tmp_path / "some-texts"
    part.mkdir()
    src = povpkg.load("sources")
    name = src["file_name"].iloc[0]
    (part / name).write_text((sources_dir / name).read_text(encoding="utf-8") + " ", encoding="utf-8")
    report = text_report(draft, part)
    assert "source-text" in report.rules() and len(report.sources_not_checked) == len(src) - 1


def test_a_text_edited_between_two_validations_is_read_again(draft, tmp_path, sources_dir):
    """The texts are read once per validation and remembered; an edit to one (same folder,
    same process) must still be seen."""
    from povpkg._rules import sources_not_checked

    part = tmp_path / "texts"
    shutil.copytree(sources_dir, part)
    assert draft.failures("span-in-source", sources=part) == []
    name = povpkg.load("sources")["file_name"].iloc[0]
    (part / name).write_text((part / name).read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert "source-text" in {f.rule for f in draft.failures("span-in-source", sources=part)}
    (part / name).unlink()
    assert draft.failures("span-in-source", sources=part) == []
    held = [f for f in povpkg.load("sources")["file_name"] if (part / f).is_file()]
    assert len(sources_not_checked(draft.frames(), part)) == len(povpkg.load("sources")) - len(held)
