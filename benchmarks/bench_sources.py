"""Speed of the provenance checks (`validate --sources`): the span rule alone.

    python benchmarks/bench_sources.py [--sources ../shared/sources] [--scales 1,10,100]

Loads the shipped tables, repeats the fact rows ``scale`` times, and times the rule that
reads the source texts and binds every figure and date to its mention (best of three,
CPU seconds, so other load on the machine does not count). The goal (issue 9): well
under a second on the shipped package, and time that grows with the rows, not faster.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    import pandas as pd

    import povpkg
    from povpkg._package import descriptor, descriptor_path
    from povpkg._rules import rules_module

    ap = argparse.ArgumentParser()
    ap.add_argument("--sources", default=str(ROOT.parent / "shared" / "sources"))
    ap.add_argument("--scales", default="1,10,100")
    args = ap.parse_args()
    rules = rules_module()
    desc = descriptor(descriptor_path(ROOT))
    base = {r["name"]: povpkg.load(r["name"], path=ROOT) for r in desc["resources"]}
    ctx = rules.rules.Context(desc=desc, root=ROOT, sources=Path(args.sources))
    print("scale  spans checked  provenance(s, cpu)  per 1,000 spans(s)")
    for scale in [int(s) for s in args.scales.split(",")]:
        frames = {n: (pd.concat([df] * scale, ignore_index=True) if "span_start" in df.columns else df)
                  for n, df in base.items()}
        spans = sum(len(df) for df in frames.values() if "span_start" in df.columns)
        best = float("inf")
        for _ in range(3):
            t = time.process_time()
            failures = list(rules.provenance.spans_in_source(frames, ctx))
            best = min(best, time.process_time() - t)
        assert not failures, failures[:3]
        print(f"{scale:>5} {spans:>14,} {best:19.3f} {1000 * best / spans:19.3f}")


if __name__ == "__main__":
    main()
