"""Text, addresses and dates that read the same in every tool.

A cell can hold something a reader never sees and a join or a filter trips over:
a trailing space (``'China '`` is not ``'China'``), a zero-width, bidi or tag
character, a soft hyphen, a Hangul filler that prints nothing, a line break, a space
other than the plain one; or markup a web view may run. An address can send a
reader to ``javascript:`` or a local file. A date can lie after the day the package
is validated. No erratum excuses any of these; only a hidden character that the
cited source text holds at that place is kept (decidable with ``--sources`` alone).
"""
from __future__ import annotations

import datetime as dt
import re

from .rules import has_columns, pd_isna, row_key, rule
from .textcells import shared_batches
from povpkg._metadata import web_url
from povpkg._report import Failure

# characters a reader does not see, or sees as a plain space, that no cell needs
HIDDEN = (
    "\x00-\x1f\x7f-\x9f"  # control characters, line breaks included
    "\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"  # spaces but the plain one; line/paragraph separators
    # every format character (Unicode category Cf): soft hyphen, zero-width and bidi marks, BOM, tags
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers: letters that print nothing
    "\u034f\u17b4\u17b5\u180b-\u180d\u180f\u2800"  # invisible marks, the blank braille pattern
    "\ufe00-\ufe0f\U000e0100-\U000e01ef"  # variation selectors (no cell of this package needs one)
)
INVISIBLE = re.compile(f"[{HIDDEN}]")
MARKUP = re.compile(r"<\s*[A-Za-z!/?]")
# fields that hold web addresses
URL_FIELDS = {("sources", "url"), ("sources", "read_at")}


def _fail(ctx, rule_name, table, df, i, col, value, message, fix):
    return Failure(rule=rule_name, table=table, row=int(i) + 2, key=row_key(ctx, table, df, i), field=col,
                   value=value, message=message, fix=fix)


@rule("clean-text", needs=())
def clean_text(frames, ctx):
    """No cell starts or ends with white space, holds an invisible, format or control
    character (a line break, a soft hyphen, a zero-width, bidi or tag character, a Hangul
    filler, a space other than the plain one), or holds markup. A hidden character the
    cited span of the source holds at that place is kept (only with the texts at hand)."""
    cited = None
    for cells in shared_batches(frames, ctx):
        s = cells.values
        padded = (s != s.str.strip()).fillna(False).to_numpy(bool)
        hidden = _hidden_at(s)
        markup = _markup(s)
        for table, col, df, i, v in cells.flagged(cells.present() & (padded | hidden | markup)):
            problem = _unclean(v)
            if problem is _HIDDEN_ONLY:
                cited = _CitedSpans(frames, ctx) if cited is None else cited
                if cited.holds(df, i, v):
                    continue
                problem = _hidden(v)
            yield _fail(ctx, "clean-text", table, df, i, col, v, *problem)


def _hidden_at(s):
    """Where a cell of ``s`` holds a character of INVISIBLE. Of them an ASCII cell (most) can hold only
    a control character, so pyarrow's ascii_is_printable finds it without a pattern (RE2's fixed cost
    per cell was most of the rule's); the other cells are read with the pattern."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:
        return s.str.contains(INVISIBLE.pattern).fillna(False).to_numpy(bool)
    cells = pa.array(s.array)
    ascii_only = pc.string_is_ascii(cells).fill_null(False).to_numpy(zero_copy_only=False)
    found = ascii_only & ~pc.ascii_is_printable(cells).fill_null(True).to_numpy(zero_copy_only=False)
    others = ~ascii_only & s.notna().to_numpy(bool)
    if others.any():
        found[others] = s[others].str.contains(INVISIBLE.pattern).fillna(False).to_numpy(bool)
    return found


def _markup(s):
    """Where a cell of ``s`` holds markup. MARKUP's ``\\s`` is not RE2's, so pandas runs it cell by
    cell in Python: only on the few cells holding a '<' (found by pyarrow), which any match needs."""
    maybe = s.str.contains("<", regex=False).fillna(False).to_numpy(bool)
    found = maybe.copy()
    if maybe.any():
        found[maybe] = s[maybe].str.contains(MARKUP.pattern).fillna(False).to_numpy(bool)
    return found


_HIDDEN_ONLY = ("", "")  # a cell whose only problem is a hidden character: the source may hold it


def _unclean(v: str) -> tuple[str, str]:
    """What is wrong with a flagged cell, and the fix (``_HIDDEN_ONLY`` when only a hidden character is)."""
    if v != v.strip():
        return "starts or ends with a space", "remove the space around the value"
    if MARKUP.search(v):
        return "holds markup (<...>)", "write the text without HTML or XML tags"
    return _HIDDEN_ONLY


def _hidden(v: str) -> tuple[str, str]:
    ch = INVISIBLE.search(v).group()
    return (f"holds the invisible, format or control character U+{ord(ch):04X} at character "
            f"{v.index(ch) + 1}, which the cited source text does not hold there",
            "retype the value without it (a line break, soft hyphen or special space pasted with the text)")


class _CitedSpans:
    """The cited span of a row, when ``--sources`` gives the texts (read once, as the
    provenance rules read them); without them no span is known and no hidden character kept."""

    def __init__(self, frames, ctx):
        from .provenance import texts_of

        self.texts = texts_of(frames, ctx).texts

    def holds(self, df, i, value: str) -> bool:
        """Whether row ``i``'s cited span holds ``value`` as it is written, hidden characters and all."""
        if not self.texts or not has_columns(df, ("source_id", "span_start", "span_end")):
            return False
        sid, a, b = df.at[i, "source_id"], df.at[i, "span_start"], df.at[i, "span_end"]
        if sid not in self.texts or pd_isna(a) or pd_isna(b):
            return False
        return value in self.texts[sid].text[int(a):int(b)]


@rule("web-address", needs=())
def web_addresses(frames, ctx):
    """A URL field holds an http(s) address: never javascript:, file: or a local path."""
    for table, col in URL_FIELDS:
        df = frames.get(table)
        if df is None or col not in df.columns:
            continue
        for i, v in df[col].items():
            if not pd_isna(v) and not web_url(v):
                yield _fail(ctx, "web-address", table, df, i, col, v, "is not an http(s) address",
                            "give the page's http(s) address")


@rule("not-in-future", needs=())
def not_in_future(frames, ctx):
    """No date lies after the day of validation: a source cannot be published, nor an
    activity held, later than today."""
    today = dt.date.today()
    limit = None
    for table, df in frames.items():
        for col, dtype in df.dtypes.items():  # not df[col] per column: a Series built just to read its type
            if not str(dtype).startswith("datetime64"):
                continue
            s = df[col]
            if limit is None:
                import pandas as pd

                limit = pd.Timestamp(today)
            for i in df.index[(s > limit).fillna(False).to_numpy(bool)]:
                yield _fail(ctx, "not-in-future", table, df, i, col, s[i].date().isoformat(),
                            f"is after today ({today.isoformat()})", "check the date against the source")
