"""Loading speed: `import povpkg` and the light commands, typed loading, the polars backend.

    python benchmarks/bench_load.py [--scale 100] [--pairs 7] [--wheel]

- ``import povpkg`` against a bare interpreter (whole processes, paired);
- the light CLI commands (whole processes, medians; target under 50 ms);
- typed ``povpkg.load_all`` against plain ``pandas.read_csv`` of the same files,
  and ``load(..., backend="polars")`` against ``polars.read_csv``, in process and
  warm, on the shipped package and on a copy with ``--scale`` x the rows.

Everything goes to benchmarks/out/load.json; a summary goes to stdout.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from scale import ROOT, rows_in, scaled_copy  # noqa: E402
from timing import cached_bytecode, machine, paired, paired_calls, run  # noqa: E402

LIGHT = (["--version"], ["list"], ["cite"], ["describe", "events"])


def startup(pairs: int) -> dict:
    """Whole processes with cached bytecode, as after ``pip install`` (which compiles it)."""
    cached_bytecode()
    py = sys.executable
    out = {"import_povpkg_vs_bare": paired([py, "-c", "import povpkg"], [py, "-c", "pass"], pairs)}
    povpkg = str(Path(py).parent / "povpkg")
    # the floor of any installed command: the interpreter and what pip's launcher imports itself
    times = [run([py, "-c", "import re, sys"], check_exit=0)[0] for _ in range(pairs)]
    out["launcher floor"] = {"median_s": statistics.median(times), "max_s": max(times)}
    for args in LIGHT:
        times = [run([povpkg, *args], check_exit=0)[0] for _ in range(pairs)]
        out["povpkg " + " ".join(args)] = {"median_s": statistics.median(times), "max_s": max(times)}
    return out


def loading(dp: Path, pairs: int) -> dict:
    import pandas as pd
    import polars as pl

    import povpkg

    desc = json.loads(dp.read_text(encoding="utf-8"))
    files = {r["name"]: dp.parent / r["path"] for r in desc["resources"]}
    return {
        "rows": rows_in(dp),
        "load_all_vs_read_csv": paired_calls(lambda: povpkg.load_all(dp),
                                             lambda: {n: pd.read_csv(p) for n, p in files.items()}, pairs),
        "polars_vs_pl_read_csv": paired_calls(lambda: {n: povpkg.load(n, dp, backend="polars") for n in files},
                                              lambda: {n: pl.read_csv(p) for n, p in files.items()}, pairs),
    }


def wheel_kib() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", tmp, str(ROOT)],
                       check=True, capture_output=True)
        (whl,) = Path(tmp).glob("*.whl")
        return whl.stat().st_size / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=100)
    ap.add_argument("--pairs", type=int, default=7)
    ap.add_argument("--wheel", action="store_true", help="also build the wheel and report its size")
    ap.add_argument("--out", default=str(HERE / "out" / "load.json"))
    args = ap.parse_args()
    result = {"machine": machine(), "startup": startup(max(args.pairs, 11))}
    result["load"] = {"1": loading(ROOT / "datapackage.json", args.pairs)}
    with tempfile.TemporaryDirectory() as tmp:
        result["load"][str(args.scale)] = loading(scaled_copy(Path(tmp), args.scale), args.pairs)
    if args.wheel:
        result["wheel_kib"] = round(wheel_kib(), 1)
    result["machine_after"] = {"load_average": machine()["load_average"]}

    imp = result["startup"]["import_povpkg_vs_bare"]
    print(f"import povpkg  {imp['a_median_s'] * 1e3:6.1f} ms vs bare {imp['b_median_s'] * 1e3:6.1f} ms: "
          f"{imp['ratio_median']:.2f}x ({imp['ratio_min']:.2f}-{imp['ratio_max']:.2f}, {imp['pairs']} pairs)")
    floor = result["startup"]["launcher floor"]
    print(f"{'launcher floor':<25} {floor['median_s'] * 1e3:6.1f} ms (python -c 'import re, sys', as pip's launcher)")
    for args_ in LIGHT:
        got = result["startup"]["povpkg " + " ".join(args_)]
        print(f"povpkg {' '.join(args_):<18} {got['median_s'] * 1e3:6.1f} ms (max {got['max_s'] * 1e3:.1f})")
    for scale, got in result["load"].items():
        for what, label in (("load_all_vs_read_csv", "load_all / pandas.read_csv"),
                            ("polars_vs_pl_read_csv", "polars backend / polars.read_csv")):
            r = got[what]
            print(f"{scale:>4}x ({got['rows']:>8} rows) {label:<34} {r['a_median_s'] * 1e3:8.1f} / "
                  f"{r['b_median_s'] * 1e3:8.1f} ms = {r['ratio_median']:.2f}x ({r['ratio_min']:.2f}-{r['ratio_max']:.2f})")
    if "wheel_kib" in result:
        print(f"wheel: {result['wheel_kib']} KiB")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
