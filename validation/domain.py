"""Domain rules: what a careful editor expects of the values themselves.

A Table Schema says what it can (minimum, maximum, pattern: see datapackage.json);
these rules say the rest: codes agree with the names the sources wrote, places lie in
their event's country, hierarchies have no cycles, dates are written one way per
precision, counts are not negative, shares not over 100%, numbers are finite, every
reference row is used or cites a source. None of them checks a claim of a source, so
no erratum can excuse them.
"""
from __future__ import annotations

from functools import lru_cache

from povpkg._report import Failure

from .rules import has_columns, is_in, pd_isna, row_key, rule

# The 34 province-level divisions of GB/T 2260 (the first two digits of every code).
PROVINCES = {
    "11": "Beijing", "12": "Tianjin", "13": "Hebei", "14": "Shanxi", "15": "Inner Mongolia", "21": "Liaoning",
    "22": "Jilin", "23": "Heilongjiang", "31": "Shanghai", "32": "Jiangsu", "33": "Zhejiang", "34": "Anhui",
    "35": "Fujian", "36": "Jiangxi", "37": "Shandong", "41": "Henan", "42": "Hubei", "43": "Hunan",
    "44": "Guangdong", "45": "Guangxi", "46": "Hainan", "50": "Chongqing", "51": "Sichuan", "52": "Guizhou",
    "53": "Yunnan", "54": "Tibet", "61": "Shaanxi", "62": "Gansu", "63": "Qinghai", "64": "Ningxia",
    "65": "Xinjiang", "71": "Taiwan", "81": "Hong Kong", "82": "Macao",
}
HIERARCHIES = [("events", "event_id", "parent_event_id"), ("places", "place_id", "parent_id"),
               ("organizations", "org_id", "parent_org_id"),
               ("amounts", "amount_id", "part_of"), ("indicators", "indicator_id", "part_of")]
REFERENCE_TABLES = {"people": "person_id", "organizations": "org_id", "places": "place_id", "projects": "project_id"}
# measures that may be negative or exceed 100% (a change, not a count or a share)
CHANGE_WORDS = ("growth", "change", "increase", "decrease", "balance")


def _fail(ctx, rule_name, table, df, i, field, value, message, fix):
    return Failure(rule=rule_name, table=table, row=int(i) + 2, key=row_key(ctx, table, df, i), field=field,
                   value=_plain(value), message=message, fix=fix)


def _plain(v):
    if pd_isna(v):
        return None
    item = getattr(v, "item", None)
    v = item() if callable(item) else v
    return str(v.date()) if hasattr(v, "date") and callable(v.date) else v


@lru_cache(maxsize=4096, typed=True)  # typed: 1 and 1.0 fold apart
def _fold(text) -> str:
    """A name's words, folded and sorted: 'Lao PDR' = 'PDR, Lao'. Kept per name: the country
    rules fold ISO 3166's 750 names and the same few hundred spellings again and again."""
    from .provenance import word_set

    return " ".join(sorted(word_set(text)))


def country_forms(name, spellings) -> list:
    """A countries row's name and each spelling it records ('|' between them), blanks left out."""
    return [f for f in [name] + ([] if pd_isna(spellings) else str(spellings).split("|")) if str(f).strip()]


@rule("country-name-matches-code", needs=("event_countries", "countries"))
def country_name_matches_code(frames, ctx):
    """The name the source wrote for a country is that code's name or a recorded spelling of it."""
    co, links = frames["countries"], frames["event_countries"]
    known = {r.iso3: {_fold(f) for f in country_forms(r.name, r.spellings)} for r in co.itertuples(index=False)}
    for i, r in zip(links.index, links.itertuples(index=False)):
        if r.iso3 in known and not pd_isna(r.name_as_stated) and _fold(r.name_as_stated) not in known[r.iso3]:
            yield _fail(ctx, "country-name-matches-code", "event_countries", links, i, "iso3", r.iso3,
                        f"{r.name_as_stated!r} is not a name recorded for {r.iso3} in countries (name or spellings)",
                        "use the code of the country the source names; if it is a new spelling, add it to countries.spellings")


@rule("place-in-own-country", needs=("places",))
def place_in_own_country(frames, ctx):
    """An event's (or project's) place lies in the country the row names."""
    country = frames["places"].set_index("place_id")["country_iso3"]
    for table in ("events", "projects"):
        df = frames.get(table)
        if df is None or not has_columns(df, ("place_id", "country_iso3")):
            continue
        where = df["place_id"].map(country)
        bad = (where.notna() & df["country_iso3"].notna() & (where != df["country_iso3"])).fillna(False)
        for i in df.index[bad]:
            yield _fail(ctx, "place-in-own-country", table, df, i, "place_id", df.at[i, "place_id"],
                        f"{df.at[i, 'place_id']} lies in {where[i]}, but the row's country is {df.at[i, 'country_iso3']}",
                        "correct country_iso3 or place_id against the source")


