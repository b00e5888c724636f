"""Size limits on what povpkg reads, so that a validation ends soon in bounded memory.

A hostile copy can be large in ways no check's speed survives: a descriptor of a
million resources, a text of megabytes where a regular expression backtracks, a
data file extended to gigabytes. Each size is checked before anything reads it
(a file's by its size on disk and its line count, a descriptor's by its bytes, then
its counts and string lengths), far above what the shipped package needs (see
docs/limits.md). Standard library only: it runs before pandas or frictionless.
"""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

MiB = 2**20
MAX_DESCRIPTOR_BYTES = 4 * MiB  # datapackage.json (the shipped one: ~115 KB)
MAX_RESOURCES = 100  # tables in a package (shipped: 18)
MAX_FIELDS = 200  # fields in a table's schema (shipped: at most 25)
MAX_TEXT = 10_000  # characters of one string in the descriptor (shipped: at most ~900)
MAX_FILE_BYTES = 32 * MiB  # one data file (shipped: at most ~110 KB; 100 times the rows: ~11 MB)
MAX_PACKAGE_BYTES = 64 * MiB  # all data files together (shipped: ~0.6 MB; 100 times the rows: ~59 MB)
MAX_ROWS = 250_000  # lines of one data file (shipped: at most ~700)
MAX_CELL = 10_000  # characters of one cell (shipped: at most ~550)
FIX = ("keep within povpkg's size limits (docs/limits.md): split the table, shorten the text, "
       "or remove what was added")


def descriptor_limits(desc: dict) -> list[str]:
    """What of a parsed descriptor exceeds the limits: too many resources or fields,
    a string (or a key) too long. Level by level, no recursion; stops at the first
    few, so it is linear in the descriptor whatever it holds."""
    out = []
    if len(desc["resources"]) > MAX_RESOURCES:
        out.append(f"the package has {len(desc['resources']):,} resources; the limit is {MAX_RESOURCES}")
    for res in desc["resources"][:MAX_RESOURCES]:
        fields = res.get("schema", {}).get("fields") if isinstance(res.get("schema"), dict) else None
        if isinstance(fields, list) and len(fields) > MAX_FIELDS:
            out.append(f"resource {_name(res)} has {len(fields):,} fields; the limit is {MAX_FIELDS}")
    level = [("", desc)]
    while level and len(out) < 5:
        inner = []
        for where, obj in level:
            items = obj.items() if isinstance(obj, dict) else enumerate(obj)
            for k, v in items:
                at = f"{where}/{k}" if isinstance(k, int) or len(k) <= MAX_TEXT else f"{where}/{k[:20]}..."
                if isinstance(k, str) and len(k) > MAX_TEXT:
                    out.append(f"a key at {at[:120]} has {len(k):,} characters; the limit is {MAX_TEXT:,}")
                if isinstance(v, str) and len(v) > MAX_TEXT:
                    out.append(f"{at[:120]} has {len(v):,} characters; the limit is {MAX_TEXT:,}")
                elif isinstance(v, (dict, list)):
                    inner.append((at, v))
        level = inner
    return out[:5]


def file_limits(files: dict[str, Path]) -> list[tuple[str | None, str]]:
    """``(table or None, message)`` for each data file over its size or line limit, and for
    all of them together over the package's; a file's lines are counted only when its
    size is within the limit (a sparse 2 GiB file is refused by its size alone)."""
    out, total = [], 0
    for name, path in files.items():  # the package's size counts the files not refused already
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            out.append((name, f"{_rel(path)} has {size:,} bytes; the limit for one data file is {MAX_FILE_BYTES:,}"))
        elif size > MAX_ROWS:  # fewer bytes than the row limit cannot hold more lines than it
            lines = _lines(path)
            if lines > MAX_ROWS:
                out.append((name, f"{_rel(path)} has more than {MAX_ROWS:,} lines, the limit for one data file"))
        if not out or out[-1][0] != name:
            total += size
    if total > MAX_PACKAGE_BYTES:
        out.append((None, f"the data files have {total:,} bytes together; the limit for a package is "
                          f"{MAX_PACKAGE_BYTES:,}"))
    return out


def _lines(path: Path) -> int:
    n = 0
    with open(path, "rb") as f:
        while chunk := f.read(MiB):
            n += chunk.count(b"\n")
            if n > MAX_ROWS:
                break
    return n


def _rel(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _name(res) -> str:
    name = res.get("name") if isinstance(res, dict) else None
    return repr(name[:40] if isinstance(name, str) else name)
