"""The ``povpkg`` command: list, show, describe, validate, cite.

Exit codes: 0 success (valid), 1 invalid data, 2 could not run (bad input).
Every problem is one line on stderr; no traceback reaches the user.
"""
from __future__ import annotations

import argparse
import os
import sys

from .errors import PovpkgError

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="povpkg", description="China's poverty-reduction cooperation as validated tables.")
    p.add_argument("--version", action="store_true", help="print the data package version and exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("list", help="list the tables", description="List the tables with their titles.")
    s.add_argument("--path", help="a datapackage.json or its folder (default: the installed data)")

    s = sub.add_parser("show", help="print a table", description="Print a table (first rows by default).")
    s.add_argument("name", help="table name (see `povpkg list`)")
    s.add_argument("-n", "--rows", type=int, default=20, help="rows to show (0 = all; default 20)")
    s.add_argument("--path", help="a datapackage.json or its folder")

    s = sub.add_parser("describe", help="describe a table's fields",
                       description="Title, description, keys and fields of a table.")
    s.add_argument("name", help="table name")
    s.add_argument("--path", help="a datapackage.json or its folder")

    s = sub.add_parser("validate", help="check a data package",
                       description="Run frictionless, then the pandera schemas and cross-table rules. "
                                   "Exit 0 valid, 1 invalid, 2 cannot run.")
    s.add_argument("path", nargs="?", help="a datapackage.json or its folder (default: the installed data)")
    s.add_argument("--format", choices=["text", "json"], default="text", help="report format (default text)")
    s.add_argument("--sources", help="folder of the source texts, to check every cited span")

    s = sub.add_parser("cite", help="how to cite this version", description="Print a citation of the exact version.")
    s.add_argument("--format", choices=["text", "bibtex", "cff"], default="text")

    s = sub.add_parser("export", help="write all tables to SQLite, Parquet or Excel",
                       description="Export every table, keeping types and keys (SQLite gets PRIMARY/FOREIGN KEY "
                                   "constraints). DEST is a new file (sqlite, xlsx) or a folder (parquet).")
    s.add_argument("dest", help="where to write")
    s.add_argument("--format", choices=["sqlite", "parquet", "xlsx"], required=True)
    s.add_argument("--path", help="a datapackage.json or its folder")

    s = sub.add_parser("codebook", help="print the codebook (Markdown)",
                       description="Print the codebook generated from datapackage.json (docs/codebook.md is this output).")
    s.add_argument("--path", help="a datapackage.json or its folder")
    return p


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except PovpkgError as exc:
        print(f"povpkg: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - a user sees one line, never a traceback
        if os.environ.get("POVPKG_DEBUG"):
            raise
        print(f"povpkg: internal error: {type(exc).__name__}: {exc} (set POVPKG_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_ERROR


def _run(args) -> int:
    import povpkg

    if args.version and not args.command:
        print(povpkg.__version__)
        return EXIT_OK
    if args.command is None:
        _parser().print_help()
        return EXIT_ERROR
    if args.command == "list":
        desc = povpkg._descriptor(args.path)
        for res in desc["resources"]:
            print(f"{res['name']:<22} {res.get('title', '')}")
        return EXIT_OK
    if args.command == "show":
        df = povpkg.load(args.name, args.path)
        import pandas as pd

        with pd.option_context("display.max_columns", None, "display.width", 200):
            print(df if args.rows == 0 else df.head(args.rows))
        print(f"[{len(df)} rows x {df.shape[1]} columns]")
        return EXIT_OK
    if args.command == "describe":
        print(_describe_text(povpkg.describe(args.name, args.path)))
        return EXIT_OK
    if args.command == "validate":
        report = povpkg.validate(args.path, sources=args.sources)
        print(report.to_json() if args.format == "json" else report.to_text())
        return EXIT_OK if report.valid else EXIT_INVALID
    if args.command == "cite":
        print(povpkg.cite(args.format))
        return EXIT_OK
    if args.command == "export":
        from ._export import export

        print(f"wrote {export(args.format, args.dest, args.path)}")
        return EXIT_OK
    if args.command == "codebook":
        from ._codebook import codebook

        sys.stdout.write(codebook(args.path))
        return EXIT_OK
    raise AssertionError(args.command)


def _describe_text(res: dict) -> str:
    from ._codebook import constraints_text

    schema = res.get("schema", {})
    lines = [f"{res['name']}: {res.get('title', '')}", "", res.get("description", ""), ""]
    lines.append(f"primary key: {', '.join(schema.get('primaryKey', [])) or '-'}")
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        lines.append(f"foreign key: {', '.join(fk['fields'])} -> {ref['resource']}.{', '.join(ref['fields'])}")
    lines.append("")
    for f in schema.get("fields", []):
        unit = f" [{f['unit']}]" if f.get("unit") else ""
        cons = constraints_text(f)
        lines.append(f"  {f['name']} ({f.get('type', 'string')}{unit}){': ' + cons if cons else ''}")
        lines.append(f"      {f.get('description', '')}")
    return "\n".join(lines)
