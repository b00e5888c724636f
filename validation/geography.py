"""Where things are: places in their parent's country, countries in their M49 region,
country names unique to one code, pairing money flowing from provider to recipient,
an indicator's place the one its subject names.

Each rule reads whole columns; ancestry is followed a bounded number of levels
(``MAX_DEPTH``), so a long or looping parent chain costs no more than that.
"""
from __future__ import annotations

import re

from .domain import _fail, _fold, country_forms
from .m49 import REGION_OF
from .rules import column_by, rule

MAX_DEPTH = 8  # country > province > prefecture > county > township > village, with room to spare


def parents(places) -> dict:
    """place_id -> parent_id (the first row of each place_id). A dict: the walks up the
    hierarchy look a few hundred places up one at a time, cheaper than a reindex per level."""
    parent: dict = {}
    for pid, up in zip(places["place_id"].tolist(), places["parent_id"].tolist()):
        parent.setdefault(pid, up)
    return parent


def ancestry(parent: dict, place):
    """``place``, its parent, and so on, while they are places (at most MAX_DEPTH + 1 of them)."""
    for _ in range(MAX_DEPTH + 1):
        if not isinstance(place, str):
            return
        yield place
        place = parent.get(place)


def within(parent: dict, child, target):
    """Boolean array: is ``child[k]`` the place ``target[k]`` or below it (through the
    ``parent`` map of ``parents``, at most MAX_DEPTH levels)? Empty cells are never within."""
    import numpy as np

    return np.array([any(node == goal for node in ancestry(parent, place))
                     for place, goal in zip(child.tolist(), target.tolist())], dtype=bool)


@rule("place-in-parents-country", needs=("places",))
def place_in_parents_country(frames, ctx):
    """A place lies in its parent's country (a county of Yunnan is in China)."""
    pl = frames["places"]
    country = column_by(pl, "place_id", "country_iso3")
    theirs = pl["parent_id"].map(country)
    bad = (theirs.notna() & pl["country_iso3"].notna() & (theirs != pl["country_iso3"])).fillna(False)
    for i in pl.index[bad.to_numpy(bool)]:
        yield _fail(ctx, "place-in-parents-country", "places", pl, i, "country_iso3", pl.at[i, "country_iso3"],
                    f"its parent {pl.at[i, 'parent_id']} lies in {theirs[i]}",
                    "give the place its parent's country, or correct parent_id")


@rule("country-region", needs=("countries",))
def country_region(frames, ctx):
    """A country's region is its UN M49 region (shipped with the code, not read from the table)."""
    co = frames["countries"]
    want = co["iso3"].map(REGION_OF)
    bad = (want.notna() & (co["region"].astype("object") != want)).fillna(False)
    for i in co.index[bad.to_numpy(bool)]:
        yield _fail(ctx, "country-region", "countries", co, i, "region", co.at[i, "region"],
                    f"{co.at[i, 'iso3']} lies in the M49 region {want[i]}", f"set region to {want[i]}")


@rule("country-spelling-unique", needs=("countries",))
def country_spelling_unique(frames, ctx):
    """A name or spelling recorded for one code is not a name of another: not another row's
    name or spelling, nor another code's ISO 3166 name. Otherwise an ISO code could be
    swapped in event_countries together with an added spelling."""
    import pycountry

    co = frames["countries"]
    owner: dict[str, set] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(c, attr, None):
                owner.setdefault(_fold(getattr(c, attr)), set()).add(c.alpha_3)
    forms = []
    for i, r in zip(co.index, co.itertuples(index=False)):
        for f in country_forms(r.name, r.spellings):
            forms.append((i, r.iso3, f, _fold(f)))
            owner.setdefault(_fold(f), set()).add(r.iso3)
    for i, code, form, folded in forms:
        others = sorted(owner.get(folded, set()) - {code})
        if others:
            yield _fail(ctx, "country-spelling-unique", "countries", co, i, "spellings", form,
                        f"{form!r} is recorded for {code} but names {', '.join(others)}",
                        "keep each name with the one country it names; correct the code the row uses instead")


