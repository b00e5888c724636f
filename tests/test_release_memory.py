"""``_load.release_memory`` hands freed memory back only once the resident memory has grown
by ``RELEASE_STEP`` since the last release: a release walks the heap and its pages fault in
again when reused, for nothing when a step freed little."""
from __future__ import annotations

import pytest

from povpkg import _load

MiB = 2**20


@pytest.fixture
def trims(monkeypatch):
    calls = []
    monkeypatch.setattr(_load, "_TRIM", lambda pad: calls.append(pad))
    monkeypatch.setattr(_load, "_RELEASED_AT", 100 * MiB)
    return calls


def resident(monkeypatch, *sizes):
    seen = iter(sizes)
    monkeypatch.setattr(_load, "_resident", lambda: next(seen))


def test_little_growth_since_the_last_release_is_left_alone(monkeypatch, trims):
    resident(monkeypatch, 100 * MiB + _load.RELEASE_STEP - 1)
    _load.release_memory()
    assert trims == [] and _load._RELEASED_AT == 100 * MiB


def test_a_step_of_growth_is_released_and_the_next_one_counted_from_what_remains(monkeypatch, trims):
    resident(monkeypatch, 100 * MiB + _load.RELEASE_STEP, 101 * MiB)
    _load.release_memory()
    assert trims == [0] and _load._RELEASED_AT == 101 * MiB


def test_without_a_reading_of_resident_memory_every_call_releases(monkeypatch, trims):
    resident(monkeypatch, None, None, None, None)
    _load.release_memory()
    _load.release_memory()
    assert trims == [0, 0]


def test_resident_memory_is_read_here():
    got = _load._resident()
    assert got is None or got > 10 * MiB  # an interpreter with pandas and pytest loaded
