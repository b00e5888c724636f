"""source-kind-pinned: a source povpkg's record knows keeps what the record pins (validation/hosts.json):
no edit to the sources table makes a clone, or a repost naming no original, confirm a figure, or a Chinese
page pass for an English one."""
from __future__ import annotations

import csv
import importlib.util
import re

import pytest

from conftest import ROOT
from povpkg._package import descriptor
from povpkg._rules import rules_module

R = rules_module()
CATALOGUE = ROOT.parent / "shared" / "more-sources-zh.md"


def _pin_script():
    spec = importlib.util.spec_from_file_location("pin_hosts", ROOT / "scripts" / "pin_hosts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def failures(sources):
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=None)
    return [(f.key, f.field, f.message) for f in R.hosts.source_kind_pinned({"sources": sources}, ctx)]


def test_the_record_pins_the_shipped_sources_as_they_are():
    with open(ROOT / "tables" / "sources.csv", encoding="utf-8", newline="") as fh:
        assert _pin_script().pins(csv.DictReader(fh)) == R.hosts.pinned()


def test_the_shipped_sources_keep_their_pinned_kinds(frames):
    assert failures(frames["sources"]) == []


def _edited(frames, page, **cells):
    src = frames["sources"].copy()
    at = src.index[src["source_id"] == page][0]
    for column, value in cells.items():
        src.loc[at, column] = value
    return src


def test_a_clone_relabelled_official_fails_even_under_a_new_id_and_address(frames):
    clone = "zh-137-sznews-2019-05-shenzhen-kashgar-clone"
    for cells in ({}, {"url": "https://example.org/elsewhere"},
                  {"url": "https://example.org/elsewhere", "source_id": "renamed"}):
        got = failures(_edited(frames, clone, host_type="official", original_publisher=None, **cells))
        assert [(f, m) for _, f, m in got] == [("host_type", "povpkg's record pins this page as a clone, "
                                                              "not an official copy")], cells


def test_an_unnamed_repost_given_an_original_fails(frames):
    src = frames["sources"]
    unnamed = src[(src["host_type"] == "repost") & src["original_publisher"].isna()]["source_id"].iloc[0]
    got = failures(_edited(frames, unnamed, original_publisher="Xinhua"))
    assert [(k, f) for k, f, _ in got] == [(unnamed, "original_publisher")]


@pytest.mark.parametrize("field,value", [("language", "en"), ("stored", "complete")])
def test_a_page_said_to_be_another_language_or_complete_fails(frames, field, value):
    page = "zh-137-sznews-2019-05-shenzhen-kashgar-clone"  # Chinese, stored as its opening
    got = failures(_edited(frames, page, **{field: value}))
    assert [(k, f) for k, f, _ in got] == [(page, field)]


def test_a_source_the_record_does_not_know_is_left_to_the_other_rules(frames):
    new = _edited(frames, "zh-137-sznews-2019-05-shenzhen-kashgar-clone", source_id="new-page", url="https://x.org/1",
                  sha256="0" * 64, host_type="official", original_publisher=None)
    assert failures(new) == []


@pytest.mark.skipif(not CATALOGUE.is_file(), reason="the Chinese catalogue (../shared) is not beside the checkout")
def test_the_record_agrees_with_the_catalogues_classes():
    kinds = {"P": "official", "R": "repost", "C": "clone"}
    pins = R.hosts.pinned()
    compared = 0
    for line in CATALOGUE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if not re.fullmatch(r"zh-\d{3}", cells[1] if len(cells) > 1 else ""):
            continue
        url, kind = cells[11], kinds[cells[10]]
        if url in pins["url"]:  # the page the catalogue names is the copy the tables cite
            assert pins["url"][url]["host_type"] == kind, cells[1]
            compared += 1
    assert compared > 200
