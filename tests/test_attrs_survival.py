"""docs/using.md says which pandas operations keep a loaded frame's ``attrs``; hold it to that."""
import pandas as pd
import pytest

import povpkg


@pytest.fixture(scope="module")
def frames():
    return povpkg.load("events"), povpkg.load("event_countries"), povpkg.load("amounts")


KEEPS = {
    "select rows": lambda e, c, a: e[e["online"] == True],  # noqa: E712
    "select columns": lambda e, c, a: e[["event_id", "title"]],
    "assign": lambda e, c, a: e.assign(x=1),
    "sort_values": lambda e, c, a: e.sort_values("start_date"),
    "copy": lambda e, c, a: e.copy(),
    "reset_index": lambda e, c, a: e.reset_index(),
    "groupby first": lambda e, c, a: e.groupby("kind", observed=True).first(),
    "concat one table": lambda e, c, a: pd.concat([e, e]),
}
DROPS = {
    "merge": lambda e, c, a: e.merge(c, on="event_id"),
    "concat two tables": lambda e, c, a: pd.concat([e, a]),
    "groupby size": lambda e, c, a: e.groupby("kind", observed=True).size().to_frame(),
}


@pytest.mark.parametrize("op", KEEPS)
def test_kept(frames, op):
    assert KEEPS[op](*frames).attrs["fields"] == frames[0].attrs["fields"]


@pytest.mark.parametrize("op", DROPS)
def test_dropped(frames, op):
    assert "fields" not in DROPS[op](*frames).attrs


def test_join_keeps_fields_of_both_tables():
    joined = povpkg.join("event_countries", "events")
    assert {"iso3", "title"} <= set(joined.attrs["fields"])
