"""``transparency checklist FILE...``: evaluate client-rights checklists (CSV, XLSX, YAML, JSON).

Exit codes as ``lint``: 0 no finding at or above ``--fail-on``; 1 otherwise; 2 when a file cannot be
read or a row was rejected (the valid rows are still evaluated and reported). ``--exit-zero`` exits 0
unless the command itself could not run.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..models import SEVERITY_RANK

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's options."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="checklist files (.csv, .xlsx, .yaml, .json)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--sheet", metavar="NAME", help="read only this sheet of .xlsx files")
    parser.add_argument("--fail-on", choices=("error", "warning", "suggestion"), default="error",
                        help="exit 1 when a finding has at least this severity (default: error)")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings or rejected rows")
    parser.add_argument("--language", choices=("zh", "en"),
                        help="language of the messages (default: the language of each file's headers)")


def run(args: argparse.Namespace) -> int:
    """Load, evaluate, render; returns the exit code."""
    from ..checklist.evaluate import evaluate_checklist
    from ..checklist.load import load_checklists
    from ..errors import TransparencyError

    try:
        table, errors = load_checklists(args.files, sheet=args.sheet)
        report = evaluate_checklist(table, language=args.language)
    except TransparencyError as exc:  # a broken rule file or configuration
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    report.errors = [{"path": e.path, "message": str(e).removeprefix(f"{e.path}: ")} for e in errors]
    if args.format == "json":
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(report.to_text())
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    for r in report.rejected:
        where = ":".join(str(p) for p in (r.path, r.sheet, r.row) if p is not None)
        column = f" [{r.column}]" if r.column else ""
        print(f"rejected: {where}{column}: {r.message}", file=sys.stderr)
    if args.exit_zero:
        return EXIT_OK
    if errors or report.rejected:
        return EXIT_ERROR
    worst = report.worst_severity()
    if worst is not None and SEVERITY_RANK[worst] >= SEVERITY_RANK[args.fail_on]:
        return EXIT_FINDINGS
    return EXIT_OK
