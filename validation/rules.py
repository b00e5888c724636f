"""Rules across rows and tables: the sources' own arithmetic, counts and provenance.

Each rule is a function ``(frames, ctx)`` registered with ``@rule``; it yields a
``Failure`` per broken row, or an ``Unchecked`` for what it could not check (and
why). ``validation/runner.py`` runs them, each guarded, and applies the errata:
only a rule registered ``excusable=True`` (one that checks what the sources
claim: their arithmetic, counts, dates, durations) can be excused by an
``errata`` row; rules protecting the data's integrity cannot.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from povpkg._report import Failure, Unchecked

from .schemas import CURRENCY, SCALE, key_of

RULES: dict[str, Callable] = {}


def rule(name: str, needs: tuple[str, ...], *, excusable: bool = False, needs_texts: bool = False):
    """Register a rule; it runs only when every table it ``needs`` loaded cleanly.

    ``excusable``: the rule checks a claim of the sources (arithmetic, a count, a
    date, a duration) that a source may itself get wrong, so an ``errata`` row may
    excuse it on one row. Integrity rules (keys, types, codes, paths, injection,
    release record, contract) stay ``False``: nothing excuses them. ``needs_texts``: the
    rule reads the source texts (``--sources``), so it checked every row only when all were there.
    """
    def deco(fn):
        fn.rule_name, fn.needs, fn.excusable, fn.needs_texts = name, needs, excusable, needs_texts
        RULES[name] = fn
        return fn
    return deco


@dataclass
class Context:
    desc: dict  # the descriptor, with the resources of the tables that loaded
    root: Path
    sources: Path | None
    package: dict | None = None  # the whole descriptor under test, every resource
    shared: dict = field(default_factory=dict, repr=False)  # what several rules read alike, built once a run

    def once(self, name: str, basis: tuple, build: Callable):
        """``build()``, kept in ``shared`` under ``name`` for the rest of the run while each object of
        ``basis`` (what it was built from) is the very same one: another frame or folder, even an
        equal one, builds anew. The run's context ends with it, so the next run builds again."""
        kept = self.shared.get(name)
        if kept is None or len(kept[0]) != len(basis) or any(a is not b for a, b in zip(kept[0], basis)):
            kept = self.shared[name] = (basis, build())
        return kept[1]


def row_of(df, mask) -> list[int]:
    """CSV line numbers (header = 1) of the rows where ``mask`` holds."""
    return [int(i) + 2 for i in df.index[mask]]


# --- the sources' arithmetic -------------------------------------------------

@rule("totals-add-up", needs=("funding_2009", "funding_2009_totals"), excusable=True)
def funding_totals(frames, ctx):
    """Every printed total (row, column, grand) equals the sum of its cells."""
    cells, totals = frames["funding_2009"], frames["funding_2009_totals"]
    sums = {
        "area": cells.groupby("recipient_id", observed=True)["amount_10k_yuan"].sum(),
        "category": cells.groupby("category", observed=True)["amount_10k_yuan"].sum(),
    }
    broken = {"area": [], "category": []}
    for i, t in totals.iterrows():
        kind = t["total_kind"]
        if kind == "grand":
            got, what = int(cells["amount_10k_yuan"].sum()), "all cells"
        else:
            member = t["recipient_id"] if kind == "area" else t["category"]
            got, what = int(sums[kind].get(member, 0)), f"the cells of {kind} {member}"
        if got != t["amount_10k_yuan"]:
            if kind != "grand":
                broken[kind].append(member)
            yield Failure(rule="totals-add-up", table="funding_2009_totals", row=int(i) + 2, key=t["total_id"],
                          field="amount_10k_yuan", value=int(t["amount_10k_yuan"]),
                          message=f"{what} add up to {got} (10k yuan) but the printed total is {int(t['amount_10k_yuan'])}",
                          fix="correct the cell that differs from the source's table (or the total, if it was mistyped)")
    for area in broken["area"]:
        for cat in broken["category"]:
            mask = (cells["recipient_id"] == area) & (cells["category"] == cat)
            for r in row_of(cells, mask):
                yield Failure(rule="totals-add-up", table="funding_2009", row=r, key=f"{area}/{cat}",
                              field="amount_10k_yuan", value=int(cells.loc[r - 2, "amount_10k_yuan"]),
                              message=f"this cell is in both broken totals (area {area}, category {cat}): it is the likely error",
                              fix="compare the cell with the source's table")


