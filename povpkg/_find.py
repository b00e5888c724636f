"""Find rows across every table by a word: names, spellings, Chinese names, titles, notes.

A researcher who wants everything about Laos, or about Ban Xor, should not have to know
which tables to load. The match is case- and accent-insensitive on every text column
(identifiers included: ``bansuo`` finds ``pl-bansuo`` and every row that refers to it);
each hit says the table, the row's key, the field and the whole value that matched.
"""
from __future__ import annotations

import unicodedata

COLUMNS = ["table", "key", "field", "value"]


def fold(text: str) -> str:
    """Text compared without case or accents: ``Dulong`` finds ``dulong``, ``Lào`` finds ``Lao``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def find(query: str, path=None, *, tables=None) -> list[tuple[str, str, str, str]]:
    """(table, key, field, value) of every text cell that contains ``query``, table by table."""
    from . import load, tables as all_tables

    needle = fold(str(query).strip())
    if not needle:
        from .errors import PovpkgError

        raise PovpkgError("find needs a word to look for")
    hits = []
    for name in tables or all_tables(path):
        df = load(name, path)
        key = df.attrs.get("primary_key") or [df.columns[0]]
        keys = df[key].astype("str").agg(", ".join, axis=1) if len(key) > 1 else df[key[0]].astype("str")
        for col in df.columns:
            if str(df[col].dtype) not in ("str", "string", "category", "object"):
                continue
            text = df[col].astype("str")
            matched = text.map(fold, na_action="ignore").str.contains(needle, regex=False, na=False)
            for i in matched[matched].index:
                hits.append((name, keys[i], col, text[i]))
    return hits
