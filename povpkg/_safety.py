"""What of a descriptor frictionless may see, and how data-derived text may be shown.

Frictionless dereferences strings in several places: a resource's ``path``, a
``schema`` or ``dialect`` given as a path or URL, a package's or a resource's
``profile`` or ``$schema``. The validator never hands it the descriptor under
test: ``descriptor_problems`` refuses every such property, and
``frictionless_copy`` builds an in-memory descriptor from the checked parts only
(standard library only, so it is cheap to import).

Text from the data (a name, a title, a cell, a path) is shown only through
``shown``: a terminal, a log or a workflow must never receive an escape sequence,
a bidi override or a line break the data chose. A file povpkg writes (export,
update-hashes) is written by ``write_beside``: a temporary file renamed over its
destination, so a symlink there is replaced, never followed.
"""
from __future__ import annotations

import re

STANDARD_PROFILES = {"data-package", "tabular-data-package", "data-resource", "tabular-data-resource",
                     # Data Package v2's profiles, by their canonical address (named, never fetched)
                     "https://datapackage.org/profiles/2.0/datapackage.json",
                     "https://datapackage.org/profiles/2.0/dataresource.json",
                     "https://datapackage.org/profiles/2.0/tableschema.json"}
# package metadata frictionless checks but never opens
PACKAGE_KEYS = ("name", "id", "title", "description", "version", "homepage", "keywords", "licenses",
                "contributors", "created", "sources")
RESOURCE_KEYS = ("name", "title", "description", "path", "mediatype", "hash", "bytes", "licenses", "sources")
SCHEMA_KEYS = ("fields", "primaryKey", "missingValues", "uniqueKeys")
# what povpkg's typed reader assumes; a dialect saying otherwise is refused
CSV_DIALECT = {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True, "headerRows": [1],
               "skipInitialSpace": False, "lineTerminator": None, "commentChar": None, "csvddfVersion": None}
SAFE_VALUES = {"type": ("table",), "scheme": ("file",), "format": ("csv",), "encoding": ("utf-8", "utf8"),
               "mediatype": ("text/csv",)}


def descriptor_problems(desc: dict) -> list[tuple[str | None, str, str]]:
    """Every property frictionless would dereference or the typed reader would ignore.

    Returns ``(table or None, rule, message)``; rule is ``safe-descriptor`` for what
    would be fetched or opened, ``csv-dialect`` for a CSV povpkg does not read.
    """
    from ._metadata import metadata_problems

    out = [(None, "safe-descriptor", m) for m in _profile_problems("the package", desc)]
    out += metadata_problems(desc)
    if not isinstance(desc.get("version", ""), str):
        out.append((None, "descriptor", f"version {desc['version']!r} is not a string such as \"0.3.0\""))
    for res in desc["resources"]:
        name = res["name"]
        msgs = _profile_problems(f"resource {name!r}", res)
        schema = res.get("schema")
        if schema is None:
            msgs.append(f"resource {name!r} has no schema")
        elif not isinstance(schema, dict):
            msgs.append(f"resource {name!r}: schema {_short(schema)} is not an inline object "
                        "(povpkg never opens a schema by path or URL)")
        elif _dollar_keys(schema):
            msgs.append(f"resource {name!r}: schema has reference properties ({', '.join(_dollar_keys(schema))})")
        if "data" in res:
            msgs.append(f"resource {name!r} has inline data; povpkg reads only CSV files inside the package")
        for key, allowed in SAFE_VALUES.items():
            v = res.get(key)
            if v is not None and (not isinstance(v, str) or v.lower() not in allowed):
                msgs.append(f"resource {name!r}: {key} {_short(v)} is not supported (only {allowed[0]!r})")
        out += [(name, "safe-descriptor", m) for m in msgs]
        dialect = _dialect_problem(name, res.get("dialect"))
        if dialect:
            out.append((name, *dialect))
    return out


def frictionless_copy(desc: dict, tables: list[str]) -> dict:
    """An in-memory descriptor of ``tables`` built from checked parts only.

    Foreign keys are left out: validation's own foreign-key rule checks them (and
    frictionless would blame one unreadable table on every table referring to it).
    """
    from ._package import json_copy

    out = {k: desc[k] for k in PACKAGE_KEYS if k in desc}
    out["resources"] = []
    for res in desc["resources"]:
        if res["name"] not in tables:
            continue
        copy = {k: res[k] for k in RESOURCE_KEYS if k in res}
        copy.update(type="table", scheme="file", format="csv", encoding="utf-8")
        copy["schema"] = {k: res["schema"][k] for k in SCHEMA_KEYS if k in res["schema"]}
        out["resources"].append(copy)
    # only the parts kept are copied: frictionless may normalize what it is handed; the cache must not change
    return json_copy(out)


