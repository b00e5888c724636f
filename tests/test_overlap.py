"""Frictionless in a worker process: the same report as in one process, whatever finishes first
(that the caller never imports frictionless: test_validate.py)."""
from __future__ import annotations

import csv
import io

import povpkg


def alone(path, monkeypatch) -> dict:
    monkeypatch.setenv("POVPKG_WORKER", "0")
    return povpkg.validate(path).to_dict()


def beside(path, monkeypatch) -> dict:
    monkeypatch.setenv("POVPKG_WORKER", "1")
    return povpkg.validate(path).to_dict()


def test_clean_package_same_report(monkeypatch):
    single = alone(None, monkeypatch)
    assert single == beside(None, monkeypatch) and single["valid"]


def _duplicate_first_row(d, table):
    rows = list(csv.reader(io.StringIO(d.csv(table).decode("utf-8"))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows + [rows[1]])
    return d.set_bytes(table, out.getvalue().encode("utf-8"))


def test_broken_package_same_report(draft, tmp_path, monkeypatch):
    """One package broken in each way the two passes meet: a hash mismatch, a table neither
    can read, a table frictionless refuses that the typed pass read (it is checked again
    without it), a missing file, a duplicate key, and rule failures."""
    draft.update("events", {"event_id": "ev-2012-04-13-mdgs-seminar"}, start_date="2012-02-30")  # type-error, unreadable
    draft.update("organizations", {"org_id": "org-iprcc"}, country_iso3="chn")  # frictionless only: a pattern
    draft.update("people", {"person_id": "p-fan-xiaojian"}, name="=HYPERLINK(1)")  # formula-injection
    draft.update("amounts", {"amount_id": "am-wb-sixth-poverty-loan"}, part_of="am-missing")  # foreign-key
    _duplicate_first_row(draft, "countries")                          # primary-key and pandera's uniqueness
    pkg = draft.write(tmp_path / "pkg")
    with (pkg / "tables" / "places.csv").open("ab") as fh:  # size and hash change, rows do not
        fh.write(b"\n")
    (pkg / "tables" / "products.csv").unlink()

    single = alone(pkg, monkeypatch)
    overlapped = beside(pkg, monkeypatch)
    assert single == overlapped and not single["valid"]
    rules = {(f["rule"], f["table"]) for f in overlapped["failures"]}
    assert {("type-error", "events"), ("foreign-key", "amounts"), ("constraint-error", "organizations"),
            ("hash-count", "places"), ("missing-file", "products"), ("primary-key", "countries"),
            ("formula-injection", "people")} <= rules, sorted(rules)
    skipped = {u["table"] for u in overlapped["unchecked"] if u["rule"] is None}
    assert {"events", "organizations"} <= skipped
    assert not any(f["table"] in ("events", "organizations") and f["rule"].startswith("pandera")
                   for f in overlapped["failures"])
