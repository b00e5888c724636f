"""The ``povpkg`` command runs numpy's OpenBLAS on one thread (povpkg does no linear algebra;
an idle OpenBLAS thread per core busy-waits after numpy is imported), unless the user said
otherwise."""
from __future__ import annotations

import os

import pytest

from povpkg import cli


def run_console(monkeypatch) -> dict:
    seen = {}
    monkeypatch.setattr(cli, "main", lambda: seen.setdefault("blas", os.environ.get("OPENBLAS_NUM_THREADS")) and 0)
    with pytest.raises(SystemExit):
        cli.console()
    return seen


def test_the_command_asks_openblas_for_one_thread(monkeypatch):
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    assert run_console(monkeypatch) == {"blas": "1"}


def test_a_thread_count_the_user_set_is_kept(monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    assert run_console(monkeypatch) == {"blas": "4"}
