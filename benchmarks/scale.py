"""Scaled copies of the package that still validate clean: N copies of the facts.

    python benchmarks/scale.py FACTOR DEST      # write a copy with FACTOR x the rows

Copy k (k >= 1) of every table with an identifier is the same facts told by a
copy of each source: every identifier gets the suffix ``-xk``, and so does every
value that refers to one (foreign keys, an erratum's ``row_id``, the values of an
indicator's ``counts_rows`` selector). Tables whose key cannot take a suffix
(ISO codes, enumerations such as the 2009 funding cells) are kept once and are
referred to as they are. The copy gets its own version and recomputed hashes,
so every rule and every frictionless check holds on it exactly as on the
original: a benchmark that times a failing run measures an error path.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from validation.references import ID_LISTS  # noqa: E402  the id lists the rules resolve


NOTE_IDS = re.compile(r"(?<![\w-])((?:am|in)-[a-z0-9-]*[a-z0-9])(?![\w-])")


def _pk(res: dict) -> list[str]:
    pk = res.get("schema", {}).get("primaryKey") or []
    return [pk] if isinstance(pk, str) else list(pk)


def _fields(res: dict) -> dict:
    return {f["name"]: f for f in res.get("schema", {}).get("fields", [])}


def _single_fks(res: dict) -> dict[str, str]:
    """field -> referenced table, for single-field foreign keys."""
    out = {}
    for fk in res.get("schema", {}).get("foreignKeys", []):
        fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        if len(fields) == 1:
            out[fields[0]] = fk["reference"].get("resource") or res["name"]
    return out


def _suffixable(field: dict) -> bool:
    c = field.get("constraints", {})
    if "enum" in c or field.get("type", "string") != "string":
        return False
    # an id pattern such as 'doc-[a-z0-9-]*' must still hold with the suffix: try it on the example
    return "pattern" not in c or re.fullmatch(c["pattern"], f"{field.get('example') or 'a0'}-x1") is not None


def replicated_tables(desc: dict) -> set[str]:
    """Tables copied N times: a suffixable single key, or a composite key holding a
    reference to a copied table (the suffix keeps it unique)."""
    out = set()
    for res in desc["resources"]:
        pk = _pk(res)
        if len(pk) == 1 and pk[0] in _fields(res) and _suffixable(_fields(res)[pk[0]]):
            out.add(res["name"])
    changed = True
    while changed:
        changed = False
        for res in desc["resources"]:
            fks = _single_fks(res)
            if res["name"] not in out and any(fks.get(f) in out for f in _pk(res)):
                out.add(res["name"])
                changed = True
    return out


def mapped_fields(desc: dict, copied: set[str]) -> dict[str, set[str]]:
    """Per table, the fields whose values are identifiers of copied tables."""
    out = {}
    for res in desc["resources"]:
        pk = _pk(res)
        own = set(pk) if res["name"] in copied and len(pk) == 1 else set()
        out[res["name"]] = own | {f for f, t in _single_fks(res).items() if t in copied}
    return out


class Rewriter:
    """Turns one row of the original into the same row of copy ``k``."""

    def __init__(self, desc: dict):
        self.copied = replicated_tables(desc)
        self.mapped = mapped_fields(desc, self.copied)
        self.pks = {r["name"]: _pk(r) for r in desc["resources"]}
        self.id_lists = {}
        for table, col, target, _ in ID_LISTS:
            self.id_lists.setdefault(table, []).append((col, target))

    def row(self, table: str, header: list[str], row: list[str], k: int) -> list[str] | None:
        """The row in copy ``k``, or None when it stays only in the original."""
        rec = dict(zip(header, row))
        if table == "errata" and rec.get("table") not in self.copied:
            return None  # an erratum about a row that exists once is written once
        sfx = f"-x{k}"
        mapped = self.mapped.get(table, set())
        out = [v + sfx if (h in mapped and v) else v for h, v in zip(header, row)]
        if table == "errata" and rec.get("row_id"):
            out[header.index("row_id")] = self._row_id(rec["table"], rec["row_id"], sfx)
        for col, target in self.id_lists.get(table, []):
            if rec.get(col) and target in self.copied:  # '|'-separated ids, e.g. documents.issuer_org_ids
                out[header.index(col)] = "|".join(v + sfx for v in rec[col].split("|"))
        if table == "indicators" and rec.get("counts_rows"):
            out[header.index("counts_rows")] = self._selector(rec["counts_rows"], sfx)
        if table in ("amounts", "indicators") and rec.get("notes") and table in self.copied:
            # notes that name a whole by its id ("part of am-...") name the copy's whole (rule parts-stated)
            out[header.index("notes")] = NOTE_IDS.sub(lambda m: m.group(1) + sfx, rec["notes"])
        return out

    def _row_id(self, table: str, row_id: str, sfx: str) -> str:
        parts = row_id.split("/")
        mapped = self.mapped.get(table, set())
        return "/".join(p + sfx if f in mapped else p for f, p in zip(self.pks.get(table, []), parts))

    def _selector(self, selector: str, sfx: str) -> str:
        table, *terms = selector.split()
        mapped = self.mapped.get(table, set())
        out = [table]
        for term in terms:
            op = "!=" if "!=" in term else "="
            field, _, value = term.partition(op)
            out.append(f"{field}{op}{value}{sfx}" if field in mapped and value else term)
        return " ".join(out)


def scaled_copy(dest: Path, factor: int, root: Path = ROOT) -> Path:
    """Write a copy of the package at ``root`` with ``factor`` x the rows; return its descriptor."""
    desc = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    rewrite = Rewriter(desc)
    dest.mkdir(parents=True, exist_ok=True)
    for res in desc["resources"]:
        src, out = root / res["path"], dest / res["path"]
        out.parent.mkdir(parents=True, exist_ok=True)
        with src.open(encoding="utf-8", newline="") as fh:
            header, *rows = list(csv.reader(fh))
        with out.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)
            if res["name"] in rewrite.copied:
                for k in range(1, factor):
                    w.writerows(r for r in (rewrite.row(res["name"], header, row, k) for row in rows) if r)
        data = out.read_bytes()
        res.update(hash="sha256:" + hashlib.sha256(data).hexdigest(), bytes=len(data))
    desc["version"] = f"{desc.get('version')}+x{factor}"  # a version of its own: no release record applies
    (dest / "datapackage.json").write_text(json.dumps(desc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return dest / "datapackage.json"


def rows_in(dp: Path) -> int:
    desc = json.loads(dp.read_text(encoding="utf-8"))
    total = 0
    for res in desc["resources"]:
        with (dp.parent / res["path"]).open(encoding="utf-8", newline="") as fh:
            total += sum(1 for _ in csv.reader(fh)) - 1
    return total


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.splitlines()[2].strip())
    print(scaled_copy(Path(sys.argv[2]), int(sys.argv[1])))
