"""Full-text search by Chinese names in ``povpkg serve``.

SQLite's FTS5 tokenizer (unicode61) reads a run of Chinese characters, written without
spaces, as one token: 刘坚 inside 刘坚主任, or 扶贫开发 inside a long office name, is
not found. So the search tables hold each Chinese character as a token of its own
(``spaced``), and a query's Chinese run becomes a phrase of its characters
(``phrase_query``): 刘坚 matches those two characters side by side, in any longer text.
English words are tokenized as before. FTS5's trigram tokenizer would find substrings
too, but nothing shorter than three characters, and many names of people and places
have two (刘坚, 北京).
"""
from __future__ import annotations

import re

CJK = "\u3400-\u9fff\uf900-\ufaff"
_CHAR = re.compile(f"[{CJK}]")
_RUN = re.compile(f"[{CJK}]+")
_QUOTED = re.compile(r'"(?:[^"]|"")*"')  # an FTS5 string: a quote inside is doubled


def spaced(text):
    """``text`` with a space around each Chinese character (a token each); None stays None."""
    return _CHAR.sub(r" \g<0> ", text) if isinstance(text, str) else text


def phrase_query(query):
    """An FTS5 query whose Chinese runs are phrases of single characters: inside a quoted
    string its characters are spaced ('"刘坚"' -> '"刘 坚"'), outside one a run becomes
    that phrase ('刘坚*' -> '"刘 坚"*'). Everything else, FTS syntax included, stays as written."""
    if not isinstance(query, str):
        return query
    out, pos = [], 0
    for m in _QUOTED.finditer(query):
        out += [_bare(query[pos:m.start()]), '"' + " ".join(spaced(m.group()[1:-1]).split()) + '"']
        pos = m.end()
    out.append(_bare(query[pos:]))
    return "".join(out)


def _bare(text: str) -> str:
    return _RUN.sub(lambda r: '"' + " ".join(r.group()) + '"', text)
