"""``povpkg serve``: the tables in Datasette, with metadata generated from datapackage.json.

The SQLite file is the ``povpkg export --format sqlite`` output (keys included, so
Datasette links foreign keys), built in a temporary folder, never inside the package,
plus what a reader needs in a browser: full-text search over the text columns of the
named things (events, projects, organizations, people, places, documents, countries,
sources), in English and in Chinese (``_cjk_search``), and an events.start_year column
to facet by.
Datasette is an optional extra (``pip install "povpkg[web]"``).
"""
from __future__ import annotations

import html
import json
import signal
import subprocess
import tempfile
from pathlib import Path

from ._export import quoted
from ._metadata import web_url
from ._package import descriptor
from ._trust import python_command
from .errors import PovpkgError

DB_NAME = "povpkg"
INSTALL_HINT = "povpkg serve needs Datasette: pip install 'povpkg[web]'"
SEARCHABLE = ("events", "projects", "organizations", "people", "places", "documents", "countries", "sources")
FACETS = {"events": ["kind", "start_year", "country_iso3"], "event_countries": ["iso3", "role"],
          "event_organizations": ["role"], "amounts": ["currency", "kind"],
          "projects": ["kind"], "organizations": ["type"], "countries": ["region"]}
SORT_DESC = {"events": "start_date"}  # newest first; undated activities last
START_YEAR = {"name": "start_year", "type": "integer", "unit": "year",
              "description": "Year of start_date (added for the web view, to facet by; not a column of the CSV)."}
COUNTRIES_TEXT = "names of the countries event_countries links to the activity, as listed and as stated"


def require_datasette() -> None:
    """Fail with the install command when the optional extra is missing."""
    import importlib.util

    if importlib.util.find_spec("datasette") is None:
        raise PovpkgError(INSTALL_HINT)


def text_fields(res: dict) -> list[str]:
    """Free-text columns: strings that are neither enumerations nor identifiers or codes (a
    pattern that admits no Chinese character); a name in characters (``name_zh``) is text."""
    return [f["name"] for f in res.get("schema", {}).get("fields", [])
            if f.get("type", "string") == "string" and "enum" not in f.get("constraints", {})
            and not f.get("categories") and _free_text(f.get("constraints", {}).get("pattern"))]


def _free_text(pattern) -> bool:
    """No pattern, or one a Chinese character can match (a name in characters, not a code)."""
    import re

    if pattern is None:
        return True
    try:
        return re.fullmatch(str(pattern), "中") is not None
    except re.error:
        return False


def build_database(folder: Path, path=None) -> Path:
    """Export the package to ``folder/povpkg.db`` and add search tables and start_year."""
    import sqlite3

    from ._cjk_search import spaced
    from ._export import export

    desc = descriptor(path)
    db = export("sqlite", Path(folder) / f"{DB_NAME}.db", path)
    con = sqlite3.connect(db)
    con.create_function("povpkg_spaced", 1, spaced, deterministic=True)
    try:
        con.execute("ALTER TABLE events ADD COLUMN start_year INTEGER "
                    "GENERATED ALWAYS AS (CAST(substr(start_date, 1, 4) AS INTEGER)) VIRTUAL")
        for res in desc["resources"]:
            if res["name"] in SEARCHABLE:
                _add_search(con, res)
        con.commit()
    finally:
        con.close()
    return db


def _add_search(con, res: dict) -> None:
    """An FTS5 table ``NAME_fts`` whose rowids are the table's, over its text columns
    (events also over the names of their countries, so a search for Laos finds them),
    each Chinese character a token of its own (``_cjk_search``)."""
    name, cols = res["name"], text_fields(res)
    select = [f"t.{quoted(c)}" for c in cols]
    fts_cols = list(cols)
    if name == "events":
        fts_cols.append("countries")
        select.append("(SELECT group_concat(c.name || ' ' || ec.name_as_stated, ' ') FROM event_countries ec "
                      "JOIN countries c ON c.iso3 = ec.iso3 WHERE ec.event_id = t.event_id)")
    con.execute(f"CREATE VIRTUAL TABLE {quoted(name + '_fts')} USING fts5({', '.join(map(quoted, fts_cols))})")
    con.execute(f"INSERT INTO {quoted(name + '_fts')} (rowid, {', '.join(map(quoted, fts_cols))}) "
                f"SELECT t.rowid, {', '.join(f'povpkg_spaced({s})' for s in select)} FROM {quoted(name)} t")


def column_text(field: dict) -> str:
    """A column's description as the codebook gives it, with its unit."""
    unit = f" Unit: {field['unit']}." if field.get("unit") else ""
    return f"{field.get('description', '')}{unit}"


PLUGINS = Path(__file__).parent / "_web"
LABELS = {"pairings": "pairing_id", "documents": "title_as_stated", "products": "product_as_stated"}


