"""A foreign name a Chinese page prints only in characters: our English spelling says it is ours.

A Chinese page writes a foreign person's name in characters (巴妮, 马和励); the English
spelling in ``people.name`` is then the one the person is usually known by, or a romanization,
never a reading of the page. A reader who checks the row against its page must be told so,
or the spelling passes for the page's own. Chinese nationals (``country_iso3`` CHN) are left
aside: their English name is the standard romanization of the characters the page prints.
"""
from __future__ import annotations

import re

from povpkg._report import Failure

from .provenance import texts_of
from .rules import pd_isna, row_key, rule

SAYS_NOT_THE_PAGES = re.compile(r"not the page's|(?:English name|romani[sz]ation) is ours", re.I)
_NOT_LETTERS = re.compile(r"[^a-z]+")


def _letters(text: str) -> str:
    """Lower-case Latin letters only: 'H.E.OukRabun' and 'Ouk Rabun' fold alike."""
    return _NOT_LETTERS.sub("", str(text).lower())


def _pages_citing(frames) -> dict[str, set[str]]:
    """Each person's pages: their own source, their Chinese name's page, every event_people row's."""
    pages: dict[str, set[str]] = {}
    for r in frames["people"].itertuples(index=False):
        pages[r.person_id] = {s for s in (r.source_id, r.name_zh_source_id) if not pd_isna(s)}
    ep = frames.get("event_people")
    if ep is not None:
        for pid, sid in zip(ep["person_id"], ep["source_id"]):
            if not pd_isna(sid):
                pages.setdefault(pid, set()).add(sid)
    return pages


def _written(names: list[str], folded: list[str]) -> bool:
    """Is the English name, or a Latin spelling of it, written in one of the texts (``folded`` by
    ``_letters``: spaces, dots, apostrophes and case aside)? 'Misran Karmain' is written where the
    page has "Dato's Misran Karmain"."""
    return any(want and want in t for want in map(_letters, names) for t in folded)


@rule("spelling-not-printed", needs=("people", "sources"), needs_texts=True)
def spelling_not_printed(frames, ctx):
    """With the texts: a non-Chinese person cited only by Chinese pages that none of them writes in
    Latin letters says in notes that the English spelling is not the page's."""
    found = texts_of(frames, ctx).texts
    if not found:
        return
    language = dict(zip(frames["sources"]["source_id"], frames["sources"]["language"]))
    pages = _pages_citing(frames)
    folded: dict[str, str] = {}  # each page's text by _letters, folded once for all who cite it
    df = frames["people"]
    for i, r in zip(df.index, df.to_dict("records")):
        cited = pages.get(r["person_id"], set())
        if r.get("country_iso3") == "CHN" or not cited or any(language.get(s) != "zh" for s in cited):
            continue
        if any(s not in found for s in cited):  # a text not given: not this rule's to judge
            continue
        spellings = [] if pd_isna(r.get("spellings")) else str(r["spellings"]).split("|")
        for s in cited.difference(folded):
            folded[s] = _letters(found[s].text)
        if _written([r["name"], *spellings], [folded[s] for s in cited]):
            continue
        if not pd_isna(r.get("notes")) and SAYS_NOT_THE_PAGES.search(str(r["notes"])):
            continue
        yield Failure(rule="spelling-not-printed", table="people", row=int(i) + 2,
                      key=row_key(ctx, "people", df, i), field="notes", value=r["name"],
                      message=f"no page citing {r['person_id']} writes {r['name']!r}: they print the name only "
                              f"in characters ({r.get('name_zh') or 'no name_zh'}), and the notes do not say the "
                              "English spelling is not the page's",
                      fix="say in notes that the page prints the name only in Chinese characters and the English "
                          "spelling is not the page's; or, if the identification is doubtful, remove the person")