@rule("funding-place-is-a-prefecture", needs=("funding_2009", "places"))
def funding_place_is_prefecture(frames, ctx):
    """A cell of the 2009 table points at one of its Yunnan prefectures, the one it names."""
    cells, pl = frames["funding_2009"], frames["places"].set_index("place_id")
    seen = {}
    for i, r in zip(cells.index, cells.itertuples(index=False)):
        if pd_isna(r.place_id) or r.place_id not in pl.index:
            continue
        p = pl.loc[r.place_id]
        problem = None
        if p["level"] not in ("prefecture", "city") or not str(p["gbt2260"]).startswith("53"):
            problem = f"{r.place_id} ({p['name']}, {p['level']}) is not a prefecture of Yunnan"
        elif not set(_fold(p["name"]).split()) & set(_fold(r.recipient_as_stated).split()) - {"city", "prefecture"}:
            problem = f"{r.place_id} ({p['name']}) is not the {r.recipient_as_stated!r} the table names"
        elif seen.setdefault(r.recipient_id, r.place_id) != r.place_id:
            problem = f"the other cells of {r.recipient_id} point at {seen[r.recipient_id]}"
        if problem:
            yield _fail(ctx, "funding-place-is-a-prefecture", "funding_2009", cells, i, "place_id", r.place_id, problem,
                        "point the cell at the prefecture its row names (recipient_as_stated)")


@rule("start-year-before-end-year", needs=("projects",))
def project_years_in_order(frames, ctx):
    """A project cannot end before it starts."""
    pj = frames["projects"]
    bad = (pj["start_year"].notna() & pj["end_year"].notna() & (pj["end_year"] < pj["start_year"])).fillna(False)
    for i in pj.index[bad]:
        yield _fail(ctx, "start-year-before-end-year", "projects", pj, i, "end_year", pj.at[i, "end_year"],
                    f"ends in {pj.at[i, 'end_year']} but starts in {pj.at[i, 'start_year']}",
                    "swap or correct start_year and end_year")


@rule("count-in-range", needs=("indicators",))
def counts_in_range(frames, ctx):
    """A count or a population is not negative; a share in percent is at most 100
    (a growth rate or other change may be either)."""
    ind = frames["indicators"]
    change = ind["measure"].astype("str").str.contains("|".join(CHANGE_WORDS), regex=True)
    percent = ind["unit"].astype("str").str.lower().isin(["percent", "%"])
    v = ind["value"]
    for i in ind.index[(v.notna() & ~change & (v < 0)).fillna(False)]:
        yield _fail(ctx, "count-in-range", "indicators", ind, i, "value", v[i],
                    f"a {ind.at[i, 'measure']} of {v[i]:g} {ind.at[i, 'unit']} cannot be negative",
                    "correct the value against the source")
    for i in ind.index[(v.notna() & ~change & percent & (v > 100)).fillna(False)]:
        yield _fail(ctx, "count-in-range", "indicators", ind, i, "value", v[i],
                    f"a share of {v[i]:g} percent is over 100", "correct the value against the source")


def on_cycles(up: dict) -> set:
    """The keys of ``up`` (child -> parent) that are their own ancestors. Each key is
    walked once (a walk stops at a key already walked): linear in the keys, where
    walking each key's chain to its root is quadratic in a long chain."""
    state, looped = {}, set()  # key -> the walk that reached it
    for walk, start in enumerate(up):
        path, node = [], start
        while node in up and node not in state and not pd_isna(node):
            state[node] = walk
            path.append(node)
            node = up[node]
        if node in state and state[node] == walk and not pd_isna(node):  # this walk closed a loop at node
            looped.update(path[path.index(node):])
    return looped


@rule("hierarchy-acyclic", needs=())
def hierarchies_acyclic(frames, ctx):
    """No event, place or organization is its own parent, and no amount or indicator its
    own part, directly or through others."""
    for table, key, parent in HIERARCHIES:
        df = frames.get(table)
        if df is None or not has_columns(df, (key, parent)):
            continue
        keys = df[key].tolist()  # lists: iterating an Arrow-backed column yields a cell at a time
        looped = on_cycles(dict(zip(keys, df[parent].tolist())))
        for i, start in zip(df.index, keys):
            if start in looped:
                yield _fail(ctx, "hierarchy-acyclic", table, df, i, parent, df.at[i, parent],
                            f"{start} is its own ancestor through {parent}",
                            f"point {parent} at the larger {table[:-1]} it belongs to, or leave it empty")


@rule("canonical-date", needs=())
def canonical_dates(frames, ctx):
    """One way to write a date per precision: a month on its 1st, a year on 1 January."""
    for table, cols, prec in (("events", ("start_date", "end_date"), "date_precision"),
                              ("sources", ("published",), "published_precision")):
        df = frames.get(table)
        if df is None or prec not in df.columns:
            continue
        for col in (c for c in cols if c in df.columns):
            d = df[col]
            bad = ((df[prec] == "month") & (d.dt.day != 1)) | ((df[prec] == "year") & ((d.dt.day != 1) | (d.dt.month != 1)))
            for i in df.index[(d.notna() & bad).fillna(False)]:
                yield _fail(ctx, "canonical-date", table, df, i, col, d[i],
                            f"a {df.at[i, prec]}-precision date is written on its first day",
                            "write a month as YYYY-MM-01 and a year as YYYY-01-01")


