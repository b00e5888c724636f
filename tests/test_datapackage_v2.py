"""The descriptor is a Data Package v2, read the same by povpkg, frictionless and an
independent reader; v2's `categories` are enforced as strictly as an enum ever was."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

import povpkg
from conftest import DATAPACKAGE, ROOT

V2 = "https://datapackage.org/profiles/2.0/datapackage.json"
JS_READER = ROOT / "tests" / "js" / "read_datapackage.js"


def raw():
    return json.loads(DATAPACKAGE.read_text(encoding="utf-8"))


def test_the_descriptor_is_v2_only():
    d = raw()
    assert d["$schema"] == V2 and "profile" not in d
    assert all("roles" in c and "role" not in c for c in d["contributors"])
    for res in d["resources"]:
        assert res["type"] == "table" and "scheme" not in res and "profile" not in res, res["name"]
        for f in res["schema"]["fields"]:
            assert "enum" not in f.get("constraints", {}), f"{res['name']}.{f['name']}: categories, not enum"


def test_categories_are_the_values_every_reader_allows(desc):
    """The loaded descriptor reads each field's categories as its enum (frictionless ignores
    categories); pandas and polars type the column with them, in their order."""
    pl = pytest.importorskip("polars")
    events = next(r for r in raw()["resources"] if r["name"] == "events")
    kind = next(f for f in events["schema"]["fields"] if f["name"] == "kind")
    assert next(f for f in povpkg.describe("events")["schema"]["fields"]
                if f["name"] == "kind")["constraints"]["enum"] == kind["categories"]
    assert list(povpkg.load("events").kind.cat.categories) == kind["categories"]
    assert povpkg.load("events", backend="polars").schema["kind"] == pl.Enum(kind["categories"])


def _edit_descriptor(pkg, change):
    dp = pkg / "datapackage.json"
    d = json.loads(dp.read_text(encoding="utf-8"))
    change(next(f for r in d["resources"] if r["name"] == "events" for f in r["schema"]["fields"]
                if f["name"] == "kind"))
    dp.write_text(json.dumps(d, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _rules(report):
    return {(f.rule, f.table) for f in report.failures}


@pytest.fixture(scope="module")
def loosened(tmp_path_factory):
    """Four copies of the package, each with the categories of events.kind edited a way a
    pull request might: dropped, widened, contradicted, malformed; validated once each."""
    out = {}
    edits = {
        "dropped": lambda f: f.pop("categories"),
        "widened": lambda f: f["categories"].append("party"),
        "contradicted": lambda f: f.setdefault("constraints", {}).update(enum=["visit_abroad"]),
        "malformed": lambda f: f.update(categories={"visit_abroad": 1}),
        "as_enum": lambda f: f.setdefault("constraints", {}).update(enum=f.pop("categories")),
        "labelled": lambda f: f.update(categories=[{"value": v, "label": v.title()} for v in f["categories"]]),
    }
    for name, edit in edits.items():
        pkg = tmp_path_factory.mktemp(name) / "pkg"
        pkg.mkdir()
        shutil.copy2(DATAPACKAGE, pkg / "datapackage.json")
        shutil.copytree(ROOT / "tables", pkg / "tables")
        _edit_descriptor(pkg, edit)
        out[name] = povpkg.validate(pkg)
    return out


def test_dropping_or_widening_categories_breaks_the_contract(loosened):
    assert ("contract", "events") in _rules(loosened["dropped"])
    assert ("contract", "events") in _rules(loosened["widened"])


def test_categories_that_contradict_an_enum_or_are_malformed_are_metadata_failures(loosened):
    assert ("metadata", "events") in _rules(loosened["contradicted"])
    assert ("metadata", "events") in _rules(loosened["malformed"])


def test_an_enum_or_labelled_categories_say_the_same(loosened):
    """v2 allows both forms: either validates, as long as the values are the same."""
    assert loosened["as_enum"].valid, loosened["as_enum"].to_text()[-1500:]
    assert loosened["labelled"].valid, loosened["labelled"].to_text()[-1500:]


def test_a_value_outside_the_categories_fails_loading_and_validation(pkg):
    from conftest import edit_csv

    edit_csv(pkg, "events", 2, "kind", "party")
    with pytest.raises(povpkg.DataError, match="kind"):
        povpkg.load("events", pkg)
    assert "events" in {f.table for f in povpkg.validate(pkg).failures}


def _js_reader():
    node = shutil.which("node")
    modules = os.environ.get("POVPKG_JS_MODULES") or str(ROOT / ".ci" / "node" / "node_modules")
    if not node or not os.path.isdir(os.path.join(modules, "datapackage")):
        pytest.skip("the JavaScript datapackage library is not installed (.ci/run installs it with npm)")
    return node, modules


def test_an_independent_reader_loads_every_table():
    """The JavaScript datapackage library (frictionless-js) checks the descriptor against its
    profile and reads every table, casting each value to its field's type."""
    node, modules = _js_reader()
    run = subprocess.run([node, str(JS_READER), str(DATAPACKAGE)], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "NODE_PATH": modules})
    got = json.loads(run.stdout)
    assert run.returncode == 0 and got["valid"], got
    assert got["rows"] == {t: len(povpkg.load(t)) for t in povpkg.tables()}
