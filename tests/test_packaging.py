"""The wheel carries the data and the rules, and works outside the checkout."""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
    (whl,) = out.glob("povpkg-*.whl")
    return whl


def test_wheel_carries_data_and_rules_but_no_top_level_validation(wheel, desc):
    names = zipfile.ZipFile(wheel).namelist()
    assert "povpkg/data/datapackage.json" in names
    for res in desc["resources"]:
        assert f"povpkg/data/{res['path']}" in names
    assert "povpkg/validation/rules.py" in names
    tops = {n.split("/")[0] for n in names}
    assert tops <= {"povpkg", f"povpkg-{desc['version']}.dist-info"}, tops


def test_wheel_in_fresh_venv_loads_and_validates(wheel, tmp_path, desc):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True)
    # povpkg comes only from the wheel; its dependencies (pandas, frictionless, pandera)
    # are borrowed from this interpreter through a .pth file instead of downloaded again.
    site = Path(subprocess.check_output(
        [str(bin_dir / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True).strip())
    (site / "_borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    code = ("import povpkg; print(povpkg.__file__); print(povpkg.__version__);"
            "df = povpkg.load('funding_2009'); print(len(df));"
            "r = povpkg.validate(); print(r.valid)")
    out = subprocess.run([str(bin_dir / "python"), "-c", code], cwd=outside, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    file, version, rows, valid = out.stdout.split()
    assert file.startswith(str(site))
    assert (version, rows, valid) == (desc["version"], "21", "True")
    run = subprocess.run([str(bin_dir / "povpkg"), "validate"], cwd=outside, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert str(site) in run.stdout and "VALID" in run.stdout


def test_sdist_carries_the_data_and_rules(tmp_path, desc):
    import tarfile

    subprocess.run([sys.executable, "-m", "build", "--sdist", "--outdir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    (sdist,) = tmp_path.glob("povpkg-*.tar.gz")
    names = {n.split("/", 1)[1] for n in tarfile.open(sdist).getnames() if "/" in n}
    assert "datapackage.json" in names and "validation/rules.py" in names and "validation/releases.json" in names
    for res in desc["resources"]:
        assert res["path"] in names
