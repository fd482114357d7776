"""Plans and their actors."""

import pytest

from test_extract_helpers import evidence


def plans(text, language=None):
    return [(e.subkind, e.quality, e.attrs.get("has_actor")) for e in evidence(text, language) if e.kind == "plan"]


@pytest.mark.parametrize("text, subkind", [
    ("已签约项目由开发区平台公司承接", "takeover"),
    ("您的数据将于2024年3月31日前迁移至云平台", "migration"),
    ("请于3月31日前导出您的数据", "data_export"),
    ("在建项目于4月15日前完成移交", "handover"),
    ("订单顺延执行，由合作代工厂优先供应", "postponement"),
    ("所有数据将于2024年6月30日永久删除", "data_deletion"),
    ("预付款将在30天内退还", "refund"),
    ("Export your data before March 31, 2024.", "data_export"),
    ("Northwind Labs will take over your contracts.", "takeover"),
])
def test_concrete_plans(text, subkind):
    assert any(s == subkind and q == "concrete" for s, q, _ in plans(text))


def test_plan_actor():
    assert ("takeover", "concrete", True) in plans("已签约项目由开发区平台公司承接")
    found = plans("我们将妥善安排后续事宜")
    assert found and all(q == "vague" and not a for _, q, a in found)


def test_vague_plan_in_english():
    assert ("vague", "vague", False) in plans("We will help with the transition.", "en")


def test_agentless_commitment():
    ev = evidence("相关事宜将另行通知")
    assert [(e.kind, e.subkind, e.attrs["has_actor"]) for e in ev if e.kind == "commitment"] == [
        ("commitment", "agentless", False)]
    assert any(e.kind == "commitment" and e.subkind == "agentless"
               for e in evidence("Arrangements will be made.", "en"))
