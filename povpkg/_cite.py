"""Citations built from the descriptor, so they always name the exact version.

datapackage.json is the one source of citation metadata: CITATION.cff and
.zenodo.json are generated from it (and tested to be current). The source
documents are cited from the ``sources`` table, because a researcher using a
figure must cite the document it comes from too.

Every value is data a copy may have edited: it is made one line with no control
character (``_plain``) before any format sees it, and each format then quotes it
its own way (BibTeX: braces, backslashes, ``@`` and TeX's specials escaped, keys
reduced to letters, digits and ``_:-``; CFF: JSON strings), so no value can close
an entry and add fields of its own.
"""
from __future__ import annotations

import json
import re

from ._metadata import web_url
from ._package import descriptor, descriptor_path, find_resource, resource_file
from ._safety import shown
from .errors import PovpkgError

FORMATS = ("text", "bibtex", "cff", "ris", "csl-json")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def _plain(value) -> str:
    """A metadata value as one line of text with nothing a reader would act on."""
    return shown(" ".join(str(value).split())) if value is not None else ""


_DOI = re.compile(r"(?:https://doi\.org/|doi:)?(10\.\d{4,9}/[^\s\"<>{}\\]+)", re.IGNORECASE)
_ORCID = re.compile(r"https://orcid\.org/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])")


def doi_of(desc: dict) -> str:
    """The DOI in the descriptor's ``id`` (``10.5281/zenodo.123`` or its https://doi.org/ address), else ''."""
    m = _DOI.fullmatch(str(desc.get("id", "")).strip())
    return m.group(1) if m else ""


def _facts(desc: dict) -> dict:
    from ._metadata import _roles

    contributors = [c for c in desc.get("contributors", []) if isinstance(c, dict)]
    people = [c for c in contributors if "author" in _roles(c)]
    authors = [_plain(c.get("title")) for c in people]
    orcid = {_plain(c.get("title")): m.group(1) for c in people if (m := _ORCID.fullmatch(str(c.get("path", ""))))}
    licenses = desc.get("licenses") if isinstance(desc.get("licenses"), list) else []
    keywords = desc.get("keywords") if isinstance(desc.get("keywords"), list) else []
    return {
        "authors": authors or ["povpkg contributors"],
        "orcid": orcid,  # author -> ORCID iD, where the contributor's path is their orcid.org page
        "doi": doi_of(desc),
        "title": _plain(desc.get("title", desc.get("name"))),
        "version": _plain(desc.get("version")),
        "year": _plain(desc.get("created", ""))[:4],
        "date": _plain(desc.get("created", ""))[:10],
        "url": _plain(desc.get("homepage", "")),
        "name": _plain(desc.get("name")),
        "license": _plain(licenses[0].get("name", "")) if licenses and isinstance(licenses[0], dict) else "",
        "keywords": [_plain(k) for k in keywords],
        "abstract": _plain(desc.get("description", "")),
    }


def _identifier(f: dict) -> str:
    """The exact release, as pip names it (beside the DOI, once one is minted and put in ``id``)."""
    return f"{f['name']}=={f['version']}"


def source_rows(path=None, ids=None) -> list[dict]:
    """Rows of the ``sources`` table (all, or those whose source_id is in ``ids``), read without pandas."""
    import csv  # only the references of the sources read a table

    dp = descriptor_path(path).resolve()
    res = find_resource(descriptor(dp), "sources")
    with resource_file(dp.parent, res).open(encoding="utf-8", newline="") as fh:
        rows = [{k: _plain(v) for k, v in r.items() if isinstance(k, str)} for r in csv.DictReader(fh)]
    return [r for r in rows if ids is None or r.get("source_id") in ids]


_DATE = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2])(?:-(\d{2}))?)?")


def _date(src: dict) -> tuple[str, int | None, int | None]:
    """A source's ``published`` as (year, month, day); what is not a date is left out."""
    m = _DATE.match(src.get("published", ""))
    if not m:
        return "", None, None
    return m.group(1), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None


