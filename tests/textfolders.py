"""A folder of copied source texts for the validator (it refuses symlinked texts)."""
from __future__ import annotations

import shutil

import pytest


def copied_texts(tmp_path_factory, *folders):
    """A fresh folder holding copies of every ``*.txt`` of ``folders``; skips the test when
    one of them is absent (the page texts are third-party material kept outside the repository)."""
    missing = [str(d) for d in folders if not d.is_dir()]
    if missing:
        pytest.skip(f"{', '.join(missing)} not here; the checks need the stored texts")
    dest = tmp_path_factory.mktemp("texts")
    for d in folders:
        for f in d.glob("*.txt"):
            shutil.copyfile(f, dest / f.name)
    return dest
