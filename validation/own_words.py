"""Descriptive cells in our own words: no run of ``RUN`` words shared with a source text.

Third-party texts lend facts, figures and names, never their sentences. A descriptive
cell (a note, a purpose, a theme ...) may repeat a source's wording only where that
wording is a name or a title kept as published:

- a *name span* of the cell: capitalised words, joined by a few small words (of, and,
  the ...) or figures, holding at least two capitalised words ("Member of the Political
  Bureau of the CPC Central Committee", "Sichuan, Guizhou, Hubei and Jilin");
- a title the source itself sets in double quotes (a forum's theme “Deepening regional
  cooperation, promoting poverty reduction and rural development”).

Quoting a source's sentence in a cell does not make it ours: quotation marks in the
cell earn nothing. Words are compared case-blind, punctuation ignored.
"""
from __future__ import annotations

import re

RUN = 8
DESCRIPTIVE = ("notes", "purpose", "covers", "set_by", "theme", "participants_note",
               "description", "handling", "derivation")
_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")
_SOURCE_QUOTE = re.compile(r"“[^”]{1,300}”|\"[^\"\n]{1,300}\"")
_JOIN = frozenset("of and the for in on at to de du des la le with a an by".split())


def words(text: str) -> list[str]:
    return _WORD.findall(text.replace("’", "'").replace("‘", "'"))


def _grams(ws: list[str], n: int) -> set[tuple[str, ...]]:
    low = [w.lower() for w in ws]
    return {tuple(low[i:i + n]) for i in range(len(low) - n + 1)}


def source_runs(text: str, n: int = RUN) -> tuple[set, set]:
    """(runs of the source's own sentences, runs inside the titles it quotes)."""
    quoted: set = set()
    for m in _SOURCE_QUOTE.finditer(text):
        quoted |= _grams(words(m.group()), n)
    prose: set = set()
    for part in _SOURCE_QUOTE.split(text):
        prose |= _grams(words(part), n)
    return prose, quoted


def _capital(w: str) -> bool:
    """A capitalised word that is not a small word opening a sentence ("In", "The")."""
    return w[0].isupper() and w.lower() not in _JOIN


def outside_names(ws: list[str]) -> list[str | None]:
    """``ws`` with the words of each name span replaced by ``None`` (a run cannot cross them)."""
    out: list[str | None] = list(ws)
    i, n = 0, len(ws)
    while i < n:
        if _capital(ws[i]) or ws[i][0].isdigit():
            j = i
            while j < n and (_capital(ws[j]) or ws[j][0].isdigit() or ws[j].lower() in _JOIN):
                j += 1
            k = j
            while k > i and not (_capital(ws[k - 1]) or ws[k - 1][0].isdigit()):
                k -= 1
            if sum(_capital(w) for w in ws[i:k]) >= 2:
                out[i:k] = [None] * (k - i)
            i = max(j, i + 1)
        else:
            i += 1
    return out


def borrowed(cell: str, prose: set, quoted: set, n: int = RUN) -> str | None:
    """The first run of ``n`` words ``cell`` shares with a source's prose, outside names
    and quoted titles; ``None`` when the cell is in its own words."""
    ws = outside_names(words(cell))
    for i in range(len(ws) - n + 1):
        win = ws[i:i + n]
        if None in win:
            continue
        key = tuple(w.lower() for w in win)
        if key in prose and key not in quoted:
            return " ".join(win)
    return None


def borrowed_cells(frames: dict, texts: dict[str, str], n: int = RUN) -> list[tuple[str, str, str, str]]:
    """``(table, first column value, column, shared run)`` of every descriptive cell of
    ``frames`` that follows any of ``texts`` for ``n`` words or more."""
    prose: set = set()
    quoted: set = set()
    for text in texts.values():
        p, q = source_runs(text, n)
        prose |= p
        quoted |= q
    found = []
    for table, df in frames.items():
        for col in DESCRIPTIVE:
            if col not in df.columns:
                continue
            for key, cell in zip(df.iloc[:, 0], df[col]):
                if isinstance(cell, str):
                    run = borrowed(cell, prose, quoted, n)
                    if run:
                        found.append((table, key, col, run))
    return found