def _when(src: dict) -> str:
    """The publication date to its stated precision: ``2013``, ``2020, November``, ``2020, December 29``."""
    precision = src.get("published_precision", "day")
    year, month, day = _date(src)
    if not day:
        return year or "n.d."
    month = _MONTHS[month - 1]
    return year if precision == "year" else f"{year}, {month}" if precision == "month" else f"{year}, {month} {day}"


# --- text -----------------------------------------------------------------------

def _text(f: dict) -> str:
    who = ", ".join(f["authors"])
    doi = f" https://doi.org/{f['doi']}" if f["doi"] else ""
    return (f"{who} ({f['year']}). {f['title']} (Version {f['version']}) [Data set]. "
            f"Python package {_identifier(f)}.{doi} {f['url'] if web_url(f['url']) else ''}").rstrip()


def _source_text(src: dict) -> str:
    within = f" In {src['container']}." if src.get("container") and src["container"] != src.get("publisher") else ""
    return f"{src.get('publisher', '')} ({_when(src)}). {src.get('title', '')}.{within} {src.get('url', '')}".rstrip()


def _text_all(f: dict, sources: list[dict]) -> str:
    if not sources:
        return _text(f)
    refs = "\n".join(f"- {_source_text(s)}" for s in sources)
    return f"{_text(f)}\n\nSource documents:\n{refs}"


# --- BibTeX ---------------------------------------------------------------------

# TeX's special characters as text; braces become commands, so every field's braces balance
_TEX = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "@": r"\char64{}",
        "%": r"\%", "&": r"\&", "#": r"\#", "$": r"\$", "_": r"\_", "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}"}
_TEX_RE = re.compile("|".join(map(re.escape, _TEX)))


def _bib(text: str) -> str:
    """Text as a BibTeX field holds it: nothing in it can close the field or the entry."""
    return _TEX_RE.sub(lambda m: _TEX[m.group()], text)


def _bib_url(url: str) -> str:
    """An http(s) address with braces, backslashes and ``@`` percent-encoded; anything else is left out."""
    if not web_url(url):
        return ""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace("@", "%40")


def _bib_key(*parts: str) -> str:
    """An entry key of letters, digits and ``_:-`` only."""
    return re.sub(r"[^A-Za-z0-9_:-]", "_", "_".join(parts)) or "povpkg"


def _bib_entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    """``fields``: (name, value already escaped by ``_bib`` or ``_bib_url``)."""
    body = [f"  {name} = {{{value}}}," for name, value in fields if value]
    return "\n".join([f"@{kind}{{{key},", *body, "}"])


def _bibtex(f: dict) -> str:
    key = _bib_key(f["name"], f["version"].replace(".", "_"))
    author = " and ".join("{" + _bib(a) + "}" for a in f["authors"])
    return _bib_entry("misc", key, [
        ("author", author), ("title", "{" + _bib(f["title"]) + "}"), ("year", _bib(f["year"])),
        ("version", _bib(f["version"])), ("howpublished", _bib(f"Data set, Python package {_identifier(f)}")),
        ("doi", _bib(f["doi"])), ("url", _bib_url(f["url"])),
    ])


def _source_bibtex(src: dict) -> str:
    year, month, _ = _date(src)
    month = _MONTHS[month - 1][:3].lower() if month and src.get("published_precision", "day") in ("month", "day") else ""
    container = src.get("container") if src.get("container") != src.get("publisher") else ""
    book = bool(container) and "Yearbook" in container
    return _bib_entry("incollection" if book else "misc", _bib_key(src.get("source_id", "").replace("-", "_")), [
        ("author", "{" + _bib(src.get("publisher", "")) + "}"), ("title", "{" + _bib(src.get("title", "")) + "}"),
        ("booktitle" if book else "howpublished", _bib(container or "")),
        ("publisher", _bib(src.get("publisher", ""))), ("year", year), ("month", month),
        ("url", _bib_url(src.get("url", ""))),
    ])


