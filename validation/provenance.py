"""Is each stated value bound to its own mention in the cited span?

A figure must appear in its span as the source writes it (4394, 4,394, twenty-eight)
*and* next to the words that say what it counts ("43 families", "195 people"), or be
the only figure its span holds, so two figures sharing a span cannot be swapped. A
stated date must match a date the span writes with its month and day together
("June 12 to 22, 2012"), its year written there or, failing that, the last year the
text wrote before it. Each source text is scanned once into an index of mentions;
a row's check only looks up the mentions inside its span, so the cost grows with the
text and the rows, never with their product.
"""
from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from . import zh, zh_units
from .lazy_re import LazyPattern
from .span_words import meant_for_several, qualifier_disagrees, sentence_head, year_disagrees
from .zh import FULLWIDTH, NUMERAL_CHARS, zh_numerals

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SPECIAL = {1: ["once", "first"], 2: ["twice", "second", "double"], 3: ["third"], 12: ["dozen"]}
_ORDINAL = {4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth",
            11: "eleventh", 12: "twelfth", 13: "thirteenth", 17: "seventeenth", 20: "twentieth"}

# Which columns hold figures the source states, per table.
FIGURES = {
    "events": ["participants", "countries_stated", "duration_days_stated"],
    "amounts": ["value_stated"],
    "indicators": ["value"],
    "funding_2009": ["amount_10k_yuan"],
    "funding_2009_totals": ["amount_10k_yuan"],
}


# --- how a source may write a number ------------------------------------------

