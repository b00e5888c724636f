"""Write validation/hosts.json: what each source's stored copy is, pinned in the validator.

    python scripts/pin_hosts.py          # from tables/sources.csv

A source's ``host_type`` decides whether it can confirm a figure (an official copy or a
repost naming its original can; a clone or an unnamed repost cannot), so a pull request
that relabels a clone as official, or gives an unnamed repost an original, would let a
figure count twice; its ``language`` decides which checks read a Chinese page, and ``stored``
whether the page is complete. The rule ``source-kind-pinned`` holds every source whose id,
address or stored text's sha256 is pinned here to these facts. Rerun this, and commit the file,
only when a source's kind was found wrong (it ships with the next povpkg release);
tests/test_host_pins.py holds it equal to the shipped ``sources`` table.
"""
import csv
import json
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


PINNED = ("host_type", "names_original", "language", "stored")  # what a page is, which rules read


def pins(rows) -> dict:
    """``{"source_id": {...}, "url": {...}, "sha256": {...}}``, each value the PINNED facts of the page."""
    out = {"source_id": {}, "url": {}, "sha256": {}}
    for r in rows:
        kind = {"host_type": r["host_type"], "names_original": bool(r["original_publisher"].strip()),
                "language": r["language"], "stored": r["stored"]}
        for key in out:
            if r[key].strip():
                out[key][r[key].strip()] = kind
    return out


if __name__ == "__main__":
    with open(REPO / "tables" / "sources.csv", encoding="utf-8", newline="") as fh:
        got = pins(csv.DictReader(fh))
    lines = [f"  {json.dumps(key)}: {{\n" + ",\n".join(f"    {json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}"
                                                     for k, v in sorted(got[key].items())) + "\n  }"
             for key in got]  # a pin a line: a change reads as one in review
    (REPO / "validation" / "hosts.json").write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"pinned {len(got['source_id'])} sources, {len(got['url'])} addresses, {len(got['sha256'])} texts")
