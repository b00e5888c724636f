"""Paired, alternating timing: whole processes (time, CPU time and peak memory) and in-process calls.

Two commands run back to back in pairs, the order flipping each pair, so that
load from other work on the machine falls on both sides alike; the figures are
medians, and the spread of the per-pair ratios says how noisy the machine was.

CPU time is user + system time of the whole process tree (the command and every
process it waited for, as ``wait4`` reports them): on a machine shared with other
work it moves far less than wall time does, which counts the waits for a core.

Peak memory is the whole process tree's: ``povpkg validate`` runs frictionless in a
worker process, so a sampler reads the command and every process under it every 10 ms.
Two figures: the largest sum of their resident memory at one instant (the tree's peak,
as sampled), and the sum of each process's own peak RSS (VmHWM), which never
understates the tree's peak but adds peaks that did not happen at the same time.
"""
from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path


class TreePeak(threading.Thread):
    """Samples, every ``interval`` seconds, the peak RSS of a process and of its descendants."""

    def __init__(self, pid: int, interval: float = 0.01):
        super().__init__(daemon=True)
        self.pid, self.interval, self.hwm, self.together = pid, interval, {}, 0
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            now = 0
            for pid in self.tree():
                hwm, rss = _status_kib(pid, "VmHWM"), _status_kib(pid, "VmRSS")
                if hwm:
                    self.hwm[pid] = max(self.hwm.get(pid, 0), hwm)
                now += rss
            self.together = max(self.together, now)
            self.done.wait(self.interval)

    def tree(self) -> list[int]:
        out, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            out.append(pid)
            try:
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
                        todo += [int(c) for c in f.read().split()]
            except OSError:
                pass
        return out

    def stop(self) -> tuple[float, float]:
        """MiB: (the largest sampled sum of resident memory, the sum of the per-process peaks)."""
        self.done.set()
        self.join()
        return self.together / 1024, sum(self.hwm.values()) / 1024


def _status_kib(pid: int, key: str) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def run(cmd: list[str], *, check_exit: int | None = None) -> tuple[float, float, int, float, float]:
    """``(seconds, the tree's sampled peak MiB, exit code, sum of per-process peaks MiB, CPU seconds of
    the tree)`` of one whole process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = TreePeak(proc.pid)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    together, peaks = sampler.stop()
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.stderr.close()
    if check_exit is not None and code != check_exit:
        raise SystemExit(f"{' '.join(cmd)} exited {code}, expected {check_exit}: {err.strip()[-500:]}")
    largest = usage.ru_maxrss / 1024  # the largest single process: a floor for both (sampling can miss the last 10 ms)
    return seconds, max(together, largest), code, max(peaks, largest), usage.ru_utime + usage.ru_stime


def pairs_for(seconds: float, minimum: int = 5) -> int:
    """At least ``minimum`` pairs when a run is under 10 s; fewer for long runs."""
    if seconds < 10:
        return minimum
    return 3 if seconds < 60 else 1


def paired(a: list[str], b: list[str], pairs: int, *, exit_a=0, exit_b=0) -> dict:
    """Run ``a`` and ``b`` ``pairs`` times, alternating which goes first."""
    rows = []
    for i in range(pairs):
        first, second = ((a, exit_a), (b, exit_b)) if i % 2 == 0 else ((b, exit_b), (a, exit_a))
        r1 = run(first[0], check_exit=first[1])
        r2 = run(second[0], check_exit=second[1])
        ra, rb = (r1, r2) if i % 2 == 0 else (r2, r1)
        rows.append({"a_s": ra[0], "b_s": rb[0], "a_mib": ra[1], "b_mib": rb[1], "a_mib_sum": ra[3], "b_mib_sum": rb[3],
                     "a_cpu_s": ra[4], "b_cpu_s": rb[4]})
    return summarize(rows)


def paired_calls(a, b, pairs: int) -> dict:
    """The same as ``paired`` for two in-process callables (warm: one untimed call each first)."""
    a(), b()
    rows = []
    for i in range(pairs):
        order = (a, b) if i % 2 == 0 else (b, a)
        got = {}
        for fn in order:
            t = time.perf_counter()
            fn()
            got[fn] = time.perf_counter() - t
        rows.append({"a_s": got[a], "b_s": got[b]})
    return summarize(rows)


def summarize(rows: list[dict]) -> dict:
    ratios = [r["a_s"] / r["b_s"] for r in rows]
    out = {
        "pairs": len(rows),
        "a_median_s": statistics.median(r["a_s"] for r in rows),
        "b_median_s": statistics.median(r["b_s"] for r in rows),
        "ratio_median": statistics.median(ratios),
        "ratio_min": min(ratios),
        "ratio_max": max(ratios),
    }
    if "a_cpu_s" in rows[0]:
        cpu = [r["a_cpu_s"] / r["b_cpu_s"] for r in rows]
        out.update(a_cpu_median_s=statistics.median(r["a_cpu_s"] for r in rows),
                   b_cpu_median_s=statistics.median(r["b_cpu_s"] for r in rows),
                   cpu_ratio_median=statistics.median(cpu), cpu_ratio_min=min(cpu), cpu_ratio_max=max(cpu))
    if "a_mib" in rows[0]:
        out["a_peak_mib"] = max(r["a_mib"] for r in rows)
        out["b_peak_mib"] = max(r["b_mib"] for r in rows)
        out["a_peak_sum_mib"] = max(r["a_mib_sum"] for r in rows)  # per-process peaks added up
        out["b_peak_sum_mib"] = max(r["b_mib_sum"] for r in rows)
    return out


def cached_bytecode() -> None:
    """Compile povpkg's own modules (the package and its rules folder) before anything is timed.

    An installed wheel has its bytecode compiled by pip; a checkout writes it on first use,
    unless PYTHONDONTWRITEBYTECODE is set (as on the project's machine): then every module
    edited since its ``.pyc`` was written is compiled again on every run, about 0.1 s of CPU
    that is the compiler's, not povpkg's. ``compileall`` writes the cache either way."""
    import compileall

    import povpkg
    from povpkg._rules import rules_dir

    for folder in (Path(povpkg.__file__).resolve().parent, rules_dir()):
        compileall.compile_dir(str(folder), quiet=1)


def machine() -> dict:
    """What the figures were measured on, including how busy it was."""
    import importlib.metadata as md

    def version(name):
        try:
            return md.version(name)
        except md.PackageNotFoundError:
            return None

    cpu = platform.processor()
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem = None
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem, 1) if mem else None,
        "load_average": os.getloadavg(), "python": sys.version.split()[0], "platform": platform.platform(),
        "packages": {n: version(n) for n in ("pandas", "pyarrow", "frictionless", "pandera", "polars", "numpy")},
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
