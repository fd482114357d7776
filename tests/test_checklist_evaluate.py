"""Checklist evaluation: findings per row and column, tiers, scores, the JSON contract."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from transparency.checklist.evaluate import PENALTY, evaluate_checklist
from transparency.checklist.load import records_table
from transparency.checklist.schema import ChecklistItem, checklist_schema
from transparency.checklist.tiers import bundled_tiers, load_tiers
from transparency.checklist.vocabulary import load_vocabulary
from transparency.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
COMPLETE = {"client_id": "C1", "item": "保证金退还", "kind": "deposit", "amount": "50万", "deadline": "2024-04-30",
            "method": "银行转账", "owner": "开发区平台公司", "contact_person": "张经理", "contact": "021-59681234",
            "annual_output": "3亿"}


def _codes(report, client: str | None = None) -> list[str]:
    return sorted(f.code for f in report.findings if client is None or f.client_id == client)


def test_a_complete_client_is_clean_and_scores_100() -> None:
    report = evaluate_checklist([COMPLETE])
    assert report.findings == []
    assert [(c.client_id, c.tier, c.score) for c in report.clients] == [("C1", "key", 100.0)]


def test_missing_owner_and_deadline_are_findings_on_their_row_and_column() -> None:
    rows = [{"客户编号": "C2", "事项": "未结货款", "类型": "未结款项", "金额": "80万", "方式": "银行转账",
             "联系人": "李娜", "联系方式": "138-0000-1234", "年产值": "5000万"}]
    report = evaluate_checklist(records_table(rows, path="c.yaml"))
    found = {(f.code, f.row, f.column, f.severity) for f in report.findings}
    assert found == {("CK001", 1, "责任主体", "error"), ("CK004", 1, "截止日期", "error")}
    assert all("未结货款" in f.message for f in report.findings)
    assert report.clients[0].score == 100 - 2 * PENALTY["error"]


@pytest.mark.parametrize("output, stated, flagged", [
    ("15亿", "普通", True), ("15亿", "核心战略", False), ("10亿", "重点", False), ("10亿", "核心战略", True),
    ("1亿", "重点", False), ("9999万", "重点", True), ("9999万", "普通", False), ("", "普通", False)])
def test_stated_tier_contradicting_output_is_flagged(output, stated, flagged) -> None:
    row = {**COMPLETE, "annual_output": output or None, "tier": stated}
    report = evaluate_checklist([row])
    assert ("CK019" in _codes(report)) is flagged
    if flagged:
        (f,) = [f for f in report.findings if f.code == "CK019"]
        assert f.column == "tier" and f.scope == "client"


def test_industry_chain_key_makes_a_client_core() -> None:
    report = evaluate_checklist([{**COMPLETE, "annual_output": "5000万", "industry_chain_key": "是", "tier": "普通"}])
    assert "CK019" in _codes(report)
    assert "核心战略客户" in evaluate_checklist(
        [{**COMPLETE, "annual_output": "5000万", "industry_chain_key": "是", "tier": "普通"}],
        language="zh").findings[0].message


def test_land_refund_rules() -> None:
    land = {**COMPLETE, "item": "土地款", "kind": "land_refund", "deadline": "停业后45日内"}
    assert {"CK008", "CK009"} <= set(_codes(evaluate_checklist([land])))
    fixed = {**land, "deadline": "停业后30日内", "interest": "一年期LPR"}
    assert not {"CK008", "CK009"} & set(_codes(evaluate_checklist([fixed])))
    by_date = {**fixed, "deadline": "2024-05-15", "closure_date": "2024-03-31"}
    (f,) = [f for f in evaluate_checklist([by_date]).findings if f.code == "CK009"]
    assert "45" in f.message


def test_findings_are_grouped_per_client_and_scores_follow_the_formula() -> None:
    rows = [COMPLETE, {**COMPLETE, "item": "押金", "owner": None},
            {**COMPLETE, "client_id": "C2", "deadline": "尽快"}]
    report = evaluate_checklist(rows)
    assert _codes(report, "C1") == ["CK001"] and _codes(report, "C2") == ["CK005"]
    scores = {c.client_id: c.score for c in report.clients}
    assert scores == {"C1": (100 + 100 - PENALTY["error"]) / 2, "C2": 100 - PENALTY["warning"]}


def test_conflicting_client_data_is_flagged() -> None:
    report = evaluate_checklist([COMPLETE, {**COMPLETE, "item": "押金", "annual_output": "30亿"}])
    (f,) = [f for f in report.findings if f.code == "CK021"]
    assert f.column == "annual_output" and "annual_output" in f.message


def test_json_keeps_the_contract_keys() -> None:
    report = evaluate_checklist(ROOT / "examples" / "checklists" / "rights.csv").to_json()
    assert {"schema_version", "rows_read", "rows_evaluated", "rejected", "clients", "findings"} <= set(report)
    assert report["schema_version"] == "1"
    assert report["rows_read"] == report["rows_evaluated"] + len(report["rejected"])
    for c in report["clients"]:
        assert {"client_id", "client_name", "tier", "score"} <= set(c) and 0 <= c["score"] <= 100
    for f in report["findings"]:
        assert {"code", "name", "severity", "message", "client_id", "row", "column", "fix"} <= set(f)
        assert f["severity"] in ("error", "warning", "suggestion")
        assert "letter_path" not in f


def test_english_messages_for_english_headers_and_override() -> None:
    row = {**COMPLETE, "owner": None}
    assert evaluate_checklist([row]).findings[0].message.startswith("Item")
    assert evaluate_checklist([row], language="zh").findings[0].message.startswith("事项")


def test_checklist_schema_validates_a_normalised_item() -> None:
    item = records_table([COMPLETE]).items[0]
    jsonschema.validate(item.model_dump(mode="json"), checklist_schema())
    assert "deadline" in checklist_schema()["properties"]
    assert ChecklistItem.model_validate_json(item.model_dump_json()) == item


def test_tiers_file_rejects_unknown_keys(tmp_path: Path) -> None:
    raw = yaml.safe_load((ROOT / "matrices" / "tiers.yaml").read_text(encoding="utf-8"))
    assert load_tiers(ROOT / "matrices" / "tiers.yaml") == bundled_tiers()
    bad = tmp_path / "tiers.yaml"
    bad.write_text(yaml.safe_dump({**raw, "platinum_above": 5}), encoding="utf-8")
    with pytest.raises(ConfigError, match="platinum_above"):
        load_tiers(bad)
    bad.write_text(yaml.safe_dump({**raw, "key_from": 2e9}), encoding="utf-8")
    with pytest.raises(ConfigError, match="key_from"):
        load_tiers(bad)


def test_vocabulary_rejects_unknown_keys(tmp_path: Path) -> None:
    from transparency.checklist import vocabulary as vocab_module

    raw = yaml.safe_load(Path(vocab_module.__file__).with_name("vocabulary.yaml").read_text(encoding="utf-8"))
    bad = tmp_path / "v.yaml"
    bad.write_text(yaml.safe_dump({**raw, "colour": 1}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError, match="colour"):
        load_vocabulary(bad)
