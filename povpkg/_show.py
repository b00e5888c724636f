"""Print a table so that it fits the terminal: chosen columns, truncated cells, a hint.

Key columns come first, then what a reader needs to know which row it is and what
it says, chosen from the Table Schema (a title or name, the dates, the figure with
its currency or unit), then the columns that have values in the rows shown; notes and
provenance columns (source and span) come last, as they are the least readable in a
narrow window. Missing values print as ``NA``.
"""
from __future__ import annotations

import shutil
import unicodedata

from ._report import as_written
from ._safety import shown

MISSING = "NA"
CELL_MAX = 24  # widest a cell may be before it is cut with "…"
KEY_MAX = 40  # identifiers are cut only when they are longer than this
_LAST = ("notes", "description", "source_id", "span_start", "span_end")


def terminal_width() -> int:
    """Columns of the terminal (``COLUMNS`` wins; 80 when not a terminal)."""
    return shutil.get_terminal_size((80, 24)).columns


def cell(value) -> str:
    """One cell as the CSV writes it, on one line."""
    v = as_written(value)
    if v is None:
        return MISSING
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return shown(" ".join(str(v).split()))


def width_of(text: str) -> int:
    """Terminal columns a text takes: East Asian wide characters (Chinese names) take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` terminal columns, ending in "…" when cut, padded to fill them."""
    if width_of(text) > width:
        out, used = "", 0
        for ch in text:
            w = width_of(ch)
            if used + w > width - 1:
                break
            out, used = out + ch, used + w
        text = out + "…"
    return text + " " * (width - width_of(text))


_HEADLINE = ("title", "name", "subject", "purpose", "title_as_stated", "product_as_stated", "recipient_as_stated",
             "description")
_COMPANIONS = ("currency", "unit", "category")


_MEASURES = ("amount", "value", "amount_10k_yuan")


def leading(fields: dict) -> list[str]:
    """The columns that say which row it is and what it states, from the Table Schema.

    A table of figures (a field ``amount`` or ``value``) leads with its year, the figure
    and its currency or unit, then its headline text; any other table with its headline
    (title, name, subject), then its dates and years.
    """
    head = [n for n in _HEADLINE if n in fields][:1]
    when = [n for n in fields if fields[n].get("type") in ("date", "datetime")
            or n in ("year", "start_year", "year_start")][:2]
    measure = [n for n in _MEASURES if n in fields][:1]
    if not measure:
        return head + when
    unit = [c for c in _COMPANIONS if c in fields][:1]
    return when[:1] + measure + unit + head


def column_order(df, primary_key: list[str], fields: dict | None = None) -> list[str]:
    """Columns in the order they earn space: key, the schema's leading columns, filled,
    then sparse, then notes and provenance."""
    key = [c for c in primary_key if c in df.columns]
    key += [c for c in leading(fields or {}) if c in df.columns and c not in key]
    rest = [c for c in df.columns if c not in key]
    filled = [c for c in rest if c not in _LAST and df[c].notna().any()]
    last = [c for c in _LAST if c in rest]
    empty = [c for c in rest if c not in filled and c not in last]
    return key + filled + last + empty


def render(df, *, width: int, primary_key: list[str], columns: list[str] | None = None,
           fields: dict | None = None) -> tuple[str, list[str]]:
    """The table as text no wider than ``width``; also the names of the columns left out."""
    order = columns or column_order(df, primary_key, fields)
    cells = {c: [cell(v) for v in df[c]] for c in order}
    numeric = {c for c in order if str(df[c].dtype) in ("Int64", "Float64", "int64", "float64")}
    kept, used = [], 0
    for c in order:
        cap = KEY_MAX if c in primary_key else CELL_MAX
        w = min(max([width_of(shown(c))] + [width_of(s) for s in cells[c]]), cap)
        if not kept:
            w = min(w, width)
        elif used + 2 + w > width:
            break  # the rest are listed after the table, with how to pick them
        kept.append((c, w))
        used += w + (2 if len(kept) > 1 else 0)
    lines = []
    for row in [None, *range(len(df))]:
        parts = []
        for c, w in kept:
            text = shown(c) if row is None else cells[c][row]
            parts.append(" " * (w - width_of(text)) + text if c in numeric and width_of(text) <= w else _cut(text, w))
        lines.append("  ".join(parts).rstrip())
    hidden = [c for c in order if c not in {c for c, _ in kept}]
    return "\n".join(lines), hidden


def summary(name: str, n_shown: int, n_rows: int, n_cols: int, hidden: list[str], width: int) -> list[str]:
    """The lines after the table: what was shown, and how to see the rest, each within ``width``."""
    rows = "row" if n_rows == 1 else "rows"
    lines = [f"[{n_shown} of {n_rows} {rows}, {n_cols - len(hidden)} of {n_cols} columns]"]
    if n_shown < n_rows:
        lines.append(f"all rows: povpkg show {name} -n 0")
    if hidden:
        lines.append(f"not shown: {', '.join(hidden)}")
        lines.append(f"pick columns: povpkg show {name} --columns {','.join(hidden[:2])}")
    return [_wrap(shown(line), width) for line in lines]


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width, break_on_hyphens=False, subsequent_indent="  ")) or text
