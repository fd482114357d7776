"""Kinds of closure language the extractor must handle beyond the sentences it was first built on.

Each test states one general behaviour (a family of cue words, a clause boundary, a party or channel
shape, a compensation pairing) with new sentences in Simplified Chinese, Traditional Chinese and
English, judged end to end through :func:`transparency.judge.statuses.assess`.
"""

from __future__ import annotations

import pytest

from transparency.judge.statuses import statuses_of
from transparency.models import Document


def judged(text: str, language: str = "zh") -> dict[str, str]:
    """Matrix and formula statuses of ``text``."""
    return statuses_of(Document(text=text, language=language))


@pytest.mark.parametrize("text", [
    "因为商场要重新装修，本舞蹈室5月1日起就不能再上课了。",
    "本茶餐廳因業主收回舖位，將於6月30日結業。",
    "由于所在厂房被列入征收范围，本店暂停营业。",
])
def test_studio_and_shop_closures_tie_a_cause_to_the_closure(text):
    # 不能再上课 / 結業 / 暂停营业 say the business closes, so the cause before them is its reason.
    assert judged(text)["reason"] == "concrete"


@pytest.mark.parametrize("text, language", [
    ("本店因業務重組，將暫停營業。", "zh"),
    ("因组织架构调整，本服务将于年内停止运营。", "zh"),
    ("Following a strategic review, the Company will exit the Nordic market.", "en"),
    ("After careful consideration, we are closing the studio.", "en"),
])
def test_reorganisation_and_review_labels_are_vague_reasons(text, language):
    result = judged(text, language)
    assert result["reason"] == "vague" and result["cause"] == "vague"


def test_an_english_reason_heading_introduces_the_cause():
    text = ("Reason: the only bank that processed our card payments ended its contract with us.\n\n"
            "The shop closes on May 3, 2025.")
    assert judged(text, "en")["reason"] == "concrete"


@pytest.mark.parametrize("text", ["会员卡5.20之后将无法使用。", "本館場地6.15以後停止開放。"])
def test_month_dot_day_followed_by_after_is_a_date(text):
    assert judged(text)["time"] == "concrete"


@pytest.mark.parametrize("text", [
    "We are discontinuing the plug-in. Please email support with anything you need.",
    "The beta ends soon. Reach out to support if something breaks.",
])
def test_a_bare_support_address_is_a_generic_channel(text):
    assert judged(text, "en")["responsibility"] == "vague"


@pytest.mark.parametrize("text, language", [
    ("健身卡里没用完的次数大家放心，我们一定给大家一个满意的方案。本馆6月1日起停业。", "zh"),
    ("各位已預繳的課程款項，本教室將視乎個別情況酌情安排。本教室將於8月31日結業。", "zh"),
    ("贵司已缴纳的平台服务费用，我司将与贵司协商处理。本平台将于9月30日停止服务。", "zh"),
    ("The store will close on June 2, 2025. We will make sure your interests are fully protected.", "en"),
])
def test_a_remedy_promised_without_basis_is_vague_compensation(text, language):
    # Paid money put off to case-by-case handling, or "a satisfactory solution", promises something
    # the client cannot check: vague, not absent (MATRIX.md: a promise with no basis).
    assert judged(text, language)["compensation"] == "vague"


@pytest.mark.parametrize("text, language", [
    ("未用完的储值余额将全额退还，以汇款方式于7月10日前退至您登记的银行账户。", "zh"),
    ("本會已收取的年費人民幣1,200元，按原標準繼續有效，並一次性撥入貴會基本戶。", "zh"),
    ("Your unused balance will be refunded in full to your bank account by 30 June 2025.", "en"),
])
def test_payment_into_the_clients_account_is_a_method(text, language):
    assert judged(text, language)["compensation"] == "concrete"


@pytest.mark.parametrize("text, language", [
    ("因运营商停用2G网络，您的定位手表将无法使用。我们将为您免费更换新款手表，7月31日前寄出。", "zh"),
    ("Your router stops working when the old network closes. We will replace your router at no cost to you. "
     "The new one will be shipped to you by 14 March 2025.", "en"),
])
def test_a_free_replacement_with_a_date_is_concrete_compensation(text, language):
    result = judged(text, language)
    assert result["compensation"] == "concrete"
    assert result["plan"] == "concrete"


def test_a_free_service_with_no_money_is_still_no_compensation():
    text = "The servers shut down on 1 May 2025. The offline version stays on our site for free."
    assert judged(text, "en")["compensation"] == "absent"


