"""The rules' cheaper paths give what the plainer pandas they replaced gave, on the shipped frames."""
from __future__ import annotations

import pandas as pd

from validation import rules as R
from validation.textcells import TextCells, _text_columns


def test_text_cells_join_every_column_as_concat_did(frames):
    parts = [pd.Series(frames[t][c].cat.categories.astype("str")) if categorical else frames[t][c]
             for t, c, categorical in _text_columns(frames)]
    joined = TextCells(frames).values
    assert len(parts) > 100
    assert joined.dtype == "str"
    pd.testing.assert_series_equal(joined, pd.concat(parts, ignore_index=True))


def test_has_columns_reads_the_index():
    df = pd.DataFrame({"a": [1], "b": [2]})
    assert R.has_columns(df, ["a", "b"]) and R.has_columns(df, [])
    assert not R.has_columns(df, ["a", "c"])


def test_recommended_rows_group_as_groupby_iterates(frames):
    from validation.aggregates import FLAG, _groups

    amounts = frames["amounts"]
    flagged = amounts[amounts[FLAG].fillna(False).astype(bool).to_numpy(bool)].dropna(subset=["year"])
    by, cols = ["currency", "year", "aid_type"], ["amount_id", "source_id"]
    want = [list(zip(g.index, g[cols].to_dict("records"))) for _, g in flagged.groupby(by, observed=True, dropna=True)]
    assert len(want) > 5
    assert _groups(flagged, by, cols) == want


def test_within_walks_up_as_the_reindex_per_level_did(frames):
    import numpy as np

    from validation.geography import MAX_DEPTH, column_by, parents, within

    places = frames["places"]
    child, goal = places["place_id"], places["parent_id"].map(column_by(places, "place_id", "parent_id"))
    node, target = child.astype("object").to_numpy(), goal.astype("object").to_numpy()
    parent, hit = column_by(places, "place_id", "parent_id"), np.zeros(len(node), dtype=bool)
    for _ in range(MAX_DEPTH + 1):  # the walk the rule made before: one reindex per level
        live = np.array([isinstance(n, str) for n in node], dtype=bool)
        hit |= live & (node == target)
        node = parent.reindex(node).astype("object").to_numpy()
    assert 50 < hit.sum() < len(hit)
    assert within(parents(places), child, goal).tolist() == hit.tolist()


def _suspects_column_wise(df, key, unit, value):
    """The part rows part-matches-whole looked at before, found with a column operation per field."""
    cols = [c for c in (unit, "pairing_id", "year", "period_start_year") if c in df.columns]
    parts = df.loc[(df["part_of"].notna() & R.is_in(df["part_of"], df[key])).to_numpy(bool), ["part_of", *cols, value]]
    whole = df.set_index(key)[[*cols, value]].reindex(parts["part_of"]).set_axis(parts.index)
    differs = (parts[value] > whole[value]).fillna(False).to_numpy(bool)
    for c in cols:
        differs = differs | (parts[c].astype("str").fillna("") != whole[c].astype("str").fillna("")).to_numpy(bool)
    return list(parts.index[differs])


def test_part_suspects_are_the_column_wise_ones(frames):
    import numpy as np

    for table, (key, unit) in R.PART_KEYS.items():
        value, df = R.PART_VALUES[table], frames[table]
        shuffled = df.copy()
        parts = np.flatnonzero(df["part_of"].notna().to_numpy(bool))
        for k, col in enumerate((unit, "year", "period_start_year", "pairing_id", value)):  # some parts stop fitting
            shuffled.loc[shuffled.index[parts], col] = np.roll(df[col].to_numpy(object)[parts], k + 1)
        for case in (df, shuffled):
            compared = [c for c in (unit, "pairing_id", "year", "period_start_year") if c in case.columns]
            rows = case.loc[(case["part_of"].notna() & R.is_in(case["part_of"], case[key])).to_numpy(bool)]
            wholes = case.set_index(key)[[*compared, value]].reindex(rows["part_of"]).to_dict("records")
            fast = [i for i, p, w in zip(rows.index, rows.to_dict("records"), wholes)
                    if R._may_differ(p, w, compared, value)]
            assert fast == _suspects_column_wise(case, key, unit, value)
        assert len(_suspects_column_wise(shuffled, key, unit, value)) > 5