@rule("amount-matches-pairing", needs=("amounts", "pairings", "places"))
def amount_matches_pairing(frames, ctx):
    """An amount of a pairing flows its way: the provider place is (or lies within) the
    pairing's provider, the recipient place its recipient."""
    am, pairs, pl = frames["amounts"], frames["pairings"], frames["places"]
    pairs = pairs.drop_duplicates("pairing_id").set_index("pairing_id")
    paired = am["pairing_id"].notna() & am["pairing_id"].isin(pairs.index)
    parent = None  # read once for both sides
    for side in ("provider", "recipient"):
        col = f"{side}_place_id"
        if col not in am.columns:
            continue
        sel = (paired & am[col].notna()).fillna(False).to_numpy(bool)
        rows = am.loc[sel, ["pairing_id", col]]
        goal = rows["pairing_id"].map(pairs[col])
        parent = parents(pl) if parent is None else parent
        ok = within(parent, rows[col], goal)
        for i in rows.index[~ok]:
            yield _fail(ctx, "amount-matches-pairing", "amounts", am, i, col, am.at[i, col],
                        f"{am.at[i, col]} is not the {side} {goal[i]} of {am.at[i, 'pairing_id']} (nor within it)",
                        "check the direction (provider and recipient may be swapped) and the pairing_id")


_GENERIC = {"county", "prefecture", "city", "province", "village", "town", "township", "district", "region",
            "autonomous", "municipality", "the", "of", "new", "area"}


_WORD = re.compile(r"[a-z']+")


def _words(text) -> list[str]:
    """Lower-case words of ``text`` (a curly apostrophe read as a straight one)."""
    return _WORD.findall(str(text).lower().replace("\u2019", "'"))


def _head(name) -> str | None:
    """The word a place is named by: 'Wuding' of 'Wuding County', 'Ningxia' of 'Ningxia Hui Autonomous Region'."""
    words = [w for w in _words(name) if w not in _GENERIC]
    return words[0] if words else None


@rule("subject-names-place", needs=("indicators", "places"))
def subject_names_place(frames, ctx):
    """An indicator whose subject names places is attributed to one of them (or a place
    within one): 'Wuding County' cannot be moved to Yunnan's place_id."""
    ind, pl = frames["indicators"], frames["places"]
    if "subject" not in ind.columns:
        return
    heads: dict[str, list] = {}
    for pid, name in zip(pl["place_id"].tolist(), pl["name"].tolist()):  # lists: not Arrow cell by cell
        h = _head(name)
        if h:
            heads.setdefault(h, []).append(pid)
    rows = ind.loc[(ind["place_id"].notna() & ind["subject"].notna()).fillna(False).to_numpy(bool),
                   ["subject", "place_id"]]  # the two columns read, not a copy of every one
    said: dict = {}  # the head words each distinct subject names (indicators repeat a subject 3.6 times)
    for subject in rows["subject"].tolist():
        if subject not in said:
            said[subject] = set(_words(subject)) & heads.keys()
    named = [(i, pid, said[subject]) for i, subject, pid in zip(rows.index, rows["subject"].tolist(),
                                                              rows["place_id"].tolist()) if said[subject]]
    if not named:
        return
    # a place is within a named one when it or an ancestor has a head the subject names: one walk
    # up the hierarchy per indicator, however many places share a name
    heads_of: dict = {}
    for h, ids in heads.items():
        for pid in ids:
            heads_of.setdefault(pid, set()).add(h)
    parent = parents(pl)
    for i, pid, words in named:
        if any(heads_of.get(node, set()) & words for node in ancestry(parent, pid)):
            continue
        names = sorted({p for w in words for p in heads[w]})
        yield _fail(ctx, "subject-names-place", "indicators", ind, i, "place_id", ind.at[i, "place_id"],
                    f"the subject {ind.at[i, 'subject']!r} names {', '.join(names)}, not {ind.at[i, 'place_id']}",
                    "attribute the indicator to the place its subject names, or correct the subject")
