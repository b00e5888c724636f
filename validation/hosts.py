"""What kind of host each source's stored copy is on, and which copies are independent.

A page may be stored on its publisher's own site (official), on another site that
carries it (repost: naming its original, or not) or on an unrelated domain that copies
an official page path for path (clone). Two copies of one article are one report: a
clone, or a repost that names no original, never confirms a figure a second time.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from povpkg._report import Failure

from .rules import has_columns, pd_isna, row_key, rule

HOST_TYPES = ("official", "repost", "clone")


def independent(sources):
    """Boolean Series over ``sources``: True for an official copy or a repost that names
    its original (it can confirm what another source says); False for a clone or an
    unnamed repost (it only repeats a page we cannot name)."""
    host, original = sources["host_type"], sources["original_publisher"]
    return (host == "official") | ((host == "repost") & original.notna() & (original.astype("string").str.len() > 0))


def weak_copy(host_type) -> str:
    """How a report names a copy that confirms nothing (``independent`` is false for it)."""
    return "a clone" if host_type == "clone" else "a repost that names no original"


def confirmations(sources, source_ids) -> int:
    """How many independent reports the sources ``source_ids`` make of one figure: each
    official copy counts once per publisher, a named repost once per original it names
    (a repost of Xinhua confirms nothing a Xinhua page already says); clones and
    unnamed reposts count nothing."""
    rows = sources[sources["source_id"].isin(list(source_ids))]
    ok = rows[independent(rows).fillna(False).astype(bool)]
    who = ok["original_publisher"].where(ok["host_type"] == "repost", ok["publisher"])
    return int(who.astype("string").str.strip().str.lower().nunique())


@rule("host-type", needs=("sources",))
def host_types(frames, ctx):
    """An official copy names no other original; a clone names the publisher it copies."""
    src = frames.get("sources")
    if src is None or not has_columns(src, ("host_type", "original_publisher")):
        return
    # column by column: df.at per cell cost more than the check
    for i, host, original in zip(src.index, src["host_type"].tolist(), src["original_publisher"].tolist()):
        named = not pd_isna(original) and str(original).strip() != ""
        if host == "official" and named:
            problem, fix = ("an official copy names an original publisher",
                            "set host_type to repost (or clone), or empty original_publisher")
        elif host == "clone" and not named:
            problem, fix = ("a clone does not say whose page it copies",
                            "fill original_publisher with the publisher of the page the clone copies")
        else:
            continue
        yield Failure(rule="host-type", table="sources", row=int(i) + 2, key=row_key(ctx, "sources", src, i),
                      field="original_publisher", value=None if pd_isna(original) else str(original),
                      message=problem, fix=fix)


@lru_cache(maxsize=1)
def pinned() -> dict:
    """What povpkg's own record pins of each known page (``validation/hosts.json``, written by
    ``scripts/pin_hosts.py``), by source id, by address and by the stored text's sha256."""
    return json.loads((Path(__file__).with_name("hosts.json")).read_text(encoding="utf-8"))


def _as_said(row: dict) -> dict:
    """The pinned facts as a row of ``sources`` states them."""
    def cell(name):
        value = row.get(name)
        return None if pd_isna(value) else str(value)

    return {"host_type": cell("host_type"), "names_original": bool((cell("original_publisher") or "").strip()),
            "language": cell("language"), "stored": cell("stored")}


def _kind(facts: dict) -> str:
    host, named = facts["host_type"], facts["names_original"]
    if host == "repost":
        return "a repost naming its original" if named else "a repost naming no original"
    return {"official": "an official copy", "clone": "a clone"}.get(host, f"host type {host!r}")


@rule("source-kind-pinned", needs=("sources",))
def source_kind_pinned(frames, ctx):
    """A source povpkg's record knows (by id, address or stored text) keeps what the record pins:
    its kind of host and whether a repost names its original (relabelling a clone as official, or
    naming an original for an unnamed repost, would let its figures confirm others and be summed),
    its language (which decides the checks a Chinese page gets) and whether it is stored complete."""
    src = frames["sources"]
    if not has_columns(src, ("host_type", "original_publisher")):
        return
    record, keys = pinned(), ("source_id", "url", "sha256")
    read = [c for c in (*keys, "host_type", "original_publisher", "language", "stored") if c in src.columns]
    for i, row in zip(src.index, src[read].to_dict("records")):
        want = next((record[c][v] for c in keys if isinstance(v := row.get(c), str) and v.strip() in record[c]), None)
        if want is None:
            continue
        have = _as_said(row)
        if (have["host_type"], have["names_original"]) != (want["host_type"], want["names_original"]):
            field = "host_type" if have["host_type"] != want["host_type"] else "original_publisher"
            yield _pin_failure(ctx, src, i, field, row.get(field),
                               f"povpkg's record pins this page as {_kind(want)}, not {_kind(have)}")
        for field in ("language", "stored"):
            if have[field] != want[field]:
                yield _pin_failure(ctx, src, i, field, have[field],
                                   f"povpkg's record pins this page's {field} as {want[field]!r}, not {have[field]!r}")


