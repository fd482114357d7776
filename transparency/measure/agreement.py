"""Agreement between two labellings of the same documents (a human's and the tool's, or two humans').

Pure Python on purpose: the test suite's ratchet and the bench share it, and neither should need
scikit-learn to count. Cohen's kappa is the usual chance-corrected agreement for two raters over
nominal categories: (p_observed - p_expected) / (1 - p_expected).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..models import FORMULA_PARTS, MATRIX_DIMENSIONS

COLUMNS = MATRIX_DIMENSIONS + FORMULA_PARTS  # reason, time, responsibility, compensation, cause, plan, owner
STATUSES = ("concrete", "vague", "absent")


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa of two equally long label sequences.

    1.0 is perfect agreement, 0.0 what chance gives with the two raters' own label frequencies.
    When both raters use a single identical category throughout, agreement is perfect and
    chance-expected agreement is 1 as well; kappa is then defined here as 1.0 (not NaN).
    """
    if len(a) != len(b):
        raise ValueError(f"cohen_kappa: sequences differ in length ({len(a)} vs {len(b)})")
    n = len(a)
    if n == 0:
        raise ValueError("cohen_kappa: no labels to compare")
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca.keys() | cb.keys()) / (n * n)
    if expected == 1.0:
        return 1.0
    return (observed - expected) / (1.0 - expected)


@dataclass(frozen=True)
class ColumnAgreement:
    """How two labellings agree on one column (dimension) over ``n`` documents."""

    column: str
    n: int
    hits: int
    kappa: float
    # confusion[gold][predicted] = count, over STATUSES (and any other value seen)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def share(self) -> float:
        return self.hits / self.n if self.n else 1.0


def column_agreement(column: str, gold: Sequence[str], predicted: Sequence[str]) -> ColumnAgreement:
    """Agreement, kappa and confusion matrix of ``predicted`` against ``gold`` for one column."""
    if len(gold) != len(predicted):
        raise ValueError(f"{column}: {len(gold)} gold labels but {len(predicted)} predictions")
    values = list(STATUSES) + sorted((set(gold) | set(predicted)) - set(STATUSES))
    confusion = {g: {p: 0 for p in values} for g in values}
    for g, p in zip(gold, predicted):
        confusion[g][p] += 1
    hits = sum(g == p for g, p in zip(gold, predicted))
    kappa = cohen_kappa(gold, predicted) if gold else 1.0
    return ColumnAgreement(column=column, n=len(gold), hits=hits, kappa=kappa, confusion=confusion)


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Half-open character spans [start, end) share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True)
class EvidenceScore:
    """Evidence-level recall and precision for one dimension over a set of documents.

    recall: gold spans overlapped by at least one span the tool used for that dimension.
    precision: spans the tool used for that dimension that overlap at least one gold span.
    """

    column: str
    gold_spans: int
    gold_found: int
    predicted_spans: int
    predicted_correct: int

    @property
    def recall(self) -> float | None:
        return self.gold_found / self.gold_spans if self.gold_spans else None

    @property
    def precision(self) -> float | None:
        return self.predicted_correct / self.predicted_spans if self.predicted_spans else None


def evidence_score(column: str, pairs: Sequence[tuple[list[tuple[int, int]], list[tuple[int, int]]]]) -> EvidenceScore:
    """Score ``pairs`` of (gold spans, predicted spans), one pair per document, for ``column``."""
    gold_spans = gold_found = predicted_spans = predicted_correct = 0
    for gold, predicted in pairs:
        gold_spans += len(gold)
        gold_found += sum(any(spans_overlap(g, p) for p in predicted) for g in gold)
        predicted_spans += len(predicted)
        predicted_correct += sum(any(spans_overlap(p, g) for g in gold) for p in predicted)
    return EvidenceScore(column, gold_spans, gold_found, predicted_spans, predicted_correct)
