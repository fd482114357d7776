"""Kinds of closure language the extractor must handle, second round (after the h2 set was read).

Each test states one general behaviour (a date shape that is no phone, a refusal's reach, a passive
agent, a writer who signs a message, a heading that announces the cause…) with new sentences in
Simplified Chinese, Traditional Chinese and English, judged end to end through
:func:`transparency.judge.statuses.assess`, with negative cases against false positives.
"""

from __future__ import annotations

import pytest

from transparency.extract import extract
from transparency.judge.statuses import statuses_of
from transparency.models import Document


def judged(text: str, language: str = "zh") -> dict[str, str]:
    """Matrix and formula statuses of ``text``."""
    return statuses_of(Document(text=text, language=language))


def kinds(text: str, language: str = "zh") -> list[tuple[str, str, str]]:
    """(kind, subkind, matched text) of every piece of evidence in ``text``."""
    doc = Document(text=text, language=language)
    return [(e.kind, e.subkind, text[e.span.start:e.span.end]) for e in extract(doc)]


# --- responsibility -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "【云记】云记笔记将于2025.6.30停止服务，请尽快导出笔记。",
    "【悅讀】悅讀App將於2024.11.15停止營運。",
])
def test_a_dotted_date_is_not_a_phone_number(text):
    assert not [k for k in kinds(text) if k[0] == "contact" and k[1] == "phone"]
    result = judged(text)
    # the operator is named (【云记】) with no channel: vague (MATRIX.md Reading 1), not a phone
    assert result["time"] == "concrete" and result["responsibility"] == "vague"


def test_a_real_number_beside_a_dotted_date_is_still_a_phone():
    text = "本店2025.6.30停业，退款请联系店长王丽，电话 138 0013 8000。"
    assert [k for k in kinds(text) if k[0] == "contact" and k[1] == "phone"]


@pytest.mark.parametrize("text", [
    "Questions? Submit a ticket at help.quillbase-demo.io and we'll reply.",
    "If something breaks, raise a support ticket from the dashboard.",
])
def test_a_ticket_portal_is_a_generic_channel(text):
    assert judged(text, "en")["responsibility"] == "vague"


def test_a_concert_ticket_is_no_channel():
    text = "The venue closes on 3 May 2025. Tickets already bought for May shows are refunded in full by card."
    assert judged(text, "en")["responsibility"] == "absent"


@pytest.mark.parametrize("text", ["尾款退还请到柜台办理。", "餘額退款請洽櫃檯辦理。"])
def test_a_front_counter_is_a_generic_channel(text):
    assert judged(text)["responsibility"] == "vague"


@pytest.mark.parametrize("text", ["本公司物业管理部将逐一与各位业主联系。", "本行分行業務部將主動與您聯繫。"])
def test_a_named_department_that_will_contact_clients_is_a_party_without_channel(text):
    assert judged(text)["responsibility"] == "vague"


@pytest.mark.parametrize("text", [
    "It's Priya from Lumen Print. Email me at priya@lumenprint-demo.com if anything about your order worries you.",
    "Hi all, it's just a note: It's Tomas here. Call me on 415-555-0177 with any questions about the move.",
])
def test_its_name_from_introduces_the_writer_behind_contact_me(text):
    assert judged(text, "en")["responsibility"] == "concrete"


def test_its_without_a_name_introduces_nobody():
    text = "It's been a great ride. Email me at hello@lumenprint-demo.com with any questions."
    assert judged(text, "en")["responsibility"] == "vague"


@pytest.mark.parametrize("text", [
    "训练营下个月不办了，没上的课我全额退，直接微信转给大家。有问题找我，微信 coach_ajie01。——教练 阿杰",
    "烘焙班月底結束，剩下的材料費我會全額退。有問題找我，LINE：mei_bake。——老師 小美",
])
def test_a_dash_signature_with_a_role_names_the_writer_behind_find_me(text):
    assert judged(text)["responsibility"] == "concrete"


def test_a_dash_signature_without_a_role_names_nobody():
    text = "训练营下个月不办了。有问题找我，微信 coach_ajie01。——XX健身"
    assert judged(text)["responsibility"] == "vague"