def _bibtex_all(f: dict, sources: list[dict]) -> str:
    return "\n\n".join([_bibtex(f), *(_source_bibtex(s) for s in sources)])


# --- CFF ------------------------------------------------------------------------

def _cff(f: dict, sources: list[dict] = ()) -> str:
    q = json.dumps  # a JSON string is a valid YAML double-quoted scalar
    lines = [
        "# Generated from datapackage.json by `povpkg cite --format cff`; do not edit by hand.",
        "cff-version: 1.2.0",
        f"message: {q('If you use this dataset, please cite it as below, with the version you used.')}",
        "type: dataset",
        f"title: {q(f['title'])}",
        f"version: {q(f['version'])}",
        f"date-released: {q(f['date'])}",
        "authors:",
        *[line for a in f["authors"] for line in
          [f"  - name: {q(a)}", *([f"    orcid: {q('https://orcid.org/' + f['orcid'][a])}"] if a in f["orcid"] else [])]],
        *([f"doi: {q(f['doi'])}"] if f["doi"] else []),
        "identifiers:",
        "  - type: other",
        f"    value: {q(_identifier(f))}",
        f"    description: {q('The exact release, as installed with pip')}",
        f"license: {q(f['license'])}",
        *([f"url: {q(f['url'])}"] if web_url(f["url"]) else []),
        f"abstract: {q(f['abstract'])}",
        "keywords:",
        *[f"  - {q(k)}" for k in f["keywords"]],
    ]
    if sources:
        lines.append("references:")
        for s in sources:
            lines += _cff_reference(s)
    return "\n".join(lines)


def _cff_reference(src: dict) -> list[str]:
    q = json.dumps
    precision = src.get("published_precision", "day")
    year, month, day = _date(src)
    lines = ["  - type: generic", f"    title: {q(src.get('title', ''))}", "    authors:",
             f"      - name: {q(src.get('publisher', ''))}", "    publisher:", f"      name: {q(src.get('publisher', ''))}"]
    if src.get("container") and src["container"] != src.get("publisher"):
        lines.append(f"    collection-title: {q(src['container'])}")
    if year:
        lines.append(f"    year: {int(year)}")
    if precision in ("month", "day") and month:
        lines.append(f"    month: {month}")
    if precision == "day" and day:
        lines.append(f"    date-published: {q(src['published'][:10])}")
    if src.get("url"):
        lines.append(f"    url: {q(src['url'])}")
    return lines


# --- RIS ------------------------------------------------------------------------

def _ris_line(tag: str, value) -> str:
    """One ``TAG  - value`` line; a value never spans lines (a line break would start a forged tag)."""
    return f"{tag}  - {' '.join(str(value).split())}"


def _ris(f: dict) -> list[str]:
    lines = [_ris_line("TY", "DATA"), _ris_line("TI", f["title"])]
    lines += [_ris_line("AU", a) for a in f["authors"]]
    lines += [_ris_line("PY", f["year"]), _ris_line("DA", f["date"].replace("-", "/")),
              _ris_line("ET", f["version"]), _ris_line("PB", "Python package " + _identifier(f))]
    lines += [_ris_line("DO", f["doi"])] if f["doi"] else []
    lines += [_ris_line("UR", f["url"])] if web_url(f["url"]) else []
    lines += [_ris_line("KW", k) for k in f["keywords"]]
    return [*lines, _ris_line("AB", f["abstract"]), "ER  - "]


def _source_ris(src: dict) -> list[str]:
    date = src.get("published", "")
    container = src.get("container") if src.get("container") != src.get("publisher") else ""
    lines = [_ris_line("TY", "CHAP" if container else "ELEC"), _ris_line("TI", src["title"]),
             _ris_line("AU", src["publisher"]), _ris_line("PB", src["publisher"])]
    lines += [_ris_line("T2", container)] if container else []
    lines += [_ris_line("PY", date[:4])] if len(date) >= 4 else []
    lines += [_ris_line("UR", src["url"])] if src.get("url") else []
    return [*lines, "ER  - "]


