"""Regular expressions compiled the first time they are used, not at import.

Most of the rules' patterns read the source texts (Chinese measure words, dates,
any number a span writes), which only ``validate --sources`` hands over: a plain
validation never runs them, yet compiling them at import cost some 0.08 s of CPU on
every run (a class of Chinese characters alone takes a millisecond: ``re`` walks
its 27,000 code points). A ``LazyPattern`` stands where the compiled pattern stood
and is used the same way (``P.search(text)``, ``P.finditer(text)``, ``P.pattern``).
"""
from __future__ import annotations

import re


class LazyPattern:
    """``re.compile(pattern, flags)``, done on first use; afterwards each method of the
    compiled pattern is an attribute of its own, so a call costs what the compiled one does."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        if name.startswith("__"):  # copy, pickle and friends probe for dunders: not ours to answer
            raise AttributeError(name)
        value = getattr(re.compile(self.pattern, self._flags), name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"
