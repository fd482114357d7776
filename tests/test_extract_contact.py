"""Contact channels."""

import pytest

from test_extract_helpers import first, spans


@pytest.mark.parametrize("text, expected, e164", [
    ("联系电话：021-5968 1234", "021-5968 1234", "+862159681234"),
    ("手机 138 0013 8000", "138 0013 8000", "+8613800138000"),
    ("服务热线 400-820-8820", "400-820-8820", "+864008208820"),
    ("聯繫電話：０２１－５９６８　１２３４", "０２１－５９６８　１２３４", "+862159681234"),
])
def test_chinese_phones(text, expected, e164):
    e = first(text, "contact", "phone", language="zh")
    assert (e.span.text, e.value) == (expected, e164)


def test_english_phones():
    found = spans("Call (415) 555-0132 or +44 20 7946 0958.", "contact", "phone", language="en")
    assert found == ["(415) 555-0132", "+44 20 7946 0958"]


@pytest.mark.parametrize("text", ["邮编200120", "账号6222021234567890123", "日期2024-03-31", "合同编号 2024031512"])
def test_no_phone_in_other_numbers(text):
    assert spans(text, "contact", "phone", language="zh") == []


def test_email_wechat_address_url_form():
    assert spans("邮箱 service@example.com。", "contact", "email") == ["service@example.com"]
    assert first("微信号：acme_service", "contact", "wechat").value == "acme_service"
    assert first("关注公众号“崇明招商”", "contact", "wechat").value == "崇明招商"
    assert spans("加入专项微信群", "contact", "wechat", "vague") == ["专项微信群"]
    assert spans("地址：上海市崇明区城桥镇八一路123号\n", "contact", "address") == ["地址：上海市崇明区城桥镇八一路123号"]
    assert spans("See https://help.example.com/close.", "contact", "url", "vague") == ["https://help.example.com/close"]
    assert spans("Please use the refund form.", "contact", "form", "vague") == ["refund form"]


def test_taiwan_and_hong_kong_numbers_in_chinese_text():
    assert spans("請洽分行經理，電話 (02) 2567-8899 分機 201", "contact", "phone", language="zh") == ["(02) 2567-8899"]
    assert spans("查詢電話 (852) 3188 2760", "contact", "phone", language="zh") == ["(852) 3188 2760"]


def test_english_street_address():
    assert spans("served by our Elm Creek branch at 11400 Elm Creek Blvd, about 3 miles away", "contact",
                 "address", language="en") == ["11400 Elm Creek Blvd"]


@pytest.mark.parametrize("text, generic", [
    ("客服热线：400-820-8820", True),
    ("请联系张经理，电话 021-5968 1234", False),
    ("Email support@acme-demo.com", True),
    ("Contact Jane Doe, Head of Support, at jane@example.com", False),
    ("Call customer support at (415) 555-0132.", True),
])
def test_generic_channels_are_marked(text, generic):
    found = [e for e in __import__("test_extract_helpers").evidence(text) if e.kind == "contact"
             and e.subkind in ("phone", "email")]
    assert found and all(e.attrs["generic"] is generic for e in found)
