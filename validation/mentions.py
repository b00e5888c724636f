"""Names, titles and places a row states lie in its cited span (with --sources).

Figures and dates are checked by ``span-in-source``; this rule does the same for the
words of a row: the person and title of an ``event_people`` row, a country as the
source spelled it, the city of an event, a document's title, the place of a product.
Word order is free (see ``provenance.words_in``), so our 'Director, Department of X'
matches the source's 'Director Y of Department of X'. A person's title must be found
outside the titles of the other people cited in the same stretch of text: 'Minister'
does not match the 'Prime Minister' of the man a minister met.
"""
from __future__ import annotations

import math
import re

from povpkg._report import Failure

from .lazy_re import LazyPattern
from .provenance import texts_of, word_set, words_in, words_of
from .zh import PLACE_SIMPLIFIED
from .rules import has_columns, pd_isna, row_key, rule

# Text fields that quote the source, per table: (field, rule name).
STATED = {
    "event_people": [("title_as_stated", "title-in-span")],
    "event_countries": [("name_as_stated", "name-in-span")],
    "funding_2009": [("recipient_as_stated", "name-in-span")],
    "documents": [("title_as_stated", "title-in-span")],
    "products": [("product_as_stated", "name-in-span"), ("place_as_stated", "place-in-span")],
    "pairings": [("provider_as_stated", "name-in-span"), ("recipient_as_stated", "name-in-span")],
}
LINKS = ("event_countries", "event_organizations", "event_people")


@rule("name-in-span", needs=("sources",))
def names_in_spans(frames, ctx):
    """Every stated name, title and place of a row is in its span (needs the texts)."""
    found = texts_of(frames, ctx).texts  # problems: span-in-source's
    texts = {sid: index.text for sid, index in found.items()}
    if not texts:
        return
    frames = {name: _bare(df) for name, df in frames.items()}
    spans = _Spans(frames, texts)
    blanked = _titles_of_others_blanked(frames, spans)
    for table, fields in STATED.items():
        df = frames.get(table)
        if df is None:
            continue
        cols = [col for col, _ in fields if col in df.columns]
        for i, row in df[cols].to_dict("index").items():  # no .at per cell
            for col, name in fields:
                v = row.get(col)
                for part in _parts(v):
                    if not spans.known(table, i):
                        continue
                    span = spans.of(table, i)
                    if not words_in(span, part):
                        yield _fail(ctx, name, table, df, i, col, part, spans.where(table, i))
                    elif col == "title_as_stated" and table == "event_people" \
                            and not words_in(blanked.get(i, span), part):
                        yield _fail(ctx, name, table, df, i, col, part, spans.where(table, i),
                                    "only as part of another person's title")
    yield from _titles_beside_names(frames, ctx, spans)
    yield from _people_named(frames, ctx, spans)
    yield from _cities_named(frames, ctx, spans)


def _bare(df):
    """A shallow copy without ``attrs``: pandas deep-copies a frame's attrs (its whole
    Table Schema) on every ``.at`` and selection, most of this rule's time."""
    out = df.copy(deep=False)
    out.attrs = {}
    return out


class _Spans:
    """The cited text of a row, when its source text is at hand."""

    def __init__(self, frames, texts):
        self.frames, self.texts, self._cited, self._titles = frames, texts, {}, {}

    def cited(self, table, i) -> dict:
        """Row ``i``'s source_id, span_start and span_end (read once per table: no .at per row)."""
        rows = self._cited.get(table)
        if rows is None:
            rows = self._cited[table] = self.frames[table][["source_id", "span_start", "span_end"]].to_dict("index")
        return rows[i]

    def known(self, table, i) -> bool:
        row = self.cited(table, i)
        return row["source_id"] in self.texts and not pd_isna(row["span_start"])

    def of(self, table, i) -> str:
        row = self.cited(table, i)
        return self.texts[row["source_id"]][int(row["span_start"]):int(row["span_end"])]

    def titles(self, ep, people, rows) -> dict:
        """event_people row -> where its titles stand (``_place_titles``), found once per row."""
        cache = self._titles
        for i in rows:
            if i not in cache:
                cache[i] = _place_titles(ep, i, people, self)
        return {i: cache[i] for i in rows}

    def where(self, table, i) -> str:
        row = self.cited(table, i)
        return f"{row['source_id']} ({row['span_start']}-{row['span_end']})"


