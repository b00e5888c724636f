"""Errors povpkg raises on bad input; each carries a one-line message for the CLI."""


class PovpkgError(Exception):
    """Base class: the CLI prints the message and exits 2 (could not run)."""


class PackageError(PovpkgError):
    """The data package cannot be read: missing file, not JSON, unsafe path."""


class MissingFileError(PackageError):
    """A resource's data file does not exist."""


class UnknownTableError(PovpkgError, KeyError):
    """A table name that the package does not have."""

    def __init__(self, name, valid):
        self.name, self.valid = name, list(valid)
        super().__init__(f"unknown table {name!r}; valid names: {', '.join(self.valid)}")

    def __str__(self):  # KeyError would repr() the message
        return self.args[0]