def _ris_all(f: dict, sources: list[dict]) -> str:
    return "\n".join(_ris(f) + [line for s in sources for line in ["", *_source_ris(s)]])


# --- CSL-JSON ---------------------------------------------------------------------

def _csl_date(date: str, precision: str = "day") -> dict:
    parts = [int(date[:4])] if len(date) >= 4 else []
    if precision in ("month", "day") and len(date) >= 7:
        parts.append(int(date[5:7]))
    if precision == "day" and len(date) >= 10:
        parts.append(int(date[8:10]))
    return {"date-parts": [parts]}


def _csl_all(f: dict, sources: list[dict]) -> str:
    items = [{"id": f"{f['name']}-{f['version']}", "type": "dataset", "title": f["title"],
              "author": [{"literal": a} for a in f["authors"]], "version": f["version"],
              "issued": _csl_date(f["date"]), "publisher": "Python package " + _identifier(f),
              "abstract": f["abstract"], **({"DOI": f["doi"]} if f["doi"] else {}),
              **({"URL": f["url"]} if web_url(f["url"]) else {})}]
    for s in sources:
        container = s.get("container") if s.get("container") != s.get("publisher") else ""
        items.append({"id": s["source_id"], "type": "chapter" if container else "webpage", "title": s["title"],
                      "author": [{"literal": s["publisher"]}], "publisher": s["publisher"],
                      **({"container-title": container} if container else {}),
                      **({"issued": _csl_date(s["published"], s.get("published_precision", "day"))}
                         if s.get("published") else {}),
                      **({"URL": s["url"]} if s.get("url") else {})})
    return json.dumps(items, indent=2, ensure_ascii=False)


def zenodo(path=None) -> dict:
    """Metadata for Zenodo's deposit (.zenodo.json is ``json.dumps(zenodo(), indent=2)``)."""
    f = _facts(descriptor(path))
    return {
        "upload_type": "dataset",
        "title": f["title"],
        "version": f["version"],
        "description": f["abstract"],
        "creators": [{"name": a, **({"orcid": f["orcid"][a]} if a in f["orcid"] else {})} for a in f["authors"]],
        "license": f["license"].lower(),
        "keywords": f["keywords"],
        "publication_date": f["date"],
    }


def _source_ids(rows) -> set[str]:
    """The source_id values of a pandas or polars frame (also of joined copies: source_id_<table>)."""
    if not hasattr(rows, "columns"):
        raise PovpkgError("rows= needs a pandas or polars frame with a source_id column, "
                          f"not {type(rows).__name__}")
    cols = [c for c in rows.columns if c == "source_id" or str(c).startswith("source_id_")]
    if not cols:
        raise PovpkgError("rows= needs a frame with a source_id column (a loaded or joined fact table)")
    if hasattr(rows, "to_pandas") and not hasattr(rows, "attrs"):  # a polars frame
        return {str(v) for c in cols for v in rows[c].drop_nulls().unique().to_list()}
    return {str(v) for c in cols for v in rows[c].dropna().unique()}


def cite(format: str = "text", path=None, *, sources: bool = False, rows=None) -> str:
    """How to cite the package (or the package at ``path``) in ``format``; with ``sources``
    every source document too, with ``rows`` the source documents behind those rows."""
    render = {"text": _text_all, "bibtex": _bibtex_all, "cff": _cff, "ris": _ris_all, "csl-json": _csl_all}.get(format)
    if render is None:
        raise PovpkgError(f"unknown citation format {format!r}; choose one of: {', '.join(FORMATS)}")
    refs = []
    if rows is not None:
        refs = source_rows(path, _source_ids(rows))
    elif sources:
        refs = source_rows(path)
    facts = _facts(descriptor(path))
    if not facts["version"]:
        raise PovpkgError("the descriptor has no version; a citation names the exact version")
    return render(facts, refs)
