"""Run the process rules (``target: case``) on one client's facts and place each finding on its row."""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import get_backend
from ..rules.loader import RuleSet, default_ruleset
from .process import ClientProcess

# The gap-report row (area, dimension) each bundled process rule speaks about.
RULE_ROWS: dict[str, tuple[str, str]] = {
    "TL001": ("timing", "first_contact"), "TL002": ("timing", "first_contact"),
    "TL003": ("timing", "first_contact"), "TL004": ("timing", "situation_letter"),
    "TL009": ("timing", "first_contact"),
    "TL005": ("channel", "written"), "TL006": ("channel", "channels"), "TL007": ("channel", "channels"),
    "TL008": ("channel", "lead"), "TL010": ("timing", "creditor_notice"),
    "TL011": ("timing", "liquidation_group"), "TL012": ("followup", "payouts"),
    "TL013": ("followup", "payouts"), "TL020": ("followup", "plan_100_days"),
    "TL021": ("followup", "plan_100_days"), "TL022": ("followup", "revisits"),
    "TL023": ("followup", "three_ones"),
}

# For rules a user adds: the row follows the requirement group or fact kind that fired.
_GROUP_ROWS = {"channels": "channels", "lead": "lead", "phase": "plan_100_days", "revisit": "revisits",
               "three_ones": "three_ones"}


@dataclass(frozen=True)
class CaseFinding:
    """A process rule that fired for one client, with the row it belongs to and the facts behind it."""

    code: str
    area: str
    dimension: str
    severity: str
    fact_ids: tuple[int, ...]


def row_of(code: str, area: str, facts: dict[int, dict], fact_ids: tuple[int, ...]) -> tuple[str, str]:
    """The (area, dimension) row of a firing: the bundled table, else derived from the facts it fired on."""
    if code in RULE_ROWS:
        return RULE_ROWS[code]
    area = area if area in ("timing", "channel", "followup") else "followup"
    for fid in fact_ids:
        fact = facts.get(fid, {})
        if fact.get("fact") == "requirement" and fact.get("group") in _GROUP_ROWS:
            return str(fact.get("area", area)), _GROUP_ROWS[str(fact["group"])]
        if fact.get("fact") == "payout":
            return "followup", "payouts"
    return area, {"timing": "first_contact", "channel": "channels", "followup": "plan_100_days"}[area]


def run_process_rules(process: ClientProcess, ruleset: RuleSet | None = None,
                      backend: str | None = None) -> list[CaseFinding]:
    """The process rules that fire for one client, sorted by code."""
    ruleset = ruleset or default_ruleset()
    program = ruleset.program("case")
    firings = get_backend(program, backend).run(process.facts)
    by_id = {int(f["id"]): f for f in process.facts}
    out = []
    for firing in sorted(firings, key=lambda f: (f.code, f.fact_ids)):
        rule = ruleset.by_code[firing.code]
        area, dimension = row_of(firing.code, rule.dimension, by_id, firing.fact_ids)
        out.append(CaseFinding(firing.code, area, dimension, rule.severity, firing.fact_ids))
    return out
