"""Frictionless's pass in a worker process, overlapping the typed pass in the caller.

Frictionless (descriptor, structure, types, constraints, keys, hashes) and povpkg's
typed pass (reading, pandera, cross-table rules) are independent until their reports
merge; on two cores they overlap. The worker is a fresh interpreter (no fork of a
process that may hold threads) that imports frictionless at once, then waits on stdin
for the sanitized descriptor and the tables the typed pass vouched for (``_vouch``:
frictionless opens those without reading every row), and writes its failures as JSON on
stdout; the caller merges them in the same order as a run in one process, so the
report does not depend on which finished first. It is started as ``_trust`` says: only
the installed povpkg is imported, nothing from the data's folder.

    python -P -m povpkg._worker ROOT < {"copy": descriptor, "vouched": {table: file digests}}
"""
from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

from ._report import Failure, Report
from ._trust import HOME, child_env, drop_working_directory, python_command


class Frictionless:
    """Frictionless's pass over ``copy`` (a sanitized descriptor): its interpreter starts now,
    its work with ``start(vouched)``; read with ``result()``."""

    def __init__(self, copy: dict, root: Path):
        self.copy, self.root, self.proc, self.vouched = copy, root, None, None
        if sys.executable and (os.cpu_count() or 1) > 1 and not os.environ.get("POVPKG_NO_WORKER"):
            try:
                self.proc = subprocess.Popen(
                    python_command("-m", "povpkg._worker", str(root)), stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=child_env(), cwd=HOME)
            except OSError:
                self.proc = None

    def start(self, vouched: dict) -> None:
        """Hand the worker its work: every table, those in ``vouched`` opened but not read row by row."""
        if self.vouched is not None:
            return
        self.vouched = vouched
        if self.proc is not None:
            try:
                self.proc.stdin.write(json.dumps({"copy": self.copy, "vouched": vouched}).encode("utf-8"))
                self.proc.stdin.close()
            except OSError:  # a worker that died: the pass runs here instead (``result``)
                pass

    def result(self) -> tuple[list[Failure], dict, set]:
        """``(failures, rows per table, tables that cannot be loaded)``, as one process would give them."""
        self.start({})  # nothing vouched for unless the caller said so
        if self.proc is not None:
            out = self.proc.stdout.read()
            self.proc.stdout.close()
            if self.proc.wait() == 0:
                try:
                    got = json.loads(out)
                    return [Failure(**f) for f in got["failures"]], got["tables"], set(got["broken"])
                except (ValueError, KeyError, TypeError):
                    pass  # a worker that could not report: the pass runs here instead
        return run(self.copy, self.root, self.vouched)


def run(copy: dict, root: Path, vouched: dict | None = None) -> tuple[list[Failure], dict, set]:
    """Frictionless's pass here, its values made plain as the worker's JSON makes them."""
    got = json.loads(_as_json(copy, root, vouched or {}))
    return [Failure(**f) for f in got["failures"]], got["tables"], set(got["broken"])


def _as_json(copy: dict, root: Path, vouched: dict) -> str:
    from ._validate import _frictionless

    report = Report(package="", version=None)
    broken = _frictionless(copy, root, report, vouched)
    return json.dumps({"failures": [asdict(f) for f in report.failures], "tables": report.tables,
                       "broken": sorted(broken)}, default=str)


def main() -> None:
    drop_working_directory(sys.argv[1])  # nothing from the data's folder is imported (_trust)
    import frictionless  # noqa: F401 - imported while the caller's typed pass runs

    # what the imports built lives as long as this process: the garbage collections during
    # frictionless's pass need not walk it again and again (about 0.06 s of the worker's CPU)
    gc.freeze()
    work = json.loads(sys.stdin.buffer.read())
    sys.stdout.write(_as_json(work["copy"], Path(sys.argv[1]), work["vouched"]))


if __name__ == "__main__":
    main()