def words(n: int) -> list[str]:
    """English words for 0..999 and whole thousands ('twenty-eight', 'ten thousand');
    nothing for other numbers, negative ones included."""
    if n < 0:
        return []
    if n < 20:
        return [_UNITS[n]]
    if n < 100:
        t, u = divmod(n, 10)
        return [_TENS[t]] if u == 0 else [f"{_TENS[t]}-{_UNITS[u]}", f"{_TENS[t]} {_UNITS[u]}"]
    if n < 1000:
        h, rest = divmod(n, 100)
        head = f"{_UNITS[h]} hundred"
        return [head] if rest == 0 else [f"{head} and {w}" for w in words(rest)] + [f"{head} {w}" for w in words(rest)]
    if n % 1000 == 0 and n < 1_000_000:
        return [f"{w} thousand" for w in words(n // 1000)]
    return []


_ZH_NUMERALS = NUMERAL_CHARS


def renderings(value) -> list[str]:
    """Ways a source may write ``value``: 4394, 4,394, 28.64, six, twenty-eight, two-and-a-half.
    A value that is not a finite number has none."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return []
    if not math.isfinite(v):
        return []
    out = []
    if v.is_integer():
        n = int(v)
        out += [str(n), f"{n:,}"]
        out += words(n) + _SPECIAL.get(n, []) + ([_ORDINAL[n]] if n in _ORDINAL else []) + zh_numerals(n)
    else:
        out.append(repr(v))
        whole, frac = divmod(v, 1)
        if frac == 0.5 and whole >= 0:
            out += [f"{w}-and-a-half" for w in words(int(whole))] + [f"{w} and a half" for w in words(int(whole))]
    return list(dict.fromkeys(out))


@lru_cache(maxsize=4096)
def _rendering_re(r: str) -> re.Pattern:
    if r[0].isdigit() or r[0] == "-":
        tail = "0*" if "." in r else ""  # a decimal may be written with trailing zeros (75.80 for 75.8)
        # a comma after a word is punctuation ('据悉,320'), after a digit a thousands separator
        return re.compile(rf"(?<![\d.])(?<!\d,){re.escape(r)}{tail}(?![\d]|[.,]\d)")
    if r[0] in _ZH_NUMERALS:
        return re.compile(rf"(?<![{_ZH_NUMERALS}]){re.escape(r)}(?![{_ZH_NUMERALS}])")
    return re.compile(rf"(?<![A-Za-z-]){re.escape(r)}(?![A-Za-z])", re.IGNORECASE)


def mentions(span: str, value) -> list[tuple[int, int]]:
    """Where ``span`` writes ``value`` as a whole number or word (not inside a longer one);
    on a Chinese page also as a round word (近千人, 六成: ``zh.round_words``) or in digits
    grouped by threes with a space (4 000万元).

    Found once per distinct span and value (``_mentions_of``): the figure, order and period
    rules all ask about a row's figure, and rows share spans (2,974 distinct of 4,567 asked
    on the shipped package with every text)."""
    try:
        hash(value)
    except TypeError:  # no table cell is one; found afresh all the same
        return _find_mentions(span, value)
    return list(_mentions_of(span, value))


@lru_cache(maxsize=4096, typed=True)  # typed: 1, 1.0 and "1" are asked apart, as they may be written apart
def _mentions_of(span: str, value) -> tuple[tuple[int, int], ...]:
    return tuple(_find_mentions(span, value))


def _find_mentions(span: str, value) -> list[tuple[int, int]]:
    found, span = [], span.translate(FULLWIDTH)  # full-width digits keep their offsets
    lowered = span.lower()
    for r in renderings(value):
        literal = r[0].isdigit() or r[0] == "-" or r[0] in _ZH_NUMERALS  # else a word, matched ignoring case
        if (r if literal else r.lower()) not in (span if literal else lowered):
            continue  # a rendering the span does not hold cannot match: no pattern is built for it
        found += [m.span() for m in _rendering_re(r).finditer(span)]
    found += zh.round_words(span, value) + spaced_mentions(span, value)
    groups = [g for g in _SPACED.finditer(span) if zh.chinese_figure(span, *g.span())]
    # the 4 or the 000 of 4 000万元 is no figure of its own
    found = [(s, e) for s, e in found if not any(g.start() <= s and e <= g.end() and (s, e) != g.span() for g in groups)]
    return sorted(set(found))


# digits grouped by threes with a space, plain, thin or no-break (4 000, 2 702): one number
# only when every group after the first has exactly three digits, and only among Chinese words
_GROUP_SPACE = "[ \u2009\u202f\u00a0]"


_SPACED = LazyPattern(rf"(?<![\d.,])(?<!\d{_GROUP_SPACE})\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})+(?![\d]|[.,]\d)")


@lru_cache(maxsize=4096)
def _spaced_re(n: int) -> re.Pattern | None:
    groups = f"{n:,}".split(",")
    if len(groups) < 2:
        return None
    body = _GROUP_SPACE.join(groups)
    return re.compile(rf"(?<![\d.,])(?<!\d{_GROUP_SPACE}){body}(?![\d]|[.,]\d|{_GROUP_SPACE}\d)")


def spaced_mentions(span: str, value) -> list[tuple[int, int]]:
    """Where a Chinese span writes the whole number ``value`` as 4 000 or 2 702."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return []
    if not math.isfinite(v) or not v.is_integer() or v < 1000:
        return []
    if not _SPACED.search(span):  # every match of a number's pattern is one of _SPACED's: no pattern is built
        return []
    pattern = _spaced_re(int(v))
    return [m.span() for m in pattern.finditer(span) if zh.chinese_figure(span, *m.span())]


def holds(span: str, value) -> bool:
    """True when ``span`` contains ``value`` as a whole number or word."""
    return bool(mentions(span, value))


# --- what a figure counts -------------------------------------------------------

_PEOPLE = {"people", "person", "participant", "delegate", "expert", "scholar", "official", "representative",
           "guest", "trainee", "cadre", "student", "leader", "villager", "farmer", "women", "woman", "men",
           "member", "attendee", "entrepreneur", "staff", "visitor", "volunteer", "teacher", "worker",
           "embroiderer", "inheritor", "resident", "population", "minister", "head", "individual",
           "labor", "labour", "patient", "professional", "educator", "secretary"}
# words a unit or field name may stand for in the text
_SYNONYMS = {
    "people": _PEOPLE, "person": _PEOPLE, "participant": _PEOPLE,
    "percent": {"%", "percent", "cent"}, "km": {"square", "kilometer", "kilometre", "km"},
    "m": {"square", "meter", "metre"}, "country": {"country", "nation", "economy", "state"},
    "day": {"day"}, "year": {"year"}, "usd": {"$", "usd", "dollar", "us$"}, "yuan": {"yuan", "rmb"},
    "10k": {"10,000", "thousand"},
    "head": {"head", "cattle", "cow", "scalper", "livestock"},  # the Laos article's words for its cattle (see errata)
    "group": {"group", "minority", "nationality"},
    "facility": {"facility", "center", "centre", "home"}, "centre": {"centre", "center"}, "outlet": {"media"},
    "times": {"times", "time", "fold"}, "session": {"times", "time"}, "visit": {"times", "twice", "once"},
    "edition": {"time"},  # 'the fifth time this forum is held in China'
}
# what each figure column counts, where the column itself says it
FIELD_COUNTS = {
    ("events", "participants"): {"people"},
    ("events", "countries_stated"): {"country"},
    ("events", "duration_days_stated"): {"day"},
}
_FUNCTION = {"of", "in", "and", "from", "to", "with", "was", "were", "is", "are", "has", "have", "had", "at",
             "on", "for", "by", "the", "a", "an", "respectively", "or", "as", "than", "more", "over", "about"}
_WORD = LazyPattern(r"[A-Za-z]+|%|\$")
_NUMBER_WORDS = sorted(set(_UNITS[1:] + _TENS[2:] + ["dozen", "twice", "hundred", "thousand"]), key=len, reverse=True)
_BREAK = LazyPattern(r"[;.:!?]|\d|(?<![A-Za-z“\"'‘])(?:" + "|".join(_NUMBER_WORDS) + r")(?![A-Za-z])", re.IGNORECASE)
_WINDOW = 5  # content words read after a figure (words before it: the same count, any words)


@lru_cache(maxsize=8192)  # a span's words are read around each figure it holds, rows' spans overlap
def stem(w: str) -> str:
    """A crude singular: 'families' -> 'family', 'trainings' -> 'training', 'medias' -> 'media'."""
    w = w.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "xes", "ches", "shes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def vocabulary(*phrases: str) -> set[str]:
    """The words that may say what a figure counts: those of ``phrases`` and their synonyms."""
    out = set()
    for p in phrases:
        out |= _phrase_vocabulary(str(p))
    return out


@lru_cache(maxsize=1024)
def _phrase_vocabulary(phrase: str) -> frozenset[str]:
    """``vocabulary`` of one phrase, found once per distinct phrase (every row of a unit asks)."""
    out = set()
    for w in _WORD.findall(phrase.replace("_", " ")):
        s = stem(w)
        if s not in _FUNCTION:
            out |= {s} | {stem(x) for x in _SYNONYMS.get(s, ())}
    return frozenset(out)


def _clause_words(text: str, *, backwards: bool) -> list[str]:
    """Up to _WINDOW words next to a figure, stopping at punctuation or another number
    (read past a number that only function words separate from the figure: 'nine of the
    44 natural villages', 'four "100" training projects'; backwards, a list of figures:
    'agreements respectively reached 195 and 2216')."""
    piece = text[::-1] if backwards else text
    cut = _BREAK.search(piece)
    between = piece[:cut.start()][::-1] if cut and backwards else piece[:cut.start()] if cut else ""
    if cut and cut.group()[0].isalnum() and set(_WORD.findall(between.lower())) <= _FUNCTION:
        rest = re.match(r"[\d,.]+|[A-Za-z]+", piece[cut.start():]).end() + cut.start()
        nxt = _BREAK.search(piece, rest)
        piece = piece[:cut.start()] + " " + piece[rest:nxt.start() if nxt else None]
    elif cut:
        piece = piece[:cut.start()]
    piece = piece[::-1] if backwards else piece
    found = [stem(w) for w in _WORD.findall(re.sub(r"\([^()]*\)", " ", piece))]
    if backwards:
        return found[-_WINDOW:]
    content = [k for k, w in enumerate(found) if w not in _FUNCTION]
    return found[:content[_WINDOW - 1] + 1] if len(content) >= _WINDOW else found


def _matches(found: list[str], vocab: set[str]) -> bool:
    """A word of ``vocab``, or one inflected from it ('visited', 'breeding'); not a longer
    word that merely starts with it ('villager' is not 'village')."""
    return any(w in vocab or any(len(v) >= 4 and w.startswith(v) and w[len(v):] in ("ed", "d", "ing")
                                 for v in vocab) for w in found)


def counts_what(span: str, start: int, end: int, vocab: set[str], context: set[str] = frozenset()) -> bool:
    """Do the words right after the figure (or, when none follow it, the words before it)
    say what ``vocab`` names? '43 families' counts families; 'a population of 239,000' people.
    ``context`` (words of the field's name) may only stand before the figure."""
    tail = re.sub(r"U\.S\.", "US", span[end:end + 80])  # '700 U.S. dollars'
    after = [] if re.match(r"\s*,", tail) else _clause_words(tail, backwards=False)
    if _matches(after, vocab):
        return True
    head = [w for w in after if w not in _FUNCTION]
    if after and after[0] not in _FUNCTION and head:
        return False
    return _matches(_clause_words(span[max(0, start - 80):start], backwards=True), vocab | context)


def counts_other(span: str, end: int, vocab: set[str], rival: set[str]) -> bool:
    """Do the words right after the figure name something else it counts: a noun of
    ``rival`` (what other figures count) and none of ``vocab`` ('12 delegations' for a
    count of countries)? A lone figure is bound to its row only when they do not."""
    after = _clause_words(span[end:end + 80], backwards=False)
    phrase = list(itertools.takewhile(lambda w: w not in _FUNCTION, after))  # 'foreign delegations'
    head = phrase[-1] if phrase else None
    return head in rival and not _matches(after, vocab) and not any((head, v) in MISPRINTED for v in vocab)


# Nouns the sources misprint for the noun meant, so a lone figure they follow is not
# taken for another count: (printed, meant). Tested to occur (tests/test_semantic_holes.py).
MISPRINTED = {("country", "county")}  # sxgov-2019-06-zhejiang-partner-assistance: '72 partner countries' 


_LETTER = rf"[^\W{zh.CJK}]"  # a word character other than a Chinese one: 60.7亿 is a number
_ANY_NUMBER = LazyPattern(rf"(?<![.])(?<!\d,)(?<!{_LETTER})\d[\d,]*(?:\.\d+)?(?!{_LETTER})|(?<![A-Za-z-])(?:"
                         + "|".join(_NUMBER_WORDS) + r")(?![A-Za-z])"
                         + rf"|[零一二三四五六七八九十两〇][{NUMERAL_CHARS}]*|{zh.ROUND_WORD.pattern}", re.IGNORECASE)


def figures_in(numbers: list[tuple[int, int]], dates: list[tuple[int, int]]) -> int:
    """How many of a span's ``numbers`` lie outside its dates."""
    return sum(1 for s, _ in numbers if not any(a <= s < b for a, b in dates))


# --- dates as the source writes them -------------------------------------------

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_MONTH_NO = {**{m.lower(): i + 1 for i, m in enumerate(_MONTHS)}, **{m[:3].lower(): i + 1 for i, m in enumerate(_MONTHS)},
             "sept": 9}
_MON = r"(?:" + "|".join(_MONTHS + [m[:3] for m in _MONTHS] + ["Sept"]) + r")\.?(?![a-z])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
_SEP = r"\s*(?:-|–|—|to|and|through|until|till)\s*"
# a year: not inside a number (1,2015 or 3.2015); before 年 a comma is a Chinese page's
# clause break (加快步伐,2015年注册), so 2015年 is a year there too
_YEAR = r"(?:(?<![\d.,])(?:1[89]|20)\d\d(?![\d])|(?<![\d.])(?:1[89]|20)\d\d(?=年))"
_DATE_YEAR = r"(?:1[89]|20)\d\d(?![\d])"  # a year right after a date: 'December 8-9,2015' too
_DATE = LazyPattern(
    rf"(?P<m1>{_MON})\s+(?P<d1>{_DAY})(?:{_SEP}(?:(?P<m2>{_MON})\s+)?(?P<d2>{_DAY}))?(?:,?\s*(?:in\s+)?(?P<y>{_DATE_YEAR}))?"
    rf"|(?P<bd1>{_DAY})(?:{_SEP}(?P<bd2>{_DAY}))?\s+(?:of\s+)?(?P<bm1>{_MON})"
    rf"(?:{_SEP}(?P<bd3>{_DAY})\s+(?P<bm2>{_MON}))?(?:,?\s*(?P<by>{_DATE_YEAR}))?"
    rf"|(?P<cm1>{_MON})(?:{_SEP}(?P<cm2>{_MON}))?(?:,?\s*(?:of\s+)?(?P<cy>{_YEAR}))?"
)
_YEARS = LazyPattern(_YEAR)
# Chinese pages write 2010年7月13日, and a range as 7月13日—7月15日 (or —15日)
_ZH_DATE = LazyPattern(r"(?:(?P<y>(?:1[89]|20)\d\d)年)?(?<!\d)(?P<m>1[0-2]|0?[1-9])月(?P<d>3[01]|[12]\d|0?[1-9])日"
                      r"(?:\s*[-–—~至到]\s*(?:(?P<m2>1[0-2]|0?[1-9])月)?(?P<d2>3[01]|[12]\d|0?[1-9])日)?")


# a numeric date as Chinese pages stamp them: 2016-12-08 10:25:34, 2016.12.08, 2016/12/08
# (one separator throughout; not inside a longer number, a path or an address)
_NUMERIC_DATE = LazyPattern(r"(?<![\d./-])(?<![A-Za-z])(?P<y>(?:1[89]|20)\d\d)(?P<sep>[-./])(?P<m>1[0-2]|0?[1-9])"
                           r"(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9])(?![\d/]|[.-]\d)")


def numeric_dates(plain: str) -> list["DateMention"]:
    """The numeric dates a text writes, each a day: 2016-12-08 is 2016年12月8日."""
    out = []
    for m in _NUMERIC_DATE.finditer(plain):
        day = (int(m["y"]), int(m["m"]), int(m["d"]))
        out.append(DateMention(m.start(), m.end(), day, day))
    return out


@dataclass(frozen=True)
class DateMention:
    """A date or range the text writes: (year, month, day) at each end; day None for a month."""

    start: int
    end: int
    first: tuple
    last: tuple


def _month(s: str) -> int:
    return _MONTH_NO[s.rstrip(".").lower()]


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group())


