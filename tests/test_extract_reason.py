"""Reasons: cause clauses classified specific or boilerplate; farewells are not causes."""

import pytest

from test_extract_helpers import spans


@pytest.mark.parametrize("text, clause", [
    ("因全球研发管线调整，公司决定终止崇明基地运营", "全球研发管线调整"),
    ("东南亚工厂疫情导致核心零部件断供6个月", "东南亚工厂疫情"),
    ("集团战略聚焦新能源赛道，传统制造业务逐步退出", "新能源赛道"),
    ("Due to low adoption, we are shutting down.", "low adoption"),
    ("Because our supplier ended the contract, we will close.", "our supplier ended the contract"),
    ("因環保政策調整，公司停業", "環保政策調整"),
])
def test_specific_causes(text, clause):
    assert clause in spans(text, "reason", "specific", "concrete")


@pytest.mark.parametrize("text, clause", [
    ("由于种种原因，本平台将停止服务", "种种原因"),
    ("因故停止营业", "故"),
    ("因业务调整，我们决定关闭", "业务调整"),
    ("因公司战略调整，服务终止", "公司战略调整"),
    ("Due to business reasons, we will close.", "business reasons"),
    ("Because of a re-focus, the app is closing.", "a re-focus"),
    ("由於種種原因，本公司將終止運營", "種種原因"),
])
def test_boilerplate_causes(text, clause):
    assert clause in spans(text, "reason", "boilerplate", "vague")


@pytest.mark.parametrize("text", [
    "天下无不散的宴席，感谢一路相伴",
    "It's been a great ride. Thank you!",
    "因此，我们决定停止服务",
    "我们感谢您的支持",
])
def test_no_cause(text):
    assert spans(text, "reason") == []


def test_link_only():
    assert spans("停业原因详见公告", "reason", "link_only", "vague")


def test_a_cause_of_something_else_is_not_a_closure_reason():
    assert spans("因为您是我们的老客户，特赠送一张优惠券。", "reason") == []
    assert spans("Because you are a valued member, we are sending you a coupon.", "reason") == []


@pytest.mark.parametrize("clause, expected", [
    ("当前市场环境", "boilerplate"), ("公司长远发展考虑", "boilerplate"), ("challenging market conditions", "boilerplate"),
    ("the current economic climate", "boilerplate"), ("经营不善", "boilerplate"), ("股东方的决定", "boilerplate"),
    ("全球研发管线调整", "specific"), ("low adoption", "specific"), ("环保政策调整", "specific"),
    ("B轮融资未能完成", "specific"), ("our licence from Kessler expires", "specific"),
])
def test_classify_cause(clause, expected):
    from transparency.extract.reasons import classify_cause
    assert classify_cause(clause) == expected
