"""The wholes a row lies within, through ``part_of`` at any depth (shared by the
recommended-for-aggregates rule and the pairing panel: both refuse a part beside its whole),
or the places a place lies within, through ``parent_id`` (recommended-not-nested)."""
from __future__ import annotations


def wholes(key: str, whole_of: dict) -> list[str]:
    """``key``'s whole, its whole's whole, and so on; a loop (hierarchy-acyclic's case) ends it."""
    out, whole = [], whole_of.get(key)
    while isinstance(whole, str) and whole != key and whole not in out:
        out.append(whole)
        whole = whole_of.get(whole)
    return out