# words dating a month by the page's own year (last, this, the year before, next): no year written
RELATIVE_YEARS = frozenset({"去年", "今年", "本年", "前年", "明年", "上年"})


@dataclass
class TextIndex:
    """Every date and year a source text writes, found once per text."""

    text: str
    dates: list[DateMention] = field(default_factory=list)
    year_at: list[int] = field(default_factory=list)
    year_val: list[int] = field(default_factory=list)
    number_at: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self):
        plain = self.plain = self.text.translate(FULLWIDTH)  # ２０１９年 is 2019年, at the same offsets
        self.number_at = [m.span() for m in _ANY_NUMBER.finditer(plain)]
        for m in _YEARS.finditer(plain):
            self.year_at.append(m.start())
            self.year_val.append(int(m.group()))
        for m in _DATE.finditer(plain):
            g = m.groupdict()
            if g["m1"]:
                m1, d1, m2, d2, y = _month(g["m1"]), _day(g["d1"]), g["m2"], g["d2"], g["y"]
                m2 = _month(m2) if m2 else m1
            elif g["bm1"] and g["bm2"]:  # '30 October to 8 November, 2012'
                m1, d1, m2, d2, y = _month(g["bm1"]), _day(g["bd1"]), _month(g["bm2"]), g["bd3"], g["by"]
            elif g["bm1"]:
                m1, d1, m2, d2, y = _month(g["bm1"]), _day(g["bd1"]), None, g["bd2"], g["by"]
                m2 = m1
            else:
                m1, d1, m2, d2, y = _month(g["cm1"]), None, g["cm2"], None, g["cy"]
                m2 = _month(m2) if m2 else m1
            year = int(y) if y else self.year_before(m.start())
            d2 = _day(d2) if d2 else (None if d1 is None or m2 != m1 else d1)
            self.dates.append(DateMention(m.start(), m.end(), (year, m1, d1), (year, m2, d2)))
        for m in _ZH_DATE.finditer(plain):
            year = int(m["y"]) if m["y"] else self.unwritten_year(m.start())
            m1, d1 = int(m["m"]), int(m["d"])
            m2, d2 = int(m["m2"] or m1), int(m["d2"] or d1)
            self.dates.append(DateMention(m.start(), m.end(), (year, m1, d1), (year, m2, d2)))
        for m in zh.ZH_MONTH.finditer(plain):  # 2019年8月, 8月 (its year from context), 8月至10月
            year = int(m["y"]) if m["y"] else self.unwritten_year(m.start())
            m1 = int(m["m"])
            self.dates.append(DateMention(m.start(), m.end(), (year, m1, None),
                                          (int(m["y2"]) if m["y2"] else year, int(m["m2"] or m1), None)))
        self.dates += numeric_dates(plain)
        self.dates.sort(key=lambda d: d.start)
        self._date_at = [d.start for d in self.dates]

    def unwritten_year(self, pos: int) -> int | None:
        """The year of a Chinese date written without one: the last year written before it in the
        same paragraph, unless the date says its year relative to the page (去年9月, 今年6月30日):
        then None, as for a year written only in the dateline or an earlier paragraph, and the
        date can only be taken from the context (the page's own date)."""
        if self.plain[max(0, pos - 2):pos] in RELATIVE_YEARS:
            return None
        i = bisect_left(self.year_at, pos)
        if not i or "\n" in self.plain[self.year_at[i - 1]:pos]:
            return None  # a year only in the dateline or an earlier paragraph: the date is context
        return self.year_val[i - 1]

    def year_before(self, pos: int) -> int | None:
        """The last year the text wrote before ``pos`` (the year an undated 'On June 26' belongs to)."""
        i = bisect_left(self.year_at, pos)
        return self.year_val[i - 1] if i else None

    def dates_in(self, a: int, b: int) -> list[DateMention]:
        return self.dates[bisect_left(self._date_at, a):bisect_left(self._date_at, b)]

    def numbers_in(self, a: int, b: int) -> list[tuple[int, int]]:
        """Offsets (inside the span a-b) of every number the span writes."""
        i, j = bisect_left(self.number_at, (a, -1)), bisect_left(self.number_at, (b, -1))
        return [(s - a, e - a) for s, e in self.number_at[i:j] if e <= b]

    def year_slice(self, a: int, b: int) -> slice:
        """Which of ``year_at`` / ``year_val`` lie inside the span a-b."""
        return slice(bisect_left(self.year_at, a), bisect_right(self.year_at, b - 1))

    def years_in(self, a: int, b: int) -> list[int]:
        return self.year_val[self.year_slice(a, b)]


