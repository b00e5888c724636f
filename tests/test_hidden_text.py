"""Text that hides itself (issue 18, §8): invisible and format characters, fillers and
odd spaces are refused in text cells unless the cited source text holds them at that
place; a cell starting with '-' that is not a plain number is a formula."""
from __future__ import annotations

import hashlib
import re
import sys
import unicodedata

import pandas as pd
import pytest

import povpkg
from povpkg._package import descriptor
from povpkg._rules import rules_module

R = rules_module()


def _ctx(sources=None):
    return R.rules.Context(desc=descriptor(), root=None, sources=sources)


@pytest.fixture(scope="module")
def shipped() -> dict:
    return {t: povpkg.load(t) for t in ("people", "organizations", "events", "places", "sources")}


def _with(frames, table, row, field, value) -> dict:
    df = frames[table].copy()
    if isinstance(df[field].dtype, pd.CategoricalDtype):
        df[field] = df[field].astype("str")
    df.at[row, field] = value
    return {**frames, table: df}


def _flagged(frames, ctx=None):
    return [(f.table, f.row, f.field) for f in R.hygiene.clean_text(frames, ctx or _ctx())]


ISSUE = [  # the issue's examples, each in a name or a title of the shipped package
    ("people", 0, "name", "Zheng\u00adWenkai"),  # a soft hyphen
    ("people", 1, "name", "Wang\u202fGuoliang"),  # a narrow no-break space inside a name
    ("organizations", 0, "name", "IPRCC\U000e0041\U000e0042\U000e007f"),  # Unicode tag characters
    ("events", 0, "title", "\u061cSeminar"),  # a bidi mark (Arabic letter mark)
    ("events", 1, "title", "\u3164"),  # a title made only of a Hangul filler
]
FRESH = [  # the same kinds elsewhere
    ("places", 2, "name", "Pu\u2060er"),  # word joiner
    ("places", 3, "notes", "a\u2007b"),  # figure space
    ("organizations", 4, "name", "\uffa0"),  # halfwidth Hangul filler
    ("organizations", 5, "notes", "x\u115fy"),  # Hangul choseong filler
    ("events", 5, "notes", "ok\ufe0f"),  # a variation selector
    ("events", 6, "title", "mid\u180edle"),  # Mongolian vowel separator (Cf)
    ("people", 7, "notes", "\u2800"),  # blank braille pattern
    ("people", 8, "name", "Li\u3000Ming"),  # ideographic space inside a name
    ("sources", 2, "title", "t\U0001d173itle"),  # a musical format character (Cf, outside the BMP)
    ("events", 7, "notes", "x\u206ay"),  # a deprecated format character
]


@pytest.mark.parametrize(("table", "row", "field", "value"), ISSUE + FRESH)
def test_a_hidden_character_is_refused(shipped, table, row, field, value):
    got = _flagged(_with(shipped, table, row, field, value))
    assert got == [(table, row + 2, field)]


def test_the_message_names_the_character_and_where(shipped):
    got = list(R.hygiene.clean_text(_with(shipped, "people", 0, "name", "Zheng\u00adWenkai"), _ctx()))
    assert got[0].message.startswith("holds the invisible, format or control character U+00AD at character 6")


def test_the_shipped_text_is_clean(shipped):
    assert _flagged(shipped) == []


def test_every_format_character_is_hidden():
    """The class spells out Unicode's category Cf and its odd spaces: none left out."""
    pattern = R.hygiene.INVISIBLE
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if unicodedata.category(ch) in ("Cf", "Cc", "Zl", "Zp") or (unicodedata.category(ch) == "Zs" and ch != " "):
            assert pattern.search(ch), f"U+{cp:04X}"
    for ch in "aZ9 -,.()中文é":
        assert not pattern.search(ch)


# --- the cited source text may hold the character ----------------------------------------------

TEXT = "The delegation of Zheng\u00adWenkai and Wang Guoliang visited Yun\u00adnan in 2012."


def _cited(tmp_path, value: str, span: tuple[int, int]) -> tuple[dict, object]:
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    sources = pd.DataFrame({"source_id": ["s"], "file_name": ["t.txt"],
                            "sha256": [hashlib.sha256(TEXT.encode()).hexdigest()],
                            "characters": pd.array([len(TEXT)], dtype="Int64")})
    people = pd.DataFrame({"person_id": pd.array(["p-zheng"], dtype="str"), "name": pd.array([value], dtype="str"),
                           "source_id": pd.array(["s"], dtype="str"),
                           "span_start": pd.array([span[0]], dtype="Int64"),
                           "span_end": pd.array([span[1]], dtype="Int64")})
    return {"sources": sources, "people": people}, _ctx(tmp_path)


def test_kept_where_the_cited_span_holds_it(tmp_path):
    frames, ctx = _cited(tmp_path, "Zheng\u00adWenkai", (0, 40))
    assert _flagged(frames, ctx) == []


def test_refused_where_the_cited_span_does_not_hold_it_there(tmp_path):
    frames, ctx = _cited(tmp_path, "Zheng\u00adWenkai", (40, len(TEXT)))  # a span after the name
    assert _flagged(frames, ctx) == [("people", 2, "name")]
    frames, ctx = _cited(tmp_path, "Wang\u00adGuoliang", (0, len(TEXT)))  # the text has it elsewhere, not here
    assert _flagged(frames, ctx) == [("people", 2, "name")]


def test_refused_without_the_texts(tmp_path):
    frames, _ = _cited(tmp_path, "Zheng\u00adWenkai", (0, 40))
    assert _flagged(frames, _ctx(None)) == [("people", 2, "name")]


def test_a_space_around_the_value_is_never_kept(tmp_path):
    frames, ctx = _cited(tmp_path, "Zheng\u00adWenkai ", (0, 40))
    assert _flagged(frames, ctx) == [("people", 2, "name")]


# --- formulas starting with '-' --------------------------------------------------------------

@pytest.mark.parametrize(("cell", "bad"), [
    ("-2+3+cmd|' /C calc'!A0", True),  # the issue's example
    ("-1+1", True), ("-5 apples", True), ("-0.5e3", True), ("-1/2", True), ("-5\n", True),  # fresh ones
    ("-5", False), ("-0.5", False), ("- a", True), ("+5", True), ("ok -2+3", False),
])
def test_a_minus_that_is_not_a_plain_number_starts_a_formula(cell, bad):
    assert bool(re.match(R.rules.FORMULA, cell)) is bad


def test_the_rule_flags_the_issues_formula(shipped):
    frames = _with(shipped, "events", 3, "notes", "-2+3+cmd|' /C calc'!A0")
    got = [(f.table, f.row, f.field) for f in R.rules.no_formulas(frames, _ctx())]
    assert got == [("events", 5, "notes")]
    frames = _with(shipped, "people", 2, "notes", "-7")
    assert list(R.rules.no_formulas(frames, _ctx())) == []