def _profile_problems(what: str, obj: dict) -> list[str]:
    out = []
    for key in ("profile", "$schema"):
        v = obj.get(key)
        if v is not None and not (isinstance(v, str) and v in STANDARD_PROFILES):
            out.append(f"{what}: {key} {_short(v)} is not a standard profile name "
                       "(povpkg never fetches a profile)")
    return out


def _dialect_problem(name: str, dialect) -> tuple[str, str] | None:
    if dialect is None:
        return None
    if not isinstance(dialect, dict):
        return ("safe-descriptor", f"resource {name!r}: dialect {_short(dialect)} is not an inline object "
                                   "(povpkg never opens a dialect by path or URL)")
    flat = {**dialect, **(dialect.get("csv") if isinstance(dialect.get("csv"), dict) else {})}
    flat.pop("csv", None)
    odd = {k: v for k, v in flat.items() if k not in CSV_DIALECT or
           (CSV_DIALECT[k] is not None and v != CSV_DIALECT[k])}
    if odd:
        said = ", ".join(f"{k}={_short(v)}" for k, v in odd.items())
        return ("csv-dialect", f"resource {name!r} declares a CSV dialect ({said}); povpkg's tables are "
                               "comma-separated UTF-8 CSV with one header row")
    return None


def _dollar_keys(obj, depth=0) -> list[str]:
    """Keys starting with '$' anywhere inside ``obj`` (JSON references frictionless could follow)."""
    if depth > 50:
        return ["(nested too deeply)"]
    found = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(k, str) and k.startswith("$"):
                found.append(k)
            found += _dollar_keys(v, depth + 1)
    elif isinstance(obj, list):
        for v in obj:
            found += _dollar_keys(v, depth + 1)
    return found


def _short(v) -> str:
    text = repr(v)
    return text if len(text) <= 80 else text[:77] + "..."


# Unicode categories Cc, Cf, Cs, Zl and Zp (controls, invisible formatting, lone
# surrogates, line and paragraph separators), as of Unicode 14; test_no_injection
# checks the class against unicodedata.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]")
_UNSAFE_IN_JSON = re.compile("(?![\\t\\n\\r])" + _UNSAFE.pattern)  # the layout's white space stays
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    n = ord(ch)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


def shown(text) -> str:
    """``text`` safe to print: every control, invisible formatting or bidi character and
    every line break written as a visible escape (``\\x1b``, ``\\u202e``, ``\\n``).

    The one way data-derived text reaches a terminal, a log or a workflow command."""
    text = text if isinstance(text, str) else str(text)
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def shown_json(text: str) -> str:
    """JSON text with the same characters as ``\\uXXXX`` escapes: the same data to a
    JSON reader, nothing a terminal acts on (``json.dumps`` leaves C1, bidi and
    surrogates raw when ``ensure_ascii`` is off)."""
    def esc(m):
        n = ord(m.group())
        if n < 0x10000:
            return f"\\u{n:04x}"
        n -= 0x10000
        return f"\\u{0xd800 + (n >> 10):04x}\\u{0xdc00 + (n & 0x3ff):04x}"
    return _UNSAFE_IN_JSON.sub(esc, text)


def has_control(text: str) -> bool:
    """Whether ``text`` holds a character ``shown`` would escape (a NUL, a line break, ...)."""
    return bool(_UNSAFE.search(text))


# A table name that may become a file, sheet (31 characters at most) or SQL table name as is.
PLAIN_NAME = re.compile(r"[a-z][a-z0-9_]{0,30}")


def boolean_values(field: dict) -> tuple[set, set]:
    """A boolean field's ``trueValues`` and ``falseValues`` with the defaults povpkg adds.

    Raises PackageError for words that are not a list of strings, or a word that
    would be both true and false: a reader would pick one of them silently.
    """
    from .errors import PackageError

    out = []
    for key, default in (("trueValues", ("true", "True", "TRUE")), ("falseValues", ("false", "False", "FALSE"))):
        words = field.get(key, [])
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise PackageError(f"field {field.get('name')!r}: {key} {_short(words)} "
                               "is not a list of words")
        out.append(set(default) | set(words))
    both = out[0] & out[1]
    if both:
        raise PackageError(f"field {field.get('name')!r}: {', '.join(map(repr, sorted(both)))} "
                           "is both a true and a false value (trueValues and falseValues contradict)")
    return out[0], out[1]


def write_beside(dest, write, mode: int | None = None) -> None:
    """``write(tmp)`` to a temporary file beside ``dest``, then rename it over ``dest``.

    A symlink at ``dest`` is replaced, never followed; a reader sees the old file or the
    new one, never half of it; a failed write leaves nothing. The file gets ``mode``, or
    what a file created in place would have (mkstemp's is private)."""
    import os
    import tempfile
    from pathlib import Path

    dest = Path(dest)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=dest.suffix, dir=dest.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        if mode is None:
            umask = os.umask(0o022)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, dest)
    except BaseException:
        if os.path.lexists(tmp):
            os.unlink(tmp)
        raise
