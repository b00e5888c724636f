"""Reports read like the CSV and like plain English; the README's JSON example is a real report."""
from __future__ import annotations

import json
import re

import pandas as pd

import povpkg
from conftest import ROOT, edit_csv
from povpkg._hashes import update_hashes
from povpkg._report import Failure, Report, as_written


def test_values_read_as_the_csv_writes_them():
    assert as_written(pd.Timestamp("2012-06-02")) == "2012-06-02"
    assert as_written(pd.NaT) is None and as_written(pd.NA) is None and as_written(float("nan")) is None
    import numpy as np

    assert as_written(np.int64(4170)) == 4170 and type(as_written(np.int64(4170))) is int
    f = Failure(rule="r", message="m", table="events", row=3, value=pd.Timestamp("2012-06-02"))
    assert f.value == "2012-06-02"
    report = povpkg.Report(package="p", version="1", failures=[f], tables={"events": 1})
    assert "'2012-06-02'" in report.to_text() and "Timestamp" not in report.to_text()
    assert json.loads(report.to_json())["failures"][0]["value"] == "2012-06-02"


def test_frictionless_failures_have_keys_and_plain_words(draft):
    rows = draft.rows("events")
    for row, field, value in [(2, "participants", "about 30"), (3, "start_date", "2012-13-01"), (4, "kind", "party"),
                              (5, "title", ""), (6, "span_start", "-5")]:
        rows[row - 2][field] = value
    report = Report(package="draft", version="0", failures=draft.frictionless())
    fails = {f.row: f for f in report.failures if f.table == "events" and f.rule in ("type-error", "constraint-error")}
    assert sorted(fails) == [2, 3, 4, 5, 6]
    for row, f in fails.items():
        assert f.key == rows[row - 2]["event_id"], f
        assert '"' not in f.message and "/default" not in f.message and "constraint" not in f.message, f.message
    assert fails[2].message == "the value 'about 30' is not a whole number"
    assert "is not a date that exists, written YYYY-MM-DD" in fails[3].message
    assert "is not one of the allowed values: visit_abroad, delegation_meeting" in fails[4].message
    assert fails[5].message == "the cell is empty, but the field is required"
    assert fails[6].message == "the value '-5' is below the minimum, 0"
    text = report.to_text()
    assert f"events, row 2 ({rows[0]['event_id']}), field participants: [type-error] the value 'about 30'" in text
    assert "(value: 'about 30')" not in text  # said once


def readme_example(report) -> str:
    """The JSON example of docs/validating.md: the real report, with the package path and all but one table elided."""
    d = report.to_dict()
    first = next(iter(d["tables"]))
    d["package"] = "/path/datapackage.json"
    d["tables"] = {first: d["tables"][first], "...": 0}
    return json.dumps(d, indent=2, ensure_ascii=False)


def test_readme_json_example_is_a_real_report(pkg):
    edit_csv(pkg, "funding_2009_totals", 2, "amount_10k_yuan", "4171")  # Wenshan's printed total, one off
    edit_csv(pkg, "funding_2009_totals", 2, "amount_yuan", "41710000")
    update_hashes(pkg, bump="patch")  # as the README's edited-copy loop does
    report = povpkg.validate(pkg)
    assert len(report.failures) == 1
    block = re.search(r"```json\n(.*?)\n```", (ROOT / "docs" / "validating.md").read_text(encoding="utf-8"), re.S).group(1)
    real = readme_example(report)
    versions = re.compile(r'"(version|povpkg)": "[^"]*"')  # the example need not follow every version bump
    assert versions.sub(r'"\1": "X"', block) == versions.sub(r'"\1": "X"', real), \
        "the JSON example of docs/validating.md is stale: python scripts/json_example.py\n" + real
