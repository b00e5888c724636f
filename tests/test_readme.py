"""The README: a short landing page whose examples run as written, and what CI runs."""
from __future__ import annotations

import re

from conftest import ROOT


def test_readme_and_usage_python_examples_run():
    for page in (ROOT / "README.md", ROOT / "docs" / "using.md"):
        blocks = re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)
        assert blocks, page
        for block in blocks:
            exec(compile(block, page.name, "exec"), {})


def test_readme_is_a_landing_page():
    """The README stays short: the reference material lives in docs/, linked from it."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 150
    for link in re.findall(r"\]\((docs/[^)#]+)", text):
        assert (ROOT / link).is_file(), link


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