def date_stated(index: TextIndex, a: int, b: int, date, precision: str, end: bool) -> bool:
    """Does the span a-b write ``date`` to its precision, as a start (or, with ``end``, an end)?

    Day: month and day written together, with the year of that mention (or the last year
    written before it). Month: month and year likewise. Year: the year written in the span.
    """
    want = (date.year, date.month, date.day)
    if precision == "year":
        return date.year in index.years_in(a, b) or any(d.first[0] == date.year for d in index.dates_in(a, b))
    for d in index.dates_in(a, b):
        got = d.last if end else d.first
        if precision == "day" and got == want:
            return True
        if precision == "month" and got[:2] == want[:2]:
            return True
    return False


def opens_with(index: TextIndex, a: int, b: int, date, precision: str) -> bool:
    """Is ``date`` (day or month precision) the first date the span a-b writes, as its
    start or the end of its range? A date of another activity comes later in the span."""
    if precision not in ("day", "month"):
        return True
    first = index.dates_in(a, b)[:1]
    n = 3 if precision == "day" else 2
    want = (date.year, date.month, date.day)[:n]
    return bool(first) and want in (first[0].first[:n], first[0].last[:n])


class DateSpans(list):
    """Offsets (inside a span) of the dates and years it writes, which are not figures;
    ``days``: those of the dates with a month (whose numbers are days, never counts)."""

    days: list[tuple[int, int]]


def date_spans(index: TextIndex, a: int, b: int) -> DateSpans:
    out = DateSpans((d.start - a, d.end - a) for d in index.dates_in(a, b))
    out.days = list(out)
    out += [(p - a, p - a + 4) for p in index.year_at[index.year_slice(a, b)]]
    return out


# --- names, titles and places ------------------------------------------------

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def word_set(text: str) -> set[str]:
    """The words of ``text``, lower-cased, curly quotes folded ('De’ang' = "De'ang"),
    possessives dropped ("China's" = 'China')."""
    folded = re.sub(r"'s\b", "", str(text).translate(_FOLD).lower())
    words = set(re.findall(r"[\w']+", folded))
    # a quotation mark written against a word ("the'Opinions") also leaves the word itself
    return words | {p for w in words if "'" in w for p in w.split("'") if p}


def words_in(span: str, text: str) -> bool:
    """True when every word of ``text`` occurs in ``span``: a title or name the source
    wrote in its own order ('Deputy Director Anton Nova of Department of ...') still
    matches our 'Deputy Director, Department of ...'. Chinese writes no spaces, so a run
    of Chinese characters must occur in the span as it stands ('文莱' in '来自文莱、柬埔寨')."""
    text = str(text)
    runs = _CJK_RUN.findall(text)
    return all(r in span for r in runs) and _latin_words(text) <= _latin_words(span)


