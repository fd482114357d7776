"""Kinds of closure language the extractor must handle, third round (after the h3 set was read).

Each test states one general kind of language (a cause given as the mandate the closure complies
with, a quantified trend with no causal cue, a governing body's resolution, a contract not renewed,
a writer who signs and says "text me"…) with new sentences in Simplified Chinese, Traditional
Chinese and English, judged end to end through :func:`transparency.judge.statuses.assess`, with
negative cases against false positives.
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


# --- reasons: a cause with no causal cue -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "根据《南川区集中供热改造工作方案》（南府办发〔2025〕9号），区内分散锅炉房须于2025年底前拆除。本公司锅炉房将于2025年11月30日停止供暖。",
    "依據《桃園市老舊市場改建自治條例》（府法字第1130012號）之規定，本市場應於114年底前完成改建，本攤將於114年12月20日停止營業。",
])
def test_a_cited_government_mandate_is_a_concrete_cause(text):
    assert judged(text)["reason"] == "concrete"


@pytest.mark.parametrize("text", [
    "因经营调整，本店将于2025年6月30日停业。预付款依据《民法典》第563条及《会员服务协议》办理退还。",
    "因業務調整，本公司將於2025年6月30日終止服務，依據《服務合約》第八條辦理。",
])
def test_a_law_code_or_contract_cited_as_procedure_is_no_cause(text):
    assert judged(text)["reason"] == "vague"


@pytest.mark.parametrize("text, language", [
    ("Since 2023 the rent on our unit has risen by 38%, and footfall in the arcade has fallen by more than 20%. "
     "The shop will close on 31 August 2025.", "en"),
    ("Fewer than 3% of our members still use the pool, so we will close it on 1 June 2025.", "en"),
    ("今年一季度门店客流同比下降45%，本店将于2025年5月31日停业。", "zh"),
    ("去年本館虧損320萬元，本館將於2025年3月31日結束營業。", "zh"),
])
def test_a_quantified_trend_is_a_concrete_cause(text, language):
    assert judged(text, language)["reason"] == "concrete"


@pytest.mark.parametrize("text, language", [
    ("The studio will close on 31 August 2025. Unused credits are refunded at 100% by card.", "en"),
    ("本店将于2025年5月31日停业，余额按100%原路退还。", "zh"),
])
def test_a_refund_share_is_no_trend(text, language):
    assert judged(text, language)["reason"] == "absent"


@pytest.mark.parametrize("text, language", [
    ("本公司股东会于2025年4月2日作出决议，决定解散公司。", "zh"),
    ("本會理事會已決議解散本會，並於2025年9月30日停止服務。", "zh"),
    ("On 2 April 2025 the shareholders resolved that the Company be wound up.", "en"),
    ("Our board decided last month that the gallery will close on 30 June 2025.", "en"),
])
def test_a_governing_bodys_resolution_alone_is_no_cause(text, language):
    # MATRIX.md Reading 3: a bare decision is no cause at all.
    assert judged(text, language)["reason"] == "absent"


def test_a_board_resolution_with_no_closure_near_is_no_cause():
    text = ("Our board decided to repaint the lobby.\n\n" + "Opening hours are unchanged. " * 20
            + "\n\nQuestions? Write to us.")
    assert judged(text, "en")["reason"] == "absent"


@pytest.mark.parametrize("text", [
    "我司与物业公司的保洁服务合同于2025年3月31日期满，不再续签。4月1日起由新公司接续服务。",
    "本會館與市府之委託經營契約於114年6月30日期滿，市府決定不再續約。",
    "Our licence from the council ends on 30 June 2025 and will not be renewed.",
])
def test_a_contract_not_renewed_is_a_concrete_cause_even_in_a_short_notice(text):
    language = "en" if text.isascii() else "zh"
    assert judged(text, language)["reason"] == "concrete"


@pytest.mark.parametrize("text", [
    "一、背景\n本站所在地块已列入市政道路拓宽范围，须于2025年8月前腾空。\n\n二、安排\n本站将于2025年7月31日停止营业。",
    "壹、背景\n本校舍經市府鑑定為危樓，須於114年底前拆除。\n\n貳、安排\n本班將於114年12月31日停課。",
])
def test_a_background_heading_announces_the_cause(text):
    assert judged(text)["reason"] == "concrete"


@pytest.mark.parametrize("text", [
    "集团决定将全部产能转向新能源电池壳体，冲压件业务逐步退出。据此，本厂将于2025年10月31日停产。",
    "集團決定將門市資源集中於台北旗艦店，其餘分店逐步收掉。據此，本店將於2025年10月31日停業。",
])
def test_a_cause_told_before_ju_ci(text):
    assert judged(text)["reason"] == "concrete"


# --- reasons: what is not a cause -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "因团队产品规划调整，本App将于2025年9月1日停止运营。",
    "因應團隊產品規劃調整，本App將於2025年9月1日停止營運。",
])
def test_a_team_adjusting_its_plans_is_a_label(text):
    assert judged(text)["reason"] == "vague"


@pytest.mark.parametrize("text", [
    "因公司业务调整，本店将于2025年8月1日停业。本店对各位顾客造成的不便深表歉意。",
    "因公司業務調整，本店將於2025年8月1日停業。本店對各位顧客造成的不便深表歉意。",
])
def test_the_closures_effect_on_clients_is_no_cause(text):
    assert judged(text)["reason"] == "vague"


def test_a_denial_after_the_cause_is_not_part_of_it():
    text = ("Why: This reflects a corporate restructuring at our end. It isn't about your team or the "
            "quality of the work here.\n\nThe contract will end on 30 June 2025.")
    assert judged(text, "en")["reason"] == "vague"


def test_a_cause_word_inside_a_firms_name_is_no_cause():
    text = ("The shop closes on 30 May 2025. Claims go to the administrators, Harbour Insolvency LLP, "
            "at 4 Quay Street, Bristol.")
    reasons = [k for k in kinds(text, "en") if k[0] == "reason"]
    assert not reasons
    # No cause, and no insolvency procedure (MATRIX.md Reading 6), from the firm's name.
    assert judged(text, "en")["reason"] == "absent"


def test_insolvency_itself_is_still_a_cause():
    text = "The company is insolvent and will cease trading on 30 May 2025."
    assert judged(text, "en")["reason"] == "concrete"


# --- closure said another way ---------------------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("根据《关于规范网络直播营销活动的通知》（市监广发〔2025〕3号）的要求，本平台将停止为个人主播提供带货服务。", "zh"),
    ("The members resolved on 3 March 2025 that the Company be wound up voluntarily.", "en"),
])
def test_a_service_stopped_for_a_group_or_a_company_wound_up_is_a_closure(text, language):
    assert any(k[0] == "closure" for k in kinds(text, language))


# --- plans and owners -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("请债权人自本公告发布之日起四十五日内，向本清算组申报债权，地址：杭州市西湖区文三路88号。", "zh"),
    ("Creditors are required on or before 30 June 2025 to prove their debts to the Joint Liquidators "
     "at Fenwick Recovery LLP, 2 Mill Street, York YO1 6AB.", "en"),
])
def test_lodging_a_claim_with_a_liquidator_is_a_plan(text, language):
    assert judged(text, language)["plan"] == "concrete"


@pytest.mark.parametrize("text", [
    "我们会免费把寄存的物品送到本店南山店（南山区科技园路12号），2025年7月31日前完成。",
    "本公司將於2025年10月1日至10月20日，免費將閣下存放物品搬往「安存（荃灣）分倉」（荃灣沙咀道8號）。",
])
def test_goods_taken_to_a_named_place_are_a_concrete_plan(text):
    assert judged(text)["plan"] == "concrete"


@pytest.mark.parametrize("text", [
    "各门店可转换为本公司新品牌「青禾茶铺」继续营业，由本公司加盟事业部协助办理换约。",
    "各門市得轉換為本公司新品牌「青禾茶舖」繼續營業，由本公司加盟事業部協助辦理換約。",
])
def test_converting_to_a_named_brand_is_a_migration(text):
    result = judged(text)
    assert result["plan"] == "concrete" and result["owner"] == "concrete"


@pytest.mark.parametrize("text, language", [
    ("钱包内的数字资产请于2025年12月31日前提币至外部钱包。", "zh"),
    ("Please withdraw your balance to a bank account before 31 December 2025.", "en"),
])
def test_withdrawing_own_assets_by_a_deadline_is_a_plan_with_no_actor(text, language):
    result = judged(text, language)
    assert result["plan"] == "concrete" and result["owner"] == "vague"


def test_an_effort_promised_is_an_open_ended_plan_with_the_writer_as_owner():
    text = ("Dear Sam,\n\nI'm closing Lakeside Piano Lessons; my last lesson is on 20 June 2025.\n\n"
            "I'll do my best to find you another teacher nearby.\n\nBest wishes,\nRuth Allen\n"
            "Piano Teacher, Lakeside Piano Lessons")
    result = judged(text, "en")
    assert result["plan"] == "vague" and result["owner"] == "concrete"


@pytest.mark.parametrize("text", [
    "业主问“停车卡、门禁卡还能用吗”：答“都会在交接中一并处理”。",
    "住戶問「停車卡還能用嗎」：答「都會在交接中一併處理」。",
])
def test_quoted_questions_and_scripted_answers_are_not_names(text):
    result = judged(text)
    assert result["plan"] == "vague" and result["owner"] == "vague"


def test_a_quoted_product_name_still_names_the_operator():
    text = "“青禾记账”将于2025年9月30日停止服务，账本数据将于9月1日起由“青禾记账”迁移至“云账本”。"
    assert judged(text)["owner"] == "concrete"


# --- responsibility -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "各位会员好，我是店长阿杰（微信号 qinghe_jie，电话 139 1234 5678）。本店将于2025年6月30日停业。",
    "各位會員好，我是店長阿傑（LINE ID: qinghe_jie，電話 0912-345-678）。本店將於2025年6月30日結束營業。",
])
def test_a_writer_introduced_by_role_and_familiar_name_is_the_contact(text):
    assert judged(text)["responsibility"] == "concrete"


def test_a_familiar_name_without_self_introduction_is_no_person():
    text = "阿杰说本店2025年6月30日停业。"
    assert not [k for k in kinds(text) if k[0] == "party" and k[1] == "person"]


_FAREWELL = ("Thank you for six lovely years of lessons together; watching you go from scales to your "
             "first recital was a joy. ") * 3
_SIGNED_LETTER = ("Hi Jo,\n\nI'm closing the studio on 30 June 2025.\n\nIf you have questions, {ask} "
                  "lessons@lakeside-demo.co.uk.\n\n" + _FAREWELL + "\n\nBest wishes,\nRuth Allen\n"
                  "Piano Teacher, Lakeside Piano Lessons")


def test_a_signing_writer_who_says_text_me_is_the_contact():
    assert judged(_SIGNED_LETTER.format(ask="text me or email"), "en")["responsibility"] == "concrete"


def test_a_far_signature_with_the_operators_own_mailbox_is_concrete():
    # MATRIX.md Reading 1: Lakeside Piano Lessons is named, and the mailbox on its domain is its own.
    assert judged(_SIGNED_LETTER.format(ask="write to"), "en")["responsibility"] == "concrete"


def test_a_compound_title_after_a_name_names_a_contact():
    text = ("The plant closes on 30 September 2025. Your contact remains Priya Shah, Key Account Manager, "
            "(559) 555-0142, pshah@orchard-demo.com.")
    assert judged(text, "en")["responsibility"] == "concrete"


@pytest.mark.parametrize("text, language", [
    ("本校将于2025年7月1日停止招生，有问题请联系各自的带训教练。", "zh"),
    ("本班將於2025年7月1日停課，有問題請聯絡班主任。", "zh"),
    ("The contract ends on 30 June 2025. Please direct any questions to the transition team.", "en"),
])
def test_a_role_or_functional_team_as_contact_is_generic(text, language):
    assert judged(text, language)["responsibility"] == "vague"


# --- compensation ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("卡内余额我会在2025年7月5日前按余额微信原路转回。", "zh"),
    ("Your last payment is being refunded to the card you paid with.", "en"),
])
def test_the_original_route_said_another_way_is_a_method(text, language):
    assert judged(text, language)["compensation"] == "concrete"


@pytest.mark.parametrize("text, language", [
    ("预交的物业费会按规定结算，请您放心。", "zh"),
    ("學費問題將依每位學員進度酌情處理。", "zh"),
    ("未退还的学费由清算组依法清偿。", "zh"),
    ("On the stock we hold for you, we'll work out something fair later.", "en"),
])
def test_a_settlement_by_rule_law_or_fairness_is_vague(text, language):
    assert judged(text, language)["compensation"] == "vague"


# --- time -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["本店即将结束营业，谢谢大家。", "小店即將結束營業，謝謝大家這段時間的照顧。"])
def test_imminence_with_no_date_is_vague_time(text):
    assert judged(text)["time"] == "vague"


def test_today_as_the_present_state_is_no_date():
    text = "Cleaning and transport will continue as they are today. The contract is coming to an end."
    assert judged(text, "en")["time"] == "absent"


def test_today_as_a_day_is_still_a_date():
    text = "The café closes today. Thank you for everything."
    assert judged(text, "en")["time"] == "concrete"


# --- negative cases for the broader phrases of this round -----------------------------------------

@pytest.mark.parametrize("text", ["本店将于2025年6月30日停业，对无理投诉我们将酌情处理。",
                                  "本店將於2025年6月30日停業，對無理投訴我們將酌情處理。"])
def test_discretion_over_something_other_than_money_is_no_compensation(text):
    assert judged(text)["compensation"] == "absent"


def test_doing_our_best_in_general_is_no_plan():
    text = "We do our best to serve you every day. The café closes on 30 June 2025."
    assert judged(text, "en")["plan"] == "absent"


def test_leaving_a_room_is_no_closure():
    text = "Please switch off the lights before leaving the studio."
    assert not [k for k in kinds(text, "en") if k[0] == "closure"]


# --- internal scripts: the staff addressed are not the client's contact -----------------------------

@pytest.mark.parametrize("text, language", [
    ("门店闭店期间前台应答口径（内部使用）\n以下口径供前台、店员接待顾客时统一使用。\n本店将于2025年6月30日停业。", "zh"),
    ("門市結業期間前台應答口徑（內部使用）\n以下口徑供前台、店員接待顧客時統一使用。\n本店將於2025年6月30日結業。", "zh"),
])
def test_the_staff_a_script_addresses_are_no_contact(text, language):
    assert judged(text, language)["responsibility"] == "absent"


def test_a_support_channel_a_script_gives_to_clients_still_counts():
    text = ("门店闭店期间前台应答口径（内部使用）\n本店将于2025年6月30日停业。\n"
            "顾客问退款：答“请拨打客服热线400-820-1234”。")
    assert judged(text)["responsibility"] == "vague"


def test_a_quoted_name_after_a_colon_is_still_a_name():
    text = "本App将于2025年9月30日停止服务。迁移目标：“云账本”。账本数据将由云账本于9月1日前导入。"
    assert judged(text)["owner"] == "concrete"
