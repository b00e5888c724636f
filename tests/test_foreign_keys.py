"""povpkg's foreign-key rule flags exactly the rows frictionless's own foreign-key check flags.

Frictionless is handed a descriptor without foreign keys (its lookups re-read every
referenced table per key); the rule must lose nothing by that. Each corrupted draft is
checked by both: frictionless with the foreign keys (on the changed tables and the
tables they refer to), and povpkg's rule. On the clean package both find nothing:
frictionless in test_datapackage.py, povpkg here.
"""
from __future__ import annotations

import json

import pytest


def frictionless_fk_errors(draft, tmp_path) -> set:
    """Frictionless's foreign-key errors on the draft's changed tables (and what they refer to)."""
    import frictionless

    pkg = draft.write(tmp_path / "pkg")
    desc = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    changed = draft.changed()
    wanted = changed | {fk["reference"]["resource"] or r["name"] for r in desc["resources"] if r["name"] in changed
                        for fk in r["schema"].get("foreignKeys", [])}
    desc["resources"] = [r for r in desc["resources"] if r["name"] in wanted]
    report = frictionless.validate(desc, basepath=str(pkg))
    return {(task.name, err.row_number, "/".join(err.field_names))
            for task in report.tasks for err in task.errors if err.type == "foreign-key"}


def povpkg_fk_errors(draft) -> set:
    return {(f.table, f.row, f.field) for f in draft.failures("foreign-key") if f.rule == "foreign-key"}


def test_clean_package_has_no_foreign_key_errors(shipped_report):
    assert "foreign-key" not in shipped_report.rules()


def test_dangling_references_are_the_same_rows(draft, tmp_path):
    draft.update("events", {"event_id": "ev-2012-04-13-mdgs-seminar"}, place_id="pl-nowhere")
    draft.update("organizations", {"org_id": "org-cbrc"}, parent_org_id="org-none")  # a self-reference
    draft.update("amounts", {"amount_id": "am-wb-sixth-poverty-loan"}, part_of="am-missing")
    draft.update("event_people", {"person_id": "p-wu-hongbo"}, person_id="p-nobody")
    got = frictionless_fk_errors(draft, tmp_path)
    assert {t for t, _, _ in got} == {"events", "organizations", "amounts", "event_people"}
    assert povpkg_fk_errors(draft) == got


def test_composite_keys_are_checked_as_frictionless_does(draft, tmp_path):
    """A key with one empty part still has to resolve; a key with every part empty refers to nothing."""
    draft.resource("funding_2009_totals")["schema"]["foreignKeys"].append({
        "fields": ["recipient_id", "category"],
        "reference": {"resource": "funding_2009", "fields": ["recipient_id", "category"]}})
    got = frictionless_fk_errors(draft, tmp_path)
    assert got and all(t == "funding_2009_totals" for t, _, _ in got)
    assert povpkg_fk_errors(draft) == got


@pytest.fixture
def desc_fks(desc):
    return [(r["name"], fk) for r in desc["resources"] for fk in r["schema"].get("foreignKeys", [])]


def test_every_declared_foreign_key_is_one_the_rule_can_check(desc_fks):
    assert desc_fks
    for name, fk in desc_fks:
        fields, ref = fk["fields"], fk["reference"]["fields"]
        assert len([fields] if isinstance(fields, str) else fields) == len([ref] if isinstance(ref, str) else ref), name