@lru_cache(maxsize=4096)
def words_of(text: str) -> frozenset[str]:
    """``word_set(text)``, found once per distinct text: the rules ask about one span, one
    word of a span, again and again (a row per title, name, spelling and city)."""
    return frozenset(word_set(text))


@lru_cache(maxsize=4096)
def _latin_words(text: str) -> frozenset[str]:
    """The words of ``text`` outside its runs of Chinese characters (``words_in``)."""
    return words_of(_CJK_RUN.sub(" ", text))


_CJK_RUN = LazyPattern(rf"[{zh.CJK}]+")


# --- binding a row's figure to its mention ------------------------------------

# the source's 2009 table: columns in the order it prints them, the area total last
FUNDING_COLUMNS = ["new_rural_construction", "industrial_development", "social_undertakings", None]
_SCALES = {"million", "billion"}
# Misspelt scale words the sources print, read as the word meant: only these, so a
# wrong unit still fails. Each is tested to occur in its source (tests/test_provenance.py).
SCALE_MISSPELLINGS = {"millioin": "million"}  # yearbook-2012-shandong-chongqing


def table_position(table: str, row: dict) -> int | None:
    """Which number of its printed table row a funding cell or total is (0-based)."""
    if table == "funding_2009":
        return FUNDING_COLUMNS.index(row["category"]) if row.get("category") in FUNDING_COLUMNS else None
    if table == "funding_2009_totals":
        return FUNDING_COLUMNS.index(row["category"]) if row.get("total_kind") == "category" else 3
    return None


def amount_bound(span: str, start: int, end: int, unit) -> bool:
    """'1.95 billion yuan', '$150 million', '800$': the scale and currency next to the figure."""
    unit = str(unit).lower().split()
    scale = unit[0] if len(unit) > 1 and unit[0] in _SCALES else None
    tail = re.sub(r"U\.S\.", "US", span[end:end + 40])  # '1.4 billion U.S. dollars'
    after = [SCALE_MISSPELLINGS.get(w.lower(), w.lower()) for w in _WORD.findall(tail)][:3]
    first = after[0] if after else None
    if (first in _SCALES or scale) and first != scale:
        return False
    near = span[max(0, start - 3):start] + span[end:end + 2]
    if unit[-1] == "usd":
        return "$" in near or bool({"dollar", "dollars", "usd"} & set(after))
    return "yuan" in after or "rmb" in after


def figure_bound(span: str, value, where: list[tuple[int, int]], vocab: set[str] | None, *,
                 context: set[str] = frozenset(), dates: list[tuple[int, int]], numbers: list[tuple[int, int]],
                 position: int | None = None, unit=None, year=None, qualifier=None, count_unit=None,
                 rival: set[str] = frozenset()) -> bool:
    """Is one of the value's mentions ``where`` its own: the span's only figure (unless
    a noun of ``rival`` follows it, not one of ``vocab``), the figure at ``position`` of a
    table row, one followed by its ``year`` ('123 in 2009'), or one next to words of ``vocab``?
    A mention against Chinese text (60.7亿元, 3.2万人) is read as Chinese (``validation.zh``):
    its scale and qualifier must be the row's."""
    where = [(s, e) for s, e in where if not any(a <= s < b for a, b in dates.days)]
    if not where:  # only a day of some date ('October 17') writes this number
        return False
    if position is not None:
        return position < len(numbers) and numbers[position] in where  # a table row writes no dates
    chinese = [(s, e) for s, e in where if zh.is_chinese_mention(span, e)]
    where = [w for w in where if w not in chinese]
    if unit is not None:  # a Chinese unit (亿元) binds only a Chinese mention, an English one only an English one
        if zh.is_chinese_unit(unit):
            return any(zh.amount_bound_zh(span, s, e, unit, qualifier) for s, e in chinese)
        return any(amount_bound(span, s, e, unit) for s, e in where)
    if chinese and count_unit is not None and _bound_zh(span, chinese, count_unit, qualifier, numbers, dates):
        return True
    if not where:
        return False
    if figures_in(numbers, dates) <= 1:
        return not (vocab and all(counts_other(span, e, vocab, rival) for _, e in where))
    if year is not None and any(re.match(rf"\s*in\s+{int(year)}(?!\d)", span[e:]) for _, e in where):
        return True
    return bool(vocab) and any(counts_what(span, s, e, vocab, context) for s, e in where)


# what an event's figure counts, for a Chinese mention (100多名, 10个国家, 3天)
_EVENT_UNITS = {"participants": "people", "countries_stated": "countries", "duration_days_stated": "days"}


def _count_unit(table, col, row):
    """The unit a Chinese mention of this figure is written with: an indicator's unit, an event field's."""
    return row.get("unit") if table == "indicators" else _EVENT_UNITS.get(col) if table == "events" else None


def _qualifier(table, col, row):
    """The row's qualifier of this figure: participants_qualifier for an event's participants."""
    if table == "events":
        return row.get("participants_qualifier") if col == "participants" else None
    return row.get("qualifier")


def _amount_unit(row: dict):
    """An amount's unit as stated: unit_stated, or the Chinese page's unit_zh."""
    unit = row.get("unit_stated")
    return row.get("unit_zh") if pd_isna(unit) else unit


def _bound_zh(span, chinese, unit, qualifier, numbers, dates) -> bool:
    """A Chinese mention of an indicator: scale and qualifier as the row says, and the
    measure word its unit is written with (or the span's only figure, unless the page
    plainly counts something else with it: ``validation.zh_units``)."""
    alone = figures_in(numbers, dates) <= 1
    for s, e in chinese:
        m = zh.Mention(span, s, e)
        if zh.scale_agrees(m, unit) and zh.qualifier_agrees(m, qualifier) and _counts_zh(span, s, m, unit, alone):
            return True
    return False


def _counts_zh(span, s, m, unit, alone) -> bool:
    """The words the page writes with a Chinese figure do not plainly count something other
    than ``unit`` (3166个村 is no count of people or projects), and are words ``unit`` is
    written with; or, for the span's only figure, any words when it is a figure (两岸 is no 2)."""
    if m.own:  # 六成 is 60 percent, 两周 14 days, and nothing else; the 六 of 六成 is no 6
        return m.own != "none" and zh_units.unit_words(unit) == zh_units.unit_words(m.own)
    if zh_units.rival_zh(m.rest, m.before, unit) is not None:
        return False
    return zh.counts_zh(m, unit) or (alone and zh_units.numeral_counts(span, s, m.rest, m.scale))


# --- the rules ----------------------------------------------------------------

from povpkg._report import Failure  # noqa: E402

