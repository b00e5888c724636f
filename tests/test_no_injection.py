"""Nothing the data says reaches a terminal, a workflow, a citation, SQL, a spreadsheet or
the web view as code (issue 18 §3): one ``shown`` for every human-readable output,
citations escaped, SQL identifiers quoted, cells never formulas, only http(s) links."""
from __future__ import annotations

import contextlib
import io
import json
import re
import sqlite3
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

import povpkg
from povpkg._report import Failure, Report
from povpkg._safety import shown, shown_json
from povpkg.cli import main
from povpkg.errors import PovpkgError

from conftest import edit_csv

HOSTILE = "x\x1b[2J\x07\x9b31m\u202egnp.exe\nforged\r\u2028\U000e0041\ud800"
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\U000e0000-\U000e007f"
                 r"\ud800-\udfff]")


def clean(text: str) -> bool:
    """No control, bidi, tag or surrogate character (line breaks only between lines)."""
    return not RAW.search(text)


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def edit_descriptor(pkg: Path, change) -> None:
    dp = pkg / "datapackage.json"
    desc = json.loads(dp.read_text(encoding="utf-8"))
    change(desc)
    dp.write_text(json.dumps(desc), encoding="utf-8")  # \\uXXXX escapes: a lone surrogate too


def resource(desc, name):
    return next(r for r in desc["resources"] if r["name"] == name)


# --- one function -------------------------------------------------------------------

def test_shown_escapes_exactly_the_controls_format_and_separator_characters():
    unsafe = {"Cc", "Cf", "Cs", "Zl", "Zp"}
    wrong = [hex(cp) for cp in range(sys.maxunicode + 1)
             if (shown(chr(cp)) != chr(cp)) != (unicodedata.category(chr(cp)) in unsafe)]
    assert wrong == [], f"_safety._UNSAFE disagrees with Unicode {unicodedata.unidata_version}: {wrong[:20]}"


def test_shown_makes_every_escape_visible():
    assert shown(HOSTILE) == "x\\x1b[2J\\x07\\x9b31m\\u202egnp.exe\\nforged\\r\\u2028\\U000e0041\\ud800"
    assert shown("上海 café – ok") == "上海 café – ok"


def test_shown_json_is_the_same_data():
    text = json.dumps({"k": HOSTILE, "n": [1, 2]}, ensure_ascii=False, indent=2)
    safe = shown_json(text)
    assert clean(safe.replace("\n", "")) and json.loads(safe) == json.loads(text)


# --- the report, the workflow annotations, the error lines ----------------------------

def hostile_report() -> Report:
    contract = {"package": HOSTILE, "version": "0.4.0", "owner": "povpkg", "why": HOSTILE, "released": True}
    return Report(package="/p/datapackage.json", version=HOSTILE, validator="0.4.0", contract=contract,
                  tables={HOSTILE: 1, "events": 2},
                  failures=[Failure(rule="r", message=f"m {HOSTILE}", table=HOSTILE, row=2, key=HOSTILE,
                                    field=HOSTILE, value=HOSTILE, fix=HOSTILE),
                            Failure(rule="r", message="the key forges a line", table="events", row=3,
                                    key="ev-1\npovpkg: error: forged")])


def test_text_report_escapes_every_value():
    text = hostile_report().to_text()
    assert clean(text)
    assert not any(line.startswith("povpkg: error") for line in text.splitlines())
    assert "checked by povpkg 0.4.0: " in text and "contract: " in text and " 0.4.0, povpkg's own record" in text


def test_json_report_writes_escapes_and_round_trips():
    report = hostile_report()
    text = report.to_json()
    assert clean(text.replace("\n", ""))
    assert json.loads(text)["failures"][0]["key"] == HOSTILE
    assert (json.loads(text)["povpkg"], json.loads(text)["contract"]["version"]) == ("0.4.0", "0.4.0")
    assert json.loads(text)["contract"]["package"] == HOSTILE


