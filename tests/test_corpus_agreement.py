"""The agreement ratchet: statuses against the labelled corpora may not fall below the last record.

``tests/corpus/agreement_record.json`` stores, for each set (written dev, written held-out, real dev,
real held-out), how many documents agree with the gold label in each column. A change that loses
more than one document per column on any set fails here; a change that gains is recorded with
``python bench/agreement.py --write-record`` in a deliberate commit. Held-out sets print figures
only, never which documents disagree (nobody tuning patterns reads them).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from transparency.measure import COLUMNS, SET_FILES, corpus_sets, judge

CORPUS = Path(__file__).resolve().parent / "corpus"
RECORD = CORPUS / "agreement_record.json"
SETS = corpus_sets(CORPUS)
SLACK = 1  # documents per column a change may lose before the ratchet fails


def _record() -> dict:
    return json.loads(RECORD.read_text(encoding="utf-8"))


def _hits(name: str) -> tuple[int, dict[str, int], list[str]]:
    docs = SETS[name]
    held_out = name.endswith("holdout")
    hits = dict.fromkeys(COLUMNS, 0)
    misses = []
    for d in docs:
        got, _ = judge(d)
        for c in COLUMNS:
            if got[c] == d.labels[c]:
                hits[c] += 1
            elif not held_out:
                misses.append(f"  {d.path:<34} {c:<15} label={d.labels[c]:<9} got={got[c]}")
    return len(docs), hits, misses


def _present() -> list[str]:
    return [name for name in SET_FILES if SETS[name]]


def test_every_set_has_a_record():
    record = _record()
    assert set(record) == set(_present()), f"{RECORD.name} should hold {sorted(_present())}, holds {sorted(record)}"


@pytest.mark.parametrize("name", _present())
def test_agreement_does_not_fall_below_the_record(name):
    recorded = _record()[name]
    n, hits, misses = _hits(name)
    print(f"\n{name}: {n} documents")
    for c in COLUMNS:
        print(f"  {c:<15} {hits[c] / n:6.1%}  ({hits[c]}/{n}; record {recorded['hits'][c]})")
    if misses:
        print("disagreements (dev only):\n" + "\n".join(misses))
    assert n == recorded["documents"], (
        f"{name} has {n} documents but the record was taken on {recorded['documents']}: the corpus changed; "
        "re-measure with `python bench/agreement.py --write-record` and commit the record deliberately")
    fallen = {c: (hits[c], recorded["hits"][c]) for c in COLUMNS if hits[c] < recorded["hits"][c] - SLACK}
    assert not fallen, f"{name}: agreement fell below the record by more than {SLACK} (now, record): {fallen}"


def test_the_ratchet_can_fail(tmp_path, monkeypatch):
    # A record one document above today's figure plus the slack on one column must fail the check.
    name = "written-holdout"
    n, hits, _ = _hits(name)
    raised = {"documents": n, "hits": dict(hits)}
    raised["hits"]["time"] = hits["time"] + SLACK + 1
    fake = tmp_path / "record.json"
    fake.write_text(json.dumps(_record() | {name: raised}), encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "RECORD", fake)
    with pytest.raises(AssertionError, match="fell below the record"):
        test_agreement_does_not_fall_below_the_record(name)
