"""The figure script runs on the loaded tables and writes its pictures."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_make_figures(tmp_path):
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_figures.py"), str(tmp_path)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    for name in ("funding_2009.png", "participants_2012_by_region.png", "timeline.png"):
        data = (tmp_path / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 10_000, name
