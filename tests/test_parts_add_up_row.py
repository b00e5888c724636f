"""parts-add-up names the whole's own line, even below a repeated key (the primary-key check
reports the repeat; the rule still runs and must not point at the line above the whole)."""
from __future__ import annotations

import pandas as pd

from validation import rules as R


def test_the_whole_line_is_named_below_a_repeated_key(frames):
    amounts = frames["amounts"]
    repeated = pd.concat([amounts.iloc[:1], amounts], ignore_index=True)  # the first key twice
    roads = (repeated["amount_id"] == "am-2012-east-west-aid-roads").to_numpy(bool)
    repeated.loc[roads, "amount"] = repeated.loc[roads, "amount"] + 800_000_000
    got = [f.row for f in R.parts_add_up({**frames, "amounts": repeated}, None)
           if f.key == "am-2012-east-west-financial-aid"]
    whole = int(repeated.index[(repeated["amount_id"] == "am-2012-east-west-financial-aid").to_numpy(bool)][0])
    assert got == [whole + 2]
