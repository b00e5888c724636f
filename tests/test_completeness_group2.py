"""The completeness pass over the Chinese pages of group 2 (docs/audit.md, section 5; its count table
is checked by test_audit_tables.py): the rows it mended stay mended."""
from __future__ import annotations


def test_no_two_organizations_share_a_name(frames):
    names = frames["organizations"]["name"].str.lower()
    assert not names[names.duplicated()].tolist()


def test_cnpc_amounts_name_cnpc_as_their_provider(frames):
    amounts = frames["amounts"]
    cnpc = amounts[amounts["amount_id"].str.contains("cnpc")]
    assert len(cnpc) == 4
    assert set(cnpc["provider_org_id"]) == {"org-cnpc"}
