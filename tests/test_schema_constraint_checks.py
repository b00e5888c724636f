"""The pandera checks of the Table Schema constraints (validation/schemas.py constraint_check) find
what pandera's built-in checks find, report it under the same name, and pass missing cells."""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pytest

from povpkg._rules import rules_module

schemas = rules_module().schemas

# constraint, its value, the built-in check pandera has for it, a column with passing,
# failing and missing cells
CASES = [
    ("minimum", 0, pa.Check.ge, pd.array([3, -1, None, 0, -7], dtype="Int64")),
    ("minimum", 0.5, pa.Check.ge, pd.array([0.5, 0.4, None, 9.0, -1.0], dtype="Float64")),
    ("maximum", 10, pa.Check.le, pd.array([10, 11, None, -3, 12], dtype="Int64")),
    ("minimum", "2000-01-01", pa.Check.ge,
     pd.Series(pd.to_datetime(["2001-02-03", "1999-12-31", None, "2000-01-01", "1066-10-14"])).astype("datetime64[us]")),
    ("pattern", "[a-z]+[0-9]*", lambda p, **kw: pa.Check.str_matches(rf"(?:{p})\Z", **kw),
     pd.array(["ab1", "AB1", None, "ab1\n", "ab", "1ab"], dtype="str")),
    ("pattern", "[㐀-鿿]+", lambda p, **kw: pa.Check.str_matches(rf"(?:{p})\Z", **kw),
     pd.array(["北京", "Beijing", None, "北京 "], dtype="str")),
    ("enum", ["a", "b"], pa.Check.isin, pd.array(["a", "c", None, "b", "a "], dtype="str")),
    ("enum", ["a", "b"], pa.Check.isin, pd.Categorical(["a", "c", None, "b"])),
]


def failure_cases(check: pa.Check, values) -> list[dict]:
    schema = pa.DataFrameSchema({"x": pa.Column(checks=[check], nullable=True)})
    try:
        schema.validate(pd.DataFrame({"x": values}), lazy=True)
    except pa.errors.SchemaErrors as exc:
        return exc.failure_cases.to_dict("records")
    return []


@pytest.mark.parametrize("constraint, value, builtin, values", CASES)
def test_a_constraint_check_fails_where_pandera_builtin_check_fails(constraint, value, builtin, values):
    ours = failure_cases(schemas.constraint_check(constraint, value), values)
    assert ours == failure_cases(builtin(value, name=constraint), values)
    assert ours and all(case["failure_case"] is not None for case in ours)  # it fails, and never on a missing cell


def test_a_constraint_without_a_check_is_refused():
    with pytest.raises(ValueError):
        schemas.constraint_check("maxLength", 3)
