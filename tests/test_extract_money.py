"""Money, refund, interest and compensation terms; the Chinese-numeral converter."""

import pytest

from test_extract_helpers import first, spans
from transparency.extract.numerals import cn_to_number


@pytest.mark.parametrize("text, number", [
    ("三点五亿", 350_000_000), ("壹仟贰佰伍拾万", 12_500_000), ("二〇二四", 2024), ("五十万", 500_000),
    ("十五", 15), ("三十一", 31), ("一亿二千万", 120_000_000), ("两千", 2000), ("1,250万", 12_500_000),
    ("3.5亿", 350_000_000), ("零点五", 0.5), ("百", 100),
])
def test_cn_to_number(text, number):
    assert cn_to_number(text) == number


@pytest.mark.parametrize("text", ["", "abc", "万元", "三个"])
def test_cn_to_number_rejects_non_numbers(text):
    assert cn_to_number(text) is None


@pytest.mark.parametrize("text, span, amount, currency", [
    ("退还土地款人民币1,250万元", "人民币1,250万元", 12_500_000, "CNY"),
    ("投资额不超过¥3.5亿", "¥3.5亿", 350_000_000, "CNY"),
    ("补偿五十万元", "五十万元", 500_000, "CNY"),
    ("人民币壹仟贰佰伍拾万元整", "人民币壹仟贰佰伍拾万元整", 12_500_000, "CNY"),
    ("We will refund $18,000.", "$18,000", 18_000, "USD"),
    ("a credit of USD 2.5 million", "USD 2.5 million", 2_500_000, "USD"),
    ("退還人民幣３０萬元", "人民幣３０萬元", 300_000, "CNY"),
])
def test_amounts(text, span, amount, currency):
    e = first(text, "money", "amount")
    assert (e.span.text, e.attrs["amount"], e.attrs["currency"], e.value) == (span, amount, currency, amount)


@pytest.mark.parametrize("text", ["约50万元的补偿", "数十万元", "approximately $5,000"])
def test_vague_amounts(text):
    assert spans(text, "money", "vague_amount", "vague")


@pytest.mark.parametrize("text", ["2024年3月", "第94条", "3个月", "面积3000平方米", "电话 400-820-8820"])
def test_no_money(text):
    assert spans(text, "money") == []


@pytest.mark.parametrize("text, kind, subkind", [
    ("预付款将全额退还", "refund", "full"),
    ("款项原路退还", "refund", "original_route"),
    ("按比例退还剩余费用", "refund", "pro_rata"),
    ("通过银行转账支付", "refund", "transfer"),
    ("You will receive a full refund.", "refund", "full"),
    ("a pro-rata refund for the unused portion", "refund", "pro_rata"),
    ("补偿3个月的银行同期存款利息", "interest", "deposit_rate"),
    ("按一年期LPR计算利息", "interest", "lpr"),
    ("interest at 3%", "interest", "rate"),
    ("我们将给予适当补偿", "compensation", "vague"),
    ("依法依规妥善处理", "compensation", "vague"),
    ("appropriate compensation will be offered", "compensation", "vague"),
    ("扶持奖励政策不变", "compensation", "unchanged_policy"),
    ("No further charges will be made.", "compensation", "waiver"),
    ("退款將原路退還", "refund", "original_route"),
])
def test_terms(text, kind, subkind):
    assert spans(text, kind, subkind)


def test_interest_rate_attribute():
    assert first("年利率3.5%", "interest", "rate").attrs["rate"] == 3.5


def test_refund_methods_are_not_bases():
    assert spans("You don't need to do anything.", "refund", "method", language="en")
    from transparency.extract import extract
    from transparency.judge.statuses import assess
    from transparency.models import Document
    doc = Document(text="Your sort code will not change, and you don't need to do anything.", language="en")
    matrix, _ = assess(doc, extract(doc))
    assert matrix["compensation"].status == "absent"


def test_more_currencies():
    e = first("預付之貨款新臺幣1,280,000元", "money", "amount")
    assert (e.attrs["amount"], e.attrs["currency"]) == (1_280_000, "TWD")
    assert first("累计约人民币¥3.5亿元", "money").subkind == "vague_amount"