# --- compensation ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "No refunds or store credit will be given for unused sessions, vouchers or gift cards.",
    "All sales are final: no refunds, exchanges or credits will be offered for open orders.",
])
def test_a_refusal_reaches_over_its_whole_sentence(text):
    assert judged(text, "en")["compensation"] == "absent"


def test_a_refusal_does_not_swallow_a_promise_after_but():
    text = ("No refunds are given for sessions already used, but unused sessions will be refunded in full "
            "by bank transfer before July 1, 2025.")
    assert judged(text, "en")["compensation"] == "concrete"


@pytest.mark.parametrize("text, language", [
    ("Your savings rates and interest stay exactly the same after the move.", "en"),
    ("账户利息的计算方式与原网点一致。", "zh"),
])
def test_interest_mentioned_as_unchanged_terms_is_no_compensation(text, language):
    assert judged(text, language)["compensation"] == "absent"


def test_interest_offered_with_a_remedy_is_still_compensation():
    assert judged("逾期退还的款项，我们另按利息给予补偿。")["compensation"] == "vague"


@pytest.mark.parametrize("text", [
    "卡内余额将于2025年9月30日前自动退回原卡。",
    "儲值金餘額將於2025年9月30日前自動退還至原付款帳戶。",
])
def test_an_automatic_return_with_a_date_is_concrete_compensation(text):
    assert judged(text)["compensation"] == "concrete"


def test_an_automatic_return_with_no_date_or_method_is_vague():
    assert judged("卡内余额会自动退回。")["compensation"] == "vague"


@pytest.mark.parametrize("text", [
    "Whatever remains in your wallet will be paid into your nominated bank account within 14 days of closure.",
    "Your remaining balance will be returned to your linked bank account by 30 September 2025.",
])
def test_a_balance_paid_back_to_the_clients_bank_account_is_concrete(text):
    assert judged(text, "en")["compensation"] == "concrete"


@pytest.mark.parametrize("text", ["没发货的订单一律全额退，钱直接微信转给你们。", "未出貨的訂單全額退，款項以微信轉賬退回。"])
def test_a_full_refund_by_messaging_app_transfer_is_concrete(text):
    assert judged(text)["compensation"] == "concrete"


@pytest.mark.parametrize("text, language", [
    ("Any extra costs caused by the move will be handled fairly.", "en"),
    ("剩余的课时我们会酌情处理。", "zh"),
    ("孩子剩餘的堂數，本中心會酌情安排。", "zh"),
])
def test_a_remedy_left_to_fairness_or_discretion_is_vague(text, language):
    assert judged(text, language)["compensation"] == "vague"


# --- plans and owners -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "本游戏由我司独家运营，将于2025年8月1日停止运营。",
    "本遊戲由本公司代理運營，將於2025年8月1日終止服務。",
])
def test_the_operator_running_its_own_service_is_no_takeover(text):
    assert judged(text)["plan"] == "absent"


def test_a_named_party_that_operates_for_the_client_is_still_a_takeover():
    text = "自2025年8月1日起，本游戏由星河互娱有限公司承接运营，账号数据保持不变。"
    result = judged(text)
    assert result["plan"] == "concrete" and result["owner"] == "concrete"


@pytest.mark.parametrize("text", [
    "请在App「设置-导出记录」中下载数据，2025年5月1日后所有数据将被删除。",
    "請於App「我的帳戶 › 資料匯出」下載資料，2025年5月1日後所有資料將被刪除。",
])
def test_a_menu_path_or_the_word_app_is_no_actor(text):
    result = judged(text)
    assert result["plan"] == "concrete" and result["owner"] == "vague"


def test_a_refund_in_the_passive_names_its_actor_after_by():
    text = ("Tidepool is closing. All unused credits will be refunded automatically by Tidepool to your card "
            "by June 30, 2025.")
    assert judged(text, "en")["owner"] == "concrete"


def test_a_refund_by_a_date_has_no_actor():
    text = "All data will be deleted on 30 June 2025. Credits will be refunded by 30 June 2025."
    assert judged(text, "en")["owner"] == "vague"


@pytest.mark.parametrize("text, language", [
    ("From 1 May 2025 your accounts will be looked after by our Hereford branch.", "en"),
    ("自2025年7月1日起，貴公司的貨件改由合作夥伴順達物流有限公司承運。", "zh"),
    ("您已购买的课程将由学而思课堂有限公司免费转入您的新账户。", "zh"),
])
def test_accounts_and_goods_passed_to_a_named_party_are_a_takeover_with_an_owner(text, language):
    result = judged(text, language)
    assert result["plan"] == "concrete" and result["owner"] == "concrete"


