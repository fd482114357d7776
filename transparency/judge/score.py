"""Scores and their explanations, from statuses and findings (never from the text).

The document score (0-100) is the weighted mean of the matrix dimensions' status scores
(``matrices/matrix.yaml``), less a penalty per finding outside the matrix (placeholders, repealed law,
tone...), so that such a letter cannot score like a clean one. Matrix findings are not penalised twice.
"""

from __future__ import annotations

from ..models import MATRIX_DIMENSIONS, DimensionResult, Explanation, Finding, Formula
from ..rules.ir import Pattern
from ..rules.loader import Rule
from ..rules.schema import AllOf, AnyOf, Condition, Requires
from .weights import bundled_matrix

NOT_PENALISED = frozenset(MATRIX_DIMENSIONS) | {"formula"}


def document_score(matrix: dict[str, DimensionResult], findings: list[Finding]) -> float:
    """The 0-100 score of a document."""
    spec = bundled_matrix()
    total = sum(d.weight for d in spec.dimensions.values())
    mean = sum(spec.dimensions[name].weight * matrix[name].score for name in spec.dimensions
               if name in matrix) / total
    penalty = sum(getattr(spec.finding_penalty, f.severity) for f in findings
                  if f.dimension not in NOT_PENALISED)
    return round(max(0.0, min(100.0, 100.0 * mean - penalty)), 1)


def describe_pattern(pattern: Pattern) -> str:
    """A pattern in words: ``a time fact with quality = concrete``."""
    if not pattern.tests:
        return f"a {pattern.fact} fact"
    parts = []
    for t in pattern.tests:
        value = " or ".join(map(str, t.value)) if isinstance(t.value, tuple) else str(t.value)
        op = {"eq": "=", "ne": "≠", "in": "=", "not_in": "≠", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}[t.op]
        parts.append(f"{t.attr} {op} {value}")
    return f"a {pattern.fact} fact with {', '.join(parts)}"


def looked_for(check: Condition) -> list[str]:
    """What a rule's check requires, in words (the "why not" of a rule that fired on an absence)."""
    from ..rules.compiler import compile_pattern

    if isinstance(check, Requires):
        return [describe_pattern(compile_pattern(check.requires))]
    if isinstance(check, AllOf):
        return [x for c in check.all_of for x in looked_for(c)]
    if isinstance(check, AnyOf):
        alternatives = [x for c in check.any_of for x in looked_for(c)]
        return [" or ".join(alternatives)] if alternatives else []
    return []


def explain(rules: dict[str, Rule], findings: list[Finding], matrix: dict[str, DimensionResult],
            formula: Formula) -> Explanation:
    """The rules that fired, what each dimension looked for and did not find, and what each rule
    that fired on an absence looked for."""
    fired = sorted({f.code for f in findings})
    unmet = {name: r.looked_for or f"status {r.status}" for name, r in
             [*matrix.items(), ("cause", formula.cause), ("plan", formula.plan), ("owner", formula.owner)]
             if r.status != "concrete"}
    missing: dict[str, str] = {}
    for f in findings:
        if not f.evidence and f.code in rules:
            words = looked_for(rules[f.code].check)
            if words:
                missing[f.code] = "; ".join(words)
    decided_by = {name: r.decided_by for name, r in
                  [*matrix.items(), ("cause", formula.cause), ("plan", formula.plan), ("owner", formula.owner)]}
    not_held = {name: dict(r.rules_not_held) for name, r in
                [*matrix.items(), ("cause", formula.cause), ("plan", formula.plan), ("owner", formula.owner)]
                if r.rules_not_held}
    return Explanation(fired=fired, unmet=unmet, rules_looked_for=missing, decided_by=decided_by,
                       status_rules_not_held=not_held)
