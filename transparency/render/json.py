"""The machine-readable report of ``transparency lint --format json`` (CONTRACTS.md, schema version 1).

Keys listed in the contract keep their meaning; this module adds ``end_line``, ``end_column``,
``source`` and ``evidence`` to each finding, ``looked_for`` to each matrix entry (what was searched
for and not found) and ``explanation`` to each document (rules that fired, what each unmet dimension
and each rule that fired on an absence looked for). Readers must ignore keys they do not know.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..models import DimensionResult, Evaluation, Evidence, Finding
from . import LintError, Result, code_counts, sorted_findings

SCHEMA_VERSION = "1"


def _evidence(ev: Evidence) -> dict[str, Any]:
    return {"kind": ev.kind, "subkind": ev.subkind, "quality": ev.quality,
            "start": ev.span.start, "end": ev.span.end, "text": ev.span.text}


def _dimension(result: DimensionResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "status": result.status, "score": result.score,
        "evidence": [{"start": e.span.start, "end": e.span.end, "text": e.span.text}
                     for e in result.evidence],
    }
    if result.looked_for:
        out["looked_for"] = result.looked_for
    if result.decided_by:
        out["decided_by"] = result.decided_by
    return out


def finding_dict(f: Finding) -> dict[str, Any]:
    """One finding as the contract spells it."""
    s = f.span
    return {"code": f.code, "name": f.name, "severity": f.severity, "message": f.message,
            "dimension": f.dimension, "start": s.start, "end": s.end, "line": s.line,
            "column": s.column, "end_line": s.end_line, "end_column": s.end_column,
            "text": s.text, "fix": f.fix, "source": f.source, "scope": f.scope,
            "evidence": [_evidence(e) for e in f.evidence]}


def document_dict(path: str, ev: Evaluation) -> dict[str, Any]:
    """One document's entry: path, language, kind, score, matrix, formula, findings."""
    formula = None
    if ev.formula is not None:
        formula = {}
        for part in ("cause", "plan", "owner"):
            result = getattr(ev.formula, part)
            formula[part] = {"status": result.status}
            if result.decided_by:
                formula[part]["decided_by"] = result.decided_by
        formula["complete"] = ev.formula.complete
    return {"path": path, "language": ev.document.language, "kind": ev.document.kind,
            "score": ev.score,
            "matrix": {dim: _dimension(res) for dim, res in ev.matrix.items()},
            "formula": formula,
            "findings": [finding_dict(f) for f in sorted_findings(ev)],
            "explanation": ev.explanation.model_dump()}


def report(results: Sequence[Result], errors: Sequence[LintError]) -> dict[str, Any]:
    """The whole report as a JSON-ready dict."""
    return {"schema_version": SCHEMA_VERSION,
            "documents": [document_dict(path, ev) for path, ev in results],
            "errors": [{"path": e.path, "message": e.message} for e in errors]}


def render(results: Sequence[Result], errors: Sequence[LintError], *, statistics: bool = False,
           **_: Any) -> str:
    """The JSON report (or, with ``statistics``, counts per code), UTF-8 text, indented."""
    if statistics:
        data: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "statistics": [{"code": c, "name": n, "severity": s, "count": k}
                           for c, n, s, k in code_counts(results)],
            "errors": [{"path": e.path, "message": e.message} for e in errors]}
    else:
        data = report(results, errors)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
