"""Does a cited span hold its figures? Number renderings as sources write them."""
from __future__ import annotations

import re

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SPECIAL = {1: ["once", "first"], 2: ["twice", "second"], 3: ["third"], 12: ["dozen"]}
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


def words(n: int) -> list[str]:
    """English words for 0..999 ('twenty-eight', 'twenty eight'); none for a negative number."""
    if n < 0:  # a list index would wrap: -5 would read as "fifteen"
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


def renderings(value) -> list[str]:
    """Ways a source may write ``value``: 4394, 4,394, 28.64, six, twenty-eight, two-and-a-half."""
    v = float(value)
    out = []
    if v.is_integer():
        n = int(v)
        out += [str(n), f"{n:,}"]
        out += words(n) + _SPECIAL.get(n, []) + ([_ORDINAL[n]] if n in _ORDINAL else [])
    else:
        s = repr(v)
        out.append(s)
        whole, frac = divmod(v, 1)
        if frac == 0.5:
            out += [f"{w}-and-a-half" for w in words(int(whole))] + [f"{w} and a half" for w in words(int(whole))]
    return out


def holds(span: str, value) -> bool:
    """True when ``span`` contains ``value`` as a whole number or word (not inside a longer one)."""
    for r in renderings(value):
        if r[0].isdigit():
            pat = rf"(?<![\d.,]){re.escape(r)}(?![\d]|[.,]\d)"
        else:
            pat = rf"(?<![A-Za-z-]){re.escape(r)}(?![A-Za-z])"
        if re.search(pat, span, flags=re.IGNORECASE):
            return True
    return False


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def date_in(span: str, date, precision: str) -> bool:
    """True when ``span`` states ``date`` to its precision: month and day ('April 13', 'Nov. 20'),
    the month, or the year. The year of a day or month may come from the sentence before."""
    month = _MONTHS[date.month - 1]
    has_month = re.search(rf"\b(?:{month}|{month[:3]}\.?)(?![a-z])", span) is not None
    if precision == "day":
        return has_month and re.search(rf"(?<!\d){date.day}(?!\d)", span) is not None
    if precision == "month":
        return has_month
    return re.search(rf"(?<!\d){date.year}(?!\d)", span) is not None


# --- names, titles and places ------------------------------------------------

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def word_set(text: str) -> set[str]:
    """The words of ``text``, lower-cased, curly quotes folded ('De’ang' = "De'ang"),
    possessives dropped ("China's" = 'China')."""
    folded = re.sub(r"'s\b", "", str(text).translate(_FOLD).lower())
    return set(re.findall(r"[\w']+", folded))


def words_in(span: str, text: str) -> bool:
    """True when every word of ``text`` occurs in ``span``: a title or name the source
    wrote in its own order ('Deputy Director Anton Nova of Department of ...') still
    matches our 'Deputy Director, Department of ...'."""
    return word_set(text) <= word_set(span)
