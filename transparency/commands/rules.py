"""``transparency rules``: list the rules (a table, or JSON for other tools)."""

from __future__ import annotations

import argparse
import json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--target", choices=("document", "checklist", "case"),
                        help="only the rules of one target")
    parser.add_argument("--language", choices=("zh", "en"), default="en",
                        help="language of the messages shown (default en)")
    parser.add_argument("--rules", action="append", default=[], metavar="FILE",
                        help="an extra rule file to load (repeatable)")


def run(args: argparse.Namespace) -> int:
    from ..rules.loader import load_ruleset

    ruleset = load_ruleset(args.rules)  # a bad rule file: the CLI reports it, naming file and line (exit 2)
    rules = [r for r in ruleset.rules if args.target in (None, r.target)]
    if args.format == "json":
        rows = [{"code": r.code, "name": r.name, "target": r.target, "area": r.area,
                 "dimension": r.dimension, "severity": r.severity,
                 "message": r.message_in(args.language), "source": r.source, "why": r.why,
                 "languages": list(r.languages), "builtin": r.builtin} for r in rules]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    widths = (6, max((len(r.name) for r in rules), default=4), 14, 10)
    print(f"{'code':<{widths[0]}}  {'name':<{widths[1]}}  {'dimension':<{widths[2]}}  {'severity':<{widths[3]}}")
    for r in rules:
        print(f"{r.code:<{widths[0]}}  {r.name:<{widths[1]}}  {r.dimension:<{widths[2]}}  {r.severity:<{widths[3]}}")
    print(f"\n{len(rules)} rules. `transparency explain CODE` shows one with its examples.")
    return 0
