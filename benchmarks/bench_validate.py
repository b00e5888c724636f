"""Validation speed: `povpkg validate` against bare `frictionless validate`, and growth.

    python benchmarks/bench_validate.py [--scales 1,10,100,1000]

Copies the package, multiplies every fact table's rows (keeping keys unique), and
times both validators on each copy. Prints seconds and ratios: povpkg against
frictionless at each scale, and each scale against 1x (linear growth means the
time ratio tracks the row ratio).
"""
from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# tables whose rows can be repeated with a suffixed key without breaking references
GROWABLE = {"events": "event_id", "amounts": "amount_id", "indicators": "indicator_id"}


def scaled_copy(dest: Path, factor: int) -> Path:
    shutil.copy2(ROOT / "datapackage.json", dest / "datapackage.json")
    shutil.copytree(ROOT / "tables", dest / "tables")
    desc = json.loads((dest / "datapackage.json").read_text())
    for name, key in GROWABLE.items():
        path = dest / "tables" / f"{name}.csv"
        if not path.exists() or factor == 1:
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            header, *rows = list(csv.reader(fh))
        k = header.index(key)
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)
            for n in range(1, factor):
                for r in rows:
                    r2 = list(r)
                    r2[k] = f"{r[k]}-x{n}"
                    w.writerow(r2)
    for res in desc["resources"]:  # the copy is a new dataset: no hashes to hold it to
        res.pop("hash", None)
        res.pop("bytes", None)
    (dest / "datapackage.json").write_text(json.dumps(desc))
    return dest / "datapackage.json"


def timed(cmd) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, capture_output=True)
    return time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scales", default="1,10,100,1000")
    args = ap.parse_args()
    fl = str(Path(sys.executable).with_name("frictionless"))
    pov = [sys.executable, "-m", "povpkg", "validate"]
    print("scale   rows   frictionless(s)  povpkg(s)  povpkg/frictionless  povpkg vs 1x")
    base = None
    for factor in [int(s) for s in args.scales.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            dp = scaled_copy(Path(tmp), factor)
            rows = sum(sum(1 for _ in open(p, encoding="utf-8")) - 1 for p in Path(tmp, "tables").glob("*.csv"))
            f = timed([fl, "validate", str(dp)])
            p = timed([*pov, str(dp)])
            base = base or p
            print(f"{factor:>5} {rows:>7} {f:15.2f} {p:10.2f} {p / f:18.2f}x {p / base:12.2f}x")


if __name__ == "__main__":
    main()
