"""povpkg's foreign-key rule flags exactly the rows frictionless's own foreign-key check flags.

Frictionless is handed a descriptor without foreign keys (its lookups re-read every
referenced table per key); the rule must lose nothing by that. Each corrupted copy is
checked by both: frictionless with the foreign keys, and povpkg.
"""
from __future__ import annotations

import json

import pytest

import povpkg
from conftest import rehash, update


def frictionless_fk_errors(pkg) -> set:
    import frictionless

    report = frictionless.validate(str(pkg / "datapackage.json"))
    return {(task.name, err.row_number, "/".join(err.field_names))
            for task in report.tasks for err in task.errors if err.type == "foreign-key"}


def povpkg_fk_errors(pkg) -> set:
    return {(f.table, f.row, f.field) for f in povpkg.validate(pkg).failures if f.rule == "foreign-key"}


def test_clean_package_has_no_foreign_key_errors_in_either(pkg):
    assert frictionless_fk_errors(pkg) == povpkg_fk_errors(pkg) == set()


def test_dangling_references_are_the_same_rows(pkg):
    update(pkg, "events", {"event_id": "ev-2012-04-13-mdgs-seminar"}, place_id="pl-nowhere")
    update(pkg, "organizations", {"org_id": "org-cbrc"}, parent_org_id="org-none")  # a self-reference
    update(pkg, "amounts", {"amount_id": "am-wb-sixth-poverty-loan"}, part_of="am-missing")
    update(pkg, "event_people", {"person_id": "p-wu-hongbo"}, person_id="p-nobody")
    got = frictionless_fk_errors(pkg)
    assert {t for t, _, _ in got} == {"events", "organizations", "amounts", "event_people"}
    assert povpkg_fk_errors(pkg) == got


def test_composite_keys_are_checked_as_frictionless_does(pkg):
    """A key with one empty part still has to resolve; a key with every part empty refers to nothing."""
    dp = pkg / "datapackage.json"
    desc = json.loads(dp.read_text(encoding="utf-8"))
    totals = next(r for r in desc["resources"] if r["name"] == "funding_2009_totals")
    totals["schema"]["foreignKeys"].append({"fields": ["recipient_id", "category"], "reference": {
        "resource": "funding_2009", "fields": ["recipient_id", "category"]}})
    dp.write_text(json.dumps(desc), encoding="utf-8")
    rehash(pkg)
    got = frictionless_fk_errors(pkg)
    assert got and all(t == "funding_2009_totals" for t, _, _ in got)
    assert povpkg_fk_errors(pkg) == got


@pytest.fixture
def desc_fks(desc):
    return [(r["name"], fk) for r in desc["resources"] for fk in r["schema"].get("foreignKeys", [])]


def test_every_declared_foreign_key_is_one_the_rule_can_check(desc_fks):
    assert desc_fks
    for name, fk in desc_fks:
        fields, ref = fk["fields"], fk["reference"]["fields"]
        assert len([fields] if isinstance(fields, str) else fields) == len([ref] if isinstance(ref, str) else ref), name
