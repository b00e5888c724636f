"""The sdist and the wheel carry the data and the rules, and the wheel works outside the checkout.

Both are built once per session, without build isolation: the venv's own hatchling (a
test extra) builds them, so nothing waits on the package index.
"""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="session")
def dist(tmp_path_factory) -> dict[str, Path]:
    """The sdist, and the wheel built from it (as ``python -m build`` does)."""
    pytest.importorskip("hatchling", reason="hatchling builds the wheel: pip install -e '.[test]'")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
    (whl,) = out.glob("povpkg-*.whl")
    (sdist,) = out.glob("povpkg-*.tar.gz")
    return {"wheel": whl, "sdist": sdist}


def test_wheel_carries_data_rules_and_licences_but_no_top_level_validation(dist, desc):
    wheel = zipfile.ZipFile(dist["wheel"])
    names = wheel.namelist()
    assert "povpkg/data/datapackage.json" in names
    for res in desc["resources"]:
        assert f"povpkg/data/{res['path']}" in names
    assert "povpkg/_validation/rules.py" in names
    tops = {n.split("/")[0] for n in names}
    assert tops <= {"povpkg", f"povpkg-{desc['version']}.dist-info"}, tops
    for lic in ("LICENSE", "LICENSE-DATA"):
        assert any(n.endswith(f".dist-info/licenses/{lic}") for n in names), names
    meta = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: MIT AND CC-BY-4.0" in meta


def test_sdist_carries_the_data_and_rules(dist, desc):
    names = {n.split("/", 1)[1] for n in tarfile.open(dist["sdist"]).getnames() if "/" in n}
    assert "datapackage.json" in names and "validation/rules.py" in names and "validation/releases.json" in names
    assert {"LICENSE", "LICENSE-DATA", "povpkg/py.typed"} <= names
    for res in desc["resources"]:
        assert res["path"] in names


@pytest.fixture(scope="session")
def installed(dist, tmp_path_factory):
    """A fresh venv with povpkg installed from the wheel; returns (bin folder, its site-packages, env)."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, with_pip=False)  # this interpreter's pip installs into it
    bin_dir = env_dir / "bin"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install", "-q", "--no-deps",
                    "--no-index", str(dist["wheel"])], check=True, capture_output=True)
    # povpkg comes only from the wheel; its dependencies (pandas, frictionless, pandera)
    # are borrowed from this interpreter through a .pth file instead of downloaded again.
    site = Path(subprocess.check_output(
        [str(bin_dir / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True).strip())
    (site / "_borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return bin_dir, site, env


def test_wheel_in_fresh_venv_loads(installed, tmp_path, desc):
    bin_dir, site, env = installed
    code = "import povpkg; print(povpkg.__file__); print(povpkg.__version__); print(len(povpkg.load('funding_2009')))"
    out = subprocess.run([str(bin_dir / "python"), "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    file, version, rows = out.stdout.split()
    assert file.startswith(str(site))
    assert (version, rows) == (desc["version"], "21")


def test_edited_copy_loop_from_the_wheel_ends_valid(installed, tmp_path, desc):
    """The edited-copy loop, step by step, with only the installed package."""
    bin_dir, site, env = installed

    def povpkg(*args):
        return subprocess.run([str(bin_dir / "povpkg"), *map(str, args)], cwd=tmp_path, env=env,
                              capture_output=True, text=True)

    where = povpkg("path")
    assert where.returncode == 0 and where.stdout.strip().startswith(str(site)), where.stdout + where.stderr
    copy = tmp_path / "mycopy"
    made = povpkg("copy", copy)
    assert made.returncode == 0, made.stderr
    assert sorted(p.name for p in copy.iterdir()) == ["datapackage.json", "tables"]
    # the edit: a correction of one value
    events = copy / "tables" / "events.csv"
    text = events.read_text(encoding="utf-8")
    assert "Rio de Janeiro" in text
    events.write_text(text.replace("Rio de Janeiro", "Rio De Janeiro", 1), encoding="utf-8")
    before = povpkg("validate", copy)
    assert before.returncode == 1
    assert "[hash-count]" in before.stdout and f"povpkg update-hashes {copy}" in before.stdout
    bumped = povpkg("update-hashes", copy, "--bump", "patch")
    major, minor, patch = desc["version"].split(".")
    assert bumped.returncode == 0 and "events" in bumped.stdout, bumped.stderr
    assert f"(version {major}.{minor}.{int(patch) + 1})" in bumped.stdout, bumped.stdout
    final = povpkg("validate", copy)
    assert final.returncode == 0, final.stdout[-2000:]
    assert str(copy) in final.stdout and final.stdout.strip().splitlines()[-1].startswith("VALID")
    # the installed data itself was never touched
    installed_events = site / "povpkg" / "data" / "tables" / "events.csv"
    assert installed_events.read_bytes() == (ROOT / "tables" / "events.csv").read_bytes()


def test_the_public_api_is_fully_typed(installed, tmp_path):
    """pyright's type-completeness score of the installed package (pyright comes from npm;
    .ci/run installs it): 100% of the public API has known types."""
    import json
    import shutil

    pyright = shutil.which("pyright") or shutil.which("pyright", path=str(ROOT / ".ci" / "node" / "node_modules" / ".bin"))
    if pyright is None:
        pytest.skip("pyright is not installed (npm install pyright; .ci/run installs it)")
    bin_dir, site, env = installed
    env = {**env, "VIRTUAL_ENV": str(bin_dir.parent), "PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"}
    run = subprocess.run([pyright, "--verifytypes", "povpkg", "--ignoreexternal", "--outputjson"], cwd=tmp_path,
                         env=env, capture_output=True, text=True, timeout=300)
    report = json.loads(run.stdout)["typeCompleteness"]
    assert report["packageName"] == "povpkg" and report["completenessScore"] == 1.0, \
        [s["name"] for s in report["symbols"] if not s["isTypeKnown"]][:20]
