"""The README's Python examples run as written."""
from __future__ import annotations

import re

from conftest import ROOT


def test_readme_python_examples_run():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


def test_readme_quick_start_is_what_ci_runs():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(python3 -m venv .*?)\n```", text)
    assert len(commands) == 2 and "povpkg validate" in commands[0]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_ci_also_tests_the_lowest_supported_pandas():
    import tomllib

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    (bound,) = [d for d in deps if d.startswith("pandas")]
    lowest = re.fullmatch(r"pandas>=(\d+\.\d+(?:\.\d+)?)", bound).group(1)
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -q "pandas==${lowest}"' in run and "pandas>=" in run
    assert "tests/test_load.py" in run
    assert f"pandas {lowest}" in (ROOT / "README.md").read_text(encoding="utf-8")
