"""One pass, left to right: extract evidence -> statuses -> facts -> engine -> findings -> scores.

Each stage is a pure function of the previous stage's output: extraction knows nothing of rules, the
engine nothing of text, and scoring never re-reads the text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .engine import get_backend
from .facts import document_marker, evidence_fact
from .judge.findings import build_findings, sort_findings
from .judge.score import document_score, explain
from .models import Document, DimensionResult, Evaluation, Evidence, Formula, status_names
from .rules.loader import RuleSet, default_ruleset

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config
    from .status.rules import StatusRules

Fact = dict[str, Any]


def document_facts(document: Document, evidence: list[Evidence], matrix: dict[str, DimensionResult],
                   formula: Formula) -> tuple[list[Fact], dict[int, Evidence]]:
    """The facts of one document (marker, statuses, evidence) and the evidence behind each fact id."""
    facts: list[Fact] = [document_marker(document, 0)]
    for name, status in status_names(matrix, formula).items():
        facts.append({"id": len(facts), "fact": "status", "dimension": name, "status": status})
    by_id: dict[int, Evidence] = {}
    for ev in evidence:
        fid = len(facts)
        facts.append(evidence_fact(ev, fid))
        by_id[fid] = ev
    return facts, by_id


def judge(document: Document, evidence: list[Evidence], matrix: dict[str, DimensionResult],
          formula: Formula, *, ruleset: RuleSet | None = None, config: "Config | None" = None,
          backend: str | None = None) -> Evaluation:
    """Run the document rules on extracted evidence and statuses; build findings and scores."""
    ruleset = ruleset or default_ruleset()
    facts, by_id = document_facts(document, evidence, matrix, formula)
    program = ruleset.program("document")
    firings = get_backend(program, backend).run(facts)
    rules = ruleset.by_code
    # A rule applies only to the languages it has examples for (its documented scope).
    firings = {f for f in firings if document.language in rules[f.code].languages}
    findings = build_findings(document, firings, rules, by_id)
    if config is not None:
        findings = [f.model_copy(update={"severity": config.severity_for(f.code, f.severity)})
                    for f in findings if config.is_enabled(f.code)]
        findings = sort_findings(findings)
    # Suppression comments in the text (TS001/TS002 report reasonless and unused ones); before
    # scoring, so a justified suppression also lifts the finding's penalty.
    from .suppress import apply_suppressions

    findings = apply_suppressions(document, findings, ruleset, config=config)
    score = document_score(matrix, findings)
    return Evaluation(document=document, findings=findings, matrix=matrix, formula=formula,
                      score=score, evidence=evidence,
                      explanation=explain(rules, findings, matrix, formula))


def evaluate_document(document: Document, *, ruleset: RuleSet | None = None,
                      config: "Config | None" = None, backend: str | None = None,
                      status_rules: "StatusRules | None" = None) -> Evaluation:
    """Evaluate one document with the bundled rules (or ``ruleset``) and the bundled status rules
    (or ``status_rules``, else the configuration's ``status-rules`` house policy)."""
    from .extract import extract
    from .judge.statuses import assess

    if status_rules is None and config is not None and config.status_rules:
        status_rules = house_status_rules(tuple(config.status_rules))
    evidence = extract(document)
    matrix, formula = assess(document, evidence, status_rules=status_rules, backend=backend)
    evaluation = judge(document, evidence, matrix, formula, ruleset=ruleset, config=config, backend=backend)
    if status_rules is not None:
        evaluation.explanation.status_rules = list(status_rules.house_files)
    return evaluation


@lru_cache(maxsize=32)
def house_status_rules(files: tuple) -> "StatusRules":
    """The bundled status rules with a configuration's house files applied (loaded once per process)."""
    from .status.rules import load_status_rules

    return load_status_rules(files)