def _parts(value) -> list[str]:
    """The '; '-separated parts of a stated text (a person may carry several titles)."""
    return [] if pd_isna(value) else [p for p in str(value).split("; ") if p]


def _fail(ctx, name, table, df, i, col, value, where, how="not"):
    return Failure(rule=name, table=table, row=int(i) + 2, key=row_key(ctx, table, df, i), field=col, value=value,
                   message=f"{value!r} is {how} in the cited span of {where}",
                   fix="widen or split the span so it holds the words, or correct them against the source")


_WORD = LazyPattern(r"[\w'\u2019]+")  # curly apostrophes too: word_set folds them


def _titles_of_others_blanked(frames, spans) -> dict:
    """event_people row -> its cited text with the titles of the other people cited in
    overlapping spans of the same source blanked out; a title found only there belongs to
    someone else."""
    ep, people = frames.get("event_people"), frames.get("people")
    if ep is None or people is None or "title_as_stated" not in ep.columns:
        return {}
    people = people.drop_duplicates("person_id").set_index("person_id")
    rows = [i for i in ep.index if spans.known("event_people", i)]
    placed = spans.titles(ep, people, rows)
    cited = ep[["person_id", "source_id", "span_start", "span_end"]].to_dict("index")  # no .at in the pair loop
    name_of = people["name"].to_dict()
    out = {}
    for group in _by_source(cited, rows):
        for i in group:
            a, b = int(cited[i]["span_start"]), int(cited[i]["span_end"])
            chars = list(spans.of("event_people", i))
            for j in group:
                if int(cited[j]["span_start"]) >= b:
                    break
                if _same_person(cited[i]["person_id"], cited[j]["person_id"], name_of):
                    continue
                for s, e in placed[j]:
                    lo, hi = max(s, a), min(e, b)
                    if lo < hi:
                        chars[lo - a:hi - a] = " " * (hi - lo)
            out[i] = "".join(chars)
    return out


def _titles_beside_names(frames, ctx, spans):
    """A title belongs to the name it stands beside: where the span writes a row's title
    (nearest its person's name), it is not right beside another cited person's name
    ('Luo Hong, Deputy Secretary') while words stand between it and this person's name
    (or this person's other titles). Two officials' titles swapped in one span are caught."""
    ep, people = frames.get("event_people"), frames.get("people")
    if ep is None or people is None or "title_as_stated" not in ep.columns:
        return
    people = people.drop_duplicates("person_id").set_index("person_id")
    names = {pid: word_set(n) - _INITIALS for pid, n in people["name"].items()}
    cited = ep[["person_id", "source_id", "span_start", "span_end", "title_as_stated"]].to_dict("index")  # no .at per cell
    rows = [i for i, r in cited.items() if r["source_id"] in spans.texts and not pd_isna(r["span_start"])
            and r["person_id"] in names]
    for group in _by_source(cited, rows):
        for k, i in enumerate(group):
            own = names[cited[i]["person_id"]]
            others = set().union(*(names[cited[j]["person_id"]] for j in _overlapping(cited, group, k))) - own
            if not others or pd_isna(cited[i]["title_as_stated"]):
                continue
            a, b = int(cited[i]["span_start"]), int(cited[i]["span_end"])
            source = spans.texts[cited[i]["source_id"]]
            tokens = [(a + m.start(), a + m.end(), words_of(m.group())) for m in _WORD.finditer(source[a:b])]
            mine = [(s, e) for s, e, w in tokens if w & own]
            theirs = [(s, e) for s, e, w in tokens if w & others]
            if not mine or not theirs:
                continue
            windows = spans.titles(ep, people, [i])[i]
            for window, part in zip(windows, _parts(cited[i]["title_as_stated"])):
                if _gap(source, window, theirs) == 0 < _gap(source, window, mine + windows):
                    yield _fail(ctx, "title-in-span", "event_people", ep, i, "title_as_stated", part,
                                spans.where("event_people", i), "written beside another person's name, not this person's,")


