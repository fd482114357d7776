"""Unfilled template slots."""

import pytest

from test_extract_helpers import spans


@pytest.mark.parametrize("text, expected, subkind", [
    ("最后服务截止日为X月X日", "X月X日", "date"),
    ("将于2024年X月停止", "2024年X月", "date"),
    ("尊敬的【客户名称】：", "【客户名称】", "name"),
    ("Dear {{name}},", "{{name}}", "template_var"),
    ("Dear [Client Name],", "[Client Name]", "name"),
    ("签字：________", "________", "blank"),
    ("Shutdown date: TBD", "TBD", "tbd"),
    ("联系人：XX经理", "XX", "name"),
    ("××公司", "××", "name"),
    ("服務截止日為Ｘ月Ｘ日", "Ｘ月Ｘ日", "date"),
])
def test_placeholders(text, expected, subkind):
    assert expected in spans(text, "placeholder", subkind, "placeholder")


@pytest.mark.parametrize("text", [
    "【重要通知】本公司将停止服务",
    "See section [1] for details.",
    "Size XXL is sold out.",
    "**重要**：请阅读",
])
def test_not_placeholders(text):
    assert spans(text, "placeholder") == []


def test_a_date_placeholder_makes_time_vague_even_beside_a_real_date():
    from transparency.judge.statuses import assess
    from transparency.extract import extract
    from transparency.models import Document

    doc = Document(text="服务于2024年3月31日停止，退款将于X月X日前完成。")
    matrix, _ = assess(doc, extract(doc))
    assert matrix["time"].status == "vague"
    assert "X月X日" in [e.span.text for e in matrix["time"].evidence]
