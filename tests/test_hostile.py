"""Hostile and broken inputs (issue 8, sections 1 and 4): reported, never fetched, never a crash.

Every case runs with socket creation made to fail, so a descriptor that would make
frictionless fetch something is caught here rather than silently reaching out.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket

import pytest

import povpkg
from conftest import rehash, update
from povpkg import cli

ACTUAL_2009 = {"amount_id": "am-2009-shanghai-yunnan-actual"}


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to resolve a name or create a socket fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"validation tried to use the network: {args!r}")

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse(*args)

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def edit_desc(pkg, change):
    path = pkg / "datapackage.json"
    desc = json.loads(path.read_text(encoding="utf-8"))
    change(desc)
    path.write_text(json.dumps(desc), encoding="utf-8")


def resource(desc, name):
    return next(r for r in desc["resources"] if r["name"] == name)


def run_cli(capsys, *args):
    code = cli.main(["validate", *map(str, args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "internal error" not in err, err
    return code, out, err


URL = "http://example.invalid/x.json"

# kind -> a change to the descriptor that frictionless would dereference
HOSTILE = {
    "dialect-url": lambda d: resource(d, "countries").update(dialect=URL),
    "dialect-path": lambda d: resource(d, "countries").update(dialect="../../etc/passwd"),
    "schema-url": lambda d: resource(d, "errata").update(schema=URL),
    "schema-path": lambda d: resource(d, "people").update(schema="/etc/hostname"),
    "package-profile": lambda d: d.update(profile=URL),
    "package-$schema": lambda d: d.update({"$schema": URL}),
    "resource-profile": lambda d: resource(d, "places").update(profile=URL),
    "resource-$schema": lambda d: resource(d, "events").update({"$schema": URL}),
    "nested-$ref": lambda d: resource(d, "sources")["schema"]["fields"][0].update({"$ref": URL}),
    "path-url": lambda d: resource(d, "projects").update(path="https://example.invalid/projects.csv"),
    "scheme": lambda d: resource(d, "amounts").update(scheme="https"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_descriptor_is_reported_not_fetched(kind, pkg, no_network, capsys):
    edit_desc(pkg, HOSTILE[kind])
    code, out, _ = run_cli(capsys, pkg)
    assert code == 1, out
    assert "[safe-descriptor]" in out or "[safe-path]" in out, out


def test_symlinked_descriptor_is_refused(pkg, tmp_path, capsys):
    link = tmp_path / "elsewhere"
    link.mkdir()
    os.symlink(pkg / "datapackage.json", link / "datapackage.json")
    code, _, err = run_cli(capsys, link)
    assert code == 2 and "symlink" in err and len(err.strip().splitlines()) == 1


def test_missing_sources_folder_cannot_run(pkg, tmp_path, capsys):
    code, _, err = run_cli(capsys, pkg, "--sources", tmp_path / "absent")
    assert code == 2 and "no such folder" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("name", ["../outside/{f}", "{abs}", "sub/../../outside/{f}"])
def test_source_file_outside_the_sources_folder_is_not_read(name, pkg, tmp_path, sources_dir, no_network):
    """Even an exact copy of the right text (sha256 matches) is refused outside the folder."""
    texts, outside = tmp_path / "texts", tmp_path / "outside"
    shutil.copytree(sources_dir, texts)
    outside.mkdir()
    f = "000_f567b650fd735fa4.txt"
    shutil.copy(texts / f, outside / f)
    update(pkg, "sources", {"source_id": "aii-cica-2021"}, file_name=name.format(f=f, abs=outside / f))
    report = povpkg.validate(pkg, sources=texts)
    (fail,) = [x for x in report.failures if x.rule == "source-text"]
    assert fail.key == "aii-cica-2021" and "sources folder" in fail.message


def test_source_symlink_leading_out_is_not_read(pkg, tmp_path, sources_dir):
    texts = tmp_path / "texts"
    shutil.copytree(sources_dir, texts)
    f = texts / "000_f567b650fd735fa4.txt"
    (tmp_path / "copy.txt").write_bytes(f.read_bytes())
    f.chmod(0o644)
    f.unlink()
    os.symlink(tmp_path / "copy.txt", f)
    report = povpkg.validate(pkg, sources=texts)
    assert [x.key for x in report.failures if x.rule == "source-text"] == ["aii-cica-2021"]


# --- section 4: broken tables are reported, never a crash -----------------------

def rename_column(pkg, table, old, new):
    path = pkg / "tables" / f"{table}.csv"
    text = path.read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    path.write_text(",".join(new if c == old else c for c in header.split(",")) + "\n" + rest, encoding="utf-8")
    edit_desc(pkg, lambda d: next(f for f in resource(d, table)["schema"]["fields"] if f["name"] == old)
              .update(name=new))
    rehash(pkg)


def semicolons(pkg):
    path = pkg / "tables" / "countries.csv"
    import csv

    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";", lineterminator="\n").writerows(rows)
    edit_desc(pkg, lambda d: resource(d, "countries").update(dialect={"delimiter": ";"}))
    rehash(pkg)


BROKEN = {
    # kind -> (corruption, a rule the report must name)
    "empty-stated-total": (lambda p: update(p, "amounts", ACTUAL_2009, value_stated="", amount=""),
                           "text-agrees-with-table"),
    "counts-rows-without-source-id": (
        lambda p: update(p, "indicators", {"indicator_id": "in-2012-lgop-foreign-delegations-met"},
                         counts_rows="countries region=Asia"), "stated-count-matches-rows"),
    "no-schema": (lambda p: edit_desc(p, lambda d: resource(d, "people").pop("schema")), "safe-descriptor"),
    "csv-dialect": (semicolons, "csv-dialect"),
    "renamed-column": (lambda p: rename_column(p, "funding_2009", "recipient_id", "recipient"), None),
    "renamed-column/events": (lambda p: rename_column(p, "events", "date_precision", "precision"), None),
    "version-not-a-string": (lambda p: edit_desc(p, lambda d: d.update(version=[0, 3])), "descriptor"),
    "version-number": (lambda p: edit_desc(p, lambda d: d.update(version=3)), "descriptor"),
    "fields-not-a-list": (lambda p: edit_desc(p, lambda d: resource(d, "countries")["schema"].update(fields="iso3")),
                          None),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_table_is_a_failure_not_a_crash(kind, pkg, no_network, capsys):
    corrupt, rule = BROKEN[kind]
    corrupt(pkg)
    code, out, _ = run_cli(capsys, pkg)
    assert code == 1, out
    assert out.strip().splitlines()[-1].startswith("INVALID")
    if rule:
        assert f"[{rule}]" in out, out
    json_code = cli.main(["validate", str(pkg), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert json_code == 1 and report["valid"] is False


@pytest.mark.parametrize("text", [
    '{"version": "0.3.0", "bytes": ' + "7" * 5000 + ', "resources": []}',
    '{"resources": [], "keywords": ' + "[" * 100_000 + "]" * 100_000 + "}",
])
def test_unreadable_descriptor_numbers_and_nesting_exit_2(text, tmp_path, capsys):
    (tmp_path / "datapackage.json").write_text(text, encoding="utf-8")
    code, _, err = run_cli(capsys, tmp_path)
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_nesting_that_json_reads_is_still_not_a_crash(pkg, capsys):
    edit_desc(pkg, lambda d: d.update(keywords=json.loads("[" * 500 + "]" * 500)))
    code, _, err = run_cli(capsys, pkg)
    assert code == 2 and "nests more than" in err and len(err.strip().splitlines()) == 1


def test_negative_figure_with_sources_is_not_read_as_a_word(pkg, sources_dir):
    """-5 indexed a list of number words and matched 'fifteen'; now it is just not in the span."""
    import importlib

    from povpkg._rules import rules_module

    rules_module()
    assert "fifteen" not in importlib.import_module("povpkg.validation.provenance").renderings(-5)
    update(pkg, "indicators", {"indicator_id": "in-2012-lgop-delegations-sent-abroad"}, value="-5")
    report = povpkg.validate(pkg, sources=sources_dir)
    fails = [f for f in report.failures if f.key == "in-2012-lgop-delegations-sent-abroad"]
    assert fails and all(f.rule != "internal" for f in fails)


def test_source_text_not_utf8_with_matching_sha256(pkg, tmp_path, sources_dir, capsys):
    texts = tmp_path / "texts"
    shutil.copytree(sources_dir, texts)
    f = texts / "000_f567b650fd735fa4.txt"
    f.chmod(0o644)
    data = f.read_bytes() + b"\xff\xfe"
    f.write_bytes(data)
    update(pkg, "sources", {"source_id": "aii-cica-2021"}, sha256=hashlib.sha256(data).hexdigest())
    code, out, _ = run_cli(capsys, pkg, "--sources", texts)
    assert code == 1 and "[source-text]" in out and "not UTF-8" in out


def test_non_utf8_countries_is_blamed_once(pkg):
    with (pkg / "tables" / "countries.csv").open("ab") as fh:
        fh.write(b"ZZZ,Nowh\xe9re,Asia,\n")
    rehash(pkg)
    report = povpkg.validate(pkg)
    assert {f.table for f in report.failures if f.rule != "release-record"} == {"countries"}
    assert "countries" in report.skipped()
    dependents = {u.table for u in report.unchecked if u.rule == "foreign-key"}
    assert {"organizations", "people", "places", "projects", "events", "event_countries", "amounts"} <= dependents
    assert all("countries" in u.reason for u in report.unchecked if u.rule == "foreign-key")


# --- properties povpkg does not read, and metadata that would mislead a citation --------

def field_of(d, table, name):
    return next(f for f in resource(d, table)["schema"]["fields"] if f["name"] == name)


UNKNOWN_OR_LOOSE = {
    # kind -> (descriptor edit, rule the report must name)
    "compressed": (lambda d: resource(d, "events").update(compression="gz"), "unknown-property"),
    "inner-path": (lambda d: resource(d, "events").update(innerpath="a.csv"), "unknown-property"),
    "extra-paths": (lambda d: resource(d, "events").update(extrapaths=["tables/events.csv"]), "unknown-property"),
    "fields-match": (lambda d: resource(d, "events")["schema"].update(fieldsMatch="subset"), "unknown-property"),
    "field-missing-values": (lambda d: field_of(d, "events", "title").update(missingValues=["x"]),
                             "unknown-property"),
    "field-categories": (lambda d: field_of(d, "events", "kind").update(categories=["visit"]), "unknown-property"),
    "misspelt-constraint": (lambda d: field_of(d, "events", "title")["constraints"].update(Required=True)
                            if "constraints" in field_of(d, "events", "title")
                            else field_of(d, "events", "title").update(constraints={"Required": True}),
                            "unknown-property"),
    "mediatype-html": (lambda d: resource(d, "countries").update(mediatype="text/html"), "safe-descriptor"),
    "package-extra": (lambda d: d.update(image="http://example.org/i.png"), "unknown-property"),
    "contributor-empty": (lambda d: d.update(contributors=[{}]), "metadata"),
    "contributor-role": (lambda d: d["contributors"].append({"title": "X", "role": "hacker"}), "metadata"),
    "contributor-email": (lambda d: d["contributors"].append({"title": "X", "email": "nope"}), "metadata"),
    "no-author": (lambda d: d.update(contributors=[{"title": "X", "role": "publisher"}]), "metadata"),
    "no-contributors": (lambda d: d.pop("contributors"), "metadata"),
    "licence-unknown": (lambda d: d.update(licenses=[{"name": "ALL-RIGHTS-RESERVED"}]), "metadata"),
    "licence-missing": (lambda d: d.pop("licenses"), "metadata"),
    "licence-code-first": (lambda d: d["licenses"].reverse(), "metadata"),
    "licence-file-path": (lambda d: d["licenses"][0].update(path="/etc/passwd"), "metadata"),
    "version-not-semver": (lambda d: d.update(version="banana"), "metadata"),
    "source-local-path": (lambda d: d["sources"].append({"title": "x", "path": "../../etc/passwd"}), "metadata"),
    "source-file-url": (lambda d: d["sources"].append({"title": "x", "path": "file:///etc/passwd"}), "metadata"),
    "source-untitled": (lambda d: d["sources"].append({"path": "https://example.org"}), "metadata"),
    "homepage-javascript": (lambda d: d.update(homepage="javascript:alert(1)"), "metadata"),
    "resource-source-path": (lambda d: resource(d, "events").update(sources=[{"title": "x", "path": "/etc/x"}]),
                             "metadata"),
}


@pytest.mark.parametrize("kind", sorted(UNKNOWN_OR_LOOSE))
def test_unknown_properties_and_loose_metadata_fail(kind, pkg, no_network, capsys):
    change, rule = UNKNOWN_OR_LOOSE[kind]
    edit_desc(pkg, change)
    code, out, _ = run_cli(capsys, pkg)
    assert code == 1 and f"[{rule}]" in out, out
    assert out.strip().splitlines()[-1].startswith("INVALID")


def test_the_shipped_metadata_passes_the_metadata_checks():
    from povpkg._metadata import metadata_problems
    from povpkg._package import descriptor, descriptor_path

    assert metadata_problems(descriptor(descriptor_path(None))) == []