@rule("count-needs-list", needs=("events", "event_countries"))
def count_needs_list(frames, ctx):
    """A stated country count says whether the source lists the countries; a listed one
    has its list (a count without a list is marked countries_listed=false, never silently unchecked)."""
    ev, links = frames["events"], frames["event_countries"]
    if "countries_listed" not in ev.columns:
        return
    listed = set(links.loc[links["iso3"] != "CHN", "event_id"])  # the countries it counts, besides China
    stated = ev["countries_stated"].notna()
    for i in ev.index[(stated & ev["countries_listed"].isna()).fillna(False)]:
        yield _fail(ctx, "count-needs-list", "events", ev, i, "countries_listed", None,
                    "the source states a country count: say whether it also lists the countries",
                    "set countries_listed to true (event_countries lists them) or false (the source gives only the count)")
    for i in ev.index[(ev["countries_listed"] == True).fillna(False) & ~is_in(ev["event_id"], list(listed))]:  # noqa: E712
        yield _fail(ctx, "count-needs-list", "events", ev, i, "countries_listed", True,
                    "countries_listed is true but event_countries lists no country other than China",
                    "restore the event_countries rows the source lists, or set countries_listed to false")


@rule("gbt2260-province", needs=("places",))
def gbt2260_provinces(frames, ctx):
    """A GB/T 2260 code begins with one of the 34 province-level codes; a province's code is one of them."""
    pl = frames["places"]
    for i, r in zip(pl.index, pl.itertuples(index=False)):
        code = r.gbt2260
        if pd_isna(code):
            continue
        code = str(code)
        if code[:2] not in PROVINCES:
            msg = f"{code} begins with {code[:2]}, which is none of the 34 province-level codes"
        elif r.level == "province" and code != code[:2] + "0000":
            msg = f"a province's code is {code[:2]}0000 ({PROVINCES[code[:2]]}), not {code}"
        else:
            continue
        yield _fail(ctx, "gbt2260-province", "places", pl, i, "gbt2260", code, msg,
                    "look the code up in GB/T 2260, or leave it empty")


@rule("reference-row-used", needs=())
def reference_rows_used(frames, ctx):
    """A person, organization, place or project that no row refers to must cite a source of its own.

    A table that could refer to one of them but was not read (broken, refused) leaves its
    rows' use unknown: that table's rows are then not checked, rather than blamed."""
    import pandas as pd

    from povpkg._report import Unchecked

    from .references import ID_LISTS

    used = {t: [] for t in REFERENCE_TABLES}  # the columns of values that refer to each table
    unread = {t: [] for t in REFERENCE_TABLES}  # the tables referring to each that were not read
    for res in (ctx.package or ctx.desc).get("resources", []):
        df = frames.get(res.get("name"))
        schema = res.get("schema") if isinstance(res.get("schema"), dict) else {}
        for fk in schema.get("foreignKeys") or []:
            target = fk.get("reference", {}).get("resource") or res.get("name")
            fields = fk.get("fields")
            col = fields[0] if isinstance(fields, list) and fields else fields
            if target in used and df is None:
                unread[target].append(res.get("name"))
            elif target in used and col in df.columns:
                own = df[REFERENCE_TABLES[target]] if target == res.get("name") else None
                refs = df[col] if own is None else df[col][df[col] != own]  # a row's own parent link does not count
                used[target].append(refs)  # is_in matches no missing value: no dropna, no copy
    for table, col, target, _ in ID_LISTS:
        if table in frames and target in used and col in frames[table].columns:
            used[target].append(frames[table][col].dropna().astype(str).str.split("|").explode())
    for table, key in REFERENCE_TABLES.items():
        df = frames.get(table)
        if df is None or key not in df.columns:
            continue
        if unread[table]:
            yield Unchecked(table, f"not known to be unused: {', '.join(sorted(set(unread[table])))} could not be read",
                            rule="reference-row-used")
            continue
        cites = df["source_id"].notna() if "source_id" in df.columns else False
        known = pd.concat(used[table], ignore_index=True) if used[table] else pd.Series([], dtype="str")
        for i in df.index[~is_in(df[key], known) & ~cites]:
            yield _fail(ctx, "reference-row-used", table, df, i, key, df.at[i, key],
                        f"nothing refers to {df.at[i, key]} and it cites no source of its own",
                        "remove the row, or add the row that refers to it")


@rule("finite-number", needs=())
def finite_numbers(frames, ctx):
    """inf, -inf and NaN are not values: a number is finite or the cell is empty."""
    import numpy as np

    for table, df in frames.items():
        for col, dtype in df.dtypes.items():  # not df[col] per column: a Series built just to read its type
            if str(dtype) not in ("Float64", "float64"):
                continue
            s = df[col].astype("float64")
            for i in df.index[df[col].notna().to_numpy(bool) & ~np.isfinite(s.to_numpy())]:
                yield _fail(ctx, "finite-number", table, df, i, col, str(s[i]),
                            f"{s[i]} is not a number a source can state", "write the figure, or leave the cell empty")
