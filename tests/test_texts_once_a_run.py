"""With --sources, the texts are looked up once a run (``provenance.texts_of``), not once per
rule reading them, and never kept past the run: a text edited between two runs is read again."""
from __future__ import annotations

import shutil

import pytest

from povpkg._rules import rules_module


@pytest.fixture
def folder(tmp_path, sources_dir):
    dest = tmp_path / "texts"
    shutil.copytree(sources_dir, dest)
    return dest


def _ctx(folder):
    rules = rules_module()
    return rules.rules.Context(desc={}, root=folder, sources=folder)


def _counting_stat_passes(monkeypatch) -> list:
    prov = rules_module().provenance
    calls, key = [], prov._texts_key

    def counted(*args):
        calls.append(args)
        return key(*args)

    monkeypatch.setattr(prov, "_texts_key", counted)
    return calls


def test_every_rule_of_a_run_reads_the_texts_through_one_lookup(frames, desc, folder, monkeypatch):
    calls = _counting_stat_passes(monkeypatch)
    rules_module().run_rules(desc, frames, root=folder, sources=folder, package=desc)
    assert len(calls) == 1  # was one stat of every text per rule reading them (13 on the shipped package)


def test_a_text_edited_between_two_runs_is_read_again(frames, folder):
    texts_of = rules_module().provenance.texts_of
    first = texts_of(frames, _ctx(folder))
    assert first.texts and not first.problems
    sid = next(iter(first.texts))
    name = frames["sources"].set_index("source_id").at[sid, "file_name"]
    with (folder / name).open("a", encoding="utf-8") as fh:
        fh.write("an edited text")
    again = texts_of(frames, _ctx(folder))
    assert sid not in again.texts and any(s == sid and "sha256" in why for s, why in again.problems)


def test_a_ctx_handed_another_sources_table_or_folder_reads_anew(frames, folder, tmp_path):
    texts_of = rules_module().provenance.texts_of
    ctx = _ctx(folder)
    every = texts_of(frames, ctx)
    assert texts_of(frames, ctx) is every  # the same run: one lookup
    src = frames["sources"]
    one = src[src["source_id"] == next(iter(every.texts))]
    assert set(texts_of({"sources": one}, ctx).texts) == set(one["source_id"])
    empty = tmp_path / "empty"
    empty.mkdir()
    ctx.sources = empty
    assert not texts_of(frames, ctx).texts
