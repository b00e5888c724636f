"""Frictionless gets a process of its own only where the overlap pays for the second interpreter."""
from __future__ import annotations

import os

import pytest

import povpkg
from povpkg import _validate, _worker


@pytest.fixture
def auto(monkeypatch):
    monkeypatch.delenv("POVPKG_WORKER", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def test_a_small_package_runs_in_one_process_a_large_one_beside_it(auto):
    assert not _worker.separate(1_500_000)  # the shipped tables
    assert not _worker.separate(_worker.MIN_BYTES - 1)
    assert _worker.separate(_worker.MIN_BYTES)


def test_one_core_never_starts_a_worker(auto, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert not _worker.separate(10 * _worker.MIN_BYTES)


@pytest.mark.parametrize(("value", "want"), [("1", True), ("0", False)])
def test_the_environment_decides_when_it_says_so(auto, monkeypatch, value, want):
    monkeypatch.setenv("POVPKG_WORKER", value)
    assert _worker.separate(0) is want and _worker.separate(10 * _worker.MIN_BYTES) is want


def test_validate_hands_the_data_files_size_to_the_decision(auto, monkeypatch):
    seen = []
    monkeypatch.setattr(_validate, "separate", lambda size: seen.append(size) or False)
    assert povpkg.validate().valid
    from povpkg._package import data_root, descriptor

    files = [data_root() / r["path"] for r in descriptor(None)["resources"]]
    assert seen == [sum(f.stat().st_size for f in files)] and seen[0] > 1_000_000