def _display(res: dict, fields: list[dict], labels: dict) -> dict:
    """How the web view shows a table's cells (see ``_web/povpkg_view.py``): booleans,
    numbers, and each single-field foreign key as (table, key, label column)."""
    links = {}
    for fk in res.get("schema", {}).get("foreignKeys", []):
        other = fk["reference"].get("resource") or res["name"]
        if len(fk["fields"]) == 1 and other in labels:
            links[fk["fields"][0]] = [other, fk["reference"]["fields"][0], labels[other]]
    return {"booleans": [f["name"] for f in fields if f.get("type") == "boolean"],
            "numbers": [f["name"] for f in fields if f.get("type") == "number"], "links": links}


def label_columns(desc: dict) -> dict:
    """Each table's label column: its name or title, else the one LABELS names."""
    out = {}
    for res in desc["resources"]:
        names = [f["name"] for f in res.get("schema", {}).get("fields", [])]
        found = [n for n in ("name", "title") if n in names]
        if found or res["name"] in LABELS:
            out[res["name"]] = found[0] if found else LABELS[res["name"]]
    return out


def metadata(desc: dict, n_sources: int | None = None) -> dict:
    """Datasette metadata (0.65 format) from the descriptor: site, database, tables, columns.

    ``n_sources``: rows of the sources table (the documents the figures cite), for the
    site's source line; the descriptor's own ``sources`` list only the kinds of document.
    Only http(s) addresses become links (``web_url``): a copy's ``javascript:`` homepage,
    licence path or source URL is left out, never rendered as a link.
    """
    lic = (desc.get("licenses") or [{}])[0]
    version = desc.get("version")
    sources = desc.get("sources") or []
    listing = "".join(
        f'<li><a href="{html.escape(s["path"])}">{html.escape(str(s.get("title", "")))}</a></li>'
        if web_url(s.get("path")) else f"<li>{html.escape(str(s.get('title', '')))}</li>" for s in sources)
    tables, labels = {}, label_columns(desc)
    for res in desc["resources"]:
        fields = list(res.get("schema", {}).get("fields", []))
        if res["name"] == "events":
            fields.append(START_YEAR)
        meta = {"title": res.get("title", res["name"]), "description": res.get("description", ""),
                "columns": {f["name"]: column_text(f) for f in fields},
                "plugins": {"povpkg": _display(res, fields, labels)}}
        if res["name"] in labels:
            meta["label_column"] = labels[res["name"]]
        if res["name"] in FACETS:
            meta["facets"] = FACETS[res["name"]]
        if res["name"] in SORT_DESC:
            meta["sort_desc"] = SORT_DESC[res["name"]]
        if res["name"] in SEARCHABLE:
            meta.update(fts_table=f"{res['name']}_fts", fts_pk="rowid")
        tables[res["name"]] = meta
    tables.update({f"{n}_fts": {"hidden": True} for n in SEARCHABLE})
    return {
        "title": f"{desc.get('title', desc.get('name'))} (version {version})",
        "description": desc.get("description", ""),
        "version": version,
        "license": lic.get("name", ""),
        **({"license_url": lic["path"]} if web_url(lic.get("path")) else {}),
        "source": f"{len(sources) if n_sources is None else n_sources} source documents (the sources table)",
        "source_url": f"/{DB_NAME}/sources",
        **({"about": f"povpkg {version}", "about_url": desc["homepage"]} if web_url(desc.get("homepage")) else {}),
        "databases": {DB_NAME: {
            "description_html": f"<p>{html.escape(desc.get('description', ''))}</p>"
                                f"<p>Source documents:</p><ul>{listing}</ul>",
            "tables": tables}},
    }


def serve(port: int = 8001, host: str = "127.0.0.1", path=None) -> int:
    """Build the database and metadata in a temporary folder and run Datasette until stopped."""
    require_datasette()
    with tempfile.TemporaryDirectory(prefix="povpkg-serve-") as tmp:
        db = build_database(Path(tmp), path)
        meta = Path(tmp) / "metadata.json"
        meta.write_text(json.dumps(metadata(descriptor(path), _rows(db, "sources")), ensure_ascii=False, indent=2),
                        encoding="utf-8")
        cmd = python_command("-m", "datasette", "serve", "--immutable", str(db), "--metadata", str(meta),
                             "--plugins-dir", str(PLUGINS), "--host", host, "--port", str(port),
                             "--setting", "default_page_size", "50", "--setting", "default_facet_size", "6")
        print(f"povpkg serve: http://{host}:{port}/{DB_NAME} (Ctrl-C to stop)", flush=True)
        signal.signal(signal.SIGTERM, _interrupt)  # so that a stop also removes the temporary folder
        try:
            return subprocess.call(cmd, cwd=tmp)  # -P, in the temporary folder: nothing from the data's folder
        except KeyboardInterrupt:
            return 0


def _rows(db: Path, table: str) -> int:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return con.execute(f"SELECT count(*) FROM {quoted(table)}").fetchone()[0]
    finally:
        con.close()


def _interrupt(signum, frame):
    raise KeyboardInterrupt
