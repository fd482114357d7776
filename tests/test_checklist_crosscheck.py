"""The letter/checklist cross-check, with hand-built letter evidence (the extraction stage is tested
on its own; here only the comparison is)."""

from __future__ import annotations

import pytest

from transparency.checklist.client import evaluate_client
from transparency.errors import TransparencyError
from transparency.models import Document, Evidence
from transparency.rules.loader import default_ruleset

ROW = {"client_id": "C1", "item": "已付土地款退还", "kind": "land_refund", "amount": "1250万",
       "deadline": "停业后30日内", "method": "银行转账", "owner": "开发区平台公司", "contact_person": "张经理",
       "contact": "021-59681234", "interest": "同期存款利息", "annual_output": "3亿"}


def _ev(doc: Document, needle: str, kind: str, subkind: str, **attrs) -> Evidence:
    i = doc.text.index(needle)
    value = attrs.pop("value", None)
    return Evidence(kind=kind, subkind=subkind, span=doc.span(i, i + len(needle)), value=value, attrs=attrs)


def _extractor(specs):
    def extract(doc: Document) -> list[Evidence]:
        return [_ev(doc, *spec[:3], **spec[3]) for spec in specs if spec[0] in doc.text]
    return extract


def _mismatches(report):
    return [f for f in report.findings if f.code == "CK023"]


def test_a_changed_deadline_is_found_and_quotes_both_sides() -> None:
    doc = Document(text="您已支付的土地款1,250万元将于停业后60日内由开发区平台公司退还。", path="k1.txt")
    ex = _extractor([("停业后60日内", "time", "period", {"days": 60}),
                     ("1,250万元", "money", "amount", {"amount": 12_500_000.0, "currency": "CNY"})])
    report = evaluate_client(doc, [ROW], extractor=ex)
    (f,) = _mismatches(report)
    assert "停业后60日内" in f.message and "停业后30日内" in f.message
    assert (f.row, f.column, f.letter_path, f.letter_text) == (1, "deadline", "k1.txt", "停业后60日内")
    assert doc.text[f.start:f.end] == "停业后60日内"
    assert report.clients[0].score < 100


def test_a_changed_date_and_amount_are_found() -> None:
    row = {**ROW, "deadline": "2024-04-30"}
    doc = Document(text="土地款1,200万元将于2024年5月30日前退还。")
    ex = _extractor([("1,200万元", "money", "amount", {"amount": 12_000_000.0, "currency": "CNY"}),
                     ("2024年5月30日", "time", "date", {"value": "2024-05-30"})])
    fields = sorted(f.column for f in _mismatches(evaluate_client(doc, [row], extractor=ex)))
    assert fields == ["amount", "deadline"]


def test_agreeing_letter_has_no_mismatch() -> None:
    doc = Document(text="您已支付的土地款1,250万元将于停业后30日内由开发区平台公司退还。")
    ex = _extractor([("停业后30日内", "time", "period", {"days": 30}),
                     ("1,250万元", "money", "amount", {"amount": 12_500_000.0, "currency": "CNY"}),
                     ("开发区平台公司", "party", "organisation", {})])
    assert _mismatches(evaluate_client(doc, [ROW], extractor=ex)) == []


def test_a_different_owner_is_found() -> None:
    doc = Document(text="土地款由集团财务中心负责退还。")
    ex = _extractor([("集团财务中心", "party", "organisation", {})])
    (f,) = _mismatches(evaluate_client(doc, [ROW], extractor=ex))
    assert f.column == "owner" and "开发区平台公司" in f.message and "集团财务中心" in f.message


def test_values_in_sentences_about_no_item_are_not_compared() -> None:
    doc = Document(text="我司注册资本5,000万元。土地款将于停业后30日内退还。")
    ex = _extractor([("5,000万元", "money", "amount", {"amount": 50_000_000.0, "currency": "CNY"})])
    assert _mismatches(evaluate_client(doc, [ROW], extractor=ex)) == []


def test_the_client_must_be_named_when_the_checklist_has_several() -> None:
    rows = [ROW, {**ROW, "client_id": "C2"}]
    with pytest.raises(TransparencyError, match="client_id"):
        evaluate_client("土地款", rows, extractor=lambda d: [])
    report = evaluate_client("土地款", rows, client_id="C2", extractor=lambda d: [])
    assert [c.client_id for c in report.clients] == ["C2"]
    assert report.rows_read == report.rows_evaluated + len(report.rejected)


def test_builtin_rule_examples_run_through_the_real_extractor() -> None:
    extract = pytest.importorskip("transparency.extract", reason="transparency.extract is not merged yet").extract
    (rule,) = [r for r in default_ruleset().for_target("checklist") if r.builtin == "letter-checklist-mismatch"]
    for example in rule.examples["bad"]:
        assert _mismatches(evaluate_client(example["letter"], example["checklist"], extractor=extract))
    for example in rule.examples["better"]:
        assert not _mismatches(evaluate_client(example["letter"], example["checklist"], extractor=extract))
