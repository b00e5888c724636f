"""Every command the README and docs/ show is run by a test.

`povpkg` commands run here, in process, block by block in the order a reader types them,
with `/tmp/...` replaced by a temporary folder and `$EDITOR` by a real edit; a comment
saying INVALID means exit code 1, anything else 0. Every other command (installs,
scripts, benchmarks) is run by the test named for it in ``ELSEWHERE``; a command in
neither fails this test, so a new documented command cannot go untested.
"""
from __future__ import annotations

import re
import shlex

import pytest

from conftest import ROOT, SOURCES
from povpkg import cli

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# command prefix -> the test that runs it (file::function), or why nothing can
ELSEWHERE = {
    "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/povpkg validate":
        "tests/test_packaging.py::test_edited_copy_loop_from_the_wheel_ends_valid",
    'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/python -m pytest':
        "tests/test_readme.py::test_readme_quick_start_is_what_ci_runs",
    'pip install "povpkg[web]"': "tests/test_doc_commands.py::test_documented_extras_exist",
    "povpkg serve": "tests/test_serve.py::test_served_metadata_has_version_and_licence",
}


def commands(page):
    """(block number, command line) of each ```sh block of a page, comments kept."""
    text = page.read_text(encoding="utf-8")
    for i, block in enumerate(re.findall(r"```sh\n(.*?)```", text, flags=re.S)):
        for line in block.splitlines():
            if line.strip():
                yield i, line.strip()


def all_commands():
    return [(page.relative_to(ROOT).as_posix(), i, line) for page in PAGES for i, line in commands(page)]


def test_every_documented_command_is_run_somewhere():
    orphans = [f"{page}: {line}" for page, _, line in all_commands()
               if not line.startswith(("povpkg ", "$EDITOR ")) and not _covered_elsewhere(line)]
    assert not orphans, "documented commands no test runs (add them to ELSEWHERE with their test):\n" + "\n".join(orphans)


def test_the_tests_named_in_elsewhere_exist():
    for target in ELSEWHERE.values():
        path, name = target.split("::")
        assert f"def {name}(" in (ROOT / path).read_text(encoding="utf-8"), target


def test_documented_extras_exist():
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    for _, _, line in all_commands():
        for extra in re.findall(r'povpkg\[([a-z,]+)\]', line):
            assert set(extra.split(",")) <= set(extras), line


@pytest.mark.parametrize("page", [p.relative_to(ROOT).as_posix() for p in PAGES
                                  if any(line.startswith("povpkg ") for _, line in commands(p))])
def test_povpkg_commands_on_the_page_run_as_documented(page, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for _, line in commands(ROOT / page):
        if _covered_elsewhere(line):
            continue
        command, _, comment = line.partition("#")
        words = [_local(w, tmp_path) for w in shlex.split(command)]
        if words[0] == "$EDITOR":
            _edit(tmp_path / words[1], comment)
            continue
        if str(SOURCES) in words and not SOURCES.is_dir():
            continue  # the source texts are not here (CI without ../shared)
        want = 1 if "INVALID" in comment else 0
        got = cli.main(words[1:])
        out = capsys.readouterr()
        assert got == want, f"{page}: {line}\n{out.out[-1500:]}{out.err[-500:]}"
        assert "Traceback" not in out.err


def _covered_elsewhere(line):
    return any(line.startswith(prefix) for prefix in ELSEWHERE)


def _local(word, tmp_path):
    """A documented path, made to point into this test's folder."""
    if word.startswith("/tmp/"):
        return str(tmp_path / word[len("/tmp/"):])
    if word == "../shared/sources":
        return str(SOURCES)
    return word


def _edit(path, comment):
    """What the comment says the reader changes: in a descriptor, the properties it
    quotes (and a table dropped, for "drop"); in a table, one cell."""
    text = path.read_text(encoding="utf-8")
    if path.name == "datapackage.json":
        import json

        desc = json.loads(text)
        desc.update(dict(re.findall(r'"(\w+)": "([^"]*)"', comment)))
        if "drop" in comment:  # a table nothing else needs (tests/test_derived.py drops more)
            dropped = next(r for r in desc["resources"] if r["name"] == "funding_2009_totals")
            desc["resources"].remove(dropped)
            (path.parent / dropped["path"]).unlink()
        path.write_text(json.dumps(desc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return
    assert "Rio de Janeiro" in text
    path.write_text(text.replace("Rio de Janeiro", "Rio De Janeiro", 1), encoding="utf-8")
