"""Evaluate a client-rights checklist: run the ``checklist`` rules per client, map each firing back
to its row and column, and score each client.

Score (0-100) per client: every item starts at 100 and loses ``PENALTY[severity]`` points per
finding on it (floor 0); the client's score is the mean of its item scores minus the penalties of the
client-level findings (tier, conflicting client data, letter mismatches), floored at 0 and rounded
to one decimal. A clean client scores 100; one error on one of four items costs 25 / 4 = 6.25 points.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..engine import get_backend
from ..models import SEVERITY_RANK
from ..rules.ir import Firing, IRProgram, pattern_matches
from ..rules.loader import Rule, RuleSet, default_ruleset
from .facts import MARKER_ID, ClientFacts, client_facts
from .load import column_name, load_checklist, records_table
from .report import ChecklistFinding, ChecklistReport, ClientScore
from .schema import ChecklistItem, ChecklistTable
from .tiers import bundled_tiers

PENALTY: dict[str, float] = {"error": 25.0, "warning": 10.0, "suggestion": 2.0}

# Which column a tested attribute points at, most telling first: a firing's column is the first of
# these among the attributes its pattern tests (``kind`` and ``takeover_mode`` only select items).
ATTR_COLUMN: tuple[tuple[str, str], ...] = (
    ("has_owner", "owner"), ("has_contact", "contact"), ("has_contact_person", "contact_person"),
    ("deadline_quality", "deadline"), ("deadline_days", "deadline"), ("deadline_kind", "deadline"),
    ("has_amount", "amount"), ("amount", "amount"), ("has_method", "method"), ("has_status", "status"),
    ("status_dropped", "status"), ("interest_basis_stated", "interest"), ("has_successor", "successor"),
    ("signed", "signed"), ("has_confirmation_date", "confirmed_at"), ("has_transfer_clause", "transfer_clause"),
    ("has_breach_clause", "breach_clause"), ("dispute", "dispute_resolution"),
    ("takeover_mode", "takeover_mode"), ("administrative", "administrative"), ("currency", "currency"),
    ("kind", "kind"))
MARKER_COLUMN: dict[str, str] = {"stated_tier": "tier", "derived_tier": "tier", "tier_stated": "tier",
                                 "tier_derivable": "tier", "tier": "tier", "annual_output": "annual_output"}

TableLike = ChecklistTable | str | Path | Sequence[Any]


def as_table(table: TableLike) -> ChecklistTable:
    """A :class:`ChecklistTable` from a table, a file path, or a list of records."""
    if isinstance(table, ChecklistTable):
        return table
    if isinstance(table, (str, Path)):
        return load_checklist(table)
    return records_table(list(table))


def evaluate_checklist(table: TableLike, *, ruleset: RuleSet | None = None, backend: str | None = None,
                       language: str | None = None) -> ChecklistReport:
    """Evaluate every client of a checklist. ``language`` (zh/en) picks the messages; by default each
    finding speaks the language of its file's headers (Chinese headers: zh)."""
    table = as_table(table)
    ruleset = ruleset or default_ruleset()
    program = ruleset.program("checklist")
    engine = get_backend(program, backend)
    report = ChecklistReport(rows_read=table.rows_read, rows_evaluated=len(table.items),
                             rejected=list(table.rejected), warnings=list(table.warnings))
    for client_id, items in group_by_client(table.items).items():
        cf = client_facts(client_id, items, bundled_tiers())
        findings = client_findings(cf, engine.run(cf.facts), program, ruleset.by_code, language)
        report.findings.extend(findings)
        report.clients.append(ClientScore(client_id=client_id, client_name=cf.client_name, tier=cf.tier,
                                          score=client_score(items, findings), items=len(items)))
    report.findings = sort_findings(report.findings)
    return report


def group_by_client(items: list[ChecklistItem]) -> dict[str, list[ChecklistItem]]:
    """Items by client id, clients and items in table order."""
    out: dict[str, list[ChecklistItem]] = {}
    for item in items:
        out.setdefault(item.client_id, []).append(item)
    return out


def client_score(items: list[ChecklistItem], findings: list[ChecklistFinding]) -> float:
    """The client's score (see the module docstring)."""
    if not items:
        return 0.0
    per_item = {_item_key(i): 100.0 for i in items}
    client_penalty = 0.0
    for f in findings:
        key = (f.path, f.sheet, f.row)
        if f.scope == "item" and key in per_item:
            per_item[key] = max(0.0, per_item[key] - PENALTY[f.severity])
        else:
            client_penalty += PENALTY[f.severity]
    mean = sum(per_item.values()) / len(per_item)
    return round(max(0.0, mean - client_penalty), 1)