# The source's 2009 table, as a whole: these recipients (rows) and the categories the
# schema enumerates (columns); it prints a total for each of them and a grand total.
FUNDING_2009_AREAS = ("wenshan-prefecture", "honghe-prefecture", "puer-city", "diqing-prefecture",
                      "deang-nationality", "dulong-nationality", "others")


@rule("funding-table-complete", needs=("funding_2009", "funding_2009_totals"))
def funding_table_complete(frames, ctx):
    """Every area x category cell and every printed total of the 2009 table is there."""
    cells, totals = frames["funding_2009"], frames["funding_2009_totals"]
    categories = list(cells["category"].dtype.categories) if hasattr(cells["category"], "cat") \
        else sorted(set(cells["category"].dropna()))
    have = set(zip(cells["recipient_id"].astype("str"), cells["category"].astype("str")))
    for area in FUNDING_2009_AREAS:
        for cat in categories:
            if (area, cat) not in have:
                yield Failure(rule="funding-table-complete", table="funding_2009", key=f"{area}/{cat}",
                              field="amount_10k_yuan", message=f"the cell {area} x {cat} of the source's table is missing",
                              fix="restore the cell from the source's table")
    kinds = totals["total_kind"].astype("str")
    printed = {("area", a) for a in totals.loc[kinds == "area", "recipient_id"].astype("str")}
    printed |= {("category", c) for c in totals.loc[kinds == "category", "category"].astype("str")}
    printed |= {("grand", "grand")} if (kinds == "grand").any() else set()
    wanted = [("area", a) for a in FUNDING_2009_AREAS] + [("category", c) for c in categories] + [("grand", "grand")]
    for kind, member in wanted:
        if (kind, member) not in printed:
            yield Failure(rule="funding-table-complete", table="funding_2009_totals", key=member, field="amount_10k_yuan",
                          message=f"the printed {kind} total{'' if kind == 'grand' else ' of ' + member} is missing",
                          fix="restore the total row from the source's table")


ACTUAL_2009 = "am-2009-shanghai-yunnan-actual"


@rule("text-agrees-with-table", needs=("funding_2009", "amounts"), excusable=True)
def stated_total_matches_table(frames, ctx):
    """The text's '180 million yuan actually put in' agrees with the table's grand total,
    within half a unit of the last digit the text gives."""
    amounts, cells = frames["amounts"], frames["funding_2009"]
    rows = amounts.index[amounts["amount_id"] == ACTUAL_2009]
    if len(rows) == 0:
        yield Failure(rule="text-agrees-with-table", table="amounts", key=ACTUAL_2009,
                      message=f"the row {ACTUAL_2009} (the text's actual 2009 total) is missing")
        return
    i = rows[0]
    a = amounts.loc[i]
    scale = SCALE.get(str(a["unit_stated"]))
    if scale is None or CURRENCY.get(str(a["unit_stated"])) != "CNY":
        yield Failure(rule="text-agrees-with-table", table="amounts", row=int(i) + 2, key=ACTUAL_2009,
                      field="unit_stated", value=a["unit_stated"], message="unit is not a yuan unit")
        return
    if pd_isna(a["value_stated"]):
        yield Failure(rule="text-agrees-with-table", table="amounts", row=int(i) + 2, key=ACTUAL_2009,
                      field="value_stated", message="the text's actual 2009 total has no value_stated",
                      fix="fill value_stated with the figure the source states")
        return
    stated = float(a["value_stated"])
    decimals = len(repr(stated).split(".")[1].rstrip("0")) if "." in repr(stated) else 0
    tolerance = 0.5 * scale / 10**decimals
    table_total = int(cells["amount_10k_yuan"].sum()) * 10_000
    if abs(stated * scale - table_total) > tolerance:
        yield Failure(rule="text-agrees-with-table", table="amounts", row=int(i) + 2, key=ACTUAL_2009,
                      field="value_stated", value=a["value_stated"],
                      message=f"the text says {a['value_stated']:g} {a['unit_stated']} but the table's cells add up to "
                              f"{table_total:,} yuan (allowed difference {tolerance:,.0f})",
                      fix="check the amount against the source text and the table cells")



