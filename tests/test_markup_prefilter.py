"""clean-text's markup check looks only at cells holding '<' (RE2 cannot run MARKUP, so
pandas runs it in Python cell by cell): it must flag exactly what MARKUP flags on every cell."""
from __future__ import annotations

import pandas as pd

from povpkg._rules import rules_module

H = rules_module().hygiene
CELLS = ["plain", "<script>", "a <b>c</b>", "<\u3000p>", "< \x1cdiv", "1 < 2", "<3", "<", "x<", None, "", "<<a",
         "a\u00a0<\tb", "＜p>"]


def test_the_prefilter_flags_exactly_what_markup_flags_cell_by_cell():
    s = pd.Series(CELLS, dtype="str")
    want = [isinstance(v, str) and bool(H.MARKUP.search(v)) for v in CELLS]
    assert list(H._markup(s)) == want
    assert want.count(True) == 6  # the unicode spaces Python's \s reads (RE2's does not) included


def test_no_cell_holds_a_bracket():
    assert not H._markup(pd.Series(["a", None, "b"], dtype="str")).any()
