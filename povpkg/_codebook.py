"""The codebook: a Markdown page generated from datapackage.json (and row counts).

Regenerate with ``povpkg codebook > docs/codebook.md``; a test fails when the
committed page differs from what this produces.
"""
from __future__ import annotations

from ._package import descriptor, descriptor_path, key_fields, resource_file, schema_of
from ._safety import shown


def _rows(path) -> int:
    """Data rows of a CSV (records, not lines: quoted cells may hold newlines)."""
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        return max(sum(1 for _ in csv.reader(fh)) - 1, 0)


def names(keys) -> str:
    """A key's field names, comma-separated (a Table Schema may give one name as a string)."""
    return ", ".join([keys] if isinstance(keys, str) else keys)


def _cell(text) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def constraints_text(field: dict) -> str:
    c = field.get("constraints", {})
    out = []
    if c.get("required"):
        out.append("required")
    if c.get("unique"):
        out.append("unique")
    if "enum" in c:
        out.append("one of: " + ", ".join(f"`{v}`" for v in c["enum"]))
    if "minimum" in c:
        out.append(f"≥ {c['minimum']}")
    if "maximum" in c:
        out.append(f"≤ {c['maximum']}")
    if "pattern" in c:
        out.append(f"pattern `{c['pattern']}`")
    return "; ".join(out)


def mermaid(desc: dict) -> str:
    """An entity-relationship diagram of the tables and their keys."""
    lines = ["```mermaid", "erDiagram"]
    for res in desc["resources"]:
        schema = res.get("schema", {})
        pk = set(schema.get("primaryKey", []))
        fks = {f for fk in schema.get("foreignKeys", []) for f in fk["fields"]}
        keys = [f for f in schema.get("fields", []) if f["name"] in pk | fks]
        lines.append(f"    {res['name']} {{")
        for f in keys:
            marks = ",".join(m for m, on in (("PK", f["name"] in pk), ("FK", f["name"] in fks)) if on)
            lines.append(f"        {f.get('type', 'string')} {f['name']} {marks}")
        lines.append("    }")
    for res in desc["resources"]:
        for fk in res.get("schema", {}).get("foreignKeys", []):
            target = fk["reference"].get("resource") or res["name"]
            lines.append(f"    {target} ||--o{{ {res['name']} : \"{', '.join(fk['fields'])}\"")
    lines.append("```")
    return "\n".join(lines)


def codebook(path=None) -> str:
    desc = descriptor(path)
    for res in desc["resources"]:
        schema_of(res)  # PackageError for a schema not shaped as a Table Schema, before any is read
    root = descriptor_path(path).resolve().parent
    out = [
        f"# Codebook: {desc.get('title', desc.get('name'))}",
        "",
        f"Version {desc.get('version')}. Generated from `datapackage.json` by `povpkg codebook`; do not edit by hand.",
        "",
        desc.get("description", ""),
        "",
        "## Tables and keys",
        "",
        mermaid(desc),
        "",
        "| table | rows | title |",
        "|---|---:|---|",
    ]
    counts = {r["name"]: _rows(resource_file(root, r)) for r in desc["resources"]}
    for res in desc["resources"]:
        out.append(f"| [`{res['name']}`](#{res['name']}) | {counts[res['name']]} | {_cell(res.get('title'))} |")
    for res in desc["resources"]:
        schema = schema_of(res)
        out += ["", f"## {res['name']}", "", f"**{res.get('title', '')}** — {counts[res['name']]} rows, file `{res['path']}`.",
                "", res.get("description", ""), "",
                f"- Primary key: {', '.join(f'`{k}`' for k in key_fields(schema.get('primaryKey'))) or '—'}"]
        for fk in schema.get("foreignKeys", []):
            ref = fk["reference"]
            out.append(f"- Foreign key: `{names(fk['fields'])}` → `{ref.get('resource') or res['name']}.{names(ref['fields'])}`")
        out += ["", "| field | type | unit | constraints | description | example |", "|---|---|---|---|---|---|"]
        for f in schema.get("fields", []):
            out.append("| " + " | ".join([
                f"`{f['name']}`", f.get("type", "string"), _cell(f.get("unit")), _cell(constraints_text(f)),
                _cell(f"**{f.get('title', '')}.** {f.get('description', '')}"), _cell(f.get("example")),
            ]) + " |")
    if {"amounts", "pairings"} <= set(counts):
        out += derived_views()
    return "\n".join(shown(line) for line in "\n".join(out).split("\n")) + "\n"  # no escape code reaches a terminal


def derived_views() -> list[str]:
    """The codebook's closing section: the two East-West panels computed from the tables
    (their columns from the modules that build them; each column's meaning in docs/panel.md)."""
    from . import _national, _panel

    views = [("povpkg.pairing_panel()", "povpkg panel", _panel.COLUMNS, "docs/figures/pairs_by_year.png",
              "East-West pairing aid by pair, year and kind of aid, in yuan: each cell sums the one-year amounts "
              "recommended for aggregates; the totals sources state for a pair or for all pairs stand beside it, "
              "never added in."),
             ("povpkg.national_series()", "povpkg panel --national", _national.COLUMNS,
              "docs/figures/national_series.png",
              "The national East-West figures, 1996-2023, one row per measure, span and value, each for the span "
              "its sources state (one year, part of a year, a Five-Year Plan, a cumulative span); nothing summed, "
              "and a clone or a repost naming no original never counts as an independent source.")]
    out = ["", "## Derived views (computed from the tables, not stored)", "",
           "Each column's meaning: docs/panel.md.", "",
           "| view | command | what it is | columns | figure |", "|---|---|---|---|---|"]
    for call, command, columns, figure, what in views:
        out.append(f"| `{call}` | `{command}` | {what} | {names(columns)} | `{figure}` |")
    return out
