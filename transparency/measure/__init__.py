"""Measuring the statuses against human labels: agreement, Cohen's kappa, confusion, evidence spans.

Used by ``bench/agreement.py`` and the corpus ratchet test, and by anyone who keeps a labelled corpus
of their own letters (``labels.csv`` in the corpus format, see ``tests/corpus/README.md``).
"""

from .agreement import (
    COLUMNS,
    STATUSES,
    ColumnAgreement,
    EvidenceScore,
    cohen_kappa,
    column_agreement,
    evidence_score,
    spans_overlap,
)
from .corpus import SET_FILES, CorpusError, LabelledDocument, corpus_sets, read_evidence, read_labels
from .predict import judge

__all__ = [
    "COLUMNS",
    "STATUSES",
    "ColumnAgreement",
    "CorpusError",
    "SET_FILES",
    "EvidenceScore",
    "LabelledDocument",
    "cohen_kappa",
    "column_agreement",
    "corpus_sets",
    "evidence_score",
    "judge",
    "read_evidence",
    "read_labels",
    "spans_overlap",
]
