"""The frictionless worker freezes what its imports built before frictionless's pass, so the
garbage collections during the pass do not walk it again (``gc.freeze``); the pass itself and
what it writes are unchanged."""
from __future__ import annotations

import io
import json
import sys

from povpkg import _worker


def test_the_worker_freezes_its_imports_before_the_pass(monkeypatch):
    order = []
    monkeypatch.setattr(sys, "argv", ["povpkg._worker", "/nowhere"])
    monkeypatch.setattr(_worker, "drop_working_directory", lambda *a: order.append("path"))
    monkeypatch.setattr(_worker.gc, "freeze", lambda: order.append("freeze"))
    monkeypatch.setattr(_worker, "_as_json", lambda copy, root, vouched: order.append("pass") or '{"ok": 1}')
    stdin = io.TextIOWrapper(io.BytesIO(json.dumps({"copy": {}, "vouched": {}}).encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    _worker.main()
    assert order == ["path", "freeze", "pass"] and out.getvalue() == '{"ok": 1}'
