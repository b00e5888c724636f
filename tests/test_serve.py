"""`povpkg serve`: Datasette over the SQLite export, metadata from datapackage.json.

The live tests start the real server on a free port and talk HTTP to it; the
screenshot test drives Debian's headless Chromium and skips when it is not installed.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import struct
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import povpkg
from conftest import ROOT
from povpkg._serve import build_database, column_text, metadata

pytest.importorskip("datasette", reason="povpkg[web] (Datasette) is not installed")

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def laos_events() -> set[str]:
    """Activities linked to Laos or naming it, computed from the tables (not from the server)."""
    ev, ec = povpkg.load("events"), povpkg.load("event_countries")
    text = ev[["title", "city", "theme", "participants_note", "notes"]].fillna("").agg(" ".join, axis=1)
    return set(ev.event_id[text.str.contains(r"\bLaos\b")]) | set(ec.event_id[ec.iso3 == "LAO"])


def test_metadata_comes_from_the_descriptor(desc):
    meta = metadata(desc)
    assert meta["version"] == desc["version"] and desc["version"] in meta["title"]
    assert (meta["license"], meta["license_url"]) == ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/")
    db = meta["databases"]["povpkg"]
    for src in desc["sources"]:
        if src.get("path"):
            assert f'href="{src["path"]}"' in db["description_html"]
    for res in desc["resources"]:
        table = db["tables"][res["name"]]
        assert (table["title"], table["description"]) == (res["title"], res["description"])
        for field in res["schema"]["fields"]:
            assert table["columns"][field["name"]].startswith(field["description"])
            if field.get("unit"):
                assert table["columns"][field["name"]].endswith(f"Unit: {field['unit']}.")
    assert db["tables"]["events"]["facets"][:2] == ["kind", "start_year"]
    assert db["tables"]["event_countries"]["facets"] == ["iso3", "role"]


def test_database_has_search_and_start_year(tmp_path):
    con = sqlite3.connect(build_database(tmp_path))
    hits = {r[0] for r in con.execute(
        "SELECT event_id FROM events WHERE rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH 'Laos')")}
    assert hits == laos_events() and len(hits) >= 5
    assert con.execute("SELECT count(*) FROM organizations_fts WHERE organizations_fts MATCH 'UNICEF'").fetchone()[0]
    assert con.execute("SELECT count(*) FROM projects_fts WHERE projects_fts MATCH 'Laos'").fetchone()[0]
    years = dict(con.execute("SELECT event_id, start_year FROM events"))
    assert years["ev-2012-06-12-rio20-delegation"] == 2012
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []


def test_missing_datasette_says_how_to_install():
    code = ("import sys; sys.modules['datasette'] = None; from povpkg.cli import main; "
            "sys.exit(main(['serve', '--port', '1']))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.strip() == "povpkg: error: povpkg serve needs Datasette: pip install 'povpkg[web]'"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 30) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        return resp.read().decode("utf-8")


@pytest.fixture(scope="module")
def server():
    """`povpkg serve` on a free port, started as a user would start it; stopped afterwards."""
    before = sorted(p.relative_to(ROOT) for p in ROOT.rglob("*.db"))
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "povpkg", "serve", "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                _get(base + "/-/versions.json", timeout=5)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("povpkg serve did not answer: " + (proc.stdout.read() if proc.poll() else ""))
                time.sleep(0.5)
        assert sorted(p.relative_to(ROOT) for p in ROOT.rglob("*.db")) == before, "serve wrote into the checkout"
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_served_metadata_has_version_and_licence(server):
    meta = json.loads(_get(server + "/-/metadata.json"))
    assert meta["version"] == povpkg.__version__
    assert meta["license"] == "CC-BY-4.0" and meta["license_url"].startswith("https://creativecommons.org/")


def test_events_page_shows_title_rows_licence_and_column_text(server):
    page = _get(server + "/povpkg/events")
    res = povpkg.describe("events")
    assert f"<h1>{res['title']}" in page or res["title"] in page
    assert f"{len(povpkg.load('events'))} rows" in page
    assert "CC-BY-4.0" in page and "https://creativecommons.org/licenses/by/4.0/" in page
    participants = next(f for f in res["schema"]["fields"] if f["name"] == "participants")
    assert column_text(participants).replace("'", "&#39;") in page


def test_search_for_laos_finds_the_laos_activities(server):
    rows = json.loads(_get(server + "/povpkg/events.json?_search=Laos&_shape=array&_size=max"))
    assert {r["event_id"] for r in rows} == laos_events()


def test_facets_and_foreign_key_labels(server):
    ev = json.loads(_get(server + "/povpkg/events.json?_size=1&_facet_size=max"))
    kinds = {f["value"]: f["count"] for f in ev["facet_results"]["kind"]["results"]}
    assert kinds == povpkg.load("events").kind.value_counts().loc[lambda s: s > 0].to_dict()
    years = {f["value"] for f in ev["facet_results"]["start_year"]["results"]}
    assert {2009, 2012, 2021} <= years
    ec = json.loads(_get(server + "/povpkg/event_countries.json?_size=5&_labels=on"))
    assert set(ec["facet_results"]) == {"iso3", "role"}
    assert isinstance(ec["rows"][0]["iso3"], dict) and ec["rows"][0]["iso3"]["label"]


def test_cells_read_as_the_csv_writes_them(server):
    page = _get(server + "/povpkg/amounts?_size=max")
    am = povpkg.load("amounts")
    big = am.amount.dropna()
    big = big[big >= 1_000_000].iloc[0]
    assert f"{int(big):,}" in page and f"{big:.1f}</td>" not in page
    row = _get(server + "/povpkg/events/ev-2017-09-guangxi-laos-demo-launch")
    assert ">false<" in row and '>Bansuo Village</a> <em>pl-bansuo</em>' in row.replace("\n", "")
    assert ">Laos</a> <em>LAO</em>" in row


def test_table_pages_open_on_their_rows(server):
    page = _get(server + "/povpkg/events")
    assert "What each column means" in page  # the script folds the descriptions into one line
    home = _get(server + "/povpkg")
    assert f"{len(povpkg.load('sources'))} source documents" in home


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.skip("no headless browser: install Debian's chromium package (apt-get install -y chromium) "
                "to run the screenshot test")


def chromium(args: list[str], profile, timeout: int = 120) -> subprocess.CompletedProcess:
    """Debian's Chromium, headless, with a fresh profile and no background network."""
    cmd = [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def test_headless_browser_renders_the_events_table(server, tmp_path):
    url = server + "/povpkg/events?_search=Laos"
    shot = tmp_path / "events.png"
    run = chromium(["--window-size=1280,2200", f"--screenshot={shot}", url], tmp_path / "profile-shot")
    assert shot.is_file(), run.stderr[-2000:]
    head = shot.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", head[16:24]) == (1280, 2200)
    dom = chromium(["--dump-dom", url], tmp_path / "profile-dom").stdout
    assert povpkg.describe("events")["title"] in dom
    assert f'{len(laos_events())} rows where search matches "Laos"' in dom
    assert "ev-2017-09-guangxi-laos-demo-launch" in dom
    assert "CC-BY-4.0" in dom
    pages = {"home": "/povpkg", "table": "/povpkg/amounts", "search": "/povpkg/events?_search=Laos",
             "row": "/povpkg/events/ev-2017-09-guangxi-laos-demo-launch"}
    for name, page in pages.items():
        shot = tmp_path / f"serve-{name}.png"
        chromium(["--window-size=1280,900", f"--screenshot={shot}", server + page], tmp_path / f"profile-{name}")
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
        if os.environ.get("POVPKG_SCREENSHOTS"):  # maintainers: refresh docs/serve-*.png
            shutil.copy(shot, Path(os.environ["POVPKG_SCREENSHOTS"]) / shot.name)


def test_the_view_quotes_the_names_it_reads_from_the_descriptor():
    """The label look-up of a row page builds SQL from table and column names: quoted, never code."""
    import importlib.util

    from povpkg._serve import PLUGINS

    spec = importlib.util.spec_from_file_location("povpkg_view", PLUGINS / "povpkg_view.py")
    view = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(view)
    assert view._q('name" FROM x; --') == '"name"" FROM x; --"'