@rule("parts-add-up", needs=("amounts", "indicators"), excusable=True)
def parts_add_up(frames, ctx):
    """Amounts (and indicators) that the source gives as parts of a whole add up to it."""
    for table, key, value in (("amounts", "amount_id", "amount"), ("indicators", "indicator_id", "value")):
        df = frames[table]
        has_whole = df["part_of"].notna().to_numpy(bool)
        if not has_whole.any():
            continue
        parts = df.loc[has_whole, [c for c in (key, "part_of", value) if c in df.columns]]  # not every column
        sums = parts.groupby("part_of", observed=True)[value].sum().astype("Float64")
        # the few wholes and parts are looked at in Python: pandas' fixed cost per column operation
        # was most of the rule's
        names, incomplete = {}, set()
        for part_id, whole_id, v in zip(parts[key].tolist(), parts["part_of"].tolist(), parts[value].tolist()):
            names.setdefault(whole_id, []).append(part_id)
            if pd_isna(v):
                incomplete.add(whole_id)
        whole = _WholeRows(df, key, value)
        for whole_id, got in zip(sums.index, sums.tolist()):
            pos = whole.position.get(whole_id)
            if pos is None or whole_id in incomplete or pd_isna(whole.values[pos]):
                continue
            got, want, partial, bound = float(got), float(whole.values[pos]), whole.some(pos), whole.bound(pos)
            if not _parts_off(got, want, partial, bound):
                continue
            side = {"lower": "at least ", "upper": "at most "}.get(bound, "")
            listed = ", ".join(names[whole_id])
            message = (f"its parts ({listed}) add up to {got:,.10g}, not {side}{want:,.10g}" if not partial else
                       f"parts_stated is some, but its parts ({listed}) add up to {got:,.10g}, not less than {want:,.10g}")
            yield Failure(rule="parts-add-up", table=table, row=int(df.index[pos]) + 2, key=whole_id, field=value,
                          value=want, message=message,
                          fix="check the parts against the source (and parts_stated: all when they make up the whole); "
                              "if the source itself disagrees, add an errata row")


# how a whole's qualifier bounds the sum of all its parts: 'over 1 billion' is met by parts adding
# to 1.012 billion, 'nearly 10' by parts adding to 9.8; 'about' and an empty qualifier are exact
LOWER_BOUNDS, UPPER_BOUNDS = frozenset({"more_than", "over", "at_least"}), frozenset({"nearly"})


class _WholeRows:
    """The first row of each key (its position), with the cells a whole's check reads, as lists."""

    def __init__(self, df, key, value):
        self.position: dict = {}
        for pos, k in enumerate(df[key].tolist()):
            self.position.setdefault(k, pos)
        self.values = df[value].tolist()
        self._qualifiers = df["qualifier"].tolist() if "qualifier" in df.columns else None
        self._stated = df["parts_stated"].tolist() if "parts_stated" in df.columns else None

    def bound(self, pos) -> str:
        """'lower' (the whole's value is a lower bound), 'upper', or 'exact'."""
        q = None if self._qualifiers is None else self._qualifiers[pos]
        return "lower" if q in LOWER_BOUNDS else "upper" if q in UPPER_BOUNDS else "exact"

    def some(self, pos) -> bool:
        """The source states only some of the whole's parts (``parts_stated`` some)."""
        return self._stated is not None and self._stated[pos] == "some"


def _parts_off(got: float, want: float, some: bool, bound: str) -> bool:
    """Do parts adding to ``got`` miss their whole ``want``? 'all' parts make up the whole (a whole
    stated as a bound, 'over 1 billion' or 'nearly 10', is met by parts on its side of it); 'some'
    parts fall short of it."""
    tolerance = 1e-6 * max(abs(want), 1.0)
    if some:
        return bound != "lower" and got > want - tolerance
    if bound == "lower":
        return got < want - tolerance
    if bound == "upper":
        return got > want + tolerance
    return abs(want - got) > tolerance


# A stated part is the same money (or count) as its whole, only split: same currency or
# unit, the whole's pairing (if it has one), and a period within the whole's.
PART_KEYS = {"amounts": ("amount_id", "currency"), "indicators": ("indicator_id", "unit")}
PART_VALUES = {"amounts": "amount", "indicators": "value"}  # a part of a sum is no larger than the sum


def is_rate(unit) -> bool:
    """A unit of rates or shares (percent, per capita): a part's rate may exceed its whole's."""
    return isinstance(unit, str) and ("percent" in unit or " per " in f" {unit} ")


