"""The benchmarks time clean runs: a scaled copy validates exactly as the original."""
from __future__ import annotations

import json
import sys

import povpkg
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from scale import scaled_copy  # noqa: E402


def test_scaled_copy_validates_clean_with_its_own_version(tmp_path):
    dp = scaled_copy(tmp_path / "x2", 2)
    report = povpkg.validate(dp)
    assert report.valid, [f.message for f in report.failures][:5]
    desc = json.loads(dp.read_text(encoding="utf-8"))
    assert desc["version"] == f"{povpkg.__version__}+x2"
    assert report.tables["events"] == 2 * len(povpkg.load("events"))
    assert report.tables["countries"] == len(povpkg.load("countries"))  # ISO codes cannot be copied
    errata = povpkg.load("errata", dp)
    assert errata["row_id"].str.contains("-x1/|-x1$").sum() == len(povpkg.load("errata"))  # every erratum follows its row
    counts = povpkg.load("indicators", dp)["counts_rows"].dropna()
    assert any(c.endswith("-x1") for c in counts)  # selectors naming an identifier follow its copy
