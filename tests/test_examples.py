"""docs/examples.md runs: its Python blocks, in order, in one namespace (they build on each other);
docs/examples-polars.md asks the same questions on polars and gets the same answers."""
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


def _run(page):
    blocks = re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for i, block in enumerate(blocks):
            exec(compile(block, f"{page.name} block {i + 1}", "exec"), namespace)
    return namespace


def test_the_worked_examples_give_the_same_answers_on_polars():
    """docs/examples-polars.md asks the same five questions with backend="polars"; each answer
    equals the pandas one."""
    import pytest

    pl = pytest.importorskip("polars")
    pd_ns, pl_ns = _run(EXAMPLES), _run(ROOT / "docs" / "examples-polars.md")
    by_region = pd_ns["by_region"].reset_index()
    assert sorted(map(tuple, by_region[["region", "countries", "participations"]].astype(str).values)) == \
        sorted(map(tuple, pl_ns["by_region"].select("region", "countries", "participations").cast(pl.String).rows()))
    assert pd_ns["table"].loc["total", "total"] == pl_ns["grand"]
    byc = pd_ns["by_currency_year"].reset_index()
    assert sorted(zip(byc.currency.astype(str), byc.year.astype("Int64").astype(str), byc.amount)) == \
        sorted((c, str(y) if y is not None else "<NA>", a) for c, y, a in pl_ns["by_currency_year"].rows())
    assert dict(zip(pd_ns["per_event"].event_id, pd_ns["per_event"].countries)) == \
        dict(zip(pl_ns["per_event"]["event_id"], pl_ns["per_event"]["countries"]))
    linked = pd_ns["linked"]
    assert sorted(zip(linked.iso3, linked.year.astype(int), linked.activities, linked.hosted_or_visited)) == \
        sorted(pl_ns["linked"].select("iso3", "year", "activities", "hosted_or_visited").rows())