_INITIALS = set("abcdefghijklmnopqrstuvwxyz")  # 'P. R.', a middle initial: not a name to look for


def _by_source(cited, rows) -> list[list]:
    """``rows`` grouped by their source, each group sorted by span start."""
    by_source: dict = {}
    for i in sorted(rows, key=lambda i: int(cited[i]["span_start"])):
        by_source.setdefault(cited[i]["source_id"], []).append(i)
    return list(by_source.values())


def _overlapping(cited, group, k):
    """Rows of ``group`` (sorted by span start) whose spans overlap row ``group[k]``'s."""
    a, b = int(cited[group[k]]["span_start"]), int(cited[group[k]]["span_end"])
    out = []
    for j in group:
        if int(cited[j]["span_start"]) >= b:
            break
        if j != group[k] and int(cited[j]["span_end"]) > a:
            out.append(j)
    return out


_HONORIFIC = LazyPattern(r"\b(?:Mr|Ms|Mrs|Dr|Prof|Madam|Mme|Sir|H\.\s?E)\b\.?", re.IGNORECASE)
_SENTENCE_END = LazyPattern(r"[.;!?](?:\s|$)")


def _gap(text: str, window, names) -> float:
    """Words between ``window`` and the nearest of ``names`` in ``text`` (honorifics such
    as 'Mr.' and 'H.E.' not counted; across the end of a sentence, none is near)."""
    best = math.inf
    for ns, ne in names:
        if (ns, ne) == tuple(window):
            continue
        between = text[ne:window[0]] if ne <= window[0] else text[window[1]:ns] if ns >= window[1] else ""
        between = _HONORIFIC.sub(" ", between)
        best = min(best, math.inf if _SENTENCE_END.search(between) else len(_WORD.findall(between)))
    return best


def _same_person(pi, pj, name_of: dict) -> bool:
    """The same person_id, or two ids of people of the same name."""
    named = pi in name_of and pj in name_of and name_of[pi] == name_of[pj]
    return pi == pj or named


def _place_titles(ep, i, people, spans) -> list[tuple[int, int]]:
    """Where each title of row ``i`` stands in the source: the shortest stretch of its
    span holding the title's words, nearest the person's family name."""
    a, text = int(ep.at[i, "span_start"]), spans.of("event_people", i)
    tokens = [(m.start(), m.end(), words_of(m.group())) for m in _WORD.finditer(text)]
    pid = ep.at[i, "person_id"]
    family = word_set(_family(people, pid)) if pid in people.index else set()
    names = [(s, e) for s, e, w in tokens if w & family]
    out = []
    for part in _parts(ep.at[i, "title_as_stated"]):
        best = _nearest_window(tokens, word_set(part), names)
        if best:
            out.append((a + best[0], a + best[1]))
    return out


def _nearest_window(tokens, need: set, names) -> tuple[int, int] | None:
    """The shortest stretch holding every word of ``need``; of equally short ones (a bare
    'Minister' said of two people), the one nearest a mention in ``names``."""
    hits = [(s, e, w & need) for s, e, w in tokens if w & need]
    best, key = None, None
    for k, (start, _, _) in enumerate(hits):
        seen: set = set()
        for _, end, w in hits[k:]:
            seen |= w
            if seen >= need:
                gap = min((max(0, start - ne, ns - end) for ns, ne in names), default=0)
                if key is None or (end - start, gap) < key:
                    best, key = (start, end), (end - start, gap)
                break
    return best


def _family(people, pid) -> str:
    """The family name: first of a Chinese name, last of others."""
    words = str(people.at[pid, "name"]).split()
    return words[0] if people.at[pid, "country_iso3"] == "CHN" else words[-1]