def _pin_failure(ctx, src, i, field, value, message) -> Failure:
    return Failure(rule="source-kind-pinned", table="sources", row=int(i) + 2, key=row_key(ctx, "sources", src, i),
                   field=field, value=None if pd_isna(value) else str(value), message=message,
                   fix="restore what the record pins; if the record is wrong, correct it in povpkg's repository "
                       "(scripts/pin_hosts.py) for its next release")


@rule("recommended-from-independent-source", needs=("amounts", "sources"))
def recommended_from_independent_source(frames, ctx):
    """An amount recommended for aggregates rests on an independent copy (docs/aggregates.md):
    a figure only a clone, or a repost that names no original, gives is never summed."""
    amounts, src = frames["amounts"], frames["sources"]
    if "recommended_for_aggregates" not in amounts.columns or not has_columns(src, ("host_type", "original_publisher")):
        return
    ok = dict(zip(src["source_id"], independent(src).fillna(False).astype(bool)))
    host = dict(zip(src["source_id"], src["host_type"]))
    for i in amounts.index[amounts["recommended_for_aggregates"].fillna(False).astype(bool)]:
        source = amounts.at[i, "source_id"]
        if ok.get(source, True):  # an unknown source is the foreign-key rule's to report
            continue
        what = weak_copy(host.get(source))
        yield Failure(rule="recommended-from-independent-source", table="amounts", row=int(i) + 2,
                      key=row_key(ctx, "amounts", amounts, i), field="recommended_for_aggregates", value=True,
                      message=f"recommended for aggregates, but its source {source} is {what}: nothing "
                              "independent stands behind the figure",
                      fix="set recommended_for_aggregates to false (and say why in docs/aggregates.md), or cite "
                          "an official copy or a repost naming its original that states the figure")


# The figures a row carries: each table's key and the fields that hold a count or an amount
# (an event without a participant count, a country count or a length states no figure).
FIGURE_TABLES = {"amounts": ("amount_id", None), "indicators": ("indicator_id", None),
                 "events": ("event_id", ("participants", "countries_stated", "duration_days_stated"))}
SAYS_COPY = re.compile(r"clone|repost|confirms? nothing", re.IGNORECASE)


@rule("weak-copy-said", needs=("sources",))
def weak_copy_said(frames, ctx):
    """A figure from a clone, or from a repost that names no original, says so in its notes:
    it confirms nothing on its own, and a reader of the row alone must not take it for an
    independent report (docs/sources.md)."""
    src = frames["sources"]
    if not has_columns(src, ("host_type", "original_publisher")):
        return
    weak = dict(zip(src["source_id"], ~independent(src).fillna(False).astype(bool)))
    host = dict(zip(src["source_id"], src["host_type"]))
    for table, (key, figures) in FIGURE_TABLES.items():
        df = frames.get(table)
        if df is None or not has_columns(df, ("source_id", "notes")):
            continue
        rows = df["source_id"].map(weak).fillna(False).astype(bool)
        if figures:
            rows &= df[[f for f in figures if f in df.columns]].notna().any(axis=1)
        for i in df.index[rows]:
            notes = df.at[i, "notes"]
            if not pd_isna(notes) and SAYS_COPY.search(str(notes)):
                continue
            source = df.at[i, "source_id"]
            what = weak_copy(host.get(source))
            yield Failure(rule="weak-copy-said", table=table, row=int(i) + 2, key=row_key(ctx, table, df, i),
                          field="notes", value=None if pd_isna(notes) else str(notes),
                          message=f"its figure comes from {source}, {what}, but its notes do not say so",
                          fix="say in notes that the figure is from a clone (or a repost naming no original) and "
                              "confirms nothing on its own, or cite an independent copy that states it")
