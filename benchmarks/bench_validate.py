"""Validation speed: `povpkg validate` against bare `frictionless validate`, and growth.

    python benchmarks/bench_validate.py [--scales 1,2,4,8] [--pairs N] [--no-stages] [--sources DIR]

For each scale (1 = the shipped package; N = a copy with N x the rows built by
``scale.py``, which validates clean) both validators must exit 0 before anything
is timed. Then whole processes run in alternating pairs (at least 5 where a run
takes under 10 s): the median wall and CPU times (user + system of the whole
process tree, povpkg's frictionless worker included) are compared, with povpkg's
bytecode compiled first (``timing.cached_bytecode``), and the largest
peak memory of each tree; povpkg with and without its frictionless worker
(``POVPKG_WORKER=1`` against ``=0``: povpkg decides by the data's size); a stage profile
(``stages.py``) gives each stage's and each rule's time and memory. With
``--sources DIR`` (a folder of copies of every stored text), `povpkg validate
--sources DIR` is paired with a plain `povpkg validate` on the shipped package.
Everything goes to benchmarks/out/validate.json; the table goes to stdout.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from scale import ROOT, rows_in, scaled_copy  # noqa: E402
from timing import cached_bytecode, machine, paired, pairs_for, run  # noqa: E402


def commands(dp: Path) -> tuple[list[str], list[str]]:
    bindir = Path(sys.executable).parent
    return [str(bindir / "povpkg"), "validate", str(dp)], [str(bindir / "frictionless"), "validate", str(dp)]


def with_sources(folder: str, pairs: int) -> dict:
    """`povpkg validate --sources FOLDER` against a plain `povpkg validate`, shipped package."""
    pov, _ = commands(ROOT / "datapackage.json")
    run([*pov, "--sources", folder], check_exit=0)  # every span must check before it is timed
    return paired([*pov, "--sources", folder], pov, pairs)


def measure(dp: Path, pairs: int | None, stages: bool) -> dict:
    pov, fl = commands(dp)
    first_p, *_ = run(pov, check_exit=0)  # a copy that does not validate clean would time an error path
    first_f, *_ = run(fl, check_exit=0)
    n = pairs or pairs_for(max(first_p, first_f))
    out = {"rows": rows_in(dp), "load_average_before": os.getloadavg(), "povpkg_vs_frictionless": paired(pov, fl, n)}
    p = out["povpkg_vs_frictionless"]
    p["peak_ratio"] = p["a_peak_mib"] / p["b_peak_mib"]  # whole process trees (povpkg's worker included)
    p["peak_sum_ratio"] = p["a_peak_sum_mib"] / p["b_peak_sum_mib"]  # the same with per-process peaks added up
    # the one performance device validation keeps: frictionless in a worker process, overlapping the typed pass
    out["worker_vs_one_process"] = paired(["env", "POVPKG_WORKER=1", *pov], ["env", "POVPKG_WORKER=0", *pov], n)
    if stages:
        got = subprocess.run([sys.executable, str(HERE / "stages.py"), str(dp)], capture_output=True, text=True,
                             check=True)
        out["stages"] = json.loads(got.stdout)
    return out


def growth(scales: dict) -> dict:
    """Time ratio of each scale to the one before it, whole runs and per stage (linear: the rows' ratio)."""
    out, keys = {}, sorted(scales, key=int)
    for a, b in zip(keys, keys[1:]):
        sa, sb = scales[a], scales[b]
        pa, pb = sa["povpkg_vs_frictionless"], sb["povpkg_vs_frictionless"]
        ta = {s["stage"]: s["seconds"] for s in sa.get("stages", {}).get("stages", [])}
        tb = {s["stage"]: s["seconds"] for s in sb.get("stages", {}).get("stages", [])}
        out[f"{b}/{a}"] = {
            "rows_ratio": sb["rows"] / sa["rows"],
            "povpkg": pb["a_median_s"] / pa["a_median_s"], "frictionless": pb["b_median_s"] / pa["b_median_s"],
            "povpkg_cpu": pb["a_cpu_median_s"] / pa["a_cpu_median_s"],
            "frictionless_cpu": pb["b_cpu_median_s"] / pa["b_cpu_median_s"],
            # stages under 50 ms at the smaller scale are timer noise, not growth
            "stages": {k: tb[k] / ta[k] for k in ta if k in tb and ta[k] >= 0.05 and not k.startswith("import")},
        }
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scales", default="1,2,4,8")
    ap.add_argument("--pairs", type=int, help="pairs per scale (default: 5 under 10 s a run, fewer above)")
    ap.add_argument("--no-stages", action="store_true")
    ap.add_argument("--sources", help="a folder of copies of every stored text: time validate --sources too")
    ap.add_argument("--out", default=str(HERE / "out" / "validate.json"))
    args = ap.parse_args()
    cached_bytecode()  # as after pip install: the runs time povpkg, not the compiler
    result = {"machine": machine(), "scales": {}}
    print(f"{'scale':>5} {'rows':>9} {'pairs':>5} {'frictionless s':>14} {'povpkg s':>9} {'ratio':>6} "
          f"{'(min-max)':>12} {'fl cpu s':>8} {'pov cpu s':>9} {'ratio':>6} {'(min-max)':>12} "
          f"{'fl MiB':>7} {'pov MiB':>8} {'ratio':>6} {'(peaks added)':>14} {'load':>5}")
    for factor in [int(s) for s in args.scales.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            dp = ROOT / "datapackage.json" if factor == 1 else scaled_copy(Path(tmp), factor)
            got = measure(dp, args.pairs, not args.no_stages)
        result["scales"][str(factor)] = got
        p = got["povpkg_vs_frictionless"]
        print(f"{factor:>5} {got['rows']:>9} {p['pairs']:>5} {p['b_median_s']:>14.2f} {p['a_median_s']:>9.2f} "
              f"{p['ratio_median']:>5.2f}x {p['ratio_min']:>5.2f}-{p['ratio_max']:<5.2f} "
              f"{p['b_cpu_median_s']:>8.2f} {p['a_cpu_median_s']:>9.2f} {p['cpu_ratio_median']:>5.2f}x "
              f"{p['cpu_ratio_min']:>5.2f}-{p['cpu_ratio_max']:<5.2f} "
              f"{p['b_peak_mib']:>7.0f} {p['a_peak_mib']:>8.0f} {p['peak_ratio']:>5.2f}x {p['peak_sum_ratio']:>13.2f}x "
              f"{got['load_average_before'][0]:>5.1f}", flush=True)
        w = got["worker_vs_one_process"]
        print(f"        with the frictionless worker {w['a_median_s']:.2f} s ({w['a_cpu_median_s']:.2f} s CPU), in one "
              f"process {w['b_median_s']:.2f} s ({w['b_cpu_median_s']:.2f} s CPU): {w['ratio_median']:.2f}x wall, "
              f"{w['cpu_ratio_median']:.2f}x CPU", flush=True)
        for s in got.get("stages", {}).get("stages", []):
            print(f"        {s['stage']:<48} {s['seconds']:8.3f} s  peak {s['peak_mib_after']:7.1f} MiB")
    result["growth"] = growth(result["scales"])
    for name, g in result["growth"].items():
        worst = max(g["stages"].items(), key=lambda kv: kv[1], default=("-", 0))
        print(f"x{g['rows_ratio']:.0f} rows ({name}): povpkg {g['povpkg']:.2f}x (cpu {g['povpkg_cpu']:.2f}x), "
              f"frictionless {g['frictionless']:.2f}x (cpu {g['frictionless_cpu']:.2f}x), "
              f"slowest-growing stage {worst[0]} {worst[1]:.1f}x")
    if args.sources:
        got = result["sources"] = with_sources(args.sources, args.pairs or 5)
        print(f"validate --sources {args.sources} / plain, shipped package ({got['pairs']} pairs): "
              f"{got['a_median_s']:.2f} s / {got['b_median_s']:.2f} s = {got['ratio_median']:.2f}x wall "
              f"({got['ratio_min']:.2f}-{got['ratio_max']:.2f}); cpu {got['a_cpu_median_s']:.2f} s / "
              f"{got['b_cpu_median_s']:.2f} s = {got['cpu_ratio_median']:.2f}x ({got['cpu_ratio_min']:.2f}-"
              f"{got['cpu_ratio_max']:.2f})", flush=True)
    fit = [int(f) for f, g in result["scales"].items()
           if g["povpkg_vs_frictionless"]["a_median_s"] <= 60 and g["povpkg_vs_frictionless"]["a_peak_mib"] <= 4096]
    result["largest_scale_within_60s_4gib"] = max(fit, default=None)
    result["machine_after"] = {"load_average": machine()["load_average"]}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