def _people_named(frames, ctx, spans):
    """A person is named in the span by full name, or by family name next to their stated title
    ('Minister Fan', 'President Kikwete')."""
    if "event_people" not in frames or "people" not in frames:
        return
    ep, people = frames["event_people"], frames["people"].set_index("person_id")
    for i in ep.index:
        pid = ep.at[i, "person_id"]
        if pid not in people.index or not spans.known("event_people", i):
            continue
        name, span = people.at[pid, "name"], spans.of("event_people", i)
        words = str(name).split()
        family = words[0] if people.at[pid, "country_iso3"] == "CHN" else words[-1]
        title = ep.at[i, "title_as_stated"]
        by_title = family.lower() in words_of(span) and not pd_isna(title) and words_in(span, title)
        if not (any(words_in(span, n) for n in _spellings(people, pid)) or by_title):
            yield _fail(ctx, "name-in-span", "event_people", ep, i, "person_id", name, spans.where("event_people", i))


def _spellings(people, pid) -> list[str]:
    """The person's name and the other ways the sources write it (``people.spellings``)."""
    other = people.at[pid, "spellings"] if "spellings" in people.columns else None
    return [people.at[pid, "name"]] + ([] if pd_isna(other) else str(other).split("|"))


def _cities_named(frames, ctx, spans):
    """An event's city is named in its span or a span of its own link rows, or is its parent's
    city. A Chinese span may name it in characters (Beijing as 北京 or 北京市: ``city_names_zh``)."""
    ev = frames.get("events")
    if ev is None or "city" not in ev.columns:
        return
    city_of = ev.set_index("event_id")["city"]
    in_zh = city_names_zh(frames.get("places"))
    links = _link_rows(frames)
    for i in ev.index[ev["city"].notna()]:
        city, parent = ev.at[i, "city"], ev.at[i, "parent_event_id"]
        if not pd_isna(parent) and parent in city_of.index and city_of[parent] == city:
            continue
        if not spans.known("events", i):
            continue
        mentions = [spans.of("events", i)] + [spans.of(table, j) for table, j in links.get(ev.at[i, "event_id"], ())
                                               if spans.known(table, j)]
        zh_names = in_zh.get(_city_key(city), ())
        if not any(words_in(m, city) or city_in_zh(m, zh_names) for m in mentions):
            yield _fail(ctx, "place-in-span", "events", ev, i, "city", city, spans.where("events", i))


def city_in_zh(span: str, zh_names) -> bool:
    """Does a Chinese span name the city by one of ``zh_names``, in simplified or traditional
    characters (六盤水 is 六盘水)? Only whole names: 六盘 alone names no city."""
    if not _CJK.search(span):
        return False
    simple = span.translate(PLACE_SIMPLIFIED)
    return any(z in span or z in simple for z in zh_names)


# Chinese names of the cities events are held in that have no row in ``places`` (those
# that have one are named by its name_zh); standard names, for reading Chinese spans only.
CITY_ZH = {"Rome": "罗马", "Yangling": "杨凌", "Huzhou": "湖州", "Longsheng": "龙胜"}


def _city_key(name) -> str:
    """'Kunming', 'kunming' and 'Kunming City' are one city."""
    return re.sub(r"\s+city$", "", str(name).strip().lower())


def city_names_zh(places) -> dict[str, set[str]]:
    """City (``_city_key``) -> how a Chinese page may write it: each same-named place's
    name_zh, and without its 市 (昆明市, 昆明), and CITY_ZH's names."""
    out: dict[str, set[str]] = {_city_key(k): {v} for k, v in CITY_ZH.items()}
    if places is None or not has_columns(places, ("name", "name_zh")):
        return out
    for name, zh in zip(places["name"], places["name_zh"]):
        if pd_isna(name) or pd_isna(zh) or not str(zh).strip():
            continue
        forms = out.setdefault(_city_key(name), set())
        forms.add(str(zh))
        if str(zh).endswith("市") and len(str(zh)) >= 3:
            forms.add(str(zh)[:-1])
    return out


