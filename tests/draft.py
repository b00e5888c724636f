"""An in-memory draft of the shipped package to corrupt: the corruption is applied to the
tables' rows and the descriptor in memory, only the tables it touches are parsed again,
and only the checks under test run on the result. The shipped package is read once per
session (``shipped``); a whole validation in a new process is left to the few end-to-end
tests that need one (``Draft.write`` makes the folder they validate).
"""
from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Shipped:
    """The shipped package as read once: descriptor, each table's CSV text, typed frames."""

    desc: dict
    text: dict  # table -> its CSV as text
    frames: dict  # table -> typed DataFrame (shared: never change one in place)


@lru_cache(maxsize=1)
def shipped() -> Shipped:
    from povpkg._load import read_table
    from povpkg._package import resource_file

    desc = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    text, frames = {}, {}
    for res in desc["resources"]:
        path = resource_file(ROOT, res)
        text[res["name"]] = path.read_text(encoding="utf-8")
        frames[res["name"]] = read_table(path, res["schema"], table=res["name"])
    return Shipped(desc, text, frames)


def _matches(row: dict, where: dict) -> bool:
    return all(row[k] == v for k, v in where.items())


class Draft:
    """The shipped package, changed in memory. Edits chain: ``draft.update(...).delete(...)``."""

    def __init__(self, tmp: Path, base: Shipped | None = None):
        self.base = base or shipped()
        self.desc = copy.deepcopy(self.base.desc)
        self.tmp = tmp
        self._rows: dict[str, tuple[list[str], list[dict]]] = {}  # tables edited row by row
        self._raw: dict[str, bytes] = {}  # tables edited as bytes

    # --- edits ------------------------------------------------------------------

    def rows(self, table: str) -> list[dict]:
        """The table's rows as CSV text (a dict per row), to change in place."""
        if table not in self._rows:
            reader = csv.DictReader(io.StringIO(self.csv(table).decode("utf-8"), newline=""))
            self._rows[table] = (list(reader.fieldnames), list(reader))
            self._raw.pop(table, None)
        return self._rows[table][1]

    def update(self, table: str, where: dict, /, **changes) -> Draft:
        """Change the rows matching ``where`` (values as the CSV writes them); fail loudly if none match."""
        hits = [r for r in self.rows(table) if _matches(r, where)]
        assert hits, f"no {table} row matches {where}"
        for r in hits:
            r.update(changes)
        return self

    def delete(self, table: str, where: dict) -> Draft:
        rows = self.rows(table)
        keep = [r for r in rows if not _matches(r, where)]
        assert len(keep) < len(rows), f"no {table} row matches {where}"
        rows[:] = keep
        return self

    def append(self, table: str, /, **row) -> Draft:
        header = self.header(table)
        self.rows(table).append({k: row.get(k, "") for k in header})
        return self

    def header(self, table: str) -> list[str]:
        self.rows(table)
        return self._rows[table][0]

    def set_bytes(self, table: str, data: bytes) -> Draft:
        """Replace the table's file with ``data`` (a damage no row edit can make)."""
        self._rows.pop(table, None)
        self._raw[table] = data
        return self

    def resource(self, name: str) -> dict:
        return next(r for r in self.desc["resources"] if r["name"] == name)

    def field(self, table: str, name: str) -> dict:
        return next(f for f in self.resource(table)["schema"]["fields"] if f["name"] == name)

    def rehash(self) -> Draft:
        """Record the changed tables' sha256 and size in the descriptor (as ``povpkg update-hashes`` does)."""
        for res in self.desc["resources"]:
            if res["name"] in self._rows or res["name"] in self._raw:
                data = self.csv(res["name"])
                res.update(hash="sha256:" + hashlib.sha256(data).hexdigest(), bytes=len(data))
        return self

    def drop(self, table: str) -> Draft:
        """Remove the table from the descriptor (its file goes with it)."""
        self.desc["resources"] = [r for r in self.desc["resources"] if r["name"] != table]
        return self

    # --- what the edits give ------------------------------------------------------

    def csv(self, table: str) -> bytes:
        if table in self._raw:
            return self._raw[table]
        if table in self._rows:
            header, rows = self._rows[table]
            out = io.StringIO(newline="")
            writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            return out.getvalue().encode("utf-8")
        return self.base.text[table].encode("utf-8")

    def changed(self) -> set[str]:
        """Tables whose file or resource differs from the shipped one."""
        base = {r["name"]: r for r in self.base.desc["resources"]}
        return {r["name"] for r in self.desc["resources"] if r != base.get(r["name"])} | set(self._rows) | set(self._raw)

    def file(self, table: str) -> Path:
        """The table's CSV as a file (the shipped one when unchanged)."""
        if table not in self._rows and table not in self._raw:
            return ROOT / next(r["path"] for r in self.base.desc["resources"] if r["name"] == table)
        path = self.tmp / "draft-tables" / f"{table}.csv"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(self.csv(table))
        return path

    def checked(self) -> dict:
        """The descriptor as the checks see it: read as a file is read (v2 categories as each
        field's enum, ``_package.categories_as_enum``); edits go to ``desc`` itself."""
        from povpkg._package import categories_as_enum, json_copy

        desc = json_copy(self.desc)
        categories_as_enum(desc)
        return desc

    def frames(self) -> dict:
        """Each table's typed frame (re-read only where changed), or the exception reading it raised."""
        from povpkg._load import read_table

        out, changed = {}, self.changed()
        for res in self.checked()["resources"]:
            name = res["name"]
            if name not in changed:
                out[name] = self.base.frames[name]
                continue
            try:
                out[name] = read_table(self.file(name), res["schema"], table=name)
            except Exception as exc:  # noqa: BLE001 - as validation does: a reading failure, not a crash
                out[name] = exc
        return out

    def failures(self, *rules: str, sources=None, broken=(), tables=None) -> list:
        """Failures of the named checks (every rule when none is named) on the draft, errata applied.

        A name that is not a cross-table rule is a pandera check: pandera then runs on the
        changed tables. Tables that cannot be read give a ``readable`` failure, as in validation;
        ``broken`` tables are left out as validation leaves out those it found broken earlier.
        ``tables``: hand the rules only these (and the ones they need), for a rule that checks
        each table on its own and is slow on all of them (the errata then apply only if listed).
        """
        from povpkg import _rules
        from povpkg._report import Failure

        m = _rules.rules_module()
        frames, out = {}, []
        for name, got in self.frames().items():
            if name in broken:
                continue
            if isinstance(got, Exception):
                out.append(Failure(rule="readable", table=name, message=f"cannot be read as typed data: {got}"))
            else:
                frames[name] = got
        named = [r for r in rules if r in m.rules.RULES] if rules else list(m.rules.RULES)
        if tables is not None:
            keep = set(tables).union(*(m.rules.RULES[r].needs for r in named))
            frames = {name: df for name, df in frames.items() if name in keep}
        whole = self.checked()
        desc = {**whole, "resources": [r for r in whole["resources"] if r["name"] in frames]}
        if not rules or len(named) < len(rules):
            changed = self.changed()
            out += _rules.schema_failures({**desc, "resources": [r for r in desc["resources"] if r["name"] in changed]},
                                          frames)[0]
        ctx = m.rules.Context(desc=desc, root=ROOT, sources=Path(sources) if sources else None, package=whole)
        got, complete = [], set()
        for name in named:
            fn = m.rules.RULES[name]
            if all(t in frames for t in fn.needs):
                fails, gaps = m.runner.run_one(name, fn, frames, ctx)  # a rule that raises: a failure
                got += fails
                complete |= set() if gaps else {name}
        tables = {r["name"] for r in self.desc["resources"]}
        return out + m.errata.apply_errata(got, frames, desc, complete, tables)

    def frictionless(self, *, rehash: bool = True) -> list:
        """Frictionless's failures on the changed tables alone (hashes recorded anew unless ``rehash`` is False)."""
        from povpkg._report import Report
        from povpkg._safety import frictionless_copy
        from povpkg._validate import _frictionless

        if rehash:
            self.rehash()
        changed = sorted(self.changed() & {r["name"] for r in self.desc["resources"]})
        folder = self.tmp / "draft-frictionless"
        (folder / "tables").mkdir(parents=True, exist_ok=True)
        for res in self.desc["resources"]:
            if res["name"] in changed:
                (folder / res["path"]).write_bytes(self.csv(res["name"]))
        report = Report(package="", version=None)
        _frictionless(frictionless_copy(self.checked(), changed), folder, report)
        return report.failures

    def write(self, dest: Path, *, rehash: bool = True) -> Path:
        """The draft as a package folder, for a whole validation (hashes recorded anew unless ``rehash`` is False)."""
        if rehash:
            self.rehash()
        (dest / "tables").mkdir(parents=True, exist_ok=True)
        for res in self.base.desc["resources"]:  # where the shipped package keeps them, whatever the draft says
            (dest / res["path"]).write_bytes(self.csv(res["name"]))
        (dest / "datapackage.json").write_text(json.dumps(self.desc, indent=2, ensure_ascii=False) + "\n",
                                               encoding="utf-8")
        return dest


def rules_of(failures) -> set[str]:
    return {f.rule for f in failures}