from .rules import by_source, has_columns, is_in, pd_isna, row_key, rule  # noqa: E402


@dataclass
class SourceTexts:
    """The texts found for the sources table: usable ones, broken ones, absent ones."""

    texts: dict[str, TextIndex] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)
    absent: dict[str, str] = field(default_factory=dict)


def source_file(folder, name, root=None) -> "Path | None":
    """``folder/name`` if it is a plain name inside ``folder``, else None.

    ``file_name`` comes from the table under test: an absolute path, ``..``, a drive or
    a symlink leading out of the folder would make validation read any file. ``root``:
    ``folder`` already resolved, by a caller asking for many names.
    """
    from pathlib import Path, PurePosixPath, PureWindowsPath

    if not isinstance(name, str) or not name or "\\" in name or ":" in name or "\0" in name \
            or PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or ".." in re.split(r"[\\/]", name):
        return None
    root = Path(folder).resolve() if root is None else root
    p = root / name
    if not p.resolve().is_relative_to(root):  # a symlink leading out is refused too
        return None
    return p


_READ: dict = {}  # the last folder's texts, by what they were read from


def texts_of(frames, ctx) -> SourceTexts:
    """The source texts of this run (none without ``--sources``): ``read_texts`` once a
    run (``ctx.once``), so the rules reading them do not each stat every text again."""
    sources = frames.get("sources")
    if not ctx.sources or sources is None:
        return SourceTexts()
    return ctx.once("source texts", (sources, ctx.sources), lambda: read_texts(ctx.sources, sources))


def read_texts(folder, sources) -> SourceTexts:
    """Each source's text from ``folder`` (see ``_read_texts``), read once for the rules
    and the report that ask: hashing and indexing the texts is most of ``--sources``'s cost.

    Remembered by the folder, the rows and each file's inode, size and modification
    time, so an edited text or table is read again.
    """
    key = _texts_key(folder, sources)
    if _READ.get("key") != key:
        _READ.clear()
        _READ.update(key=key, found=_read_texts(folder, sources))
    return _READ["found"]


def _texts_key(folder, sources) -> tuple:
    from pathlib import Path

    rows, root = [], Path(folder).resolve()
    for r in sources.itertuples(index=False):
        p = source_file(folder, r.file_name, root)
        try:
            st = p.stat() if p is not None else None
        except OSError:
            st = None
        rows.append((r.source_id, r.file_name, r.sha256, None if pd_isna(r.characters) else int(r.characters),
                     st and (st.st_ino, st.st_size, st.st_mtime_ns)))
    return str(folder), tuple(rows)


def _read_texts(folder, sources) -> SourceTexts:
    """Read each source's text from ``folder``: a text that is there must be the one the
    offsets refer to (sha256, UTF-8, length); a text that is not there is only not checked."""
    import hashlib

    from pathlib import Path

    out, root = SourceTexts(), Path(folder).resolve()
    for r in sources.itertuples(index=False):
        sid, name = r.source_id, r.file_name
        p = source_file(folder, name, root)
        if p is None:
            out.problems.append((sid, f"file_name {name!r} does not name a file inside the sources folder"))
            continue
        if not p.is_file():
            out.absent[sid] = f"{name} is not in {folder}"  # reported as not checked, not as a failure
            continue
        data = p.read_bytes()
        if hashlib.sha256(data).hexdigest() != r.sha256:
            out.problems.append((sid, f"{p} is not the text the offsets refer to (sha256 differs)"))
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            out.problems.append((sid, f"{p} is not UTF-8 text ({exc.reason} at byte {exc.start})"))
            continue
        if not pd_isna(r.characters) and len(text) != int(r.characters):
            out.problems.append((sid, f"the text has {len(text)} characters but sources.characters says {int(r.characters)}"))
        out.texts[sid] = TextIndex(text)
    return out


def not_checked(sources, folder) -> dict[str, str]:
    """Sources whose texts ``folder`` does not hold: their spans were not checked."""
    return dict(read_texts(folder, sources).absent)


@rule("span-in-source", needs=("sources",))
def spans_in_source(frames, ctx):
    """Every cited span lies inside its source; with the texts at hand, every figure and
    stated date is bound to its own mention there."""
    import numpy as np

    src = frames["sources"].set_index("source_id")
    characters = src["characters"]
    texts = texts_of(frames, ctx)
    rival = rival_words(frames) if texts.texts else set()
    for table, df in frames.items():
        if not has_columns(df, ("source_id", "span_start", "span_end")):
            continue
        at = src.index.get_indexer(df["source_id"])  # -1: an unknown source (the foreign-key rule reports it)
        bad = _outside(df, at, characters)
        for pos in np.flatnonzero(bad):
            i, a, b = df.index[pos], df["span_start"].iloc[pos], df["span_end"].iloc[pos]
            yield Failure(rule="span-in-source", table=table, row=int(i) + 2, key=row_key(ctx, table, df, i),
                          field="span_end", value=f"{a}-{b}",
                          message=f"span {a}-{b} is not a span of {df.at[i, 'source_id']} "
                                  f"({characters.iloc[at[pos]]} characters)",
                          fix="recompute the offsets from the source text")
        if texts.texts:
            checked = df[~bad & is_in(df["source_id"], list(texts.texts)).to_numpy(bool)]
            yield from _check_rows(ctx, table, df, checked, texts.texts, rival)
    for sid, problem in texts.problems:
        yield Failure(rule="source-text", table="sources", key=sid, message=problem,
                      fix="point --sources at the folder holding the exact texts the offsets refer to")
    if ctx.sources and not texts.texts and not texts.problems and len(frames["sources"]):
        yield Failure(rule="source-text", table="sources",
                      message=f"{ctx.sources} holds none of the {len(frames['sources'])} source texts, so no span "
                              "was checked (is it the right folder?)",
                      fix="point --sources at the folder holding the source texts")


def _outside(df, at, characters):
    """Where a row's span is not a span of its source (its row ``at`` in ``characters``; -1 for
    an unknown one, never outside): it starts below 0, ends where it starts or before, or ends
    past the text. On plain arrays, where an empty cell compares false: pandas' masked
    operations, a dozen a table, cost more than the check."""
    import numpy as np

    size = by_source(characters, at)
    a, b = (df[c].to_numpy("float64", na_value=np.nan) for c in ("span_start", "span_end"))
    return (at >= 0) & ((a < 0) | (a >= b) | (b > size))


