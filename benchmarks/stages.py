"""Time and peak memory of each validation stage, in one process.

    python benchmarks/stages.py DATAPACKAGE      # prints one JSON object

Runs ``povpkg.validate`` itself with timers wrapped around its stages (imports,
frictionless, reading, pandera, the vouching for tables frictionless then reads no
further, every cross-table rule, the errata), each with its seconds, its CPU seconds
and the process's peak RSS once it finished: peak memory only grows, so
a stage's own share is the rise over the stage before. Frictionless runs in this
process (POVPKG_WORKER=0), one stage after another, so each is timed alone.
"""
from __future__ import annotations

import contextlib
import functools
import json
import os
import resource
import sys
import time

STAGES: list[dict] = []


def peak_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def record(stage: str, seconds: float, cpu: float | None = None) -> None:
    for s in STAGES:
        if s["stage"] == stage:  # a stage run once per table adds up
            s["seconds"] += seconds
            s["cpu_seconds"] += cpu or 0.0
            s["peak_mib_after"] = peak_mib()
            return
    STAGES.append({"stage": stage, "seconds": seconds, "cpu_seconds": cpu or 0.0, "peak_mib_after": peak_mib()})


@contextlib.contextmanager
def timing(stage: str):
    """Record the wall and CPU seconds of the ``with`` block as ``stage``."""
    t, c = time.perf_counter(), time.process_time()
    yield
    record(stage, time.perf_counter() - t, time.process_time() - c)


def timed(stage: str, fn, consume=False):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with timing(stage):
            out = fn(*args, **kwargs)
            if consume:  # rules are generators: their work happens while they are consumed
                out = list(out)
        return out
    return wrapper


def instrument() -> None:
    """Wrap the functions each stage runs through (by module attribute, so the real code runs)."""
    from povpkg import _load, _rules, _validate

    with timing("import frictionless"):
        import frictionless  # noqa: F401 - its import is a stage of its own
    with timing("import pandera + rules"):
        module = _rules.rules_module()

    _validate._frictionless = timed("frictionless", _validate._frictionless)
    _validate._vouched = timed("vouching", _validate._vouched)
    _load.read_table = timed("reading", _load.read_table)
    _rules.schema_failures = timed("pandera", _rules.schema_failures)
    runner = sys.modules.get(module.__name__ + ".runner")
    if runner is not None and hasattr(runner, "apply_errata"):
        runner.apply_errata = timed("errata", runner.apply_errata)
    rules = sys.modules[module.__name__ + ".rules"]
    for name, fn in list(rules.RULES.items()):
        wrapped = timed(f"rule {name}", fn, consume=True)
        wrapped.rule_name, wrapped.needs = fn.rule_name, fn.needs
        wrapped.__dict__.update({k: v for k, v in fn.__dict__.items() if k not in ("__wrapped__",)})
        rules.RULES[name] = wrapped


def main(dp: str) -> dict:
    t0, c0 = time.perf_counter(), time.process_time()
    import pandas  # noqa: F401
    record("import pandas", time.perf_counter() - t0, time.process_time() - c0)
    import povpkg

    instrument()
    with timing("validate (all stages)"):
        report = povpkg.validate(dp, sources=os.environ.get("POVPKG_STAGES_SOURCES") or None)
    return {"valid": report.valid, "failures": len(report.failures), "total_s": time.perf_counter() - t0,
            "total_cpu_s": time.process_time() - c0, "peak_mib": peak_mib(),
            "stages": [dict(s, seconds=round(s["seconds"], 4), cpu_seconds=round(s["cpu_seconds"], 4)) for s in STAGES]}


if __name__ == "__main__":
    os.environ["POVPKG_WORKER"] = "0"
    print(json.dumps(main(sys.argv[1])))
