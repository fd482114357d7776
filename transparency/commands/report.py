"""``transparency report CASE_DIR``: the per-client gap report of a closure case.

A report is an analysis, not a gate: it exits 0 once the report is written, unless ``--fail-on`` is
given, in which case it exits 1 when a gap is at or above that severity (as ``lint`` does). Exit 2 when
the case folder (or a rule or matrix file) cannot be read; each such problem is printed on stderr
naming the file, row and column.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..models import SEVERITY_RANK

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
PROGRESS_FROM = 10  # clients: smaller cases finish before a bar would help


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``transparency report``."""
    parser.add_argument("case_dir", metavar="CASE_DIR", help="a closure case folder (see docs/report.md)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text (default): a short summary; json: the full gap report")
    parser.add_argument("--out", metavar="DIR",
                        help="write gap-report.xlsx, gap-report.csv and gap-report.html into DIR")
    parser.add_argument("--fail-on", choices=("error", "warning", "suggestion", "never"), default="never",
                        help="exit 1 when a gap is at or above this severity (default: never; the report is "
                             "an analysis, use --fail-on error to gate on it)")
    parser.add_argument("--language", choices=("zh", "en"),
                        help="language of evidence and fixes (default: closure.yaml's language, else en)")
    parser.add_argument("--engine", choices=("python", "durable"), default=None,
                        help="rules engine backend for the process rules")


class _Bar:
    """A one-line progress bar on stderr, drawn only on a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < PROGRESS_FROM:
            return
        width = 30
        filled = int(width * done / total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} clients")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _text(report) -> str:  # noqa: ANN001 - a GapReport
    lines = [f"{report.case.closure.company}: {len(report.clients)} clients"]
    for c in report.clients:
        gaps = [r for r in report.rows if r.client_id == c.client_id and r.gap]
        flag = "  AT RISK" if c.at_risk else ""
        lines.append(f"  {c.client_id:<8} {c.tier:<9} {c.score:5.1f}  {len(gaps):2d} gaps{flag}  {c.client_name}")
        for r in gaps:
            if r.area in ("timing", "channel") or r.status == "violation":
                codes = ",".join(r.finding_codes)
                lines.append(f"      {r.area}/{r.dimension}: {r.status} [{codes}] {r.evidence}")
    for note in report.notes:
        lines.append(f"note: {note}")
    if report.status_rules:
        lines.append("status rules: house policy " + ", ".join(report.status_rules)
                     + " (not the default matrix)")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Load the case, build the report, print or write it, and return the exit code."""
    from ..case.load import CaseError, load_case
    from ..errors import InputError, ProblemsError
    from ..report.gaps import build_gap_report

    try:
        from ..config import config_for

        case = load_case(args.case_dir)
        config = config_for(args.case_dir)  # house status rules (status-rules) apply to the case's letters
        report = build_gap_report(case, language=args.language, progress=_Bar(), backend=args.engine,
                                  config=config if config.status_rules else None)
    except CaseError as exc:
        for p in exc.problems:
            print(f"{args.case_dir}/{p}", file=sys.stderr)
        if args.format == "json":
            print(json.dumps({"schema_version": "1", "errors": [p.as_dict() for p in exc.problems]},
                             ensure_ascii=False, indent=2))
        return EXIT_ERROR
    except (ProblemsError, InputError, ValueError) as exc:
        # A rule, matrix or configuration file that does not validate, an unreadable letter, or an
        # unknown engine backend: the message names the file or the option.
        print(str(exc), file=sys.stderr)
        if args.format == "json":
            print(json.dumps({"schema_version": "1", "errors": [{"path": getattr(exc, "path", None),
                                                                  "message": str(exc)}]},
                             ensure_ascii=False, indent=2))
        return EXIT_ERROR

    if args.format == "json":
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        print(_text(report))
    if args.out:  # after the summary, so the last lines say where the files are
        from ..report.export import write_all

        for path in write_all(report, args.out):
            print(f"wrote {path}", file=sys.stderr if args.format == "json" else sys.stdout)

    if args.fail_on == "never":
        return EXIT_OK
    worst = report.worst_severity()
    return EXIT_FINDINGS if worst and SEVERITY_RANK[worst] >= SEVERITY_RANK[args.fail_on] else EXIT_OK
