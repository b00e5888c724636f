"""What a span says around a figure besides the figure itself: how exact it is ("more
than 5 million"), which year its clause opens with ("In 2009, ..."), which noun follows
it ("12 delegations"), whether one mention is meant for several rows ("8.4 million yuan
... respectively"), and which date the span opens with.

Each helper reads a few dozen characters around a mention, so a row's checks cost in
proportion to its span, never to the whole text.
"""
from __future__ import annotations

import re

from .lazy_re import LazyPattern
from .zh import chinese_figure

# the word before (or after) a figure that says how exact it is, and the class it belongs to
QUALIFIER_CLASS = {
    "more than": "above", "over": "above", "above": "above", "exceeding": "above", "exceeds": "above",
    "exceeded": "above", "exceed": "above", "in excess of": "above", "at least": "above", "plus": "above",
    "or more": "above", "nearly": "below", "almost": "below", "close to": "below", "up to": "below",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "or so": "about", "odd": "about", "dozen": "about",
}
# the class each recorded qualifier needs (``exact``: none)
RECORDED = {"more_than": "above", "over": "above", "at_least": "above", "nearly": "below", "about": "about"}
_BEFORE = LazyPattern(r"(?<![A-Za-z])(more than|over|above|exceeding|exceeds|exceeded|exceed|in excess of|nearly|almost|"
                     r"close to|about|around|approximately|roughly|some|at least|up to)\s*(?:a\s+)?(?:US\$|\$|RMB\s*)?$",
                     re.IGNORECASE)
_AFTER = LazyPattern(r"\s*(?:[A-Za-z]+\s+)?(-?plus|or more|or so|odd)(?![A-Za-z])", re.IGNORECASE)
# a figure printed in brackets after a qualified figure is its equivalent and carries its
# qualifier: 'over 10 billion yuan (1.4 billion US dollars)', 'nearly 20 billion yuan (3.15'
_BRACKETED_AFTER = LazyPattern(r"(?<![A-Za-z])(more than|over|above|exceeding|in excess of|nearly|almost|close to|about|"
                               r"around|approximately|roughly|some|at least|up to)\s+(?:US\$|\$|RMB\s*)?\d[\d.,]*"
                               r"(?:\s+(?:thousand|million|billion|trillion))?\s*[A-Za-z.$ ]{0,25}\(\s*(?:US\$|\$|RMB\s*)?$",
                               re.IGNORECASE)
_NOT_A_QUALIFIER = LazyPattern(r"\b(?:mainly|all|talked|talk|talking|spoke|learn|learned|know|think|thinking)\s+about\s*$",
                              re.IGNORECASE)  # 'the seminar was mainly about three topics'


def qualifier_at(span: str, start: int, end: int) -> str | None:
    """The class ('above', 'below', 'about') of the qualifier the span writes with the
    figure at start-end, or None when it writes the figure plainly."""
    head = span[max(0, start - 30):start]
    if _NOT_A_QUALIFIER.search(head):
        return None
    m = _BEFORE.search(head)
    if m:
        return QUALIFIER_CLASS[m.group(1).lower()]
    if span[start:end].lower() == "dozen":  # 'a dozen countries'
        return "about"
    m = _BRACKETED_AFTER.search(span[max(0, start - 70):start])
    if m:
        return QUALIFIER_CLASS[m.group(1).lower()]
    m = _AFTER.match(span[end:end + 20])
    return QUALIFIER_CLASS[m.group(1).lower().lstrip("-")] if m else None


def qualifier_disagrees(span: str, where: list[tuple[int, int]], recorded) -> str | None:
    """Why ``recorded`` (a qualifier enum value) disagrees with every mention ``where``
    of the figure, or None. An exact figure is written plainly somewhere; 'more than' is
    written with a word of its class somewhere."""
    # 100余人, 超过 3000 人: a Chinese qualifier, which validation.zh reads, not these English words
    where = [(s, e) for s, e in where if not chinese_figure(span, s, e)]
    if not where or not isinstance(recorded, str):
        return None
    found = [qualifier_at(span, s, e) for s, e in where]
    if recorded == "exact" and all(found):
        return f"the span qualifies it ({found[0]}: e.g. '{span[max(0, where[0][0] - 12):where[0][1]].strip()}')"
    if recorded in RECORDED and RECORDED[recorded] not in found:
        return f"the span writes it {'plainly' if not any(found) else 'with a qualifier of another kind'}"
    return None


_YEAR = r"((?:19|20)\d\d)(?!\d)"
_CLAUSE_YEAR = LazyPattern(r"\b(?:In|During|By|Since|From|As of|Until|Till|Through|Up to)\s+"
                          r"(?:the end of\s+|the first half of\s+|early\s+|late\s+)?(?:[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?)?"
                          + _YEAR + r"(?:\s*(?:-|–|—|to|through|and)\s*" + _YEAR + r")?")


def clause_years(span: str) -> set[int]:
    """The years a clause of the span opens with ('In 2009, ...', 'From 2004 to 2012, ...',
    'By the end of 2010'): the years its figures belong to. A range gives every year in it."""
    out: set[int] = set()
    for m in _CLAUSE_YEAR.finditer(span):
        first = int(m.group(1))
        last = int(m.group(2)) if m.group(2) else first
        out |= set(range(first, last + 1)) if 0 <= last - first <= 100 else {first, last}
    return out


_SENTENCE_END = LazyPattern(r"(?<!\d)[.!?](?!\d)|[。！？]|\n")  # a Chinese stop ends a sentence before a digit too


def sentence_head(text: str, start: int, reach: int = 300) -> str:
    """The words of ``text``'s sentence before ``start`` (at most ``reach`` characters back)."""
    before = text[max(0, start - reach):start]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    return before[ends[-1]:] if ends else before


def year_disagrees(span: str, year, period_start=None) -> set[int] | None:
    """The span's clause years, when the row's year (or any year of its period) is none of them."""
    years = clause_years(span)
    if not years or year is None:
        return None
    first = int(period_start) if period_start is not None else int(year)
    return None if years & set(range(min(first, int(year)), int(year) + 1)) else years


_CLAUSE_END = LazyPattern(r"[.;:!?](?=\s|$)")  # not the point of 8.4
_EACH = LazyPattern(r"\b(?:each|apiece|both|every)\b", re.IGNORECASE)
_RESPECTIVELY = LazyPattern(r"\brespectively\b", re.IGNORECASE)
_NUMBER = LazyPattern(r"\d")


def meant_for_several(span: str, start: int) -> bool:
    """Does the clause of the mention at ``start`` say its figure holds for several
    ('1.2 million yuan each', '8.4 million yuan ... respectively to Anshun and Tongren')?
    'respectively' shares a figure only when the clause states no other one ('2 million
    and 1 million respectively' pairs two figures with two things)."""
    left = _CLAUSE_END.split(span[max(0, start - 60):start])[-1]
    right = _CLAUSE_END.split(span[start:start + 80])[0]
    clause = left + " " + right
    if _EACH.search(clause):
        return True
    own = re.match(r"[\d.,]+", right)
    rest = left + " " + right[own.end() if own else 0:]
    return bool(_RESPECTIVELY.search(clause)) and not _NUMBER.search(rest)
