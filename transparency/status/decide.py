"""Decide each dimension's status by running the status rules on the engine.

Facts: the document marker, one fact per piece of evidence (with the relation stage's attributes),
and, for later layers, the ``status`` facts of the dimensions already decided. Per dimension: if a
``concrete`` rule holds, the status is concrete; else if a ``vague`` rule holds, vague; else absent.
The evidence of a status is every fact bound by the rules of that status that held; the rule that
decided it is the first of them in file order.
"""

from __future__ import annotations

from ..engine import get_backend
from ..facts import document_marker, evidence_fact
from ..judge.weights import status_score
from ..models import DimensionResult, Document, Evidence, Formula
from .rules import StatusRules, default_status_rules


def _result(name: str, status: str, evidence: list[Evidence], looked_for: str | None,
            rule: str | None, not_held: dict[str, str] | None = None) -> DimensionResult:
    unique: dict[tuple, Evidence] = {}
    for e in evidence:
        unique.setdefault((e.span.start, e.span.end, e.kind, e.subkind), e)
    ordered = sorted(unique.values(), key=lambda e: (e.span.start, e.span.end, e.kind))
    return DimensionResult(status=status, score=status_score(name, status), evidence=ordered,
                           looked_for=None if status == "concrete" else looked_for, decided_by=rule,
                           rules_not_held=not_held or {})


def decide(document: Document, evidence: list[Evidence], rules: StatusRules | None = None,
           backend: str | None = None) -> tuple[dict[str, DimensionResult], Formula]:
    """The matrix (reason, time, responsibility, compensation) and formula (cause, plan, owner) of
    ``document``, from ``evidence`` already through the relation stage."""
    results, _ = run_status_rules(document, evidence, rules, backend)
    matrix = {d: results[d] for d in ("reason", "time", "responsibility", "compensation")}
    return matrix, Formula(cause=results["cause"], plan=results["plan"], owner=results["owner"])


def run_status_rules(document: Document, evidence: list[Evidence], rules: StatusRules | None = None,
                     backend: str | None = None) -> tuple[dict[str, DimensionResult], set[str]]:
    """Every dimension's result, and the codes of all status rules that held (not only the deciding
    ones: the rule examples check that a rule holds where it says it does)."""
    rules = rules or default_status_rules()
    held: set[str] = set()
    facts = [document_marker(document, 0)]
    for e in evidence:
        facts.append(evidence_fact(e, len(facts)))
    results: dict[str, DimensionResult] = {}
    for dimensions, program in rules.layers:
        fired: dict[str, list[tuple[int, ...]]] = {}
        for firing in get_backend(program, backend).run(facts):
            fired.setdefault(firing.code, []).append(firing.fact_ids)
        held.update(fired)
        for dim in dimensions:
            results[dim] = _decide_one(dim, rules, fired, evidence)
            facts.append({"id": len(facts), "fact": "status", "dimension": dim, "status": results[dim].status})
    for dim, spec in rules.dimensions.items():
        if spec.same_as:
            src = results[spec.same_as]
            results[dim] = src.model_copy(update={"score": status_score(dim, src.status)})
    return results, held


def _decide_one(dim: str, rules: StatusRules, fired: dict[str, list[tuple[int, ...]]],
                evidence: list[Evidence]) -> DimensionResult:
    looked_for = rules.dimensions[dim].looked_for
    not_held: dict[str, str] = {}
    for status in ("concrete", "vague"):
        candidates = [r for r in rules.rules if r.dimension == dim and r.status == status]
        held = [r for r in candidates if r.code in fired]
        if held:
            ids = sorted({i for r in held for binding in fired[r.code] for i in binding})
            used = [evidence[i - 1] for i in ids if 0 < i <= len(evidence)]
            note = held[0].spec.looked_for or (looked_for.vague if looked_for else None)
            return _result(dim, status, used, note, held[0].code, not_held)
        # what each rule of this better status needed ("why not concrete?"), for the explanation
        not_held.update({r.code: r.spec.looked_for or r.spec.why for r in candidates})
    return _result(dim, "absent", [], looked_for.absent if looked_for else None, None, not_held)