def test_spans_outside_their_source_as_the_masked_operations_found(frames):
    import numpy as np

    from validation.provenance import _outside

    src = frames["sources"].set_index("source_id")
    for table, df in frames.items():
        if not R.has_columns(df, ("source_id", "span_start", "span_end")):
            continue
        broken = df.copy()
        broken.loc[broken.index[::7], "span_end"] = broken["span_end"].iloc[::7] + 10**7  # past the end
        broken.loc[broken.index[1::9], "span_start"] = pd.NA
        broken.loc[broken.index[2::11], "span_start"] = broken["span_end"].iloc[2::11]  # empty
        broken.loc[broken.index[3::13], "source_id"] = "no-such-source"
        for case in (df, broken):
            a, b = case["span_start"], case["span_end"]
            size = case["source_id"].map(src["characters"])
            known = R.is_in(case["source_id"], src.index)
            want = (known & ((a < 0) | (a >= b) | (size.notna() & (b > size)))).fillna(False).to_numpy(bool)
            got = _outside(case, src.index.get_indexer(case["source_id"]), src["characters"])
            assert got.tolist() == want.tolist(), table
        assert np.any(got)


def _outside_coverage_masked(frames):
    """(table, field, row) dated-within-coverage failed before, with pandas' masked operations."""
    from validation.coverage import DATED, OPEN_ENDED, _years

    src, out = frames["sources"].set_index("source_id"), []
    for table, cols in DATED.items():
        df = frames[table]
        first = df["source_id"].map(src["covers_year_start"]).astype("Int64")
        last = df["source_id"].map(src["covers_year_end"]).astype("Int64")
        for col in cols:
            year = _years(df[col])
            bad = (year.notna() & ((first.notna() & (year < first)) | (last.notna() & (year > last)))).fillna(False)
            if (table, col) in OPEN_ENDED:
                kind, kinds = OPEN_ENDED[table, col]
                bad &= ~df[kind].isin(kinds).fillna(False)
            out += [(table, col, int(i) + 2) for i in df.index[bad]]
    return out


def test_dated_within_coverage_finds_what_the_masked_operations_found(frames, desc):
    from validation.coverage import dated_within_coverage

    sources = frames["sources"].copy()
    sources["covers_year_start"] = sources["covers_year_start"] + 3  # many rows now predate their source's years
    sources.loc[sources.index[::4], "covers_year_end"] = pd.NA
    for case in (frames, {**frames, "sources": sources}):
        got = [(f.table, f.field, f.row) for f in dated_within_coverage(case, R.Context(desc=desc, root=None, sources=None))]
        assert got == _outside_coverage_masked(case)
    assert len(got) > 50


def test_an_ascii_text_matches_the_english_words_as_it_matches_them_all(frames):
    from validation.periods import MULTI_YEAR, MULTI_YEAR_EN, OWN_WORDS

    texts = {t for table, cols in OWN_WORDS.items() for c in cols for t in frames[table][c].dropna().tolist()}
    texts |= {"since 2005", "2012-2014 and 2015 to 2016", "over the past 30 years", "as of 2009", "30年来 in total"}
    ascii_texts = [t for t in texts if t.isascii()]
    assert len(ascii_texts) > 1000
    assert sum(bool(MULTI_YEAR.search(t)) for t in ascii_texts) > 100
    for t in ascii_texts:
        assert [m.span() for m in MULTI_YEAR_EN.finditer(t)] == [m.span() for m in MULTI_YEAR.finditer(t)]


def test_hidden_characters_found_as_the_pattern_finds_them(frames):
    from validation.hygiene import INVISIBLE, _hidden_at

    crafted = ["", "a b", "a\tb", "x\x7f", "\x00", "中\u200b文", "中文", None, "e\u00a0", "line\n", "ok", "\u3000x"]
    cells = pd.concat([TextCells(frames).values, pd.Series(crafted, dtype="str")], ignore_index=True)
    want = cells.str.contains(INVISIBLE.pattern).fillna(False).to_numpy(bool)
    assert want[-len(crafted):].sum() == 7
    assert _hidden_at(cells).tolist() == want.tolist()


def _start_year_masked(df):
    """(field, row) of each failure _start_year_agrees gave with pandas' masked operations."""
    start, year = (pd.to_numeric(df[c], errors="coerce").astype("Float64") for c in ("period_start_year", "year"))
    several = (df["period"].astype("string") == "stated_years").fillna(False)
    cases = ((several & start.isna(), "period_start_year"),
             (several & start.notna() & (year.isna() | (start >= year)).fillna(True), "period_start_year"),
             (~several & start.notna(), "period"))
    return [(field, int(i) + 2) for mask, field in cases for i in df.index[mask.to_numpy(bool)]]


def test_start_years_checked_as_the_masked_operations_checked_them(frames, desc):
    import numpy as np

    from validation.periods import _start_year_agrees

    ctx = R.Context(desc=desc, root=None, sources=None)
    for table in ("amounts", "indicators"):
        df = frames[table]
        bent = df.copy()
        bent["period_start_year"] = pd.array(np.roll(df["period_start_year"].to_numpy(object), 3), dtype="Int64")
        bent.loc[bent.index[::5], "year"] = pd.NA
        for case in (df, bent):
            assert [(f.field, f.row) for f in _start_year_agrees(ctx, table, case)] == _start_year_masked(case)
        assert len(_start_year_masked(bent)) > 10
