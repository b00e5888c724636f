"""sources.host_type / original_publisher: what a stored copy is, and which copies confirm."""
from __future__ import annotations

import pandas as pd
import pytest

import povpkg
from povpkg._package import descriptor
from povpkg._rules import rules_module

R = rules_module()


def frame(rows):
    """sources rows: (source_id, publisher, host_type, original_publisher)."""
    return pd.DataFrame({"source_id": [r[0] for r in rows], "publisher": [r[1] for r in rows],
                         "host_type": [r[2] for r in rows],
                         "original_publisher": pd.array([r[3] for r in rows], dtype="string")})


def failures(rows):
    ctx = R.rules.Context(desc=descriptor(), root=None, sources=None)
    return [(f.key, f.message) for f in R.hosts.host_types({"sources": frame(rows)}, ctx)]


def test_every_shipped_source_says_its_host():
    src = povpkg.load("sources")
    assert src["host_type"].notna().all()
    assert set(src["host_type"]) <= {"official", "repost", "clone"}
    # the English pages the catalogue marks as copies on unrelated domains are clones
    assert src.set_index("source_id").at["xinhua-2018-06-myanmar-pilot-feature", "host_type"] == "clone"
    assert src.set_index("source_id").at["newscabal-east-asia-pilot-5-years", "host_type"] == "repost"
    assert failures([tuple(r) for r in src[["source_id", "publisher", "host_type", "original_publisher"]]
                     .astype(object).where(src[["source_id", "publisher", "host_type", "original_publisher"]].notna(),
                                           None).itertuples(index=False)]) == []


@pytest.mark.parametrize(("row", "problem"), [
    (("a", "Xinhua", "official", "People's Daily"), "an official copy names an original publisher"),
    (("b", "some mirror", "clone", None), "a clone does not say whose page it copies"),
    (("c", "some mirror", "clone", " "), "a clone does not say whose page it copies"),
])
def test_inconsistent_hosts_fail(row, problem):
    assert failures([row]) == [(row[0], problem)]


def test_consistent_hosts_pass():
    assert failures([("a", "Xinhua", "official", None), ("b", "aggregator", "repost", None),
                     ("c", "aggregator", "repost", "Xinhua"), ("d", "mirror", "clone", "Xinhua")]) == []


def test_a_clone_or_unnamed_repost_never_confirms_a_second_time():
    src = frame([("xh", "Xinhua", "official", None), ("clone", "mirror.example", "clone", "Xinhua"),
                 ("anon", "aggregator", "repost", None), ("rep", "Sohu", "repost", "Xinhua"),
                 ("pd", "People's Daily", "official", None)])
    assert list(R.hosts.independent(src)) == [True, False, False, True, True]
    conf = R.hosts.confirmations
    assert conf(src, ["xh", "clone"]) == 1
    assert conf(src, ["xh", "anon"]) == 1
    assert conf(src, ["clone", "anon"]) == 0
    assert conf(src, ["xh", "rep"]) == 1  # a repost of Xinhua is the Xinhua report again
    assert conf(src, ["xh", "pd"]) == 2