@rule("part-matches-whole", needs=("amounts", "indicators"))
def part_matches_whole(frames, ctx):
    """A part (``part_of``) has its whole's currency or unit and pairing, lies in its years,
    and is no larger than its whole (unless the unit is a rate)."""
    for table, (key, unit) in PART_KEYS.items():
        df, value = frames[table], PART_VALUES[table]
        # the columns compared, the only ones copied (a row at a time copies df.attrs each time)
        cols = [c for c in (key, "part_of", unit, value, "pairing_id", "year", "period_start_year") if c in df.columns]
        rows = df.loc[(df["part_of"].notna() & is_in(df["part_of"], df[key])).to_numpy(bool), cols]
        if rows.empty:
            continue
        compared = [c for c in (unit, "pairing_id", "year", "period_start_year") if c in df.columns]
        wholes = df[[key, *compared, value]].set_index(key).reindex(rows["part_of"]).to_dict("records")
        # the parts are few: each looked at as a dict, not a column operation per compared field
        for i, part, whole in zip(rows.index, rows.to_dict("records"), wholes):
            if not _may_differ(part, whole, compared, value):
                continue
            for field, why in _part_mismatches(part, whole, unit, value):
                yield Failure(rule="part-matches-whole", table=table, row=int(i) + 2, key=part[key], field=field,
                              value=None if pd_isna(part[field]) else str(part[field]),
                              message=f"its whole {part['part_of']} {why}",
                              fix="give the part its whole's value, or remove part_of if it is not a part of that whole")


def _may_differ(part: dict, whole: dict, compared: list, value: str) -> bool:
    """Whether a part may not fit its whole: a ``compared`` cell differs from the whole's (as text,
    an empty cell as ''), or its value exceeds the whole's. _part_mismatches says if it really does not."""
    if not (pd_isna(part[value]) or pd_isna(whole[value])) and part[value] > whole[value]:
        return True
    return any(_as_cell_text(part[c]) != _as_cell_text(whole[c]) for c in compared)


def _as_cell_text(v) -> str:
    return "" if pd_isna(v) else str(v)


def _part_mismatches(part, whole, unit, value):
    """(field, reason) for each way ``part`` cannot be a part of ``whole`` (rows as dicts)."""
    if str(part[unit]) != str(whole[unit]):
        yield unit, f"has {unit} {whole[unit]}"
    elif not is_rate(part[unit]) and not pd_isna(part[value]) and not pd_isna(whole[value]) \
            and part[value] > whole[value]:
        yield value, f"is {whole[value]:,.15g}, less than this part"
    if "pairing_id" in part and not pd_isna(whole["pairing_id"]) and part["pairing_id"] != whole["pairing_id"]:
        yield "pairing_id", f"belongs to pairing {whole['pairing_id']}"
    if pd_isna(whole["year"]) or pd_isna(part["year"]):
        return
    last = int(whole["year"])
    first = int(whole["period_start_year"]) if not pd_isna(whole.get("period_start_year")) else last
    start = int(part["period_start_year"]) if not pd_isna(part.get("period_start_year")) else int(part["year"])
    if not first <= start <= int(part["year"]) <= last:
        yield "year", f"covers {first}-{last}" if first != last else f"is of {last}"


@rule("countries-match-stated-count", needs=("events", "event_countries"), excusable=True)
def countries_match_stated_count(frames, ctx):
    """Where the source lists participating countries, the list has as many as it says.

    The count may include China or not ("China and eight ASEAN countries"), so the
    stated number must equal the listed countries with or without China. With no
    foreign country listed, or ``countries_listed`` false (the countries it names are not
    the ones it counts: "China and eight ASEAN countries" at an Africa conference naming
    only its hosts), the source gave a count but no list to check it against.
    """
    ev = frames["events"]
    listed, foreign = shared_participant_counts(frames, ctx)
    n, f, stated = ev["event_id"].map(listed).fillna(0), ev["event_id"].map(foreign).fillna(0), ev["countries_stated"]
    unlisted = (ev["countries_listed"] == False) if "countries_listed" in ev.columns else stated.isna() & False  # noqa: E712
    bad = (stated.notna() & (f > 0) & (stated != n) & (stated != f) & ~unlisted).fillna(False)
    for i in ev.index[bad]:
        e = ev.loc[i]
        yield Failure(rule="countries-match-stated-count", table="events", row=int(i) + 2, key=e["event_id"],
                      field="countries_stated", value=int(e["countries_stated"]),
                      message=f"the source says {int(e['countries_stated'])} countries but event_countries lists {int(n[i])}",
                      fix="add or remove event_countries rows to match the source's list; "
                          "if the source's own list disagrees with its count, add an errata row")