@pytest.mark.parametrize("text", [
    "本仓库6月30日关闭，库存货物可于6月20日前自提。",
    "倉儲服務於6月30日終止，貴司貨物將由本公司轉運至長榮物流桃園倉。",
    "商城7月1日關閉，6月30日前可在後台一鍵匯出全部商品資料。",
])
def test_goods_and_data_leaving_the_closing_business_are_plans(text):
    assert judged(text)["plan"] == "concrete"


def test_an_import_path_talked_about_is_a_plan_with_the_founder_as_owner():
    text = ("Notely closes later this year. Notely was my side project for five years.\n\n"
            "I'm talking to two other note apps about an import path.")
    result = judged(text, "en")
    assert result["plan"] == "vague" and result["owner"] == "concrete"


@pytest.mark.parametrize("text", ["本分行將結業，閣下的戶口安排將於稍後通知。", "门店即将关闭，会员卡的后续安排另行通知。"])
def test_arrangements_put_off_with_no_actor_are_a_vague_plan(text):
    result = judged(text)
    assert result["plan"] == "vague" and result["owner"] == "vague"


@pytest.mark.parametrize("text", ["本店6月1日结业，详情稍后通知。", "请留意稍后通知。"])
def test_a_later_notice_alone_is_no_plan(text):
    assert judged(text)["plan"] == "absent"


@pytest.mark.parametrize("text, language", [
    ("原由我司拨付的奖励资金，改为按季度分期拨付。", "zh"),
    ("The remaining balance will be paid in instalments.", "en"),
])
def test_an_unanchored_payment_schedule_is_vague_time(text, language):
    assert judged(text, language)["time"] == "vague"


# Clause boundaries of a cause.

@pytest.mark.parametrize("text", [
    "因市场原因致使本项目无法继续推进，本公司决定终止合作。",
    "因不可抗力致使合同無法履行，本公司將終止服務。",
])
def test_the_effect_after_zhishi_is_not_part_of_the_cause(text):
    # 因X致使Y: the cause is X (here a label), Y is what it did.
    assert judged(text)["reason"] == "vague"


@pytest.mark.parametrize("text, language", [
    ("问：为什么关闭？\n答：公司业务调整，决定把精力放到海外市场。\n\n问：什么时候关闭？\n答：5月31日。", "zh"),
    ("Why are you closing?\nA change in our priorities, so we decided to put our time into the mobile app.", "en"),
])
def test_an_answers_cause_ends_where_the_decision_begins(text, language):
    assert judged(text, language)["reason"] == "vague"


@pytest.mark.parametrize("text", [
    "本平台将停止运营。对于因平台关停给各商户带来的不便，我们深表歉意。",
    "本會所將結業，對於因此給會員造成的影響，本會將給予補償。",
])
def test_the_harm_done_to_the_client_is_not_a_cause(text):
    assert judged(text)["reason"] == "absent"


# Parties and who is to be contacted.

@pytest.mark.parametrize("text", [
    "本店6月30日停业。联系方式：运营部 邵文杰，电话 0755-8866 1200。",
    "本倉6月30日停止營運。四、聯絡方式。倉儲管理部 鄭家豪，手機 0912-345-678。",
])
def test_a_bare_name_before_its_channel_is_a_contact(text):
    assert judged(text)["responsibility"] == "concrete"


@pytest.mark.parametrize("text", [
    "工作室月底关门啦，有问题加我微信：pottery_amy（主理人Amy）",
    "本館月底結業，有問題請私訊 Kevin教練，微信 kevin_fit88。",
])
def test_a_title_with_a_latin_given_name_is_a_person(text):
    assert judged(text)["responsibility"] == "concrete"


@pytest.mark.parametrize("text, language", [
    ("大家好，我是「小鹿记账」的负责人老陈。\n\n小鹿记账将于2025年3月1日停止服务。\n\n有问题直接发邮件给我：laochen@xiaolu-demo.cn", "zh"),
    ("Hi all, I'm Priya Nair, the one person behind Tidy.\n\nTidy shuts down on 2 June 2025.\n\n"
     "If anything is unclear, email me at priya@tidy-demo.io.", "en"),
])
def test_a_writer_who_names_themselves_and_says_contact_me_is_a_contact(text, language):
    assert judged(text, language)["responsibility"] == "concrete"


def test_contact_me_from_an_unnamed_writer_is_not_a_named_contact():
    text = "本站将于2025年3月1日停止服务。有问题发邮件给我：admin@site-demo.cn"
    assert judged(text)["responsibility"] == "vague"


