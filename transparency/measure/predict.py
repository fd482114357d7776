"""The tool's side of a measurement: statuses and the evidence spans each status was decided on."""

from __future__ import annotations

from .agreement import COLUMNS
from .corpus import LabelledDocument


def judge(doc: LabelledDocument) -> tuple[dict[str, str], dict[str, list[tuple[int, int]]]]:
    """Statuses by column, and the [start, end) spans of the evidence behind each, for ``doc``.

    Runs extraction and the status stage only (no rule catalogue), exactly as ``evaluate`` decides
    the matrix and formula.
    """
    from ..extract import extract
    from ..judge.statuses import assess
    from ..models import Document

    kind = doc.kind if doc.kind in ("letter", "faq", "meeting_script", "notice") else "other"
    document = Document(text=doc.text, language=doc.language, kind=kind, path=doc.path)
    matrix, formula = assess(document, extract(document))
    results = {**matrix, "cause": formula.cause, "plan": formula.plan, "owner": formula.owner}
    statuses = {c: results[c].status for c in COLUMNS}
    spans = {c: [(e.span.start, e.span.end) for e in results[c].evidence] for c in COLUMNS}
    return statuses, spans
