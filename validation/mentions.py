"""Names, titles and places a row states lie in its cited span (with --sources).

Figures and dates are checked by ``span-in-source``; this rule does the same for the
words of a row: the person and title of an ``event_people`` row, a country as the
source spelled it, the city of an event, a document's title, the place of a product.
Word order is free (see ``provenance.words_in``), so our 'Director, Department of X'
matches the source's 'Director Y of Department of X'.
"""
from __future__ import annotations

from povpkg._report import Failure

from .provenance import word_set, words_in
from .rules import load_texts, pd_isna, row_key, rule

# Text fields that quote the source, per table: (field, rule name).
STATED = {
    "event_people": [("title_as_stated", "title-in-span")],
    "event_countries": [("name_as_stated", "name-in-span")],
    "funding_2009": [("recipient_as_stated", "name-in-span")],
    "documents": [("title_as_stated", "title-in-span")],
    "products": [("product_as_stated", "name-in-span"), ("place_as_stated", "place-in-span")],
}
LINKS = ("event_countries", "event_organizations", "event_people")


@rule("name-in-span", needs=("sources",))
def names_in_spans(frames, ctx):
    """Every stated name, title and place of a row is in its span (needs the texts)."""
    texts = load_texts(ctx, frames["sources"]) if ctx.sources else {}
    texts.pop("__problems__", None)  # reported once, by span-in-source
    if not texts:
        return
    spans = _Spans(frames, texts)
    for table, fields in STATED.items():
        df = frames.get(table)
        if df is None:
            continue
        for i in df.index:
            for col, name in fields:
                v = df.at[i, col] if col in df.columns else None
                parts = [] if pd_isna(v) else [p for p in str(v).split("; ") if p]
                for part in parts:
                    if spans.known(table, i) and not words_in(spans.of(table, i), part):
                        yield _fail(ctx, name, table, df, i, col, part, spans.where(table, i))
    yield from _people_named(frames, ctx, spans)
    yield from _cities_named(frames, ctx, spans)


class _Spans:
    """The cited text of a row, when its source text is at hand."""

    def __init__(self, frames, texts):
        self.frames, self.texts = frames, texts

    def known(self, table, i) -> bool:
        df = self.frames[table]
        return df.at[i, "source_id"] in self.texts and not pd_isna(df.at[i, "span_start"])

    def of(self, table, i) -> str:
        df = self.frames[table]
        return self.texts[df.at[i, "source_id"]][int(df.at[i, "span_start"]):int(df.at[i, "span_end"])]

    def where(self, table, i) -> str:
        df = self.frames[table]
        return f"{df.at[i, 'source_id']} ({df.at[i, 'span_start']}-{df.at[i, 'span_end']})"


def _fail(ctx, name, table, df, i, col, value, where):
    return Failure(rule=name, table=table, row=int(i) + 2, key=row_key(ctx, table, df, i), field=col, value=value,
                   message=f"{value!r} is not in the cited span of {where}",
                   fix="widen or split the span so it holds the words, or correct them against the source")


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
        by_title = family.lower() in word_set(span) and not pd_isna(title) and words_in(span, title)
        if not (any(words_in(span, n) for n in _spellings(people, pid)) or by_title):
            yield _fail(ctx, "name-in-span", "event_people", ep, i, "person_id", name, spans.where("event_people", i))


def _spellings(people, pid) -> list[str]:
    """The person's name and the other ways the sources write it (``people.spellings``)."""
    other = people.at[pid, "spellings"] if "spellings" in people.columns else None
    return [people.at[pid, "name"]] + ([] if pd_isna(other) else str(other).split("|"))


def _cities_named(frames, ctx, spans):
    """An event's city is named in its span or a span of its own link rows, or is its parent's city."""
    ev = frames.get("events")
    if ev is None or "city" not in ev.columns:
        return
    city_of = ev.set_index("event_id")["city"]
    for i in ev.index[ev["city"].notna()]:
        city, parent = ev.at[i, "city"], ev.at[i, "parent_event_id"]
        if not pd_isna(parent) and parent in city_of.index and city_of[parent] == city:
            continue
        if not spans.known("events", i):
            continue
        mentions = [spans.of("events", i)] + _link_spans(frames, spans, ev.at[i, "event_id"])
        if not any(words_in(m, city) for m in mentions):
            yield _fail(ctx, "place-in-span", "events", ev, i, "city", city, spans.where("events", i))


def _link_spans(frames, spans, event_id) -> list[str]:
    out = []
    for table in LINKS:
        df = frames.get(table)
        if df is not None:
            out += [spans.of(table, j) for j in df.index[df["event_id"] == event_id] if spans.known(table, j)]
    return out
