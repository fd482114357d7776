"""Findings never contradict each other, never repeat on one phrase, and whole-document findings sit at
file level: checked on every corpus document and example letter."""

from __future__ import annotations

from pathlib import Path

import pytest

from transparency import evaluate
from transparency.measure import corpus_sets

ROOT = Path(__file__).resolve().parents[1]
# Pairs of rule codes that say opposite things about one document.
CONTRADICTIONS = [
    ("TF002", "TF003"),  # "the plan is missing" / "there is a plan but no owner"
    ("TF002", "TF005"),  # "the plan is missing" / "this plan has no actor"
    ("TF002", "TF007"),  # "the plan is missing" / "this plan is open-ended"
]


def _documents():
    docs = [(d.path, d.text, d.language, d.kind) for ds in corpus_sets(ROOT / "tests" / "corpus").values() for d in ds]
    for p in sorted((ROOT / "examples" / "letters").glob("*.txt")):
        docs.append((p.name, p.read_text(encoding="utf-8"), "en" if p.name.startswith("en") else "zh", "letter"))
    return docs


@pytest.fixture(scope="module")
def evaluations():
    out = []
    for path, text, language, kind in _documents():
        kind = kind if kind in ("letter", "faq", "meeting_script", "notice") else "other"
        out.append((path, evaluate(text, language=language, kind=kind)))
    return out


def test_no_document_gets_contradicting_findings(evaluations):
    for path, ev in evaluations:
        codes = {f.code for f in ev.findings}
        for a, b in CONTRADICTIONS:
            assert not (a in codes and b in codes), f"{path}: {a} and {b} together"


def test_one_phrase_gets_at_most_one_finding_of_a_rule(evaluations):
    for path, ev in evaluations:
        spans = [(f.code, f.span.start, f.span.end) for f in ev.findings if f.scope == "span"]
        for i, (code, s, e) in enumerate(spans):
            for code2, s2, e2 in spans[i + 1:]:
                assert not (code == code2 and s < e2 and s2 < e), f"{path}: two {code} findings on one phrase"


def test_findings_without_evidence_are_about_the_whole_document(evaluations):
    for path, ev in evaluations:
        for f in ev.findings:
            assert (f.scope == "document") == (not f.evidence), (path, f.code)
            if f.scope == "document":
                assert f.span.start == f.span.end == 0, (path, f.code)
