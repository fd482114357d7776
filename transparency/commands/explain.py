"""``transparency explain CODE``: a rule's documentation with its examples."""

from __future__ import annotations

import argparse
import sys
from difflib import get_close_matches


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", help="a rule code (e.g. TM003) or name (e.g. time-absent), or a status "
                                     "rule's (e.g. SR301, responsibility-named-party-with-channel)")
    parser.add_argument("--rules", action="append", default=[], metavar="FILE",
                        help="an extra rule file to load (repeatable)")


def run(args: argparse.Namespace) -> int:
    from ..rules.loader import load_ruleset
    from ..status.rules import default_status_rules

    ruleset = load_ruleset(args.rules)  # a bad rule file: the CLI reports it, naming file and line (exit 2)
    status_rules = default_status_rules()
    wanted = args.code.strip()
    rule = ruleset.by_code.get(wanted.upper()) or next(
        (r for r in ruleset.rules if r.name == wanted), None)
    status_rule = status_rules.by_code.get(wanted.upper()) or next(
        (r for r in status_rules.rules if r.spec.name == wanted), None)
    if rule is None and status_rule is not None:
        print(render_status_rule(status_rule))
        return 0
    if rule is None:
        keys = (list(ruleset.by_code) + [r.name for r in ruleset.rules]
                + list(status_rules.by_code) + [r.spec.name for r in status_rules.rules])
        close = get_close_matches(wanted.upper() if wanted[:2].isalpha() else wanted, keys, n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else " `transparency rules` lists them."
        print(f"transparency: no rule {wanted!r}.{hint}", file=sys.stderr)
        return 2
    print(render_rule(rule))
    return 0


def render_rule(rule) -> str:  # noqa: ANN001 - a loaded Rule
    """A rule's documentation as plain text (Markdown-friendly)."""
    lines = [f"{rule.code} {rule.name}", "",
             f"target: {rule.target}   dimension: {rule.dimension}   severity: {rule.severity}",
             f"defined in: {rule.path}:{rule.line}", ""]
    for lang in ("zh", "en"):
        lines.append(f"message ({lang}): {rule.message_in(lang)}")
        fix = rule.fix_in(lang)
        if fix:
            lines.append(f"fix ({lang}): {fix}")
    lines += ["", f"why: {rule.why}", f"source: {rule.source}", ""]
    if rule.builtin:
        lines += [f"checked by code: builtin {rule.builtin!r}", ""]
    if rule.target == "document":
        for lang, ex in rule.doc_examples().items():
            for label, items in (("bad", ex.bad), ("better", ex.better)):
                for item in items:
                    text = item if isinstance(item, str) else item.text
                    ctx = "" if isinstance(item, str) else " [" + ", ".join(
                        v for v in (item.kind, item.tier, item.legal_status, "remote" if item.remote else None)
                        if v) + "]"
                    lines.append(f"  {label} ({lang}){ctx}: {text}")
    else:
        for label in ("bad", "better"):
            for item in rule.examples[label]:
                lines.append(f"  {label}: {item}")
    return "\n".join(lines)


def render_status_rule(rule) -> str:  # noqa: ANN001 - a loaded StatusRule
    """A status rule's documentation as plain text: what it decides, its condition, why, examples."""
    import yaml

    spec = rule.spec
    condition = yaml.safe_dump(spec.when.model_dump(mode="json", exclude_none=True), allow_unicode=True,
                               sort_keys=False, default_flow_style=None, width=120).rstrip()
    lines = [f"{spec.code} {spec.name}", "",
             f"status rule: {spec.dimension} is {spec.status} when", "",
             *("  " + line for line in condition.splitlines()), "",
             f"defined in: {rule.path}:{rule.line}", "", f"why: {spec.why}"]
    if spec.looked_for:
        lines.append(f"looked for (when it decides {spec.status}): {spec.looked_for}")
    lines.append("")
    for lang, ex in spec.examples.items():
        for label, items in (("holds", ex.match), ("does not hold", ex.no_match)):
            for item in items:
                lines.append(f"  {label} ({lang}): {item if isinstance(item, str) else item.text}")
    return "\n".join(lines)
