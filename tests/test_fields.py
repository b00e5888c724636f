"""Per-column metadata travels with each loaded frame: df.attrs["fields"]."""
from __future__ import annotations

import pytest

import povpkg


@pytest.mark.parametrize("name", povpkg.tables())
def test_every_column_carries_its_table_schema_field(name):
    df = povpkg.load(name)
    declared = {f["name"]: f for f in povpkg.describe(name)["schema"]["fields"]}
    assert list(df.attrs["fields"]) == list(df.columns)
    assert df.attrs["fields"] == declared


def test_units_and_constraints_travel_with_the_data():
    fields = povpkg.load("funding_2009").attrs["fields"]
    assert fields["amount_10k_yuan"]["unit"] == "10k CNY"
    assert fields["amount_10k_yuan"]["type"] == "integer"
    assert fields["amount_10k_yuan"]["description"]
    assert "enum" in povpkg.load("events").attrs["fields"]["kind"]["constraints"]


def test_fields_are_a_copy_not_the_descriptor():
    df = povpkg.load("amounts")
    df.attrs["fields"]["amount"]["unit"] = "changed by a user"
    df.attrs["fields"]["amount"]["constraints"]["minimum"] = -1
    again = povpkg.describe("amounts")["schema"]["fields"]
    amount = next(f for f in again if f["name"] == "amount")
    assert amount["unit"] != "changed by a user"
    assert amount["constraints"]["minimum"] == 0
    assert povpkg.load("amounts").attrs["fields"]["amount"]["unit"] == amount["unit"]


def test_joined_frame_keeps_the_fields_of_both_tables():
    out = povpkg.join("event_countries", "countries")
    assert set(out.columns) <= set(out.attrs["fields"])
    assert out.attrs["fields"]["region"] == povpkg.load("countries").attrs["fields"]["region"]
