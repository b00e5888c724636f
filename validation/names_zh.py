"""Chinese names (``name_zh``): characters only, with a basis, and where a page printed them, that page.

A Chinese name is either an official form (``official_usage``, ``gbt2260``,
``standard_name``: not from the sources) or the form a stored Chinese-language page
prints (``source_text``), and then ``name_zh_source_id`` names that page, so the name
can be found in its text character for character (``--sources``). A page id may also
accompany an official form as a page that prints the same form; it is held to the same check.

Nothing here is read from the descriptor under test: the tables, their keys, the
characters a name may hold and each table's bases are written below, so an edit to
``datapackage.json`` (a pattern or a category dropped from a field the release record
does not pin yet) cannot switch the checks off. None of these rules is excusable:
an erratum cannot excuse a name.
"""
from __future__ import annotations

import re
from itertools import compress

from .domain import _fail
from .provenance import texts_of
from .rules import pd_isna, rule
from .zh import CJK

SOURCE_TEXT = "source_text"
BASES = {  # table -> (key, the bases its names may have)
    "people": ("person_id", {SOURCE_TEXT}),
    "documents": ("document_id", {SOURCE_TEXT}),
    "events": ("event_id", {SOURCE_TEXT}),
    "organizations": ("org_id", {"official_usage", SOURCE_TEXT}),
    "places": ("place_id", {"gbt2260", "standard_name", SOURCE_TEXT}),
    "projects": ("project_id", {"official_usage", SOURCE_TEXT}),
}
NAME, BASIS, SOURCE = "name_zh", "name_zh_basis", "name_zh_source_id"
CHARACTERS = re.compile(rf"[{CJK}（）()－—·0-9]+")  # as the pattern 0.4.0's contract pins for name_zh
# a title (a document's or an event's) may also hold the punctuation titles print: a hyphen or
# dash (中国-东盟), a colon, quotation marks (“十二五”), 、 and one space between words
TITLE_CHARACTERS = re.compile(rf"[{CJK}（）()－—–\-·0-9：:“”‘’、]+(?: [{CJK}（）()－—–\-·0-9：:“”‘’、]+)*")
TITLES = {"documents", "events"}
HAN = re.compile(rf"[{CJK}]")
LONGEST = 40  # a name or title, not a passage of the page


def _text(v):
    """A cell as text, or None when it is empty."""
    if isinstance(v, str):  # most cells: no need to ask pandas whether a string is missing
        return v or None
    return None if pd_isna(v) or str(v) == "" else str(v)


def _rows(frames):
    """``(table, frame, row index, name, basis, page id)`` of every row that has a Chinese name,
    a basis or a page id; a cell is None when empty or its column is absent. The cells are
    read column by column (``df.at`` per cell costs more than the checks themselves)."""
    for table in BASES:
        df = frames.get(table)
        if df is None:
            continue
        cols = [c for c in (NAME, BASIS, SOURCE) if c in df.columns]
        if not cols:
            continue
        filled = [any(row) for row in zip(*(df[c].notna().tolist() for c in cols))]
        rows = df.index[filled]
        cells = [list(compress(df[c].tolist(), filled)) if c in cols else [None] * len(rows) for c in (NAME, BASIS, SOURCE)]
        for i, name, basis, sid in zip(rows, *cells):
            yield table, df, i, _text(name), _text(basis), _text(sid)


def _named_rows(frames, ctx) -> list:
    """``_rows(frames)``, read once a run: three rules go through them, and reading them was most
    of each one's cost."""
    return ctx.once("Chinese names", tuple(frames.get(t) for t in BASES), lambda: list(_rows(frames)))


@rule("name-zh-text", needs=())
def name_zh_text(frames, ctx):
    """A Chinese name is Chinese characters (with digits, brackets, dashes, the middle dot; a
    document's or event's title also the colons, quotation marks, 、 and single spaces titles
    print), at most a title long."""
    for table, df, i, name, _, _ in _named_rows(frames, ctx):
        if name is None:
            continue
        if not (TITLE_CHARACTERS if table in TITLES else CHARACTERS).fullmatch(name) or not HAN.search(name):
            problem = ("holds characters other than CJK characters, digits, brackets, dashes and the middle dot"
                       + (" (and a title's colons, quotation marks, 、 and single spaces)" if table in TITLES else ""))
        elif len(name) > LONGEST:
            problem = f"is {len(name)} characters long, more than a name or title ({LONGEST})"
        else:
            continue
        yield _fail(ctx, "name-zh-text", table, df, i, NAME, name, f"the Chinese name {problem}",
                    "give the name as the page prints it, without quotation marks, punctuation, spaces or "
                    "annotations; leave it empty where the page prints no such name")


@rule("name-zh-basis", needs=("sources",))
def name_zh_basis(frames, ctx):
    """Name and basis are filled together, the basis is one the table allows, a name printed by a page
    names that page, and the page is a Chinese-language source of the sources table."""
    src = frames["sources"]
    language = dict(zip(src["source_id"], src["language"])) if "language" in src.columns else {}
    for table, df, i, name, basis, sid in _named_rows(frames, ctx):
        allowed = BASES[table][1]
        if (name is None) != (basis is None):
            field, value = (BASIS, None) if basis is None else (NAME, None)
            yield _fail(ctx, "name-zh-basis", table, df, i, field, value,
                        "name_zh and name_zh_basis are filled together", "fill both, or empty both")
        if basis is not None and basis not in allowed:
            yield _fail(ctx, "name-zh-basis", table, df, i, BASIS, basis,
                        f"name_zh_basis {basis!r} is not a basis of {table} ({', '.join(sorted(allowed))})",
                        f"use {' or '.join(sorted(allowed))}")
        if basis == SOURCE_TEXT and sid is None:
            yield _fail(ctx, "name-zh-basis", table, df, i, SOURCE, None,
                        "a name printed in a source text does not say which source printed it",
                        "fill name_zh_source_id with the Chinese page that prints the name")
        if sid is None:
            continue
        if name is None:
            yield _fail(ctx, "name-zh-basis", table, df, i, SOURCE, sid,
                        "name_zh_source_id is given without a Chinese name", "empty it, or fill name_zh")
        if sid not in language:
            yield _fail(ctx, "name-zh-basis", table, df, i, SOURCE, sid,
                        f"name_zh_source_id {sid!r} is not in sources.source_id", "use an existing source_id")
        elif language[sid] != "zh":
            yield _fail(ctx, "name-zh-basis", table, df, i, SOURCE, sid,
                        f"source {sid!r} is not a Chinese-language page (language {language[sid]!r})",
                        "cite a stored Chinese page (language zh) that prints the name")


@rule("name-zh-in-source", needs=("sources",), needs_texts=True)
def name_zh_in_source(frames, ctx):
    """With the texts, a Chinese name occurs character for character in the page its row names."""
    found = texts_of(frames, ctx).texts  # problems: span-in-source's
    if not found:
        return
    for table, df, i, name, _, sid in _named_rows(frames, ctx):
        if name is None or sid not in found or name in found[sid].text:
            continue
        yield _fail(ctx, "name-zh-in-source", table, df, i, NAME, name,
                    f"source {sid} does not print the Chinese name {name!r}",
                    "copy the name character for character from the page (traditional or simplified as printed), "
                    "or cite the page that prints it")
