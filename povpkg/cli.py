"""The ``povpkg`` command: list, show, describe, find, validate, cite, export, codebook, panel,
the edited-copy loop: path, copy, update-hashes, and the release loop: sync, release.

Exit codes: 0 success (valid), 1 invalid data, 2 could not run (bad input).
Every problem is one line on stderr; no traceback reaches the user.
"""
from __future__ import annotations

import argparse
import os
import sys

from ._safety import shown
from .errors import PovpkgError

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2
PATH_HELP = "a datapackage.json or its folder (default: the installed data)"


def _row_count(text: str) -> int:
    """``-n``: a count of rows, 0 for all; negative counts are refused."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"{n} is negative; give a number of rows, or 0 for all")
    return n


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="povpkg", description="China's poverty-reduction cooperation as validated tables.")
    p.add_argument("--version", action="store_true", help="print the data package version and exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for build in _SUBCOMMANDS.values():
        build(sub)
    return p


def _parse(argv: list[str]):
    """argparse's reading of ``argv``; a mistyped command gets "did you mean ...?" (the
    first word that is not an option is the command: no global option takes a value)."""
    parser = _parser()
    words = [a for a in argv if not a.startswith("-")]
    if words and words[0] not in _SUBCOMMANDS:
        from .errors import closest

        near = closest(words[0], _SUBCOMMANDS)
        parser.error(f"unknown command {words[0]!r}; "
                     + (f"did you mean {' or '.join(near)}?" if near else f"choose from {', '.join(_SUBCOMMANDS)}"))
    return parser.parse_args(argv)


def _add_list(sub) -> None:
    s = sub.add_parser("list", help="list the tables", description="List the tables with their titles.")
    s.add_argument("--path", help=PATH_HELP)


def _add_show(sub) -> None:
    s = sub.add_parser("show", help="print a table",
                       description="Print a table's first rows, fitted to the terminal's width (COLUMNS). "
                                   "Key columns come first; missing values print as NA.")
    s.add_argument("name", help="table name (see `povpkg list`)")
    s.add_argument("-n", "--rows", type=_row_count, default=20, help="rows to show (0 = all; default 20)")
    s.add_argument("-c", "--columns", help="comma-separated columns to show, in this order")
    s.add_argument("--path", help=PATH_HELP)


def _add_describe(sub) -> None:
    s = sub.add_parser("describe", help="describe a table's fields",
                       description="Title, description, keys and fields of a table.")
    s.add_argument("name", help="table name")
    s.add_argument("--path", help=PATH_HELP)


def _add_find(sub) -> None:
    s = sub.add_parser("find", help="find rows in any table by a word",
                       description="Every row, in any table, with a text cell containing WORDS (case and accents "
                                   "ignored): names, spellings, Chinese names, titles, notes, identifiers.")
    s.add_argument("query", help="what to look for, e.g. Laos or bansuo")
    s.add_argument("-t", "--table", action="append", help="look only in this table (repeatable)")
    s.add_argument("--path", help=PATH_HELP)


def _add_validate(sub) -> None:
    s = sub.add_parser("validate", help="check a data package",
                       description="Run frictionless, then the pandera schemas and cross-table rules. "
                                   "Exit 0 valid, 1 invalid, 2 cannot run.")
    s.add_argument("path", nargs="?", help=PATH_HELP)
    s.add_argument("--format", choices=["text", "json", "github"], default="text",
                   help="text for people (default), json for CI, "
                        "github for workflow annotations on the failing file and line")
    s.add_argument("--sources", help="folder of the source texts, to check every cited span")
    s.add_argument("--report", metavar="FILE", help="also write the JSON report to FILE (whatever --format prints)")


def _add_cite(sub) -> None:
    s = sub.add_parser("cite", help="how to cite this version (and its sources)",
                       description="Print a citation of the exact version of the dataset; with --sources, "
                                   "the references of the source documents too.")
    s.add_argument("--format", choices=["text", "bibtex", "cff", "ris", "csl-json"], default="text",
                   help="text (APA-like, default), bibtex, cff (CITATION.cff), ris or csl-json")
    s.add_argument("--sources", action="store_true", help="also cite every source document the data comes from")
    s.add_argument("--path", help=PATH_HELP)


def _add_export(sub) -> None:
    s = sub.add_parser("export", help="write all tables to SQLite, Parquet or Excel",
                       description="Export every table, keeping types, keys and metadata (see the README). "
                                   "DEST is a new file (sqlite, xlsx) or a folder (parquet) in an existing folder.")
    s.add_argument("dest", help="where to write")
    s.add_argument("--format", choices=["sqlite", "parquet", "xlsx", "duckdb"], required=True,
                   help="sqlite (one database), parquet (one file per table in DEST), xlsx (one sheet per table)")
    s.add_argument("--path", help=PATH_HELP)


def _add_serve(sub) -> None:
    s = sub.add_parser("serve", help="browse the tables in Datasette (pip install 'povpkg[web]')",
                       description="Build the SQLite export in a temporary folder and serve it with Datasette: "
                                   "metadata from datapackage.json, full-text search, facets, linked keys.")
    s.add_argument("--port", type=int, default=8001, help="port to listen on (default 8001)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    s.add_argument("--path", help=PATH_HELP)


def _add_codebook(sub) -> None:
    s = sub.add_parser("codebook", help="print the codebook (Markdown)",
                       description="Print the codebook generated from datapackage.json (docs/codebook.md is this output).")
    s.add_argument("--path", help=PATH_HELP)


def _add_panel(sub) -> None:
    s = sub.add_parser("panel", help="print the pairing panel (aid by pair, year and kind, in yuan) or the national "
                                     "East-West series",
                       description="East-West pairing aid by pair x year x aid type, in yuan, from the amounts "
                                   "recommended for aggregates, with each total a source states beside the sum of its "
                                   "parts; with --national, the national series by measure and span "
                                   "(see docs/panel.md).")
    s.add_argument("--format", choices=["text", "csv", "json"], default="text",
                   help="text (million yuan, for reading; default), csv or json (yuan, one record per row)")
    s.add_argument("--national", action="store_true",
                   help="print the national East-West series instead: each figure stated for the programme as a "
                        "whole, by measure and span (one year, part of a year, plan period, cumulative), never summed")
    s.add_argument("--path", help=PATH_HELP)


def _add_path(sub) -> None:
    sub.add_parser("path", help="print where the installed data is",
                   description="Print the folder holding the installed datapackage.json and tables/.")


def _add_copy(sub) -> None:
    s = sub.add_parser("copy", help="copy the data to a folder you can edit",
                       description="Copy datapackage.json and every table to DEST (a new or empty folder), "
                                   "to edit and validate (see `povpkg update-hashes`).")
    s.add_argument("dest", help="a new folder")
    s.add_argument("--path", help=PATH_HELP)


def _writes_to(s, bump: bool = True) -> None:
    """The arguments of a command that writes into a package: PATH, and --bump."""
    s.add_argument("path", nargs="?", default=".", help="a datapackage.json or its folder (default: .)")
    if bump:
        s.add_argument("--bump", choices=["major", "minor", "patch"],
                       help="also raise the version: major (a schema breaks), minor (data added), "
                            "patch (values corrected)")


def _add_update_hashes(sub) -> None:
    _writes_to(sub.add_parser("update-hashes", help="record the files' sha256 and size after an edit",
                              description="Record every resource's sha256 and size in PATH's datapackage.json, "
                                          "after a deliberate edit of its tables; optionally bump the version."))


def _add_sync(sub) -> None:
    s = sub.add_parser("sync", help="bring every file derived from datapackage.json up to date",
                       description="Record the data files' sha256 and size in PATH's datapackage.json and regenerate "
                                   "the generated files the folder keeps (CITATION.cff, .zenodo.json, docs/codebook.md).")
    _writes_to(s, bump=False)


def _add_release(sub) -> None:
    s = sub.add_parser("release", help="sync, then record this version as a release",
                       description="Optionally raise the version, sync (see `povpkg sync`), then record the version's "
                                   "table hashes and contract in PATH/validation/ (see docs/releasing.md).")
    _writes_to(s)
    s.add_argument("--replace", action="store_true", help="record again a version not yet published")


_SUBCOMMANDS = {
    "list": _add_list,
    "show": _add_show,
    "describe": _add_describe,
    "find": _add_find,
    "validate": _add_validate,
    "cite": _add_cite,
    "export": _add_export,
    "serve": _add_serve,
    "codebook": _add_codebook,
    "panel": _add_panel,
    "path": _add_path,
    "copy": _add_copy,
    "update-hashes": _add_update_hashes,
    "sync": _add_sync,
    "release": _add_release,
}


def console() -> None:
    """The installed ``povpkg`` command: ``main``, then exit with its code.
    Nothing is imported from the working directory (docs/trust.md)."""
    from ._trust import drop_working_directory

    drop_working_directory()
    # povpkg does no linear algebra: numpy's OpenBLAS would start a thread per core that
    # busy-waits for work (about 0.1 s of CPU) once numpy is imported; a value the user set stays
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader left (`povpkg list | head -1`): nothing more to say, and no
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # complaint when exit flushes again
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parse(argv)
    try:
        return _run(args)
    except PovpkgError as exc:
        return _say(f"povpkg: error: {exc}")
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # a file the user named cannot be read or written
        where = f": {exc.filename}" if exc.filename else ""
        return _say(f"povpkg: error: {exc.strerror or exc}{where}")
    except Exception as exc:  # noqa: BLE001 - a user sees one line, never a traceback
        if os.environ.get("POVPKG_DEBUG"):
            raise
        return _say(f"povpkg: internal error: {type(exc).__name__}: {exc} (set POVPKG_DEBUG=1 for details)")


def _print_lines(text: str) -> None:
    """``text`` on stdout, each line ``shown``: whatever the data put in it is never acted on by the terminal."""
    print("\n".join(map(shown, text.splitlines())))


def _say(line: str) -> int:
    """One error line on stderr, whatever the data put in it (``_safety.shown``)."""
    print(shown(line), file=sys.stderr)
    return EXIT_ERROR


def _run(args) -> int:
    import povpkg

    if args.version and not args.command:
        print(povpkg.__version__)
        return EXIT_OK
    if args.command is None:
        _parser().print_help()
        return EXIT_ERROR
    command = _COMMANDS[args.command]
    return command(args, povpkg)


def _list(args, povpkg) -> int:
    desc = povpkg._descriptor(args.path)
    for res in desc["resources"]:
        print(shown(f"{res['name']:<22} {res.get('title', '')}"))
    return EXIT_OK


def _show(args, povpkg) -> int:
    from ._show import render, summary, terminal_width

    df = povpkg.load(args.name, args.path)
    columns = None
    if args.columns:
        columns = [c.strip() for c in args.columns.split(",") if c.strip()]
        unknown = [c for c in columns if c not in df.columns]
        if unknown:
            from .errors import closest

            near = closest(unknown[0], df.columns)
            hint = f"did you mean {' or '.join(near)}?" if near else f"columns: {', '.join(df.columns)}"
            raise PovpkgError(f"{args.name} has no column {unknown[0]!r}; {hint}")
    part = df if args.rows == 0 else df.head(args.rows)
    width = terminal_width()
    text, hidden = render(part, width=width, primary_key=df.attrs.get("primary_key") or [], columns=columns,
                          fields=df.attrs.get("fields"))
    if columns:
        hidden = [c for c in df.columns if c not in columns]
    print(text)
    print("\n".join(summary(args.name, len(part), len(df), df.shape[1], hidden, width)))
    return EXIT_OK


def _describe(args, povpkg) -> int:
    from ._describe import text

    print(text(povpkg._find_resource(povpkg._descriptor(args.path), args.name)))
    return EXIT_OK


def _find(args, povpkg) -> int:
    from ._find import find
    from ._show import cell, render, terminal_width

    import pandas as pd

    hits = pd.DataFrame(find(args.query, args.path, tables=args.table), columns=["table", "key", "field", "value"])
    if hits.empty:
        print(shown(f"no row mentions {args.query!r}"))
        return EXIT_OK
    text, _ = render(hits, width=terminal_width(), primary_key=["table", "key"], columns=list(hits.columns))
    print(text)
    rows = hits.groupby("table", sort=False).key.nunique()
    print(shown(f"[{len(hits)} cells in {rows.sum()} rows: " + ", ".join(f"{t} {n}" for t, n in rows.items()) + "]"))
    return EXIT_OK


def _validate(args, povpkg) -> int:
    report = povpkg.validate(args.path, sources=args.sources)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as fh:
            fh.write(report.to_json() + "\n")
    if args.format == "github":
        from ._github import to_github

        print(to_github(report))
    else:
        print(report.to_json() if args.format == "json" else report.to_text())
    return EXIT_OK if report.valid else EXIT_INVALID


def _cite(args, povpkg) -> int:
    print(povpkg.cite(args.format, args.path, sources=args.sources))
    return EXIT_OK


def _export(args, povpkg) -> int:
    print(shown(f"wrote {povpkg.export(args.format, args.dest, args.path)}"))
    return EXIT_OK


def _serve(args, povpkg) -> int:
    from ._serve import serve

    return serve(args.port, args.host, args.path)


def _codebook(args, povpkg) -> int:
    from ._codebook import codebook

    sys.stdout.write(codebook(args.path))
    return EXIT_OK


def _panel(args, povpkg) -> int:
    from . import _national, _panel
    from ._safety import shown_json

    made, to_text = ((povpkg.national_series, _national.to_text) if args.national
                     else (povpkg.pairing_panel, _panel.to_text))
    panel = made(args.path)
    if args.format == "json":
        print(shown_json(_panel.to_json(panel)))
    else:  # text and CSV lines alike: whatever a copy's cells say is shown, never acted on by the terminal
        text = panel.to_csv(index=False, lineterminator="\n") if args.format == "csv" else to_text(panel)
        _print_lines(text)
    return EXIT_OK


def _path(args, povpkg) -> int:
    from ._package import _data_dir

    print(_data_dir())
    return EXIT_OK


def _copy(args, povpkg) -> int:
    from ._hashes import copy_package

    dest = copy_package(args.dest, args.path)
    print(shown(f"copied the data package to {dest}; after editing, run `povpkg update-hashes {dest} --bump patch` "
                f"and `povpkg validate {dest}`"))
    return EXIT_OK


def _update_hashes(args, povpkg) -> int:
    from ._hashes import update_hashes

    changed, version = update_hashes(args.path, bump=args.bump)
    print(shown(f"updated: {', '.join(changed) if changed else 'nothing changed'} (version {version})"))
    return EXIT_OK


def _sync(args, povpkg) -> int:
    from ._release import sync

    changed, written = sync(args.path)
    print(shown(f"hashes: {', '.join(changed) if changed else 'up to date'}; "
                f"derived files: {', '.join(written) if written else 'up to date'}"))
    return EXIT_OK


def _release(args, povpkg) -> int:
    from ._release import release

    _print_lines(release(args.path, bump=args.bump, replace=args.replace))
    return EXIT_OK


_COMMANDS = {"list": _list, "show": _show, "describe": _describe, "find": _find, "validate": _validate, "cite": _cite,
             "export": _export, "serve": _serve,
             "codebook": _codebook, "panel": _panel, "path": _path, "copy": _copy, "update-hashes": _update_hashes,
             "sync": _sync, "release": _release}
