"""The vouching's primary-key check (povpkg/_vouch.py) is frictionless's: no key repeated and
none with every part empty, whether the key is one column or several."""
from __future__ import annotations

import pandas as pd
import pytest

from povpkg._vouch import _key_holds


def frame(**columns) -> pd.DataFrame:
    return pd.DataFrame({k: pd.array(v, dtype="str") for k, v in columns.items()})


@pytest.mark.parametrize("key, columns, holds", [
    ("id", {"id": ["a", "b", "c"]}, True),
    (["id"], {"id": ["a", "b", "a"]}, False),  # repeated
    (["id"], {"id": ["a", None, "c"]}, False),  # empty
    (["id"], {"id": [None, None]}, False),
    (["id"], {"x": ["a"]}, False),  # not a column
    (["id", "role"], {"id": ["a", "a", "b"], "role": ["host", "guest", "host"]}, True),
    (["id", "role"], {"id": ["a", "a"], "role": ["host", "host"]}, False),
    (["id", "role"], {"id": ["a", None], "role": ["host", "guest"]}, True),  # one part empty is a key
    (["id", "role"], {"id": ["a", None], "role": ["host", None]}, False),  # every part empty is not
    ([], {"id": ["a", "a"]}, True),  # no key, nothing to check
])
def test_a_key_holds_as_frictionless_checks_it(key, columns, holds):
    assert _key_holds(frame(**columns), key) is holds


def test_a_categorical_key_column_is_checked_alike():
    df = pd.DataFrame({"id": pd.Categorical(["a", "b", "a"], categories=["a", "b"])})
    assert _key_holds(df, ["id"]) is False
    assert _key_holds(df.iloc[:2], ["id"]) is True