def shared_participant_counts(frames, ctx):
    """``participant_counts(frames)``, counted once a run for the two rules that compare with them."""
    return ctx.once("participant counts", (frames["event_countries"],), lambda: participant_counts(frames))


def participant_counts(frames):
    """Distinct participant countries per event: all of them, and those other than China."""
    links = frames["event_countries"]
    part = links.loc[(links["role"] == "participant").to_numpy(bool), ["event_id", "iso3"]]  # not every column
    listed = part.groupby("event_id", observed=True)["iso3"].nunique()
    foreign = part[part["iso3"] != "CHN"].groupby("event_id", observed=True)["iso3"].nunique()
    return listed, foreign


@rule("participants-not-fewer-than-countries", needs=("events", "event_countries"), excusable=True)
def participants_cover_countries(frames, ctx):
    """An activity cannot have fewer participants than the countries they came from."""
    ev = frames["events"]
    listed, _ = shared_participant_counts(frames, ctx)
    n = ev["event_id"].map(listed).fillna(0).astype("Int64")
    n = n.where(n >= ev["countries_stated"].fillna(0), ev["countries_stated"].fillna(0))
    bad = (ev["participants"].notna() & (ev["participants"] < n)).fillna(False)
    for i in ev.index[bad]:
        e = ev.loc[i]
        yield Failure(rule="participants-not-fewer-than-countries", table="events", row=int(i) + 2,
                      key=e["event_id"], field="participants", value=int(e["participants"]),
                      message=f"{int(e['participants'])} participants cannot come from {int(n[i])} countries",
                      fix="check participants and the country list against the source")


@rule("duration-matches-dates", needs=("events",), excusable=True)
def duration_matches_dates(frames, ctx):
    """A stated duration agrees with the dates (inclusive days, within a day)."""
    ev = frames["events"]
    days = (ev["end_date"].fillna(ev["start_date"]) - ev["start_date"]).dt.days + 1
    sel = ev["duration_days_stated"].notna() & ev["start_date"].notna() & (ev["date_precision"] == "day")
    bad = (sel & ((days - ev["duration_days_stated"]).abs() >= 1)).fillna(False)
    for i in ev.index[bad]:
        e = ev.loc[i]
        yield Failure(rule="duration-matches-dates", table="events", row=int(i) + 2, key=e["event_id"],
                      field="duration_days_stated", value=float(e["duration_days_stated"]),
                      message=f"the dates span {int(days[i])} days but the stated duration is {e['duration_days_stated']:g}",
                      fix="check the dates and the duration against the source")


@rule("dated-before-publication", needs=("events", "sources"), excusable=True)
def dated_before_publication(frames, ctx):
    """An activity cannot start after the document reporting it was published."""
    import pandas as pd

    src = frames["sources"].set_index("source_id")
    year_end = src["published"] + pd.offsets.YearEnd(0)
    month_end = src["published"] + pd.offsets.MonthEnd(0)
    last = year_end.where(src["published_precision"] == "year",
                          month_end.where(src["published_precision"] == "month", src["published"]))
    ev = frames["events"]
    limit = ev["source_id"].map(last)
    bad = (ev["start_date"].notna() & limit.notna() & (ev["start_date"] > limit)).fillna(False)
    for i in ev.index[bad]:
        e = ev.loc[i]
        pub, prec = src.at[e["source_id"], "published"], src.at[e["source_id"], "published_precision"]
        yield Failure(rule="dated-before-publication", table="events", row=int(i) + 2, key=e["event_id"],
                      field="start_date", value=str(e["start_date"].date()),
                      message=f"starts after its source {e['source_id']} was published ({str(pub.date())}, {prec} precision)",
                      fix="check the date against the source")


