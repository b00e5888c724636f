"""part-matches-whole reads only the columns it compares: each way a part can differ from its
whole is still named, with the field and value it names."""
from __future__ import annotations

import pytest

GANSU = {"amount_id": "am-wb-sixth-poverty-loan-gansu"}  # a part of am-wb-sixth-poverty-loan (USD)


@pytest.mark.parametrize(("cells", "field", "value", "why"), [
    ({"currency": "CNY", "unit_stated": "million yuan", "amount": "60000000"}, "currency", "CNY", "has currency USD"),
    ({"amount": "9000000000", "value_stated": "9000"}, "amount", "9000000000.0", "less than this part"),
])
def test_a_part_unlike_its_whole_is_named(draft, cells, field, value, why):
    draft.update("amounts", GANSU, **cells)
    got = [f for f in draft.failures("part-matches-whole") if f.key == GANSU["amount_id"]]
    assert [(f.field, f.value) for f in got] == [(field, value)]
    assert why in got[0].message and "am-wb-sixth-poverty-loan " in got[0].message
