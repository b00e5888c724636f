"""Hostile and broken inputs (issue 8, sections 1 and 4): reported, never fetched, never a crash.

Each kind is checked in-process on an in-memory draft (the descriptor checks, or the
rules on the frames); a few packages holding many kinds at once go through the whole
command line with socket creation made to fail and frictionless in this process, so a
descriptor that would make anything fetch something is caught rather than reaching out.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket

import pytest

from draft import rules_of
from povpkg import cli
from povpkg._report import Report

ACTUAL_2009 = {"amount_id": "am-2009-shanghai-yunnan-actual"}


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to resolve a name or create a socket fails the test; frictionless runs in this
    process (no worker), where the guard holds."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"validation tried to use the network: {args!r}")

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse(*args)

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setenv("POVPKG_WORKER", "0")


def run_cli(capsys, *args):
    code = cli.main(["validate", *map(str, args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "internal error" not in err, err
    return code, out, err


def descriptor_report(draft) -> Report:
    """The checks that run on the descriptor before frictionless or any table is read."""
    from povpkg._validate import _check_descriptor
    from draft import ROOT

    report = Report(package="draft", version=None)
    _check_descriptor(draft.desc, ROOT, report)
    return report


URL = "http://example.invalid/x.json"

# kind -> a change to the descriptor that frictionless would dereference
HOSTILE = {
    "dialect-url": lambda d: d.resource("countries").update(dialect=URL),
    "dialect-path": lambda d: d.resource("countries").update(dialect="../../etc/passwd"),
    "schema-url": lambda d: d.resource("errata").update(schema=URL),
    "schema-path": lambda d: d.resource("people").update(schema="/etc/hostname"),
    "package-profile": lambda d: d.desc.update(profile=URL),
    "package-$schema": lambda d: d.desc.update({"$schema": URL}),
    "resource-profile": lambda d: d.resource("places").update(profile=URL),
    "resource-$schema": lambda d: d.resource("events").update({"$schema": URL}),
    "nested-$ref": lambda d: d.resource("sources")["schema"]["fields"][0].update({"$ref": URL}),
    "path-url": lambda d: d.resource("projects").update(path="https://example.invalid/projects.csv"),
    "scheme": lambda d: d.resource("amounts").update(scheme="https"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_descriptor_is_reported_before_frictionless_sees_it(kind, draft):
    HOSTILE[kind](draft)
    assert rules_of(descriptor_report(draft).failures) & {"safe-descriptor", "safe-path"}, kind


def test_symlinked_descriptor_is_refused(pkg, tmp_path, capsys):
    link = tmp_path / "elsewhere"
    link.mkdir()
    os.symlink(pkg / "datapackage.json", link / "datapackage.json")
    code, _, err = run_cli(capsys, link)
    assert code == 2 and "symlink" in err and len(err.strip().splitlines()) == 1


def test_missing_sources_folder_cannot_run(tmp_path, capsys):
    code, _, err = run_cli(capsys, "--sources", tmp_path / "absent")
    assert code == 2 and "no such folder" in err and len(err.strip().splitlines()) == 1


def _texts(tmp_path, sources_dir):
    texts = tmp_path / "texts"
    shutil.copytree(sources_dir, texts)
    return texts


def source_text_failures(draft, texts):
    return [f for f in draft.failures("span-in-source", sources=texts) if f.rule == "source-text"]


@pytest.mark.parametrize("name", ["../outside/{f}", "{abs}", "sub/../../outside/{f}"])
def test_source_file_outside_the_sources_folder_is_not_read(name, draft, tmp_path, sources_dir):
    """Even an exact copy of the right text (sha256 matches) is refused outside the folder."""
    texts, outside = _texts(tmp_path, sources_dir), tmp_path / "outside"
    outside.mkdir()
    f = "000_f567b650fd735fa4.txt"
    shutil.copy(texts / f, outside / f)
    draft.update("sources", {"source_id": "aii-cica-2021"}, file_name=name.format(f=f, abs=outside / f))
    (fail,) = source_text_failures(draft, texts)
    assert fail.key == "aii-cica-2021" and "sources folder" in fail.message


def test_source_symlink_leading_out_is_not_read(draft, tmp_path, sources_dir):
    texts = _texts(tmp_path, sources_dir)
    f = texts / "000_f567b650fd735fa4.txt"
    (tmp_path / "copy.txt").write_bytes(f.read_bytes())
    f.chmod(0o644)
    f.unlink()
    os.symlink(tmp_path / "copy.txt", f)
    assert [x.key for x in source_text_failures(draft, texts)] == ["aii-cica-2021"]


def test_source_text_not_utf8_with_matching_sha256(draft, tmp_path, sources_dir):
    texts = _texts(tmp_path, sources_dir)
    f = texts / "000_f567b650fd735fa4.txt"
    f.chmod(0o644)
    data = f.read_bytes() + b"\xff\xfe"
    f.write_bytes(data)
    draft.update("sources", {"source_id": "aii-cica-2021"}, sha256=hashlib.sha256(data).hexdigest())
    (fail,) = source_text_failures(draft, texts)
    assert "not UTF-8" in fail.message


def test_negative_figure_with_sources_is_not_read_as_a_word(draft, sources_dir):
    """-5 indexed a list of number words and matched 'fifteen'; now it is just not in the span."""
    from povpkg._rules import rules_module

    assert "fifteen" not in rules_module().provenance.renderings(-5)
    draft.update("indicators", {"indicator_id": "in-2012-lgop-delegations-sent-abroad"}, value="-5")
    fails = [f for f in draft.failures("span-in-source", "span-order", sources=sources_dir)
             if f.key == "in-2012-lgop-delegations-sent-abroad"]
    assert fails and not any("could not run" in f.message for f in fails)


# --- section 4: broken tables are reported, never a crash -----------------------

def rename_column(d, table, old, new):
    header, rest = d.csv(table).split(b"\n", 1)
    d.set_bytes(table, b",".join(new.encode() if c == old.encode() else c for c in header.split(b",")) + b"\n" + rest)
    d.field(table, old).update(name=new)
    return d


# kind -> (corruption of the tables, a rule the report must name); every rule runs on the result
BROKEN_TABLES = {
    "empty-stated-total": (lambda d: d.update("amounts", ACTUAL_2009, value_stated="", amount=""), "text-agrees-with-table"),
    "counts-rows-without-source-id": (
        lambda d: d.update("indicators", {"indicator_id": "in-2012-lgop-foreign-delegations-met"},
                           counts_rows="countries region=Asia"), "stated-count-matches-rows"),
    "renamed-column": (lambda d: rename_column(d, "funding_2009", "recipient_id", "recipient"), None),
    "renamed-column/events": (lambda d: rename_column(d, "events", "date_precision", "precision"), None),
}


@pytest.mark.parametrize("kind", sorted(BROKEN_TABLES))
def test_broken_table_is_a_failure_not_a_crash(kind, draft):
    corrupt, rule = BROKEN_TABLES[kind]
    corrupt(draft)
    fails = draft.failures()
    assert fails, kind
    if rule:
        assert rule in rules_of(fails)
    report = Report(package="draft", version="0", failures=fails)
    assert report.to_text().splitlines()[-1].startswith("INVALID") and json.loads(report.to_json())["valid"] is False


def semicolons(d):
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(csv.reader(io.StringIO(d.csv("countries").decode())))
    d.set_bytes("countries", out.getvalue().encode())
    d.resource("countries").update(dialect={"delimiter": ";"})
    return d


# kind -> (descriptor corruption, the rule the descriptor checks name, or None)
BROKEN_DESCRIPTORS = {
    "no-schema": (lambda d: d.resource("people").pop("schema"), "safe-descriptor"),
    "csv-dialect": (semicolons, "csv-dialect"),
    "version-not-a-string": (lambda d: d.desc.update(version=[0, 3]), "descriptor"),
    "version-number": (lambda d: d.desc.update(version=3), "descriptor"),
    "fields-not-a-list": (lambda d: d.resource("countries")["schema"].update(fields="iso3"), None),
}


@pytest.mark.parametrize("kind", sorted(k for k, (_, rule) in BROKEN_DESCRIPTORS.items() if rule))
def test_broken_descriptor_is_named(kind, draft):
    corrupt, rule = BROKEN_DESCRIPTORS[kind]
    corrupt(draft)
    assert rule in rules_of(descriptor_report(draft).failures)


@pytest.mark.parametrize(("kinds", "fmt"), [
    (("no-schema", "csv-dialect", "version-not-a-string"), "json"),
    (("fields-not-a-list", "version-number"), "text"),
])
def test_broken_descriptors_end_to_end(kinds, fmt, draft, tmp_path, no_network, capsys):
    for kind in kinds:
        BROKEN_DESCRIPTORS[kind][0](draft)
    code, out, _ = run_cli(capsys, draft.write(tmp_path / "pkg"), "--format", fmt)
    assert code == 1, out
    if fmt == "json":
        named = {f["rule"] for f in json.loads(out)["failures"]}
    else:
        assert out.strip().splitlines()[-1].startswith("INVALID")
        named = {rule for rule in (r for _, r in BROKEN_DESCRIPTORS.values()) if rule and f"[{rule}]" in out}
    assert {BROKEN_DESCRIPTORS[kind][1] for kind in kinds} - {None} <= named, out


@pytest.mark.parametrize("text", [
    '{"version": "0.3.0", "bytes": ' + "7" * 5000 + ', "resources": []}',
    '{"resources": [], "keywords": ' + "[" * 100_000 + "]" * 100_000 + "}",
])
def test_unreadable_descriptor_numbers_and_nesting_exit_2(text, tmp_path, capsys):
    (tmp_path / "datapackage.json").write_text(text, encoding="utf-8")
    code, _, err = run_cli(capsys, tmp_path)
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_nesting_that_json_reads_is_still_not_a_crash(draft, tmp_path, capsys):
    draft.desc.update(keywords=json.loads("[" * 500 + "]" * 500))
    code, _, err = run_cli(capsys, draft.write(tmp_path / "pkg"))
    assert code == 2 and "nests more than" in err and len(err.strip().splitlines()) == 1


def test_non_utf8_countries_is_blamed_once(draft, tmp_path):
    import povpkg

    draft.set_bytes("countries", draft.csv("countries") + b"ZZZ,Nowh\xe9re,Asia,\n")
    report = povpkg.validate(draft.write(tmp_path / "pkg"))
    assert {f.table for f in report.failures if f.rule != "release-record"} == {"countries"}
    assert "countries" in report.skipped()
    dependents = {u.table for u in report.unchecked if u.rule == "foreign-key"}
    assert {"organizations", "people", "places", "projects", "events", "event_countries", "amounts"} <= dependents
    assert all("countries" in u.reason for u in report.unchecked if u.rule == "foreign-key")


# --- properties povpkg does not read, and metadata that would mislead a citation --------

UNKNOWN_OR_LOOSE = {
    # kind -> (descriptor edit, rule the report must name)
    "compressed": (lambda d: d.resource("events").update(compression="gz"), "unknown-property"),
    "inner-path": (lambda d: d.resource("events").update(innerpath="a.csv"), "unknown-property"),
    "extra-paths": (lambda d: d.resource("events").update(extrapaths=["tables/events.csv"]), "unknown-property"),
    "fields-match": (lambda d: d.resource("events")["schema"].update(fieldsMatch="subset"), "unknown-property"),
    "field-missing-values": (lambda d: d.field("events", "title").update(missingValues=["x"]), "unknown-property"),
    "field-categories": (lambda d: d.field("events", "kind").update(categories=["visit"], constraints={"enum": ["trip"]}),
                         "metadata"),  # v2 categories are read, but not beside an enum that says otherwise
    "field-levels": (lambda d: d.field("events", "kind").update(levels=["visit"]), "unknown-property"),
    "misspelt-constraint": (lambda d: d.field("events", "title").setdefault("constraints", {}).update(Required=True),
                            "unknown-property"),
    "mediatype-html": (lambda d: d.resource("countries").update(mediatype="text/html"), "safe-descriptor"),
    "package-extra": (lambda d: d.desc.update(image="http://example.org/i.png"), "unknown-property"),
    "contributor-empty": (lambda d: d.desc.update(contributors=[{}]), "metadata"),
    "contributor-role": (lambda d: d.desc["contributors"].append({"title": "X", "role": "hacker"}), "metadata"),
    "contributor-email": (lambda d: d.desc["contributors"].append({"title": "X", "email": "nope"}), "metadata"),
    "no-author": (lambda d: d.desc.update(contributors=[{"title": "X", "role": "publisher"}]), "metadata"),
    "no-contributors": (lambda d: d.desc.pop("contributors"), "metadata"),
    "licence-unknown": (lambda d: d.desc.update(licenses=[{"name": "ALL-RIGHTS-RESERVED"}]), "metadata"),
    "licence-missing": (lambda d: d.desc.pop("licenses"), "metadata"),
    "licence-code-first": (lambda d: d.desc["licenses"].reverse(), "metadata"),
    "licence-file-path": (lambda d: d.desc["licenses"][0].update(path="/etc/passwd"), "metadata"),
    "version-not-semver": (lambda d: d.desc.update(version="banana"), "metadata"),
    "source-local-path": (lambda d: d.desc["sources"].append({"title": "x", "path": "../../etc/passwd"}), "metadata"),
    "source-file-url": (lambda d: d.desc["sources"].append({"title": "x", "path": "file:///etc/passwd"}), "metadata"),
    "source-untitled": (lambda d: d.desc["sources"].append({"path": "https://example.org"}), "metadata"),
    "homepage-javascript": (lambda d: d.desc.update(homepage="javascript:alert(1)"), "metadata"),
    "resource-source-path": (lambda d: d.resource("events").update(sources=[{"title": "x", "path": "/etc/x"}]),
                             "metadata"),
}


@pytest.mark.parametrize("kind", sorted(UNKNOWN_OR_LOOSE))
def test_unknown_properties_and_loose_metadata_fail(kind, draft):
    change, rule = UNKNOWN_OR_LOOSE[kind]
    change(draft)
    assert rule in rules_of(descriptor_report(draft).failures)


def test_hostile_and_unknown_properties_end_to_end_without_network(draft, tmp_path, no_network, capsys):
    """Every hostile kind at once, and unknown and loose properties, through the command line:
    each is reported, nothing is fetched."""
    for change in HOSTILE.values():
        change(draft)
    for kind in ("compressed", "package-extra", "contributor-email"):
        UNKNOWN_OR_LOOSE[kind][0](draft)
    code, out, _ = run_cli(capsys, draft.write(tmp_path / "pkg", rehash=False), "--format", "json")
    assert code == 1
    failures = json.loads(out)["failures"]
    blamed = {f["table"] for f in failures if f["rule"] in ("safe-descriptor", "safe-path")}
    assert blamed == {None, "countries", "errata", "people", "places", "events", "sources", "projects", "amounts"}
    assert {"unknown-property", "metadata"} <= {f["rule"] for f in failures}


def test_the_shipped_metadata_passes_the_metadata_checks():
    from povpkg._metadata import metadata_problems
    from povpkg._package import descriptor, descriptor_path

    assert metadata_problems(descriptor(descriptor_path(None))) == []


def test_one_table_refused_blames_no_other(draft):
    """An unknown property on events.kind keeps events out of the typed pass; the tables
    events alone refers to are not blamed for being unreferenced (issue 21)."""
    UNKNOWN_OR_LOOSE["field-levels"][0](draft)
    assert {f.table for f in descriptor_report(draft).failures} == {"events"}
    assert draft.failures(broken={"events"}) == []
