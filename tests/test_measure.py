"""transparency.measure: Cohen's kappa, agreement tables, evidence recall/precision, corpus readers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transparency.measure import (
    STATUSES,
    CorpusError,
    cohen_kappa,
    column_agreement,
    evidence_score,
    read_evidence,
    read_labels,
    spans_overlap,
)

labels = st.lists(st.sampled_from(STATUSES), min_size=1, max_size=60)


def test_kappa_matches_a_textbook_example():
    # Two readers, 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15 -> p_o 0.7, p_e 0.5, kappa 0.4.
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)


@given(labels)
def test_kappa_of_identical_labellings_is_one(a):
    assert cohen_kappa(a, a) == pytest.approx(1.0)


@given(st.data())
def test_kappa_is_symmetric_and_at_most_one(data):
    a = data.draw(labels)
    b = data.draw(st.lists(st.sampled_from(STATUSES), min_size=len(a), max_size=len(a)))
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa(b, a))
    assert cohen_kappa(a, b) <= 1.0 + 1e-12


def test_kappa_rejects_unequal_or_empty_sequences():
    with pytest.raises(ValueError, match="differ in length"):
        cohen_kappa(["vague"], [])
    with pytest.raises(ValueError, match="no labels"):
        cohen_kappa([], [])


@given(st.data())
def test_confusion_counts_every_document_once(data):
    gold = data.draw(labels)
    got = data.draw(st.lists(st.sampled_from(STATUSES), min_size=len(gold), max_size=len(gold)))
    a = column_agreement("time", gold, got)
    assert sum(sum(row.values()) for row in a.confusion.values()) == len(gold)
    assert a.hits == sum(a.confusion[s][s] for s in STATUSES)
    assert 0.0 <= a.share <= 1.0


def test_spans_overlap_is_half_open():
    assert spans_overlap((0, 5), (4, 9))
    assert not spans_overlap((0, 5), (5, 9))


def test_evidence_score_counts_found_gold_and_correct_predictions():
    s = evidence_score("time", [([(0, 4), (10, 14)], [(2, 3), (20, 25)]), ([], [(1, 2)])])
    assert (s.gold_found, s.gold_spans) == (1, 2)
    assert (s.predicted_correct, s.predicted_spans) == (1, 3)
    assert s.recall == pytest.approx(0.5) and s.precision == pytest.approx(1 / 3)
    assert evidence_score("time", []).recall is None


def _corpus(tmp_path, status="vague"):
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "a.txt").write_text("本店将于2024年3月31日停止营业。", encoding="utf-8")
    (tmp_path / "labels.csv").write_text(
        "path,set,language,script,kind,reason,time,responsibility,compensation,cause,plan,owner,notes\n"
        f"dev/a.txt,dev,zh,hans,notice,absent,concrete,{status},absent,absent,absent,absent,x\n",
        encoding="utf-8")
    return tmp_path / "labels.csv"


def test_read_labels_reads_texts_beside_the_csv(tmp_path):
    [doc] = read_labels(_corpus(tmp_path))
    assert doc.labels["time"] == "concrete" and doc.text.startswith("本店")


def test_read_labels_names_the_line_of_a_bad_status(tmp_path):
    with pytest.raises(CorpusError, match=r"labels.csv:2: responsibility is 'unclear'"):
        read_labels(_corpus(tmp_path, status="unclear"))


def test_read_evidence_checks_each_span_against_the_text(tmp_path):
    [doc] = read_labels(_corpus(tmp_path))
    ev = tmp_path / "evidence.csv"
    ev.write_text("path,column,start,end,text\ndev/a.txt,time,4,14,2024年3月31日\n", encoding="utf-8")
    assert read_evidence(ev, {doc.path: doc.text}) == {"dev/a.txt": {"time": [(4, 14)]}}
    ev.write_text("path,column,start,end,text\ndev/a.txt,time,5,14,2024年3月31日\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"evidence.csv:2: span \[5, 14\)"):
        read_evidence(ev, {doc.path: doc.text})
