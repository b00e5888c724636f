"""During the typed pass the garbage collector leaves alone what was alive when it began
(``_validate._survivors_left_alone``: ``gc.freeze``), and hands it back when the pass ends,
however it ends; a caller that froze objects itself keeps them frozen."""
from __future__ import annotations

import gc

import pytest

from povpkg._validate import _survivors_left_alone


@pytest.fixture(autouse=True)
def nothing_frozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_what_lives_when_the_pass_starts_is_left_alone_until_it_ends():
    with _survivors_left_alone():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_the_collector_gets_everything_back_when_the_pass_fails():
    with pytest.raises(RuntimeError):
        with _survivors_left_alone():
            raise RuntimeError("a rule broke")
    assert gc.get_freeze_count() == 0


def test_a_caller_that_froze_objects_keeps_them_frozen():
    gc.freeze()
    frozen = gc.get_freeze_count()
    with _survivors_left_alone():
        pass
    assert frozen > 0 and gc.get_freeze_count() > frozen // 2  # not handed back: an unfreeze leaves 0
