"""Errors povpkg raises on bad input; each carries a one-line message for the CLI."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


class PovpkgError(Exception):
    """Base class: the CLI prints the message and exits 2 (could not run)."""


class PackageError(PovpkgError):
    """The data package cannot be read: missing file, not JSON, unsafe path."""


class MissingFileError(PackageError):
    """A resource's data file does not exist."""


def closest(name: str, valid: Iterable[str]) -> list[str]:
    """The valid names a typo most likely meant (case-insensitive, best first)."""
    import difflib

    valid = list(valid)
    by_lower = {v.lower(): v for v in valid}
    hits = difflib.get_close_matches(name.lower(), list(by_lower), n=3, cutoff=0.6)
    return [by_lower[h] for h in hits]


class DataError(PackageError):
    """A table's CSV does not fit its schema: names table, row, field and value."""


class SizeLimitError(DataError):
    """A table holds more than povpkg reads (a cell too long): see docs/limits.md."""


class UnknownTableError(PovpkgError, KeyError):
    """A table name that the package does not have; says which name was probably meant."""

    name: str  #: the name asked for
    valid: list[str]  #: the package's table names
    suggestions: list[str]  #: the closest of them, if any is close

    def __init__(self, name: str, valid: Iterable[str]) -> None:
        self.name, self.valid = name, list(valid)
        self.suggestions = closest(name, self.valid)
        hint = (f"did you mean {' or '.join(self.suggestions)}?" if self.suggestions
                else f"valid names: {', '.join(self.valid)}")
        super().__init__(f"unknown table {name!r}; {hint}")

    def __str__(self) -> str:  # KeyError would repr() the message
        return self.args[0]
