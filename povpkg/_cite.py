"""Citations built from the descriptor, so they always name the exact version."""
from __future__ import annotations

import json

from ._package import descriptor
from .errors import PovpkgError

FORMATS = ("text", "bibtex", "cff")


def _facts(desc: dict) -> dict:
    authors = [c.get("title") for c in desc.get("contributors", []) if c.get("role", "author") == "author"]
    version = desc["version"]
    return {
        "authors": authors or ["povpkg contributors"],
        "title": desc.get("title", desc.get("name")),
        "version": version,
        "year": str(desc.get("created", ""))[:4],
        "date": str(desc.get("created", ""))[:10],
        "url": desc.get("homepage", ""),
        "name": desc.get("name"),
        "license": (desc.get("licenses") or [{}])[0].get("name", ""),
        "keywords": desc.get("keywords", []),
        "abstract": desc.get("description", ""),
    }


def _identifier(f: dict) -> str:
    """The exact release, as pip names it (no DOI has been minted yet)."""
    return f"{f['name']}=={f['version']}"


def _text(f: dict) -> str:
    who = ", ".join(f["authors"])
    return (f"{who} ({f['year']}). {f['title']} (Version {f['version']}) [Data set]. "
            f"Python package {_identifier(f)}. {f['url']}").rstrip()


def _bibtex(f: dict) -> str:
    key = f"{f['name']}_{f['version'].replace('.', '_')}"
    author = " and ".join("{" + a + "}" for a in f["authors"])
    lines = [
        f"@misc{{{key},",
        f"  author = {{{author}}},",
        f"  title = {{{{{f['title']}}}}},",
        f"  year = {{{f['year']}}},",
        f"  version = {{{f['version']}}},",
        f"  howpublished = {{Data set, Python package {_identifier(f)}}},",
        f"  url = {{{f['url']}}},",
        "}",
    ]
    return "\n".join(lines)


def _cff(f: dict) -> str:
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
        *[f"  - name: {q(a)}" for a in f["authors"]],
        "identifiers:",
        "  - type: other",
        f"    value: {q(_identifier(f))}",
        f"    description: {q('The exact release, as installed with pip')}",
        f"license: {q(f['license'])}",
        f"url: {q(f['url'])}",
        f"abstract: {q(f['abstract'])}",
        "keywords:",
        *[f"  - {q(k)}" for k in f["keywords"]],
    ]
    return "\n".join(lines)


def zenodo(path=None) -> dict:
    """Metadata for Zenodo's deposit (.zenodo.json is ``json.dumps(zenodo(), indent=2)``)."""
    f = _facts(descriptor(path))
    return {
        "upload_type": "dataset",
        "title": f["title"],
        "version": f["version"],
        "description": f["abstract"],
        "creators": [{"name": a} for a in f["authors"]],
        "license": f["license"].lower(),
        "keywords": f["keywords"],
        "publication_date": f["date"],
    }


def cite(format: str = "text", path=None) -> str:
    """How to cite the package (or the package at ``path``) in ``format``."""
    render = {"text": _text, "bibtex": _bibtex, "cff": _cff}.get(format)
    if render is None:
        raise PovpkgError(f"unknown citation format {format!r}; choose one of: {', '.join(FORMATS)}")
    return render(_facts(descriptor(path)))