@rule("stated-count-matches-rows", needs=("indicators", "events"), excusable=True)
def stated_count_matches_rows(frames, ctx):
    """A count the source itemizes ('met 12 foreign delegations') matches the rows it counts."""
    ind = frames["indicators"]
    counted, by_source = {}, SourceRows(frames)
    for i, r in ind[ind["counts_rows"].notna()].iterrows():
        try:
            query = (r["counts_rows"], r["source_id"])
            if query not in counted:
                counted[query] = count_rows(by_source, *query)
            table, n = counted[query]
        except ValueError as exc:
            yield Failure(rule="stated-count-matches-rows", table="indicators", row=int(i) + 2, key=r["indicator_id"],
                          field="counts_rows", value=r["counts_rows"], message=str(exc),
                          fix="write 'TABLE field=value ...' with fields of that table")
            continue
        if pd_isna(r["value"]) or n != r["value"]:
            yield Failure(rule="stated-count-matches-rows", table="indicators", row=int(i) + 2, key=r["indicator_id"],
                          field="value", value=r["value"],
                          message=f"the source states {r['value']:g} but {n} {table} rows match '{r['counts_rows']}'",
                          fix="add the missing rows (or remove the extra ones); if the source's count is itself wrong, add an errata row")


class SourceRows:
    """Each table's rows by source, and its columns as plain arrays, built once for all selectors.

    Scanning (or slicing) the whole table per selector is quadratic, as selectors grow with
    the rows; here a selector looks at its source's rows only.
    """

    def __init__(self, frames):
        self.frames, self._groups, self._columns = frames, {}, {}

    def __contains__(self, table):
        return table in self.frames

    def positions(self, table: str, source_id: str):
        import numpy as np

        if table not in self._groups:
            self._groups[table] = self.frames[table].groupby("source_id", observed=True, sort=False).indices
        return self._groups[table].get(source_id, np.array([], dtype=int))

    def column(self, table: str, field: str):
        """The field's cells as text (None where empty); ``year`` is start_date's year."""
        if (table, field) not in self._columns:
            df = self.frames[table]
            if field == "year" and "start_date" in df.columns:
                col = df["start_date"].dt.year.astype("Int64")
            elif field in df.columns:
                col = df[field]
            else:
                raise ValueError(f"{table} has no field {field!r}")
            self._columns[table, field] = col.astype("string").to_numpy(object, na_value=None)
        return self._columns[table, field]


def count_rows(by_source: SourceRows, selector: str, source_id: str) -> tuple[str, int]:
    """Rows of a table from ``source_id`` matching 'TABLE f=v f!=v year=YYYY'.

    Events count only at the top level (sub-activities are parts of their parent)
    unless the selector filters on parent_event_id itself.
    """
    table, *terms = selector.split()
    if table not in by_source:
        raise ValueError(f"counts_rows names table {table!r}, which is not loaded")
    if "source_id" not in by_source.frames[table].columns:
        raise ValueError(f"counts_rows names table {table!r}, whose rows cite no source_id")
    rows = by_source.positions(table, source_id)
    mask = rows >= 0
    if "parent_event_id" in by_source.frames[table].columns and "parent_event_id" not in selector:
        mask &= by_source.column(table, "parent_event_id")[rows] == None  # noqa: E711 - elementwise
    for term in terms:
        neg = "!=" in term
        field, _, value = term.partition("!=" if neg else "=")
        try:
            hit = by_source.column(table, field)[rows] == value
        except ValueError:
            raise ValueError(f"counts_rows filter {term!r}: {table} has no field {field!r}") from None
        mask &= ~hit if neg else hit
    return table, int(mask.sum())


KEY_COLUMNS = ("iso3", "country_iso3", "recipient_iso3")


@rule("iso-country-code", needs=("countries",))
def iso_country_codes(frames, ctx):
    """Every country code is a real ISO 3166-1 alpha-3 code."""
    import pycountry

    real = {c.alpha_3 for c in pycountry.countries}
    for table, df in frames.items():
        for col in KEY_COLUMNS:
            if col not in df.columns:
                continue
            for i in df.index[df[col].notna() & ~is_in(df[col], sorted(real))]:
                v = df.at[i, col]
                yield Failure(rule="iso-country-code", table=table, row=int(i) + 2, key=row_key(ctx, table, df, i),
                              field=col, value=v, message=f"{v!r} is not an ISO 3166-1 alpha-3 code",
                              fix="use the three-letter code from ISO 3166-1 (e.g. MMR for Burma)")


