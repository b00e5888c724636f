"""Worst cases: `povpkg validate` on hostile inputs, against the clean package.

    python benchmarks/bench_hostile.py [--timeout 120] [--only NAME,...]

Each case is a copy of the shipped package with one hostile change (issue 18, §4):
a catastrophic-backtracking ``pattern`` added to a field, a 250,000-character
e-mail, 100,000 resources naming one small CSV, a 40,000-place parent chain, a CSV
extended to a 2 GiB sparse file, plus a 4 MiB cell, tables just under the byte limits
of a file and of a package (every key a duplicate) and a 32 MiB descriptor. Every
case must fail (exit 1; where a limit applies, the failure names it) well within
the timeout, with the whole process tree's peak memory under 1 GiB. Whole processes, one run each;
the table goes to stdout, everything to benchmarks/out/hostile.json.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from scale import ROOT  # noqa: E402
from timing import TreePeak, machine  # noqa: E402

MEMORY_BOUND_MIB = 1024


def _copy(dest: Path) -> Path:
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "datapackage.json", dest / "datapackage.json")
    shutil.copytree(ROOT / "tables", dest / "tables")
    return dest


def _desc(dp: Path) -> dict:
    return json.loads((dp / "datapackage.json").read_text(encoding="utf-8"))


def _save(dp: Path, desc: dict) -> None:
    (dp / "datapackage.json").write_text(json.dumps(desc, ensure_ascii=False, indent=1), encoding="utf-8")


def _rehash(dp: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "update_hashes.py"), str(dp)], check=True,
                   capture_output=True)


def _field(desc: dict, table: str, name: str) -> dict:
    res = next(r for r in desc["resources"] if r["name"] == table)
    return next(f for f in res["schema"]["fields"] if f["name"] == name)


def _set_cell(dp: Path, table: str, field: str, value: str, row: int = 0) -> None:
    path = dp / "tables" / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[row + 1][rows[0].index(field)] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def clean(dp: Path) -> None:
    """The shipped package, unchanged (the baseline)."""


def pattern(dp: Path) -> None:
    """`(a+)+$` added to events.title, a title of 40 a's and a '!'."""
    _set_cell(dp, "events", "title", "a" * 40 + "!")
    _rehash(dp)
    desc = _desc(dp)
    _field(desc, "events", "title").setdefault("constraints", {})["pattern"] = "(a+)+$"
    _save(dp, desc)


def email(dp: Path) -> None:
    """A contributor e-mail of 250,000 characters (dots, then a space: quadratic for a naive pattern)."""
    desc = _desc(dp)
    desc["contributors"][0]["email"] = "a@" + "a." * 124_998 + " x"
    _save(dp, desc)


def resources(dp: Path) -> None:
    """100,000 resources, each naming countries.csv."""
    desc = _desc(dp)
    res = next(r for r in desc["resources"] if r["name"] == "countries")
    desc["resources"] += [{**res, "name": f"countries-{i}"} for i in range(100_000)]
    _save(dp, desc)


def chain(dp: Path) -> None:
    """40,000 places, each the parent of the next."""
    path = dp / "tables" / "places.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    base = rows[0]
    extra = [{**base, "place_id": f"pl-chain-{i}", "parent_id": f"pl-chain-{i - 1}" if i else base["place_id"],
              "gbt2260": "", "name_zh": "", "name_zh_basis": "", "name": f"Chain {i}"} for i in range(40_000)]
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(base), lineterminator="\n")
        w.writeheader()
        w.writerows(rows + extra)
    _rehash(dp)


def sparse(dp: Path) -> None:
    """events.csv extended to a 2 GiB sparse file (NUL bytes after the last row)."""
    os.truncate(dp / "tables" / "events.csv", 2 * 2**30)


def cell(dp: Path) -> None:
    """One 4 MiB cell in events.notes."""
    _set_cell(dp, "events", "notes", "x" * 4 * 2**20)
    _rehash(dp)


def _grow(dp: Path, table: str, target: int) -> None:
    """``table``'s rows repeated to about ``target`` bytes (every key a duplicate)."""
    path = dp / "tables" / f"{table}.csv"
    head, body = path.read_text(encoding="utf-8").split("\n", 1)
    copies = target // len(body.encode("utf-8"))
    path.write_text(head + "\n" + body * copies, encoding="utf-8")


def rows(dp: Path) -> None:
    """events.csv just under the byte limit of one file (~31 MB of repeated rows)."""
    _grow(dp, "events", 31 * 10**6)


def package(dp: Path) -> None:
    """Three tables together just under the package's byte limit (~66 MB)."""
    for table in ("events", "indicators", "amounts"):
        _grow(dp, table, 22 * 10**6)


def descriptor(dp: Path) -> None:
    """A 32 MiB descriptor (a description of 32 million characters)."""
    desc = _desc(dp)
    desc["description"] = "x" * 32 * 2**20
    _save(dp, desc)


CASES = {f.__name__: f for f in (clean, pattern, email, resources, chain, sparse, cell, rows, package, descriptor)}


def run(dp: Path, timeout: float) -> dict:
    """One whole `povpkg validate`: seconds, the tree's peak MiB, exit code and the first failure line."""
    cmd = [str(Path(sys.executable).parent / "povpkg"), "validate", str(dp)]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    sampler = TreePeak(proc.pid)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        out, err = proc.communicate()
    seconds = time.perf_counter() - t
    peak, _ = sampler.stop()
    lines = [ln for ln in (out + err).decode(errors="replace").splitlines() if ln.strip()]
    failures = [ln.strip() for ln in lines if ln.lstrip().startswith("- ")]
    said = next((ln for ln in failures if "[size-limit]" in ln), failures[0] if failures else lines[-1] if lines else "")
    return {"seconds": round(seconds, 2), "peak_mib": round(peak), "exit": proc.returncode,
            "timed_out": seconds >= timeout, "said": said[:160]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--only", default=",".join(CASES))
    args = ap.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only.split(","):
            dp = _copy(Path(tmp) / name)
            CASES[name](dp)
            results[name] = run(dp, args.timeout)
            shutil.rmtree(dp)
            r = results[name]
            print(f"{name:<11} {r['seconds']:>7.2f} s {r['peak_mib']:>6} MiB  exit {r['exit']}  {r['said'][:90]}",
                  flush=True)
    bad = [n for n, r in results.items() if r["timed_out"] or r["peak_mib"] > MEMORY_BOUND_MIB
           or r["exit"] != (0 if n == "clean" else 1)]
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "hostile.json").write_text(json.dumps({"machine": machine(), "cases": results, "bad": bad}, indent=1),
                                      encoding="utf-8")
    if bad:
        print(f"out of bounds: {', '.join(bad)}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