def _link_rows(frames) -> dict:
    """event_id -> ``(table, row)`` of its link rows, table by table in ``LINKS`` order (one
    pass per table, not a comparison of a whole column per event)."""
    out: dict = {}
    for table in LINKS:
        df = frames.get(table)
        if df is not None:
            for j, event_id in zip(df.index, df["event_id"]):
                out.setdefault(event_id, []).append((table, j))
    return out


# --- every country a list names is in it ---------------------------------------------

def country_forms(countries) -> dict[tuple, str]:
    """Name (as a tuple of folded tokens) -> ISO code, for every name and spelling the
    countries table records and every ISO 3166 name (a country missing from the table is found too)."""
    import pycountry

    out = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            name = getattr(c, attr, None)
            if name and len(name) >= 4 and "," not in name:
                out[_tokens(name)] = c.alpha_3
    for iso3, name, other in zip(countries["iso3"], countries["name"], countries["spellings"]):
        for form in [name] + ([] if pd_isna(other) else str(other).split("|")):
            if str(form).strip():
                out[_tokens(form)] = iso3
    return out


_TOKEN = LazyPattern(r"[^\W\d_]+|\d+|[^\w\s]")
_CJK = LazyPattern(r"[\u3400-\u9fff]")


def _tokens(text) -> tuple:
    return tuple(_TOKEN.findall(str(text).translate(_APOSTROPHES).lower()))


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def countries_named(span: str, forms: dict[tuple, str]) -> set[str]:
    """The countries a span names, in one pass over its words (the longest name wins:
    'Equatorial Guinea' is not Guinea, 'Nigeria' not Niger). Chinese names, written
    without spaces, are found as they stand."""
    longest = max((len(k) for k in forms), default=0)
    words, out, k = _tokens(span), set(), 0
    while k < len(words):
        for n in range(min(longest, len(words) - k), 0, -1):
            code = forms.get(words[k:k + n])
            if code:
                out.add(code)
                k += n - 1
                break
        k += 1
    out |= {code for form, code in forms.items() if len(form) == 1 and _CJK.match(form[0]) and form[0] in span}
    return out


@rule("countries-named-are-listed", needs=("events", "event_countries", "countries", "sources"), excusable=True,
      needs_texts=True)
def countries_named_are_listed(frames, ctx):
    """With the texts, every country the spans of an event's country rows name is in its
    list (China aside: the sources' own country): dropping one of three listed countries
    from an event whose count is not stated is caught. An erratum may say why a named
    country is not a participant (stale only when every source text was at hand)."""
    found = texts_of(frames, ctx).texts
    links = frames["event_countries"]
    links = links[links["source_id"].isin(list(found)) & links["span_start"].notna()]
    if links.empty:
        return
    forms = country_forms(frames["countries"])
    every = frames["event_countries"]
    listed: dict = {}
    for event_id, iso3 in zip(every["event_id"], every["iso3"]):
        listed.setdefault(event_id, set()).add(iso3)
    spans: dict = {}
    for event_id, sid, a, b in zip(links["event_id"], links["source_id"], links["span_start"], links["span_end"]):
        spans.setdefault(event_id, set()).add((sid, int(a), int(b)))
    named_in: dict = {}
    ev = frames["events"]
    where = dict(zip(ev["event_id"], ev.index))
    for event_id, cited in spans.items():
        named = set()
        for sid, a, b in cited:
            if (sid, a, b) not in named_in:
                named_in[sid, a, b] = countries_named(found[sid].text[a:b], forms)
            named |= named_in[sid, a, b]
        missing = sorted(named - listed.get(event_id, set()) - {"CHN"})
        if missing and event_id in where:
            i = where[event_id]
            yield Failure(rule="countries-named-are-listed", table="events", row=int(i) + 2, key=event_id,
                          field="countries_listed", value=", ".join(missing),
                          message=f"the spans of its event_countries rows name {', '.join(missing)}, "
                                  "which event_countries does not list for it",
                          fix="add the country the source lists (or narrow the span); if the source names it "
                              "for another reason, add an errata row saying why")