@rule("gbt2260-code", needs=("places",))
def gbt2260_codes(frames, ctx):
    """GB/T 2260 codes fit their level and begin with their parent's prefix."""
    pl = frames["places"]
    code = pl["gbt2260"].astype("str")
    ends4, ends2 = code.str.endswith("0000"), code.str.endswith("00")
    level = pl["level"].astype("str")
    level_bad = ((level == "province") & ~ends4) | ((level == "prefecture") & (~ends2 | ends4)) \
        | ((level == "city") & ends4) | (level.isin(["county", "district"]) & ends2)
    parent = pl["parent_id"].map(column_by(pl, "place_id", "gbt2260")).astype("str")
    wide = parent.str.endswith("0000")
    inside = (code.str[:2] == parent.str[:2]).where(wide, code.str[:4] == parent.str[:4]) & (code != parent)
    coded = pl["gbt2260"].notna()
    abroad = coded & (pl["country_iso3"] != "CHN")
    level_bad = (coded & ~abroad & level_bad).fillna(False)
    outside = (coded & ~abroad & ~level_bad & parent.notna() & ~inside).fillna(False)
    for i in pl.index[(abroad.fillna(False) | level_bad | outside).to_numpy(bool)]:
        p = pl.loc[i]
        fail = ("only places in China have GB/T 2260 codes" if abroad[i] else
                f"a {p['level']} code does not look like {p['gbt2260']}" if level_bad[i] else
                f"does not lie within its parent {p['parent_id']} ({parent[i]})")
        yield Failure(rule="gbt2260-code", table="places", row=int(i) + 2, key=p["place_id"], field="gbt2260",
                      value=p["gbt2260"], message=fail, fix="look the code up in GB/T 2260, or leave it empty")


@rule("foreign-key", needs=())
def foreign_keys(frames, ctx):
    """Every reference resolves, reported as 'field value is not in table.field'.

    The same rows as frictionless's foreign-key check (a row whose key cells are all
    empty refers to nothing), found with one hash lookup per key instead of a row loop.
    The keys are those the descriptor declares and those the package's contract pins,
    so removing a foreign key from the descriptor does not hide a dangling reference.
    """
    import numpy as np

    from .contract import pinned_foreign_keys

    pinned = pinned_foreign_keys(ctx.package or ctx.desc, ctx.root)
    in_package = {r["name"] for r in (ctx.package or ctx.desc)["resources"]}
    known_keys = {}  # (table, fields) -> its filled keys as text: 65 keys refer to 10 such columns
    for res in ctx.desc["resources"]:
        name = res["name"]
        if name not in frames:
            continue
        df = frames[name]
        for fields, target, reffields in _foreign_keys(res, pinned.get(name, [])):
            target = target or name
            if target not in frames:
                why = "could not be read" if target in in_package else "is not in the package"
                yield Unchecked(name, f"{', '.join(fields)} not checked against {target}, which {why}",
                                rule="foreign-key")
                continue
            if len(fields) != len(reffields) or not fields or not has_columns(df, fields) \
                    or not has_columns(frames[target], reffields):
                yield Unchecked(name, f"foreign key {fields} -> {target}.{reffields} names fields the tables lack",
                                rule="foreign-key")
                continue
            if (target, tuple(reffields)) not in known_keys:
                known_keys[target, tuple(reffields)] = _filled_keys(frames[target], reffields)
            values = _key_text(df, fields)
            found = is_in(values, known_keys[target, tuple(reffields)]).to_numpy(bool)
            filled = (values.notna() if len(fields) == 1 else _any_filled(df, fields)).to_numpy(bool)
            for pos in np.flatnonzero(filled & ~found):  # numpy, labels only where it fails: 65 keys x pandas' op cost
                i, v, where = df.index[pos], values.iloc[pos].replace(SEP, "/"), f"{target}.{'/'.join(reffields)}"
                yield Failure(rule="foreign-key", table=name, row=int(i) + 2, key=row_key(ctx, name, df, i),
                              field="/".join(fields), value=v, message=f"{'/'.join(fields)} {v!r} is not in {where}",
                              fix=f"use an existing {where}, or add that row to {target}")


def _foreign_keys(res, pinned) -> list[tuple[list, str, list]]:
    """(fields, target table, target fields) of each foreign key, declared or pinned, once each."""
    out = []
    for fk in list(res["schema"].get("foreignKeys") or []) + pinned:
        ref = fk.get("reference") if isinstance(fk, dict) and isinstance(fk.get("reference"), dict) else {}
        key = (_listed(fk.get("fields") if isinstance(fk, dict) else None), ref.get("resource"),
               _listed(ref.get("fields")))
        if key not in out:
            out.append(key)
    return out


