"""Integrity of the real-notice corpus (tests/corpus/real): sources, blind labels, split, gold spans.

Every agreement figure on real notices is computed from these files, so a text missing from
sources.csv, a label outside the vocabulary, a company on both sides of the split or a gold span that
drifted off its words would silently falsify the measurement the project is judged by.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from transparency.measure import COLUMNS, STATUSES, cohen_kappa, read_evidence, read_labels

REAL = Path(__file__).resolve().parent / "corpus" / "real"
pytestmark = pytest.mark.skipif(not (REAL / "labels.csv").exists(), reason="the real corpus is not present")

SOURCE_COLUMNS = ["path", "set", "url", "site", "company", "language", "script", "audience", "kind", "industry",
                  "completeness", "length_chars", "edits", "found_with", "notes"]
SIX = ("reason", "time", "responsibility", "compensation", "plan", "owner")
# The corpus's size as collected (the closing note of the issue that built it says which searches ran
# dry: Simplified Chinese stopped at 49 of the 50 asked for); a change that loses texts fails here.
MINIMUM = {"total": 150, "hans": 49, "hant": 30, "latin": 50, "b2b": 40, "holdout": 60, "evidence_docs": 50}


def _csv(name: str) -> list[dict[str, str]]:
    with (REAL / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_text_has_one_source_row_and_the_header_is_documented():
    with (REAL / "sources.csv").open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == SOURCE_COLUMNS
    rows = _csv("sources.csv")
    listed = Counter(r["path"] for r in rows)
    assert not [p for p, n in listed.items() if n > 1], "a text listed twice in sources.csv"
    on_disk = {f"{p.parent.name}/{p.name}" for p in REAL.glob("*/*.txt") if p.parent.name in ("dev", "holdout")}
    assert on_disk == set(listed), f"unlisted: {sorted(on_disk - set(listed))[:5]}; missing: {sorted(set(listed) - on_disk)[:5]}"


def test_source_rows_are_complete_and_lengths_match_the_texts():
    for r in _csv("sources.csv"):
        where = f"sources.csv {r['path']}"
        assert r["set"] == r["path"].split("/")[0], where
        assert r["url"] and r["site"] and r["company"] and r["edits"] and r["found_with"], where
        assert (r["language"], r["script"]) in {("zh", "hans"), ("zh", "hant"), ("en", "latin")}, where
        assert r["audience"] in ("b2b", "b2c", "mixed"), where
        assert r["completeness"] in ("complete", "truncated"), where
        text = (REAL / r["path"]).read_text(encoding="utf-8")
        assert len(text) == int(r["length_chars"]), f"{where}: the text changed since it was collected"
        assert "\r" not in text and not text.startswith("\ufeff"), where


def test_the_corpus_keeps_its_size_and_mix():
    rows = _csv("sources.csv")
    scripts = Counter(r["script"] for r in rows)
    assert len(rows) >= MINIMUM["total"]
    for script in ("hans", "hant", "latin"):
        assert scripts[script] >= MINIMUM[script], (script, scripts[script])
    assert sum(r["audience"] == "b2b" for r in rows) >= MINIMUM["b2b"]
    assert sum(r["set"] == "holdout" for r in rows) >= MINIMUM["holdout"]


def test_no_site_or_company_is_on_both_sides_of_the_split():
    rows = _csv("sources.csv")
    for key in ("site", "company"):
        sides: dict[str, set[str]] = {}
        for r in rows:
            sides.setdefault(r[key].strip().lower(), set()).add(r["set"])
        both = sorted(k for k, s in sides.items() if len(s) > 1)
        assert not both, f"{key}s on both sides of the split: {both[:5]}"


def test_labels_cover_every_text_with_consistent_statuses():
    docs = read_labels(REAL / "labels.csv")  # checks the vocabulary and reads every text
    sources = {r["path"]: r for r in _csv("sources.csv")}
    assert {d.path for d in docs} == set(sources)
    for d in docs:
        assert d.set == sources[d.path]["set"] and d.language == sources[d.path]["language"], d.path
        assert d.labels["cause"] == d.labels["reason"], d.path
        assert (d.labels["owner"] == "absent") == (d.labels["plan"] == "absent"), d.path


def test_gold_is_the_labellers_agreement_or_a_recorded_adjudication():
    gold = {d.path: d.labels for d in read_labels(REAL / "labels.csv")}
    a = {r["path"]: r for r in _csv("labelling/labeller_a.csv")}
    b = {r["path"]: r for r in _csv("labelling/labeller_b.csv")}
    adjudicated = {(r["path"], r["column"]): r for r in _csv("labelling/adjudication.csv")}
    assert set(a) == set(b) == set(gold)
    for path, labels in gold.items():
        for c in SIX:
            assert a[path][c] in STATUSES and b[path][c] in STATUSES
            if a[path][c] == b[path][c]:
                assert labels[c] == a[path][c] and (path, c) not in adjudicated, (path, c)
            else:
                row = adjudicated[(path, c)]
                assert (row["labeller_a"], row["labeller_b"], row["gold"]) == (a[path][c], b[path][c], labels[c])
                assert row["reason"].strip(), (path, c)


# The gold is only as good as the labellers' agreement: below this kappa on any column the labels
# would need a third reading before they could measure anything (today 0.86-0.97).
MIN_LABELLER_KAPPA = 0.8


def test_the_labellers_agree_well_enough_for_the_gold_to_measure_anything():
    a = {r["path"]: r for r in _csv("labelling/labeller_a.csv")}
    b = {r["path"]: r for r in _csv("labelling/labeller_b.csv")}
    for c in SIX:
        k = cohen_kappa([a[p][c] for p in sorted(a)], [b[p][c] for p in sorted(a)])
        assert k >= MIN_LABELLER_KAPPA, f"{c}: kappa {k:.2f} between the labellers; re-label before measuring"


def test_gold_spans_are_exact_and_cover_enough_documents():
    docs = read_labels(REAL / "labels.csv")
    spans = read_evidence(REAL / "evidence.csv", {d.path: d.text for d in docs})  # exact text at each span
    assert len(spans) >= MINIMUM["evidence_docs"]
    gold = {d.path: d.labels for d in docs}
    for path, columns in spans.items():
        for column in columns:
            assert column in COLUMNS and gold[path][column] != "absent", (path, column)
    assert {p.split("/")[0] for p in spans} == {"dev", "holdout"}, "gold spans on both sides of the split"


def test_moves_out_of_the_holdout_are_recorded_with_a_reason():
    rows = _csv("moves.csv")
    sources = {r["path"]: r for r in _csv("sources.csv")}
    for r in rows:
        assert r["from"] == "holdout" and r["to"] == "dev" and r["why"].strip() and r["date"], r
        assert sources[r["path"]]["set"] == "dev", r