def _item_key(item: ChecklistItem) -> tuple[str | None, str | None, int | None]:
    return (item.source.path, item.source.sheet, item.source.row)


def client_findings(cf: ClientFacts, firings: set[Firing], program: IRProgram, rules: dict[str, Rule],
                    language: str | None = None) -> list[ChecklistFinding]:
    """One finding per firing, on the row of the item fact it fired on (client-level rules: the
    client's first row), deduplicated by code and row."""
    by_code = {r.code: r for r in program.rules}
    first = next(iter(cf.item_by_fact.values()))
    facts_by_id = {int(f["id"]): f for f in cf.facts}
    marker = facts_by_id[MARKER_ID]
    out: list[ChecklistFinding] = []
    seen: set[tuple[str, Any, Any, Any]] = set()
    for firing in sorted(firings, key=lambda f: (f.code, f.fact_ids)):
        rule = rules[firing.code]
        item = cf.item_by_fact.get(firing.fact_ids[0]) if firing.fact_ids else None
        fact: dict[str, Any] | None = None
        if item is not None:
            fact = facts_by_id[firing.fact_ids[0]]
            field = _item_column(by_code[firing.code], fact)
            at = item
        else:
            field = _marker_column(by_code[firing.code], cf)
            at = _tier_row(cf) if field in ("tier", "annual_output") else first
        key = (rule.code, at.source.path, at.source.sheet, at.source.row)
        if key in seen:
            continue
        seen.add(key)
        lang = language or ("zh" if at.source.chinese_headers else "en")
        values = placeholder_values(at, fact, marker, cf.conflicts, lang)
        out.append(ChecklistFinding(
            code=rule.code, name=rule.name, severity=rule.severity,
            message=fill(rule.message_in(lang), values) or "", client_id=cf.client_id,
            row=at.source.row, column=column_name(field, at.source) if field else None,
            fix=fill(rule.fix_in(lang), values), dimension=rule.dimension,
            path=at.source.path, sheet=at.source.sheet, scope="item" if item is not None else "client"))
    return out


def _item_column(ir_rule: Any, fact: dict[str, Any]) -> str | None:
    for conj in ir_rule.conjunctions:
        for pattern in conj.exists:
            if pattern_matches(pattern, fact):
                tested = {t.attr for t in pattern.tests}
                return next((col for attr, col in ATTR_COLUMN if attr in tested), None)
    return None


def _marker_column(ir_rule: Any, cf: ClientFacts) -> str | None:
    tested = {t.attr for conj in ir_rule.conjunctions for t in conj.context}
    if "consistent" in tested and cf.conflicts:
        return cf.conflicts[0]
    return next((MARKER_COLUMN[a] for a in sorted(tested) if a in MARKER_COLUMN), None)


def _tier_row(cf: ClientFacts) -> ChecklistItem:
    items = list(cf.item_by_fact.values())
    return next((i for i in items if i.tier is not None),
                next((i for i in items if i.annual_output is not None), items[0]))


def placeholder_values(item: ChecklistItem, fact: dict[str, Any] | None, marker: dict[str, Any],
                       conflicts: list[str], language: str) -> dict[str, str]:
    """Values for a message's ``{name}`` placeholders (``fact``: the item's fact, if the finding is
    about an item; ``marker``: the client fact)."""
    labels = bundled_tiers().labels

    def tier_label(tier: Any) -> str:
        return getattr(labels[tier], language) if tier in labels else str(tier)

    out = {"item": item.item, "kind": item.kind, "deadline": item.deadline.text,
           "field": ", ".join(column_name(c, item.source) for c in conflicts)}
    if fact is not None and "deadline_days" in fact:
        out["days"] = str(fact["deadline_days"])
    if "stated_tier" in marker:
        out["stated_tier"] = tier_label(marker["stated_tier"])
    if "derived_tier" in marker:
        out["derived_tier"] = tier_label(marker["derived_tier"])
    if "annual_output" in marker:
        out["annual_output"] = f"{marker['annual_output']:,.0f}"
    return out


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(template: str | None, values: dict[str, str]) -> str | None:
    """Fill ``{name}`` placeholders; an unknown one is left as written (the example tests catch it)."""
    if template is None:
        return None
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def sort_findings(findings: list[ChecklistFinding]) -> list[ChecklistFinding]:
    """By file, sheet and row; at one row the most severe first."""
    return sorted(findings, key=lambda f: (f.path or "", f.sheet or "", f.row or 0,
                                           -SEVERITY_RANK[f.severity], f.code))
