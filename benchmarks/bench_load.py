"""Loading speed: `import povpkg` against bare Python, `povpkg.load` against pandas.read_csv.

    python benchmarks/bench_load.py [--repeat N]

Prints ratios against each baseline (targets: import close to 1x the interpreter's
start; load within 1.3x of read_csv with the same dtypes) and the wheel's size.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def run(code):
    return lambda: subprocess.run([sys.executable, "-c", code], check=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()

    bare, _ = best(run("pass"), args.repeat)
    imp, _ = best(run("import povpkg"), args.repeat)
    ver, _ = best(run("import povpkg; povpkg.__version__; povpkg.tables()"), args.repeat)
    print(f"python -c pass                 {bare * 1e3:7.1f} ms   1.00x")
    print(f"import povpkg                  {imp * 1e3:7.1f} ms   {imp / bare:.2f}x")
    print(f"import + version + tables()    {ver * 1e3:7.1f} ms   {ver / bare:.2f}x")

    import pandas as pd

    import povpkg
    from povpkg._load import read_plan

    print("\ntable                 read_csv(ms)  load(ms)  ratio")
    for name in povpkg.tables():
        res = povpkg.describe(name)
        kwargs, dates = read_plan(res["schema"])  # the same dtypes, decided once
        path = ROOT / res["path"]

        def baseline():
            df = pd.read_csv(path, **kwargs)
            for c, fmt in dates.items():
                df[c] = pd.to_datetime(df[c], format=fmt)

        b, _ = best(baseline, args.repeat * 3)
        l, _ = best(lambda: povpkg.load(name), args.repeat * 3)
        print(f"{name:<22}{b * 1e3:12.2f}{l * 1e3:10.2f}  {l / b:5.2f}x")

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", tmp, str(ROOT)],
                       check=True, capture_output=True)
        (whl,) = Path(tmp).glob("*.whl")
        print(f"\nwheel {whl.name}: {whl.stat().st_size / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
