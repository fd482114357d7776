"""Tone, commitments, topics and closure statements."""

import pytest

from test_extract_helpers import spans


@pytest.mark.parametrize("text, subkind", [
    ("我理解您的感受。", "empty_empathy"),
    ("We understand how you feel.", "empty_empathy"),
    ("欢迎再来！", "empty_invitation"),
    ("We hope to see you again.", "empty_invitation"),
    ("此事与我司无关", "blame_shifting"),
    ("本公司不承担任何责任", "blame_shifting"),
    ("已售商品概不退还", "rights_excluding"),
    ("本活动最终解释权归本公司所有", "rights_excluding"),
    ("There are no refunds.", "rights_excluding"),
    ("我们原则上会退还押金", "hedge"),
    ("We will refund fees where applicable.", "hedge"),
    ("给您带来不便，深表歉意", "apology"),
    ("我理解您的感受", "empty_empathy"),
])
def test_tone(text, subkind):
    assert spans(text, "tone", subkind)


def test_empathy_with_action_is_not_empty():
    text = "我们理解您的感受，张经理将于3月31日前上门说明退款安排。"
    assert spans(text, "tone", "empty_empathy") == []
    assert spans(text, "tone", "empathy_action")


def test_invitation_with_a_path_is_not_empty():
    assert spans("欢迎再来，2024年5月10日的产业沙龙由开发区招商部门主办。", "tone", "empty_invitation") == []


def test_hedge_outside_a_commitment_is_not_reported():
    assert spans("可能的原因有很多。", "tone", "hedge") == []


@pytest.mark.parametrize("text, subkind", [
    ("已支付的保证金如何退还", "deposit_refund"),
    ("未履行的合同如何处理", "unperformed_contracts"),
    ("公司已启动破产清算", "liquidation"),
    ("资产负债率120%", "financial_status"),
    ("请于30日内申报债权", "claim_declaration"),
    ("因不可抗力致使不能实现合同目的", "force_majeure"),
    ("双方可重新协商", "renegotiation"),
])
def test_topics(text, subkind):
    assert spans(text, "topic", subkind)


@pytest.mark.parametrize("text", ["公司决定停业", "平台将终止运营", "游戏将于3月31日停服", "The app will shut down.",
                                  "公司決定終止運營"])
def test_closure(text):
    assert spans(text, "closure")
