"""The codebook's derived-views section: the two panels' columns come from the modules that
build them, every column is explained in docs/panel.md, and the functions give those columns."""
from __future__ import annotations

import re

import povpkg
from conftest import ROOT
from povpkg import _national, _panel
from povpkg._codebook import codebook


def _explained(page: str) -> set[str]:
    rows = [line for line in page.splitlines() if line.startswith("| `")]
    return {name for line in rows for name in re.findall(r"`([a-z_]+)`", line.split(" | ")[0])}


def test_every_panel_column_is_explained_in_panel_md():
    explained = _explained((ROOT / "docs" / "panel.md").read_text(encoding="utf-8"))
    assert set(_panel.COLUMNS) | set(_national.COLUMNS) <= explained


def test_the_functions_give_the_columns_the_codebook_lists():
    assert list(povpkg.pairing_panel().columns) == _panel.COLUMNS
    assert list(povpkg.national_series().columns) == _national.COLUMNS


def test_the_codebook_closes_with_both_views():
    text = codebook()
    tail = text[text.index("## Derived views"):]
    assert "`povpkg.pairing_panel()`" in tail and "`povpkg.national_series()`" in tail
    assert ", ".join(_national.COLUMNS) in tail and ", ".join(_panel.COLUMNS) in tail
    for figure in re.findall(r"`(docs/figures/[a-z_]+\.png)`", tail):
        assert (ROOT / figure).is_file(), figure
