"""Rule ``period-matches-words``: a figure that covers several years says so in ``period``.

A cumulative figure coded as one year is the commonest way to add up money twice (a
total since 1996 beside the years it contains), so the rule reads the words that
describe a figure, the row's own (``purpose`` or ``subject``, ``notes``) and, with
``--sources``, the sentence that writes the figure of its span: "from 2004 to 2012",
"since", "cumulative", "over the past three years", "as of", "in total", 累计, 以来,
至今 (or 累計, 以來 in traditional script), and the Chinese for "over the past years"
(四年多来, 近三年, 近年来, 过去30年, 多年来, 这两年). Where they say several years, ``period`` must be ``stated_years`` (with
``period_start_year``) or ``unstated_years``; and ``stated_years`` goes with a start
year, before ``year``, never without one. The sentence is read near the figure (a long
one dates other things too), a figure that names its own year ("123 in 2009") is of
that year, and for a count "up to now" is a time rather than a period.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from povpkg._report import Failure

from .lazy_re import LazyPattern
from .rules import pd_isna, row_key, rule
from .zh import CJK, CJK_CHAR as _CJK, chinese_figure

_ZH_COUNT = r"[0-9一二三四五六七八九十两兩几幾数數]+"
# 四年多来, 十余年来, 两年來, 近三年, 近年来, 过去30年, 多年来, 历年, 这两年: Chinese for "over the past ... years"
ZH_YEARS_PAST = (rf"{_ZH_COUNT}(?:多|余|餘)?年(?:多)?[来來]|近{_ZH_COUNT}年|近年[来來]|[过過]去{_ZH_COUNT}年|多年[来來]"
                 r"|[历歷]年|[这這][两兩几幾些]年")
_MULTI_YEAR_EN = (
    r"(?<![\w-])(?:from\s+(?:the\s+)?(?:end\s+of\s+|early\s+|late\s+|mid-?)?(?:19|20)\d\d\w*\s+(?:to|till|until|through)"
    r"\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d\s*(?:-|–|—|to)\s*(?:19|20)\d\d"
    r"|since|cumulative(?:ly)?|accumulat\w*"
    r"|(?:over|in|during|for|within)\s+the\s+(?:past|last|previous)\s+(?:[\w-]+\s+)?(?:years?|decades?)"
    r"|(?:as\s+of|by)\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d|as\s+of|up\s+to\s+now|so\s+far|to\s+date|till\s+now|until\s+now|in\s+total)(?![\w-])")
MULTI_YEAR = LazyPattern(_MULTI_YEAR_EN + r"|累[计計]|以[来來]|至今|迄今|" + ZH_YEARS_PAST, re.IGNORECASE)
# the English words alone: every Chinese one holds a Chinese character, so in an ASCII text (most
# notes) they cannot match, and the scan for them was half the cost of reading the row's own words
MULTI_YEAR_EN = LazyPattern(_MULTI_YEAR_EN, re.IGNORECASE)
WEAK = LazyPattern(r"as\s+of|so\s+far|to\s+date|till\s+now|until\s+now|in\s+total", re.IGNORECASE)  # a source's: may be one year
COUNT_WEAK = LazyPattern(WEAK.pattern + r"|up\s+to\s+now", re.IGNORECASE)  # a count "up to now" is a stock
_SINCE_WHEN = LazyPattern(r"\s+(?:(?:the\s+)?(?:early\s+|late\s+|mid-?|end\s+of\s+)?(?:19|20)\d\d|then|its\b|their\b"
                         r"|the\b(?!\s+(?:\d|some\b|more\b|over\b|about\b))"
                         r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)",
                         re.IGNORECASE)
SEVERAL = ("stated_years", "unstated_years")
DURATIONS = {"years", "months", "days", "weeks"}  # a length of time is not a figure summed over years
LEVELS = r"(?:^|_)(?:incidence|poverty_rate)$"
OWN_WORDS = {"amounts": ("purpose", "notes"), "indicators": ("subject", "notes")}
FIGURE = {"amounts": "value_stated", "indicators": "value"}
NEAR = 160  # characters either side of the figure, within its sentence: a long sentence dates several things
_OWN_YEAR = LazyPattern(r"[^,;.。，；]{0,40}?\bin\s+(?:19|20)\d\d\b(?!\s*(?:-|–|to)\s*(?:19|20)\d\d)")
_SENTENCE_END = LazyPattern(r"(?<!\d)[.!?;](?!\d)|[。；！？]|\n")  # 97.8%。2010年以来: a Chinese stop ends it
_ZH_CLAUSE = LazyPattern(rf"[，、；;]|(?<=[{CJK}]),|,(?=[{CJK}])")  # 截至7月底,今年...新增103.1亿元
_ZH_DATED_CLAUSE = LazyPattern(r"(?:到|截至|截止|至|在)?(?:19|20)\d\d年(?:底|末)?(?![以起至来]|[0-9]{1,2}月[^，,]*以来)"
                              r"|目前|当前|当今|如今")  # 目前还有贫困人口3046万, 当今世界仍有8亿多人: a stock now
FIX = ("set period to stated_years with period_start_year (or unstated_years when the source gives no first year); "
       "if the words describe something else, reword them")


def says_several_years(text, *, weak=WEAK, year=None) -> str | None:
    """The words of ``text`` that say a figure covers several years, or None. Words that
    ``weak`` matches whole do not count (a source's "in total" or "so far" may mean one year)."""
    if not isinstance(text, str):
        return None
    for m in (MULTI_YEAR_EN if text.isascii() else MULTI_YEAR).finditer(text):
        words = m.group()
        if not (_same_year_range(words) or _in_a_title(text, m) or (weak is not None and weak.fullmatch(words))
                or _causal_since(text, m) or _within_the_year(text, m, year)):
            return words
    return None


_YEAR_WORD = LazyPattern(r"(?:19|20)\d\d年")
_SINCE = LazyPattern(r"以[来來]")
_THIS_YEAR = LazyPattern(r"今年|本年|年初|当年|本月|月份?$|(?<![年\d])\d{1,2}月(?:\d{1,2}日)?")  # 9月1日启动以来


def _within_the_year(text: str, m, year=None) -> bool:
    """'今年以来' (since the start of this year), '消费扶贫月以来' (since the month's campaign
    began), '2020年以来 ... 累计' for a figure of 2020, '截至今年' (as of this year, which holds
    至今 but means no span): Chinese words of time that stay within one year."""
    if m.group() == "至今":
        return text[m.start() - 1:m.start()] == "截"
    if m.group() not in ("以来", "累计", "以來", "累計"):
        return False
    if m.group() in ("累计", "累計"):
        opening = _opens_with_year(text, year)
        if opening and not _YEAR_WORD.search(text, opening.end(), m.start()):
            return True  # 2021年,37家中央单位...累计投入: the sentence is dated by the figure's own year, and no other
        since = list(_SINCE.finditer(text, 0, m.start()))
        if since and not _YEAR_WORD.search(text, since[-1].end(), m.start()) and _within_the_year(text, since[-1], year):
            return True  # 今年疫情发生以来,天津已累计拨付: a total since a start within the year
    before = text[max(0, m.start() - 16):m.start()]
    if year is not None and re.search(rf"{int(year)}年(?:初)?以[来來][^。；]*$|{int(year)}年(?:初)?$", before):
        return True
    return any(w.end() > len(before) - 8 for w in _THIS_YEAR.finditer(before))  # near the word


def _opens_with_year(text: str, year=None):
    """The opening '2021年,' of a sentence dated by the figure's own year ('2019年 , ' spaced too), or None."""
    return None if year is None else re.match(rf"\s*{int(year)}年\s*[，,]", text)


def _in_a_title(text: str, m) -> bool:
    """'Outline ... (2011-2020)', 'the "Guidance on 2009-2010 ..."': years in brackets of their own,
    or inside a quoted title, name a plan's period, not the figure's."""
    if m.start() > 0 and text[m.start() - 1] in "(（" and text[m.end():m.end() + 1] in ")）":
        return True
    before = text[:m.start()]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _causal_since(text: str, m) -> bool:
    """'since it is ...', 'since the 1,000 families ...' give a reason; 'since 1996', 'since April 2006',
    'since the pairing' a start."""
    return m.group().lower() == "since" and not _SINCE_WHEN.match(text, m.end())


def _same_year_range(words: str) -> bool:
    """'2012-2012' is one year: a range only counts when its years differ."""
    years = re.findall(r"(?:19|20)\d\d", words)
    return len(years) == 2 and years[0] == years[1]


@lru_cache(maxsize=1024)
def sentence_ends(text: str) -> tuple[int, ...]:
    """Where each sentence of a source text ends, found once per text (many rows cite one text)."""
    return tuple(m.end() for m in _SENTENCE_END.finditer(text))


def figure_sentences(text: str, start: int, end: int, value) -> list[str]:
    """The sentences of ``text`` that write ``value`` inside the span ``start``:``end``, read up to
    NEAR characters either side of it: a narrow span may cut off the words that date its figure
    ("Up to now, ... 487 million"), and a long sentence may date something else far from it."""
    from .provenance import mentions

    found = mentions(text[start:end], value)
    if not found:
        return []
    bounds = sentence_ends(text)
    out = []
    for at, until in found:
        if _OWN_YEAR.match(text, start + until):  # "123 villages in 2009": the figure names its one year
            continue
        at, until = at + start, until + start
        i = bisect_right(bounds, at)
        left, right = (bounds[i - 1] if i else 0), (bounds[i] if i < len(bounds) else len(text))
        # a Chinese figure (5107.12 万元 too): its sentence up to its clause's end,
        if _CJK.search(text[max(0, at - 1):until + 1]) or chinese_figure(text, at, until):
            right = min([right] + [m.start() for m in _ZH_CLAUSE.finditer(text, until, right)])
            dated = list(_ZH_DATED_CLAUSE.finditer(text, left, at))  # from the clause that dates it (到2004年,...)
            left = dated[-1].start() if dated else left
        out.append(text[max(left, at - NEAR):min(right, until + NEAR)])
    return list(dict.fromkeys(out))


@rule("period-matches-words", needs=("amounts", "indicators"))
def period_matches_words(frames, ctx):
    """Figures described as covering several years have a several-year ``period``."""
    texts = _texts(frames, ctx)
    for table, key in (("amounts", "amount_id"), ("indicators", "indicator_id")):
        df = frames[table]
        if "period" not in df.columns:
            continue
        yield from _start_year_agrees(ctx, table, df)
        cols = [c for c in OWN_WORDS[table] if c in df.columns]
        one = df.loc[_one_year_rows(df), [*cols, "source_id", "span_start", "span_end", "year", FIGURE[table]]]
        said = _own_words_say(one, cols)
        if not texts:  # only the rows whose own words say several years can fail
            one, said = one.iloc[[k for k, w in enumerate(said) if w is not None]], [w for w in said if w is not None]
        for i, why, r in zip(one.index, said, one.to_dict("records")):
            if why is None and r["source_id"] in texts and not (pd_isna(r["span_start"]) or pd_isna(r["span_end"])):
                why = _span_says(texts[r["source_id"]].text, int(r["span_start"]), int(r["span_end"]),
                                 r[FIGURE[table]], strong_only=table != "amounts",
                                 year=None if pd_isna(r["year"]) else int(r["year"]))
            if why:
                period = "empty" if pd_isna(df.at[i, "period"]) else df.at[i, "period"]
                yield Failure(rule="period-matches-words", table=table, row=int(i) + 2, key=row_key(ctx, table, df, i),
                              field="period", value=None if period == "empty" else period,
                              message=f"{why}, so the figure covers several years, but period is {period}", fix=FIX)


def _one_year_rows(df):
    """Where a row's figure is held to one year: its period is not a several-year one, it
    is no duration, and it is no level (a poverty incidence or rate is a level at one time,
    whatever led to it). One mask: each selection of the whole table copied every column."""
    keep = (df["period"].isna() | ~df["period"].isin(SEVERAL)).to_numpy(bool)
    if "unit" in df.columns:
        keep = keep & ~df["unit"].isin(DURATIONS).to_numpy(bool)
    if "measure" in df.columns:
        keep = keep & ~df["measure"].astype("string").str.contains(LEVELS, regex=True, na=False).to_numpy(bool)
    return keep


def _own_words_say(df, cols) -> list:
    """Per row of ``df``: "its COLUMN says 'WORDS'" for the first of ``cols`` whose words say the
    figure covers several years, else None. Read column by column: a dict per row cost more
    than reading the words. Each distinct text is read once (indicators repeat a subject 3.6 times)."""
    out = [None] * len(df)
    for c in cols:
        read: dict = {}
        for k, text in enumerate(df[c].tolist()):
            if out[k] is None:
                w = read[text] if text in read else read.setdefault(text, says_several_years(text, weak=None))
                out[k] = f"its {c} says '{w}'" if w else None
    return out


def _texts(frames, ctx) -> dict:
    """The source texts, with --sources (and a sources table that loaded); else none."""
    from .provenance import texts_of

    return texts_of(frames, ctx).texts


def _span_says(text: str, start: int, end: int, value, *, strong_only: bool = False, year=None) -> str | None:
    """What the sentence stating the figure says of several years. A source's "in total", "as
    of" or "so far" may mean one year, so only the words of a period count ("since 1996",
    "cumulative", "from ... to ...", "as of 2009"); for money "up to now" counts too, but a count
    "up to now" is a stock at that time."""
    for sentence in figure_sentences(text, start, end, value):
        if words := says_several_years(sentence, weak=COUNT_WEAK if strong_only else WEAK, year=year):
            return f"the sentence of its span that states {value:g} says '{words}'"
    return None


def _start_year_agrees(ctx, table, df):
    """stated_years has a first year before ``year``; no other period has one. (On plain arrays:
    pandas' masked operations cost more than the check.)"""
    import numpy as np
    import pandas as pd

    start, year = (pd.to_numeric(df[c], errors="coerce").to_numpy("float64", na_value=np.nan)
                   for c in ("period_start_year", "year"))
    several = (df["period"].astype("string") == "stated_years").fillna(False).to_numpy(bool)
    has_start = ~np.isnan(start)
    cases = (
        (several & ~has_start, "period_start_year", "period is stated_years but period_start_year is empty"),
        (several & has_start & (np.isnan(year) | (start >= year)), "period_start_year",
         "period_start_year is not before year (stated_years runs from period_start_year to year)"),
        (~several & has_start, "period", "period_start_year is filled, so period must be stated_years"),
    )
    for mask, field, message in cases:
        for i in df.index[mask]:
            v = df.at[i, field]
            yield Failure(rule="period-matches-words", table=table, row=int(i) + 2, key=row_key(ctx, table, df, i),
                          field=field, value=None if pd_isna(v) else str(v), message=message, fix=FIX)


@rule("year-needs-period", needs=("amounts", "indicators"))
def year_needs_period(frames, ctx):
    """A figure with a ``year`` says which years it covers: ``period`` is empty only when the
    source gives no year at all (an empty period beside a year leaves a cumulative figure
    looking like one year's, and the period checks above then read nothing)."""
    for table, key in (("amounts", "amount_id"), ("indicators", "indicator_id")):
        df = frames[table]
        if "period" not in df.columns or "year" not in df.columns:
            continue
        bad = (df["year"].notna() & df["period"].isna()).to_numpy(bool)
        for i in df.index[bad]:
            yield Failure(rule="year-needs-period", table=table, row=int(i) + 2, key=row_key(ctx, table, df, i),
                          field="period", value=None,
                          message=f"year is {int(df.at[i, 'year'])} but period is empty",
                          fix="set period: one_year (that year's figure, or a count at one time), stated_years with "
                              "period_start_year, or unstated_years when the figure covers several years")

_THIS_YEAR_ONLY = LazyPattern(r"今年|本年")


@rule("this-year-is-one-year", needs=("amounts", "indicators"), needs_texts=True)
def this_year_is_one_year(frames, ctx):
    """With ``--sources``: a figure whose sentence dates it by 今年 (this year) and says nothing
    of several years, nor do the row's own words, is that year's figure, so its ``period`` is
    one_year, not stated_years or unstated_years (the mirror of period-matches-words)."""
    texts = _texts(frames, ctx)
    if not texts:
        return
    for table in ("amounts", "indicators"):
        df = frames[table]
        if "period" not in df.columns:
            continue
        cols = [c for c in OWN_WORDS[table] if c in df.columns]
        several = df[df["period"].isin(SEVERAL).fillna(False).to_numpy(bool)]
        for i, r in zip(several.index, several[[*cols, "source_id", "span_start", "span_end", "year", FIGURE[table]]]
                        .to_dict("records")):
            if r["source_id"] not in texts or pd_isna(r["span_start"]) or pd_isna(r["span_end"]) or pd_isna(r[FIGURE[table]]):
                continue
            if any(says_several_years(r[c]) for c in cols):
                continue
            year = None if pd_isna(r["year"]) else int(r["year"])
            for sentence in figure_sentences(texts[r["source_id"]].text, int(r["span_start"]), int(r["span_end"]),
                                             r[FIGURE[table]]):
                if _THIS_YEAR_ONLY.search(sentence) and not says_several_years(sentence, year=year):
                    yield Failure(rule="this-year-is-one-year", table=table, row=int(i) + 2,
                                  key=row_key(ctx, table, df, i), field="period", value=df.at[i, "period"],
                                  message=f"the sentence of its span that states {r[FIGURE[table]]:g} dates it by "
                                          f"'{_THIS_YEAR_ONLY.search(sentence).group()}' (this year) and says nothing "
                                          f"of several years, but period is {df.at[i, 'period']}",
                                  fix="set period to one_year (and empty period_start_year), or say in notes which "
                                      "years the figure covers")
                    break
