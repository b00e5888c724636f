"""The code people import: typed, a clean namespace, explicit joins."""
from __future__ import annotations

import inspect
import typing
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

import povpkg

PUBLIC = ["load", "load_all", "join", "validate", "export", "cite", "describe", "tables"]


def test_ships_py_typed():
    assert (Path(povpkg.__file__).parent / "py.typed").is_file()


def test_dir_shows_the_public_api_only():
    names = dir(povpkg)
    assert set(PUBLIC) | {"Report", "Failure", "PovpkgError", "UnknownTableError", "__version__"} <= set(names)
    assert not [n for n in names if n.startswith("_") and n != "__version__"]
    assert "annotations" not in names
    from povpkg._report import Failure, Report

    assert (povpkg.Report, povpkg.Failure) == (Report, Failure)


@pytest.mark.parametrize("name", PUBLIC)
def test_public_functions_are_fully_typed(name):
    fn = getattr(povpkg, name)
    # Report and Failure load on first use (import povpkg stays light), so name them here
    names = {**vars(povpkg), "Report": povpkg.Report, "Failure": povpkg.Failure, "TableInfo": povpkg.TableInfo,
             "Any": typing.Any}
    hints = typing.get_type_hints(fn, globalns={**names, "pd": pd, "pl": SimpleNamespace(DataFrame=object), "Path": Path})
    params = inspect.signature(fn).parameters
    assert set(params) <= set(hints), set(params) - set(hints)
    assert "return" in hints
    for p in ("path", "dest", "sources"):
        if p in params and name != "cite":
            assert "PathLike" in str(hints[p]), (name, p, hints[p])


def test_path_parameters_take_pathlike(pkg):
    assert povpkg.tables(pkg) == povpkg.tables(str(pkg))
    assert len(povpkg.load("sources", pkg)) == len(povpkg.load("sources"))


def test_join_with_two_foreign_keys_asks_which():
    with pytest.raises(povpkg.PovpkgError, match="provider_org_id and recipient_org_id") as exc:
        povpkg.join("amounts", "organizations")
    assert "on=" in str(exc.value)
    with pytest.raises(povpkg.PovpkgError, match="choose one of: provider_org_id, recipient_org_id"):
        povpkg.join("amounts", "organizations", on="event_id")


def test_join_on_suffixes_the_parents_columns_by_the_key():
    amounts = povpkg.load("amounts")
    by_provider = povpkg.join("amounts", "organizations", on="provider_org_id")
    by_recipient = povpkg.join("amounts", "organizations", on="recipient_org_id")
    assert len(by_provider) == len(by_recipient) == len(amounts)
    grant = by_provider.set_index("amount_id").loc["am-2012-child-symposium-ausaid-grant"]
    orgs = povpkg.load("organizations").set_index("org_id")
    assert grant["name_provider_org_id"] == orgs.loc["org-ausaid", "name"]
    assert "name" not in by_provider.columns  # nothing unlabelled that could be taken for the other party
    both = by_provider.merge(by_recipient[["amount_id", "name_recipient_org_id"]], on="amount_id")
    assert {"name_provider_org_id", "name_recipient_org_id"} <= set(both.columns)
    assert by_provider.attrs["joined_on"] == ["provider_org_id"]


def test_join_with_one_key_needs_no_on():
    links = povpkg.join("event_countries", "countries")
    assert "region" in links.columns
    assert povpkg.join("event_countries", "countries", on="iso3")["region"].equals(links["region"])