def test_github_annotations_cannot_forge_a_command(tmp_path):
    from povpkg._github import to_github

    lines = to_github(hostile_report(), cwd=tmp_path).splitlines()
    assert clean("".join(lines))
    assert all(line.startswith("::error ") for line in lines[:-1]) and len(lines) == 3
    assert lines[-1].startswith("INVALID:") and "povpkg 0.4.0" in lines[-1]


def test_a_row_key_holding_a_line_break_cannot_forge_an_error_line(pkg):
    edit_csv(pkg, "events", 2, "event_id", "ev-x\npovpkg: error: forged \x1b[31m")
    edit_csv(pkg, "events", 2, "participants", "abc")
    code, out, err = cli("show", "events", "--path", pkg)
    assert code == 2 and len(err.splitlines()) == 1 and clean(err) and "\\npovpkg: error: forged" in err


def test_list_show_describe_and_codebook_escape_the_descriptor(pkg):
    def change(desc):
        res = resource(desc, "countries")
        res["title"] = res["description"] = HOSTILE
        res["schema"]["fields"][1]["description"] = HOSTILE
    edit_descriptor(pkg, change)
    edit_csv(pkg, "countries", 3, "name", "Evil\x1b]0;owned\x07\u202e", hashes=False)
    for args in (("list",), ("describe", "countries"), ("show", "countries", "-n", "0"), ("codebook",)):
        code, out, err = cli(*args, "--path", pkg)
        assert code == 0 and clean(out) and "\\x1b" in out, (args, err)


def test_a_resource_name_with_escapes_reaches_no_terminal(pkg):
    edit_descriptor(pkg, lambda d: resource(d, "products").update(name="products\x1b[8m\nhidden"))
    code, out, err = cli("list", "--path", pkg)
    assert clean(out) and "products\\x1b[8m\\nhidden" in out
    code, out, err = cli("describe", "nope\x1b", "--path", pkg)
    assert code == 2 and clean(err) and len(err.splitlines()) == 1


# --- citations ----------------------------------------------------------------------

def bib_fields(entry: str) -> list[str]:
    return re.findall(r"^\s*(\w+)\s*=", entry, re.M)