# Tables whose rows often share one span: (key, figure, unit). Several rows citing one span
# with one unit are bound to their mentions by order (see ``span_order``).
SHARED_SPAN_FIGURES = {"amounts": ("amount_id", "value_stated", "unit_stated"),
                       "indicators": ("indicator_id", "value", "unit")}


@rule("span-order", needs=("sources",))
def span_order(frames, ctx):
    """Rows that cite one span with one unit give its figures in the order it states them.

    Without it, two figures of such a span could trade places: each is still in the span,
    next to the same unit. A row another row of the span is part of (a total) may stand
    anywhere; the parts' sum checks it. A figure stated more than once may take any of its
    mentions that keeps the order.
    """
    texts = texts_of(frames, ctx).texts
    for table, (key, col, unit) in SHARED_SPAN_FIGURES.items():
        df = frames.get(table)
        if not texts or df is None or not has_columns(df, (key, col, unit, "source_id", "span_start", "span_end")):
            continue
        if unit == "unit_stated" and "unit_zh" in df.columns:  # a Chinese page's unit groups its rows too
            df = df.assign(unit_stated=df["unit_stated"].astype("string").fillna(df["unit_zh"].astype("string")))
        keyed = df[is_in(df["source_id"], list(texts)) & df[col].notna()]
        shared = keyed[keyed.duplicated(["source_id", "span_start", "span_end", unit], keep=False)]
        wholes = set(df["part_of"].dropna()) if "part_of" in df.columns else set()
        for (sid, a, b, _), rows in shared.groupby(["source_id", "span_start", "span_end", unit],
                                                    sort=False, observed=True, dropna=False):
            text = texts[sid].text
            if not 0 <= a < b <= len(text):
                continue  # span-in-source reports it
            yield from _out_of_order(ctx, table, df, rows, key, col, text[int(a):int(b)], wholes)


# The longest span a figure row may cite: a clause that states the row's figure, what it
# counts and whose it is, not the paragraph around it (issue 19: spans of up to 1,859
# characters left a reader to find the figure; narrowed, the longest clause is 361).
FIGURE_SPAN_MAX = 400


@rule("span-length", needs=("amounts", "indicators"))
def span_length(frames, ctx):
    """A figure row's span is the clause stating its facts, at most ``FIGURE_SPAN_MAX`` characters."""
    for table, (key, col, _) in SHARED_SPAN_FIGURES.items():
        df = frames.get(table)
        if df is None or not has_columns(df, (col, "span_start", "span_end")):
            continue
        width = df["span_end"] - df["span_start"]
        for i in df.index[(df[col].notna() & (width > FIGURE_SPAN_MAX)).fillna(False).to_numpy(bool)]:
            yield Failure(rule="span-length", table=table, row=int(i) + 2, key=row_key(ctx, table, df, i),
                          field="span_end", value=f"{df.at[i, 'span_start']}-{df.at[i, 'span_end']}",
                          message=f"the span is {int(width[i])} characters long; a figure row cites the clause "
                                  f"that states its figure (at most {FIGURE_SPAN_MAX})",
                          fix="narrow span_start and span_end to the clause holding the figure, what it counts "
                              "and whose it is")


def _out_of_order(ctx, table, df, rows, key, col, span, wholes):
    """Failures for the rows whose figure the span states only before the previous row's
    (a figure equal to the previous one may share its mention when the span says it holds
    for several: "8.4 million each", "... respectively to Anshun and Tongren")."""
    after, before, before_key = -1, None, None
    for i, v in rows[col].items():
        found = [s for s, _ in mentions(span, v)]
        if df.at[i, key] in wholes or not found:  # a total; a figure not in the span (figure-in-span's)
            continue
        later = [s for s in found if s > after or (s == after and v == before and meant_for_several(span, s))]
        if later:
            after, before, before_key = min(later), v, df.at[i, key]
            continue
        shown = _shown(v)
        yield Failure(rule="span-order", table=table, row=int(i) + 2, key=row_key(ctx, table, df, i), field=col,
                      value=v, message=f"{shown} is stated before the figure of {before_key}, the row above it "
                                       "citing the same span (rows citing one span follow its order; two share one "
                                       "mention only where the span says 'each' or 'respectively')",
                      fix="check the two figures against the span (they may have been swapped); "
                          "if both are right, order the rows as the span states them")


def _shown(v) -> str:
    """A figure as a message writes it (4.11, not 4.110000)."""
    return f"{v:g}" if isinstance(v, (int, float)) else str(v)


def what_it_counts(table, col, row) -> tuple[set[str] | None, set[str]]:
    """Words that say what a figure counts (its unit), and words of its field's name."""
    if (table, col) in FIELD_COUNTS:
        return vocabulary(*FIELD_COUNTS[table, col]), set()
    if table == "indicators":
        return vocabulary(row.get("unit")), vocabulary(row.get("measure"))
    return None, set()


_ROW_FIELDS = {"source_id", "span_start", "span_end", "start_date", "end_date", "date_basis", "date_precision",
               "unit", "measure", "year", "unit_stated", "unit_zh", "category", "total_kind", "qualifier",
               "participants_qualifier", "period_start_year"}
# the column saying how exact each figure is
QUALIFIERS = {("amounts", "value_stated"): "qualifier", ("indicators", "value"): "qualifier",
              ("events", "participants"): "participants_qualifier"}
YEARS = {"amounts", "indicators"}  # tables whose rows give the year of their figure


def rival_words(frames) -> set[str]:
    """Every noun some figure of the package counts (the indicators' units, people,
    countries, days): a lone figure followed by one of another row's nouns is not this row's."""
    units = frames["indicators"]["unit"].dropna().unique() if "indicators" in frames else []
    return vocabulary(*units, *(w for ws in FIELD_COUNTS.values() for w in ws))


class _Row:
    """One row's cited text and how failures name it."""

    def __init__(self, ctx, table, df, i, r, index):
        self.ctx, self.table, self.df, self.i, self.r, self.index = ctx, table, df, i, r, index
        self.a, self.b = int(r["span_start"]), int(r["span_end"])
        self.span = index.plain[self.a:self.b]  # full-width digits read as digits, offsets kept
        self.where = f"the cited span of {r['source_id']} ({self.a}-{self.b})"

    def fail(self, rule, field, value, message, fix):
        return Failure(rule=rule, table=self.table, row=int(self.i) + 2, key=row_key(self.ctx, self.table, self.df, self.i),
                       field=field, value=value, message=message, fix=fix)


