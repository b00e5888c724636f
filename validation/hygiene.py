"""Text, addresses and dates that read the same in every tool.

A cell can hold something a reader never sees and a join or a filter trips over:
a trailing space (``'China '`` is not ``'China'``), a zero-width or direction mark,
a line break, a no-break space; or markup a web view may run. An address can send
a reader to ``javascript:`` or a local file. A date can lie after the day the
package is validated. Nothing in the sources calls for any of these, so no
erratum excuses them.
"""
from __future__ import annotations

import datetime as dt
import re

from .rules import pd_isna, row_key, rule
from .textcells import text_batches
from povpkg._metadata import web_url
from povpkg._report import Failure

# characters no cell needs: control characters (line breaks included), invisible
# formatting marks, bidirectional overrides, line/paragraph separators, BOM, no-break space
INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u00a0\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
MARKUP = re.compile(r"<\s*[A-Za-z!/?]")
# fields that hold web addresses
URL_FIELDS = {("sources", "url"), ("sources", "read_at")}


def _fail(ctx, rule_name, table, df, i, col, value, message, fix):
    return Failure(rule=rule_name, table=table, row=int(i) + 2, key=row_key(ctx, table, df, i), field=col,
                   value=value, message=message, fix=fix)


@rule("clean-text", needs=())
def clean_text(frames, ctx):
    """No cell starts or ends with white space, holds an invisible or control character
    (a line break, a zero-width or direction mark, a no-break space), or holds markup."""
    for cells in text_batches(frames):
        s = cells.values
        padded = (s != s.str.strip()).fillna(False).to_numpy(bool)
        hidden = s.str.contains(INVISIBLE.pattern).fillna(False).to_numpy(bool)
        markup = s.str.contains(MARKUP.pattern).fillna(False).to_numpy(bool)
        for table, col, df, i, v in cells.flagged(cells.present() & (padded | hidden | markup)):
            yield _fail(ctx, "clean-text", table, df, i, col, v, *_unclean(v))


def _unclean(v: str) -> tuple[str, str]:
    """What is wrong with a flagged cell, and the fix."""
    if INVISIBLE.search(v):
        ch = INVISIBLE.search(v).group()
        return (f"holds the invisible or control character U+{ord(ch):04X}",
                "retype the value without it (a line break or special space pasted with the text)")
    if v != v.strip():
        return "starts or ends with a space", "remove the space around the value"
    return "holds markup (<...>)", "write the text without HTML or XML tags"


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
        for col in df.columns:
            s = df[col]
            if not str(s.dtype).startswith("datetime64"):
                continue
            if limit is None:
                import pandas as pd

                limit = pd.Timestamp(today)
            for i in df.index[(s > limit).fillna(False).to_numpy(bool)]:
                yield _fail(ctx, "not-in-future", table, df, i, col, s[i].date().isoformat(),
                            f"is after today ({today.isoformat()})", "check the date against the source")
