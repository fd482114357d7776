"""Findings from firings: the engine says which rule fired on which facts; the rule's metadata says
what to tell the writer."""

from __future__ import annotations

import re

from ..models import Document, Evidence, Finding, SEVERITY_RANK, Span
from ..rules.ir import Firing
from ..rules.loader import Rule

_PLACEHOLDER = re.compile(r"\{(text|value\.[a-z_]+|attr\.[a-z_]+)\}")


def document_span(document: Document) -> Span:
    """An empty span at the start of the text: findings about the whole document (something missing)
    carry it with ``scope="document"`` and are reported at file level, not under the title line."""
    return document.span(0, 0)


def fill(template: str | None, evidence: Evidence | None) -> str | None:
    """Fill ``{text}``, ``{value.KEY}`` and ``{attr.KEY}`` from the first evidence of a finding.
    A placeholder that cannot be filled is left as written (the example tests catch it)."""
    if template is None or evidence is None:
        return template

    def one(m: re.Match[str]) -> str:
        key = m.group(1)
        if key == "text":
            return evidence.span.text
        group, _, name = key.partition(".")
        source = evidence.value if group == "value" else evidence.attrs
        if isinstance(source, dict) and name in source and source[name] is not None:
            value = source[name]
            return "、".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
        return m.group(0)

    return _PLACEHOLDER.sub(one, template)


def build_findings(document: Document, firings: set[Firing], rules: dict[str, Rule],
                   evidence_by_id: dict[int, Evidence]) -> list[Finding]:
    """One finding per firing (deduplicated by code and span), in reading order."""
    whole = document_span(document)
    seen: set[tuple[str, int, int]] = set()
    reported: set[str] = set()
    out: list[Finding] = []

    def position(firing: Firing) -> tuple[int, ...]:
        return tuple(evidence_by_id[i].span.start for i in firing.fact_ids if i in evidence_by_id)

    def length(firing: Firing) -> int:
        bound = [evidence_by_id[i] for i in firing.fact_ids if i in evidence_by_id]
        return -(bound[0].span.end - bound[0].span.start) if bound else 0

    # per code in reading order, the longer of two overlapping spans first (it is the one kept)
    for firing in sorted(firings, key=lambda f: (f.code, position(f)[:1], length(f), position(f), f.fact_ids)):
        rule = rules[firing.code]
        if rule.one_per_document:
            if rule.code in reported:
                continue  # something is missing from the whole text: say it once, at its first place
            reported.add(rule.code)
        bound = [evidence_by_id[i] for i in firing.fact_ids if i in evidence_by_id]
        span = bound[0].span if bound else whole
        if bound and any(f.code == rule.code and f.scope == "span" and _overlap(f.span, span) for f in out):
            continue  # one phrase, one finding of a rule (两个重叠的 "近期" hits of one phrase)
        key = (rule.code, span.start, span.end)
        if key in seen:
            continue
        seen.add(key)
        first = bound[0] if bound else None
        out.append(Finding(
            code=rule.code, name=rule.name, severity=rule.severity,
            message=fill(rule.message_in(document.language), first) or "",
            dimension=rule.dimension, span=span, evidence=bound,
            fix=fill(rule.fix_in(document.language), first), source=rule.source,
            scope="span" if bound else "document"))
    return sort_findings(out)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Reading order; at one place, the most severe first."""
    return sorted(findings, key=lambda f: (f.span.start, f.span.end, -SEVERITY_RANK[f.severity], f.code))