def braces_balance(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def test_bibtex_title_cannot_close_the_entry_and_add_fields(pkg):
    edit_descriptor(pkg, lambda d: d.update(title="Data}}, author = {Mallory}, note = {x"))
    bib = povpkg.cite("bibtex", pkg)
    fields = bib_fields(bib)
    assert fields[:5] == ["author", "title", "year", "version", "howpublished"] and set(fields[5:]) <= {"url"}
    assert braces_balance(bib) and "Mallory" in bib and bib.count("@") == 1


@pytest.mark.parametrize("field,value", [
    ("title", "A}, publisher = {Mallory"), ("publisher", "@misc{evil, title = {x}}"),
    ("title", "back\\slash\\} and \\{"), ("container", "Yearbook}}\n@article{x,"),
    ("url", "https://example.org/}, note = {x"), ("source_id", "src-1,\n  title = {evil}"),
])
def test_bibtex_sources_escape_braces_backslashes_and_at(field, value, pkg):
    edit_csv(pkg, "sources", 2, field, value)
    bib = povpkg.cite("bibtex", pkg, sources=True)
    entries = bib.split("\n\n")
    assert all(braces_balance(e) and e.count("\n@") == 0 and e.startswith("@") for e in entries)
    assert sum(e.count("@") for e in entries) == len(entries)  # one @ per entry: its own
    for e in entries[1:]:
        fields = bib_fields(e)
        assert len(fields) == len(set(fields)) and set(fields) <= {
            "author", "title", "booktitle", "howpublished", "publisher", "year", "month", "url"}


def test_bibtex_keys_are_plain(pkg):
    edit_descriptor(pkg, lambda d: d.update(name="x,\n  title = {evil}"))
    first = povpkg.cite("bibtex", pkg).splitlines()[0]
    assert re.fullmatch(r"@misc\{[A-Za-z0-9_:-]+,", first)


def test_cff_and_text_citations_keep_values_as_values(pkg):
    edit_descriptor(pkg, lambda d: d.update(title='T"\nauthors:\n  - name: "Mallory" \x1b[2J'))
    edit_csv(pkg, "sources", 2, "title", 'S\ntitle: "evil"\x1b[2J')
    cff = yaml.safe_load(povpkg.cite("cff", pkg, sources=True))
    assert "Mallory" in cff["title"] and [a["name"] for a in cff["authors"]] != ["Mallory"]
    assert all(set(r) <= {"type", "title", "authors", "publisher", "collection-title", "year", "month",
                          "date-published", "url"} for r in cff["references"])
    code, out, err = cli("cite", "--sources", "--path", pkg)
    assert code == 0 and clean(out) and "\\x1b[2J" in out


# --- SQL, spreadsheets, the web view ---------------------------------------------------

def test_sqlite_export_refuses_a_table_name_holding_sql(pkg, tmp_path):
    edit_descriptor(pkg, lambda d: resource(d, "products").update(name='x" AS SELECT 1 AS pwned /*'))
    with pytest.raises(PovpkgError, match="table name"):
        povpkg.export("sqlite", tmp_path / "out.db", pkg)
    assert not (tmp_path / "out.db").exists()


def test_sqlite_quotes_every_identifier():
    from povpkg._export import create_table_sql

    evil = 'a" TEXT, "b" INTEGER); DROP TABLE t; --'
    res = {"name": "t", "schema": {"fields": [{"name": evil}, {"name": 'k"'}], "primaryKey": ['k"'],
                                   "foreignKeys": [{"fields": [evil], "reference": {"resource": 't"',
                                                                                    "fields": ['k"']}}]}}
    con = sqlite3.connect(":memory:")
    con.execute(create_table_sql(res))
    assert [row[1] for row in con.execute('PRAGMA table_info("t")')] == [evil, 'k"']


def test_xlsx_cells_are_never_formulas(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    import pandas as pd

    from povpkg._export import _xlsx_file

    res = {"name": "t", "title": "=HYPERLINK(\"http://x\")",
           "schema": {"fields": [{"name": "=cmd|' /C calc'!A0", "description": "=1+1"}, {"name": "v"}]}}
    frames = {"t": pd.DataFrame({"=cmd|' /C calc'!A0": ["=1+2", "+3"], "v": ["@SUM(A1)", "plain"]})}
    meta = {"title": "=2+2", "version": "1", "licenses": "", "description": "", "citation": "", "name": "p"}
    _xlsx_file(tmp_path / "t.xlsx", {"resources": [res]}, frames, meta)
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value is not None]
    assert cells and all(c.data_type != "f" for c in cells)
    assert "=1+2" in [c.value for c in cells]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>x</script>",
                                 " javascript:alert(1)", "vbscript:x", "//evil.example"])
def test_serve_links_only_http_addresses(url, desc):
    from povpkg._serve import metadata

    d = json.loads(json.dumps(desc))
    d["homepage"] = url
    d["licenses"][0]["path"] = url
    d["sources"] = [{"title": "a source", "path": url}]
    meta = json.dumps(metadata(d))
    assert json.dumps(url.strip())[1:-1] not in meta
    assert "about_url" not in meta and "license_url" not in meta and "href" not in meta


@pytest.mark.parametrize("fmt", ["text", "csv", "json"])
def test_the_panel_command_shows_a_hostile_pair_id_harmlessly(pkg, fmt, capsys):
    """`povpkg panel --path COPY` on a copy whose pairing id holds escape codes."""
    from povpkg.cli import main
    from conftest import update

    pair = povpkg.load("amounts").query("recommended_for_aggregates").pairing_id.dropna().iloc[0]
    update(pkg, "amounts", {"pairing_id": pair}, pairing_id=pair + "\x1b[2J\u202e")
    assert main(["panel", "--path", str(pkg), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert clean(out.replace("\n", "")) and pair in out
