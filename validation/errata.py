"""Errata: what they may excuse, and when an erratum is itself wrong.

An ``errata`` row documents a place where a source contradicts itself. It excuses
a failure (same rule, table and row key) only when the rule checks what the
sources claim (registered ``excusable=True``: arithmetic, counts, dates,
durations). Rules that protect the data's integrity and its users cannot be
excused; an erratum naming one fails. An erratum for a contradiction no rule
checks names the rule ``text-inconsistency``. Every erratum's table, row and
field must exist, and an erratum whose rule does not fail on its row is stale.
"""
from __future__ import annotations

from povpkg._report import Failure

from .rules import RULES, has_columns, pd_isna

UNCHECKED_CONTRADICTION = "text-inconsistency"  # the marking for a contradiction no rule checks
RULE = "errata"
NEEDED = ("erratum_id", "source_id", "table", "row_id", "field", "rule")  # what each erratum is checked by


def apply_errata(failures: list, frames: dict, desc: dict, complete: set, tables) -> list:
    """``failures`` minus those a valid erratum excuses, plus a failure per wrong erratum.

    ``complete``: rules that ran on every row, so an erratum they do not fail on is stale;
    ``tables``: every table of the package. With the errata table unreadable nothing is excused.
    """
    errata = frames.get("errata")
    if errata is None:
        return failures
    lacking = [c for c in NEEDED if c not in errata.columns]
    if lacking:  # an errata table cut down to what it cannot be checked by excuses nothing
        return failures + [Failure(rule=RULE, table="errata", field=lacking[0],
                                   message=f"the errata table lacks {', '.join(lacking)}: no erratum is applied",
                                   fix="restore the errata table's columns (docs/codebook.md)")]
    excusable = {n for n, fn in RULES.items() if getattr(fn, "excusable", False)}
    failing: dict = {}
    for f in failures:
        failing.setdefault((f.rule, f.table, f.key), set()).add(f.field)
    excused, wrong = set(), []
    keys = _row_keys(frames, desc, tables, errata)
    for i, e in zip(errata.index, errata.itertuples(index=False)):
        problem = _problem(e, excusable, failing, complete, keys, frames)
        if problem:
            field, message, fix = problem
            wrong.append(Failure(rule=RULE, table="errata", row=int(i) + 2, key=e.erratum_id, field=field,
                                 value=getattr(e, field), message=message, fix=fix))
        elif e.rule in excusable:
            excused.add((e.rule, e.table, e.row_id))
    return [f for f in failures if (f.rule, f.table, f.key) not in excused] + wrong


def _problem(e, excusable, failing, complete, keys, frames):
    """``(field, message, fix)`` when the erratum is not acceptable, else None."""
    allowed = f"errata may name {UNCHECKED_CONTRADICTION} or a rule that checks the sources' claims: " \
              + ", ".join(sorted(excusable))
    if e.rule != UNCHECKED_CONTRADICTION and e.rule not in excusable:
        if e.rule in RULES:
            return ("rule", f"{e.rule} protects the data's integrity: no erratum can excuse it",
                    "fix the data instead; " + allowed)
        return ("rule", f"{e.rule!r} is not a rule errata can name", allowed)
    if e.table not in keys:
        return ("table", f"table {e.table!r} is not in the package", "name the table of the affected row")
    if keys[e.table] is not None and e.row_id not in keys[e.table]:
        return ("row_id", f"{e.table} has no row with key {e.row_id!r}",
                "write the affected row's primary key (parts joined by '/')")
    if isinstance(e.field, str) and e.table in frames and e.field not in frames[e.table].columns:
        return ("field", f"{e.table} has no field {e.field!r}", "name the affected field")
    reported = failing.get((e.rule, e.table, e.row_id))
    if e.rule in excusable and reported and isinstance(e.field, str) and e.field not in reported:
        return ("field", f"{e.rule} reports {', '.join(sorted(map(str, reported)))} of {e.table} {e.row_id}, "
                         f"not {e.field}", "name the field the rule reports")
    own = keys[e.table].get(e.row_id) if keys[e.table] is not None else None
    if e.rule in excusable and isinstance(own, str) and e.source_id != own:
        return ("source_id", f"{e.table} {e.row_id} cites {own}, so an error of its source is one of {own}",
                f"cite {own}, the row's source (a contradiction between two sources is {UNCHECKED_CONTRADICTION})")
    if e.rule in complete and reported is None:
        return ("rule", f"stale: {e.rule} does not fail on {e.table} {e.row_id}, so this erratum excuses nothing",
                f"remove the erratum, or mark it {UNCHECKED_CONTRADICTION} if it records a contradiction no rule checks")
    return None


def _row_keys(frames: dict, desc: dict, tables, errata) -> dict:
    """Per table, the row keys the errata name that exist, each with its row's source_id
    (None: the table is in the package but unreadable).

    Keys are built column-wise and looked up in one pass: joining every row's key in
    Python costs seconds per hundred thousand rows. A composite key is joined only on
    the rows whose first part can begin a named key (the others cannot match).
    """
    from .rules import as_text, is_in

    keys = dict.fromkeys(tables)
    pks = {r["name"]: r["schema"].get("primaryKey") or [] for r in desc["resources"]}
    # table -> the row ids errata name in it: a few, read as lists (a mask per table cost more)
    tables_named = as_text(errata["table"]).tolist()
    named: dict = {t: [] for t in tables_named if not pd_isna(t)}
    if named:  # (row_id is read only when some erratum names a table)
        for table, row_id in zip(tables_named, as_text(errata["row_id"]).tolist()):
            if not pd_isna(table) and not pd_isna(row_id):
                named[table].append(row_id)
    for name in set(named) & set(frames):
        df, ids = frames[name], named[name]
        pk = [pks.get(name)] if isinstance(pks.get(name), str) else pks.get(name) or []
        if not pk or not has_columns(df, pk):
            continue
        existing = as_text(df[pk[0]])
        cited = df["source_id"] if "source_id" in df.columns else None
        if len(pk) > 1:  # join the parts only on rows whose first part begins a named key ("a/b/c": "a" or "a/b")
            heads = {"/".join(parts[:k]) for parts in (i.split("/") for i in ids) for k in range(1, len(parts))}
            begins = is_in(existing, list(heads)).to_numpy(bool)
            rows = df.loc[begins, pk]
            existing = as_text(rows[pk[0]])
            cited = cited[begins] if cited is not None else None
            for col in pk[1:]:
                existing = existing + "/" + as_text(rows[col])
        hit = is_in(existing, ids).to_numpy(bool)  # the rows whose key an erratum names
        source = cited[hit].tolist() if cited is not None else [None] * int(hit.sum())
        keys[name] = {k: (None if pd_isna(v) else v) for k, v in zip(existing[hit].tolist(), source)}
    return keys
