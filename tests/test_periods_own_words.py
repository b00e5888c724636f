"""period-matches-words reads a row's own words column by column: the first column whose
words say several years is the one its failure names, and a row is read once."""
from __future__ import annotations

import pandas as pd

from povpkg._rules import rules_module

P = rules_module().periods


def test_the_first_column_that_says_several_years_is_named():
    df = pd.DataFrame({"purpose": pd.array(["since 2009", None, "in 2011", "cumulative"], dtype="str"),
                       "notes": pd.array(["so far", "from 2004 to 2012", None, None], dtype="str")})
    assert P._own_words_say(df, ["purpose", "notes"]) == [
        "its purpose says 'since'", "its notes says 'from 2004 to 2012'", None, "its purpose says 'cumulative'"]
    assert P._own_words_say(df.iloc[:0], ["purpose", "notes"]) == []