def test_items_carried_over_into_another_mode_are_a_plan():
    assert judged("Your saved levels carry over into the offline edition.", "en")["plan"] != "absent"


@pytest.mark.parametrize("text, language", [
    ("Personal items left in the lockers will be bagged and kept for you to collect.", "en"),
    ("Any equipment on loan will be returned to you by courier.", "en"),
])
def test_the_clients_goods_coming_back_are_a_specific_plan(text, language):
    assert judged(text, language)["plan"] == "concrete"


def test_a_project_handover_with_nothing_specific_stays_vague():
    assert judged("相关项目将做好交接。")["plan"] == "vague"


@pytest.mark.parametrize("text", ["后续的事情我们都会安排好。", "之後的事我們會安排好的。"])
def test_an_arrangement_promised_with_nothing_specified_is_a_vague_plan(text):
    assert judged(text)["plan"] == "vague"


def test_we_of_a_writer_who_signs_with_a_role_is_a_named_owner():
    text = "团购点月底不做了，后面的事我们会安排好的。有问题找我，微信 tuan_xiaomei。——团长 小美"
    result = judged(text)
    assert result["plan"] == "vague" and result["owner"] == "concrete"


def test_we_of_an_unsigned_message_is_an_unnamed_owner():
    assert judged("团购点月底不做了，后面的事我们会安排好的。")["owner"] == "vague"


# --- reasons --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("We have looked carefully at how our customers choose to shop, and the Main Street store will close "
     "on 30 May 2025.", "en"),
    ("Having reviewed the branch, we have concluded that it is no longer the right way to serve the area, "
     "so it will close on 30 May 2025.", "en"),
])
def test_a_review_and_its_conclusion_without_a_fact_is_a_vague_reason(text, language):
    result = judged(text, language)
    assert result["reason"] == "vague" and result["cause"] == "vague"


@pytest.mark.parametrize("text", [
    "因该地块已纳入政府土地收储计划，本园区将于2025年12月31日停止运营。",
    "受集團於半年報中公告關閉華南工廠影響，本公司將退出園區。",
    "根据新版城市总体规划，园区所在片区调整为居住用地，我司将于年底退出运营。",
])
def test_land_reserve_zoning_plans_and_disclosed_group_moves_are_checkable_causes(text):
    assert judged(text)["reason"] == "concrete"


def test_a_reason_heading_line_introduces_the_paragraph_below():
    text = "二、关闭原因\n所在商场的物业已被业主整体出售，新业主不再续租。\n\n三、本店将于2025年4月30日停业。"
    assert judged(text)["reason"] == "concrete"


def test_a_reason_heading_over_a_label_is_vague():
    text = "一、停业原因\n公司经营策略调整。\n\n二、本店将于2025年4月30日停业。"
    assert judged(text)["reason"] == "vague"


@pytest.mark.parametrize("text", [
    "本校将于2025年3月1日停办。2月因停课缺课的天数，学费按日退还。",
    "本館將於2025年3月1日停業。因裝修延期產生的費用，由本館承擔。",
])
def test_a_quantity_affected_by_something_is_not_a_cause(text):
    assert judged(text)["reason"] == "absent"


@pytest.mark.parametrize("text", ["因开发区管委会决定，本中心将于2025年6月30日关闭。", "因本公司董事會決定，本店將於2025年6月30日結業。"])
def test_a_governing_bodys_decision_alone_is_a_vague_reason(text):
    assert judged(text)["reason"] == "vague"


def test_its_with_a_later_name_introduces_no_writer():
    text = ("It's with regret that Mr Alan Reyes, our founder, closes the studio. "
            "Email me at studio@reyes-demo.com with any questions.")
    doc = Document(text=text, language="en")
    assert not [e for e in extract(doc) if e.kind == "party" and e.attrs.get("writer")]
    named = "It's Alan Reyes here. Email me at studio@reyes-demo.com with any questions."
    assert [e for e in extract(Document(text=named, language="en")) if e.kind == "party" and e.attrs.get("writer")]