def test_a_signature_alone_is_a_party_without_a_channel():
    # MATRIX.md Reading 1: the signing operator is named; with no channel responsibility is vague.
    text = ("We're closing Loomly on 30 April 2025. Thank you for everything.\n\n"
            "Marta Ruiz\nFounder, Loomly")
    assert judged(text, "en")["responsibility"] == "vague"


def test_a_signature_with_a_direct_channel_is_a_contact():
    text = ("We're closing Loomly on 30 April 2025.\n\n"
            "Marta Ruiz\nFounder, Loomly\nmarta@loomly-demo.com")
    assert judged(text, "en")["responsibility"] == "concrete"


@pytest.mark.parametrize("text", [
    "根据公司发展需要，本园区将停止运营，后续工作由我们妥善安排。\n\nXX园区管理有限公司",
    "本中心將停止營運，後續事宜由我們妥善安排。\n\n××物業管理有限公司",
])
def test_a_placeholder_company_name_names_no_operator(text):
    assert judged(text)["owner"] == "vague"


def test_a_support_desk_with_a_company_like_name_is_generic():
    assert judged("本遊戲將停止營運，如有疑問請至官網客服中心留言。")["responsibility"] == "vague"


# Plans, their owners and their times.

@pytest.mark.parametrize("text", [
    "「小满瑜伽」月底关门。我正在和附近两家馆谈课时转移，谈好马上通知。",
    "「晨光書法班」下月結業。我已經在和合作教室談轉課的事。",
])
def test_a_single_writer_moving_prepaid_classes_owns_a_vague_plan(text):
    result = judged(text)
    assert result["plan"] == "vague" and result["owner"] == "concrete"


@pytest.mark.parametrize("text, language", [
    ("本厂停产后，贵司订单由合作厂商宏达精工有限公司供应。", "zh"),
    ("停產後，貴公司訂單將由關係企業永豐精密股份有限公司供貨。", "zh"),
    ("After the plant closes, your orders will be supplied by Northbeam Foods Ltd.", "en"),
])
def test_orders_supplied_by_a_named_party_are_a_plan_it_owns(text, language):
    result = judged(text, language)
    assert result["plan"] == "concrete" and result["owner"] == "concrete"


@pytest.mark.parametrize("text, language", [
    ("本站于2025年8月1日关闭，该日前可在设置中导出全部数据。", "zh"),
    ("The game closes on 1 August 2025. Before that date you can export your saves from the menu.", "en"),
])
def test_before_that_date_anchors_an_export(text, language):
    assert judged(text, language)["plan"] == "concrete"


@pytest.mark.parametrize("text, language", [
    ("Today we're announcing that Fernbook will close later this year.", "en"),
    ("今天我们正式宣布，本店将于年内停业。", "zh"),
    ("今日宣佈，本公司將於稍後結束營運。", "zh"),
])
def test_the_day_a_letter_speaks_is_not_the_time_of_an_event(text, language):
    assert judged(text, language)["time"] == "vague"


@pytest.mark.parametrize("text, language", [("The shop closes today.", "en"), ("本店今天起停业。", "zh")])
def test_today_as_the_time_of_the_closure_is_concrete(text, language):
    assert judged(text, language)["time"] == "concrete"


@pytest.mark.parametrize("text", [
    "本店停业，如有疑问请拨打客服电话 400-123-4567。",
    "本店停業。門市電話 02-5555-1234。",
    "本店停业。如有疑问请咨询服务热线电话021-5555 1234",
])
def test_a_channel_label_after_an_ordinary_word_names_no_person(text):
    assert judged(text)["responsibility"] == "vague"


def test_a_purpose_clause_about_rights_is_no_compensation():
    text = "为维护贵司合法权益，特此函告：本公司将于2024年5月1日停止运营。"
    assert judged(text)["compensation"] == "absent"


def test_this_is_name_from_product_introduces_the_writer():
    text = ("This is Sam from Brewlog.\n\nBrewlog shuts down on 12 May 2025.\n\n"
            "Questions? Just email me at sam@brewlog-demo.com.")
    assert judged(text, "en")["responsibility"] == "concrete"


def test_this_is_followed_by_an_ordinary_word_names_nobody():
    text = "This is Important. Tidy shuts down on 2 June 2025. Questions? Email me at help@tidy-demo.io."
    assert judged(text, "en")["responsibility"] != "concrete"
