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

from ._limits import MiB
from ._report import Failure, Report
from ._trust import HOME, child_env, drop_working_directory, python_command


# From this size of data files on, frictionless's pass runs in a worker process (``separate``).
MIN_BYTES = 8 * MiB


def separate(data_bytes: int) -> bool:
    """Whether frictionless's pass gets a process of its own, for ``data_bytes`` of data files.

    The overlap saves wall time on a second core, but a second interpreter importing
    frictionless's dependencies again, and two processes sharing the cores, cost 0.2 to 0.6 s
    of CPU: more than the wall time saved on the shipped package (1.5 MB), less from about
    8 MiB on, where frictionless opens and hashes enough to be worth overlapping
    (docs/benchmarks.md). ``POVPKG_WORKER=1`` or ``=0`` decides instead (tests, benchmarks)."""
    forced = os.environ.get("POVPKG_WORKER")
    if forced in ("0", "1"):
        return forced == "1" and bool(sys.executable)
    return bool(sys.executable) and (os.cpu_count() or 1) > 1 and data_bytes >= MIN_BYTES


class Frictionless:
    """Frictionless's pass over ``copy`` (a sanitized descriptor): with ``worker``, its
    interpreter starts now and its work with ``start(vouched)``; without, it runs in this
    process when ``result()`` is asked for."""

    def __init__(self, copy: dict, root: Path, worker: bool):
        self.copy, self.root, self.proc, self.vouched = copy, root, None, None
        if worker:
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