def _check_rows(ctx, table, df, rows, texts, rival=frozenset()):
    cols = [c for c in FIGURES.get(table, []) if c in rows.columns]
    dated = "date_basis" in rows.columns and "date_precision" in rows.columns
    if rows.empty or not (cols or dated):
        return
    keep = [c for c in rows.columns if c in cols or c in _ROW_FIELDS]
    for i, r in zip(rows.index, rows[keep].to_dict("records")):
        row = _Row(ctx, table, df, i, r, texts[r["source_id"]])
        if dated:
            yield from _date_failures(row)
        if table in YEARS and "year" in r and not pd_isna(r["year"]):
            yield from _year_failures(row)
        if cols:
            yield from _figure_failures(row, cols, rival)


def _date_failures(row):
    """A stated date is written in the span, a start as the first date the span writes;
    a date the span writes is stated, never taken from a parent or the context."""
    r, index, a, b = row.r, row.index, row.a, row.b
    dates = {col: r.get(col) for col in ("start_date", "end_date") if not pd_isna(r.get(col))}
    if r["date_basis"] != "stated":
        if dates and all(date_stated(index, a, b, d, r["date_precision"], end=col == "end_date")
                         for col, d in dates.items()):
            yield row.fail("date-basis-matches-span", "date_basis", r["date_basis"],
                           f"date_basis is {r['date_basis']}, but {row.where} writes the dates "
                           f"({', '.join(str(d.date()) for d in dates.values())})",
                           "set date_basis to stated: a date the span writes is stated")
        return
    for col, d in dates.items():
        if not date_stated(index, a, b, d, r["date_precision"], end=col == "end_date"):
            yield row.fail("date-in-span", col, str(d.date()),
                           f"{d.date()} ({r['date_precision']} precision) is not a date {row.where} writes "
                           f"(month and day together, with its year)",
                           "correct the date or the span; if the date comes from elsewhere, set date_basis "
                           "to parent or context and say how in notes")
        elif col == "start_date" and not opens_with(index, a, b, d, r["date_precision"]):
            yield row.fail("date-in-span", col, str(d.date()),
                           f"{d.date()} is written in {row.where}, but after its first date, which is another "
                           "activity's (a span opens with its own activity's date)",
                           "correct the date; or start the span at the clause that dates this activity")


def _year_failures(row):
    """An amount's or indicator's year meets the year a clause of its span opens with ('In 2009, ...').
    The span is read from the start of its sentence: a span narrowed to its clause ("Shanghai
    gave 8 million yuan") still stands in the sentence that dates it ("In 2009, ...")."""
    r = row.r
    start = r.get("period_start_year")
    head = sentence_head(row.index.text, row.a)
    years = year_disagrees(head + row.span, int(r["year"]), None if pd_isna(start) else int(start))
    if years:
        yield row.fail("year-in-span", "year", int(r["year"]),
                       f"{row.where} gives its figures for {', '.join(map(str, sorted(years)[:3]))}"
                       f"{'...' if len(years) > 3 else ''}, not {int(r['year'])}",
                       "correct the year (or period_start_year) against the span")


def _figure_failures(row, cols, rival):
    r, index, a, b, span, table = row.r, row.index, row.a, row.b, row.span, row.table
    dates = None
    for col in cols:
        v = r.get(col)
        if pd_isna(v):
            continue
        found = mentions(span, v)
        shown = _shown(v)
        if not found:
            yield row.fail("figure-in-span", col, v, f"{shown} does not appear in {row.where}",
                           "correct the figure, or the span, against the source text")
            continue
        if dates is None:  # the span's dates and numbers: found once per row, not per field
            dates, numbers = date_spans(index, a, b), index.numbers_in(a, b)
        vocab, context = what_it_counts(table, col, r)
        if not figure_bound(span, v, found, vocab, context=context, dates=dates, numbers=numbers,
                            position=table_position(table, r),
                            unit=_amount_unit(r) if table == "amounts" else None,
                            year=None if table != "indicators" or pd_isna(r.get("year")) else r["year"],
                            qualifier=_qualifier(table, col, r), count_unit=_count_unit(table, col, r), rival=rival):
            yield row.fail("figure-in-span", col, v,
                           f"{shown} appears in {row.where}, but not where the span says what {col} counts "
                           f"(e.g. next to {', '.join(sorted(vocab or {'its unit'})[:4])})",
                           "check which figure of the span this field takes (two may have been swapped); "
                           "or narrow the span to this figure's own clause")
            continue
        own = [(s, e) for s, e in found if not any(x <= s < y for x, y in dates.days)]
        qualifier = QUALIFIERS.get((table, col))
        why = qualifier_disagrees(span, own, r.get(qualifier)) if qualifier else None
        if why:
            yield row.fail("qualifier-in-span", qualifier, r.get(qualifier),
                           f"{qualifier} is {r.get(qualifier)} for {shown}, but {why}",
                           "record the qualifier the span writes (exact when it writes the figure plainly)")
        if (table, col) == ("events", "participants"):
            yield from _larger_count(row, v, dates, vocab)


@lru_cache(maxsize=1)
def _word_values() -> dict[str, int]:
    """'twenty' -> 20, for the number words a span may write (0..999)."""
    return {w: k for k in range(999, -1, -1) for w in words(k)}


_SCALE_VALUE = {"": 1, "百": 100, "千": 1000, "万": 10_000, "百万": 1_000_000, "千万": 10_000_000, "亿": 100_000_000}


def _people_zh(span: str, s: int, e: int) -> float | None:
    """The people a Chinese mention counts (200名, 1.2万人), or None for another count."""
    m = zh.Mention(span, s, e)
    if m.scale not in _SCALE_VALUE or not zh.counts_zh(m, "people"):
        return None
    try:
        return float(span[s:e].replace(",", "")) * _SCALE_VALUE[m.scale]
    except ValueError:
        return None


def _larger_count(row, v, dates, vocab):
    """The participants of an activity are all of them: no larger count of people stands in its span."""
    for s, e in row.index.numbers_in(row.a, row.b):
        if any(x <= s < y for x, y in dates):
            continue
        if zh.is_chinese_mention(row.span, e):
            n = _people_zh(row.span, s, e)
        else:
            try:
                n = float(row.span[s:e].replace(",", ""))
            except ValueError:
                n = _word_values().get(row.span[s:e].lower())
            n = n if n is not None and counts_what(row.span, s, e, vocab) else None
        if n is not None and n > v:
            yield row.fail("participants-in-span", "participants", v,
                           f"{row.where} counts {row.span[s:e]} people, more than the {_shown(v)} participants recorded "
                           "(a part of the participants, not all of them?)",
                           "record the count of all participants the span gives")
            return
