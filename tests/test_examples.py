"""docs/examples.md runs: its Python blocks, in order, in one namespace (they build on each other)."""
from __future__ import annotations

import contextlib
import io
import re

from conftest import ROOT

EXAMPLES = ROOT / "docs" / "examples.md"


def test_worked_examples_run_and_their_checks_hold():
    blocks = re.findall(r"```python\n(.*?)```", EXAMPLES.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) == 6, "one setup block and the five examples"
    namespace: dict = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for i, block in enumerate(blocks):
            exec(compile(block, f"{EXAMPLES.name} block {i + 1}", "exec"), namespace)
    for name in ("by_region", "table", "by_currency_year", "per_event", "linked"):
        assert name in namespace and len(namespace[name]), name
    assert "10k CNY" in out.getvalue()
