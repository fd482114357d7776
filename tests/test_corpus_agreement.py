"""Agreement of the judged statuses with the labelled corpus (tests/corpus/labels.csv).

On the dev set every matrix dimension and formula part must agree with the labels on at least 90 % of
the documents. The holdout set is measured and printed but never gates: it shows how the patterns
hold on writing they were not built from (its documents are not to be read while tuning).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from transparency.judge.statuses import statuses_of
from transparency.models import Document

CORPUS = Path(__file__).resolve().parent / "corpus"
LABELS = CORPUS / "labels.csv"
COLUMNS = ("reason", "time", "responsibility", "compensation", "cause", "plan", "owner")
THRESHOLD = 0.90

pytestmark = pytest.mark.skipif(not LABELS.exists(), reason="the labelled corpus (tests/corpus) is not present")


def _rows(split: str) -> list[dict[str, str]]:
    with LABELS.open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["set"] == split]


def _judged(row: dict[str, str]) -> dict[str, str]:
    text = (CORPUS / row["path"]).read_text(encoding="utf-8")
    return statuses_of(Document(text=text, language=row["language"], path=row["path"]))


def agreement(split: str, show_documents: bool) -> dict[str, float]:
    """Per-column agreement on ``split``; prints the table (and, if asked, the disagreeing documents)."""
    rows = _rows(split)
    hits = {c: 0 for c in COLUMNS}
    misses: list[str] = []
    for row in rows:
        got = _judged(row)
        for c in COLUMNS:
            if got[c] == row[c]:
                hits[c] += 1
            elif show_documents:
                misses.append(f"  {row['path']:<28} {c:<15} label={row[c]:<9} got={got[c]}")
    share = {c: hits[c] / len(rows) if rows else 1.0 for c in COLUMNS}
    print(f"\n{split}: {len(rows)} documents")
    for c in COLUMNS:
        print(f"  {c:<15} {share[c]:6.1%}  ({hits[c]}/{len(rows)})")
    if misses:
        print("disagreements:")
        print("\n".join(misses))
    return share


def test_dev_agreement_is_at_least_90_percent_per_dimension():
    share = agreement("dev", show_documents=True)
    low = {c: round(s, 3) for c, s in share.items() if s < THRESHOLD}
    assert not low, f"dev agreement below {THRESHOLD:.0%}: {low}"


def test_holdout_agreement_is_reported():
    # Measured, never gated: per-document holdout failures are deliberately not printed.
    share = agreement("holdout", show_documents=False)
    assert set(share) == set(COLUMNS)