def _listed(fields) -> list:
    return [fields] if isinstance(fields, str) else list(fields) if isinstance(fields, list) else []


def _filled_keys(df, fields):
    """The keys ``df`` holds in ``fields`` as text (see ``_key_text``), rows with every part empty left out."""
    return _key_text(df, fields)[_any_filled(df, fields).to_numpy(bool)]


def _any_filled(df, fields):
    filled = df[fields[0]].notna()
    for f in fields[1:]:
        filled |= df[f].notna()
    return filled


SEP = "\x1f"  # joins the parts of a composite key (no identifier holds it)


def _key_text(df, fields):
    """The key's cells as one string per row (parts joined by SEP; an empty part is written '')."""
    if len(fields) == 1:
        return as_text(df[fields[0]])
    parts = [as_text(df[f]).fillna("") for f in fields]
    out = parts[0]
    for part in parts[1:]:
        out = out + SEP + part
    return out


@rule("formula-injection", needs=())
def no_formulas(frames, ctx):
    """Text cells must not start with = + @ TAB or CR, nor with - unless the cell is a
    plain number (``-2+3+cmd|' /C calc'!A0`` is a formula): what spreadsheets run."""
    from .textcells import shared_batches

    for cells in shared_batches(frames, ctx):
        s = cells.values
        maybe = cells.present() & s.str.startswith(FORMULA_FIRST).fillna(False).to_numpy(bool)
        flagged = maybe.copy()
        if maybe.any():  # the pattern has a lookahead, which runs cell by cell: only on the few that may match
            flagged[maybe] = s[maybe].str.match(FORMULA).fillna(False).to_numpy(bool)
        for table, col, df, i, v in cells.flagged(flagged):
            yield Failure(rule="formula-injection", table=table, row=int(i) + 2, key=row_key(ctx, table, df, i),
                          field=col, value=v, message="starts with a spreadsheet formula character",
                          fix="reword the cell so it does not start with =, +, @, TAB, CR, or - (unless it is a plain number)")


FORMULA = r"[=+@\t\r]|-(?![0-9]+(?:\.[0-9]+)?\Z)"  # = + @ TAB CR; - unless the cell is a plain number
FORMULA_FIRST = ("=", "+", "@", "\t", "\r", "-")  # a cell FORMULA matches begins with one of these


def is_in(values, known):
    """``values.isin(known)`` as a boolean Series, through pyarrow's hash set when it is there:
    pandas 3's isin on Arrow-backed strings builds a Python object per element."""
    import pandas as pd

    values = as_text(values)
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:
        return values.isin(as_text(pd.Series(known).dropna()))
    known = as_text(known if isinstance(known, pd.Series) else pd.Series(known))
    # skip_nulls: a missing value matches nothing, so missing keys need not be dropped first
    got = pc.is_in(pa.array(values.array), value_set=pa.array(known.array), skip_nulls=True)
    return pd.Series(got.fill_null(False).to_numpy(zero_copy_only=False), index=values.index)


def by_source(column, at):
    """``column`` (of the sources table indexed by source_id) for each row whose source sits at
    ``at`` (``get_indexer``: -1 for an unknown source), as floats: NaN for an unknown source or an
    empty cell, which compares false. Plain arrays: pandas' maps and masks cost more than the checks."""
    import numpy as np

    return np.append(column.to_numpy("float64", na_value=np.nan), np.nan)[at]


def has_columns(df, names) -> bool:
    """Whether ``df`` has every column of ``names``: looked up in its index, not a set built of all its
    columns (their names are Arrow-backed text, which Python iterates one name at a time)."""
    return all(name in df.columns for name in names)


def column_by(df, key: str, col: str):
    """``df``'s ``col`` indexed by ``key`` (the first row of each key): from the two columns
    alone, not a deduplicated copy of every column."""
    return df[[key, col]].drop_duplicates(key).set_index(key)[col]


def as_text(s):
    """``s.astype("str")``, skipped where ``s`` already is text (a no-op astype still copies the column).
    Compared with the name "str": building the dtype to compare with looked it up in pandas' registry each call."""
    return s if s.dtype == "str" else s.astype("str")


def row_key(ctx, table, df, i):
    res = next((r for r in ctx.desc["resources"] if r.get("name") == table), {})
    return key_of(df, i, res.get("schema", {}).get("primaryKey") or [])


def pd_isna(v) -> bool:
    import pandas as pd

    return v is None or bool(pd.isna(v))
