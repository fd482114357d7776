"""Statuses on short texts in voices the dev corpus has little of: an SMS, minutes, a Discord post, a
founder's blog post, a 公文 — written for these tests against MATRIX.md, not taken from the corpus."""

import pytest

from transparency.judge.statuses import statuses_of
from transparency.language import detect_language
from transparency.models import Document

C, V, A = "concrete", "vague", "absent"
VOICES = {
    "sms": ("【力动健身】尊敬的会员：因商场租约到期，本店将于3月31日闭店。剩余课时按比例退款，请于3月25日前到店办理，"
            "款项7个工作日内原路退回。详询店长王磊 138 1234 5678。",
            # the refund process is the plan for the member's money (MATRIX.md Reading 2); 力动健身 pays it
            dict(reason=C, time=C, responsibility=C, compensation=C, plan=C, owner=C)),
    "minutes": ("会议纪要\n时间：2024年3月5日\n一、停业原因：母公司决定出售锂电隔膜业务。\n二、决议事项：\n"
                "1. 在建项目由平台公司承接，责任人：陈立，完成时限：3月31日。\n"
                "2. 客户保证金于4月15日前原路退还，责任人：财务部李娜，电话 021-5555 0101。\n",
                dict(reason=C, time=C, responsibility=C, compensation=C, plan=C, owner=C)),
    "discord": ("Hey everyone! Big news: after 3 amazing years we're shutting down PixelPals on June 1. Honestly the "
                "servers just cost too much for our tiny team. Your progress will be wiped after that. If you bought "
                "gems in the last 30 days, DM a mod and we'll sort something out. Love you all <3",
                # PixelPals is named, so "we" and the passive "will be wiped" are its plan (Reading 1)
                dict(reason=C, time=C, responsibility=V, compensation=V, plan=V, owner=C)),
    "blog": ("Why we're closing Loomwork\n\nLoomwork ran out of runway. We spent the last six months trying to raise a "
             "Series A and failed; revenue grew, but not fast enough to cover payroll.\n\nWhat this means: the service "
             "stays up until April 30, 2024. Export your projects from Settings > Export before then. On May 15, 2024 "
             "we will delete all data. Annual customers get a pro-rated refund to their card by May 10, 2024.\n\n"
             "Questions? Email me directly: dana@loomwork-demo.com.\n\nDana Reyes, founder of Loomwork",
             dict(reason=C, time=C, responsibility=C, compensation=C, plan=C, owner=C)),
    "gongwen": ("崇开管〔2024〕12号\n关于上海东岸精工有限公司终止经营的告知函\n各相关企业：\n因上海东岸精工有限公司经营不善，"
                "该公司将于近期终止经营。相关事宜将另行通知。\n特此函告。\n崇明经济开发区管理委员会\n2024年3月1日",
                # the issuing 管委会 is named with no channel (vague, Reading 1) and is the actor of the
                # passive 相关事宜将另行通知 (owner concrete, Reading 1)
                dict(reason=V, time=V, responsibility=V, compensation=A, plan=V, owner=C)),
    "hant_bank": ("親愛的客戶您好：\n本行信義分行因租約屆滿，將於民國113年10月31日營業終了後裁撤。自113年11月1日起，該分行之"
                  "存款及保管箱業務將由本行松山分行（臺北市松山區八德路四段100號）承接，帳號維持不變。如有疑問，請洽客服專線 "
                  "0800-000-123。\n聯合商業銀行 敬啟",
                  dict(reason=C, time=C, responsibility=C, compensation=A, plan=C, owner=C)),
    "en_b2b": ("Dear customer,\n\nOur distribution agreement with Ferro AG expires on 31 December 2024 and will not be "
               "renewed. Open orders placed before 30 November 2024 will be fulfilled as scheduled. From 1 January 2025, "
               "Ferro North America Inc. will supply the same products directly.\n\nPlease contact your sales "
               "representative with any questions.\n\nBest regards,\nHolt Industrial Supply",
               dict(reason=C, time=C, responsibility=V, compensation=A, plan=C, owner=C)),
    "zh_game": ("因版号到期，《星海征途》将于2024年5月31日停服。未消耗的钻石将按1:1比例兑换为平台币，于6月15日前自动发放至账户。"
                "如有问题请联系游戏内客服。",
                # the diamond exchange is a plan for the players' money (Reading 2), 《星海征途》's
                dict(reason=C, time=C, responsibility=V, compensation=C, plan=C, owner=C)),
    "en_vague": ("We regret to inform you that, due to unforeseen circumstances, our services will be discontinued shortly. "
                 "Further details will be shared in due course. We appreciate your understanding.",
                 dict(reason=V, time=V, responsibility=A, compensation=A, plan=V, owner=V)),
    "zh_faq": ("问：已支付的保证金如何退还？\n答：保证金将于2024年4月30日前全额退还至贵司原付款账户。\n问：未履行的合同如何处理？\n"
               "答：由我司法务部与贵司逐一协商解除，联系人：周敏，电话 021-6666 1234。",
               dict(reason=A, time=C, responsibility=C, compensation=C, plan=C, owner=C)),
    "signature_phone": ("本公司将于2024年6月30日停止营业，感谢各位客户多年来的支持。\n\n上海和顺贸易有限公司\n电话：021-6123 4567",
                        # the named operator with its own phone (Reading 1)
                        dict(reason=A, time=C, responsibility=C, compensation=A, plan=A, owner=A)),
    "contact_person": ("本店将于6月30日闭店。会员卡余额可于6月20日前到店全额退还。联系人：王先生，电话：13812345678。",
                       # the refund is a plan (Reading 2) whose payer, an unnamed 本店, is unidentified
                       dict(reason=A, time=C, responsibility=C, compensation=C, plan=C, owner=V)),
    "department_phone": ("本中心将于2024年5月31日停止运营。如有疑问，请致电我司财务部 021-6123 4567。",
                         dict(reason=A, time=C, responsibility=C, compensation=A, plan=A, owner=A)),
    "en_generic_team": ("Acme Cloud will shut down on May 1, 2024. Our team will contact you soon. Questions? Email "
                        "support@acme-demo.com.",
                        # the named operator with its own support mailbox (Reading 1)
                        dict(reason=A, time=C, responsibility=C, compensation=A, plan=A, owner=A)),
    "en_short_good": ("Hi Sam, FYI: Brightline closes its Denver warehouse on March 8, 2024 because the lease ends. Your "
                      "pallets move to our Aurora site (1500 Airport Blvd, Aurora); your contact there is Maria Lopez, "
                      "(303) 555-0148.",
                      dict(reason=C, time=C, responsibility=C, compensation=A, plan=C, owner=C)),
}


@pytest.mark.parametrize("voice", sorted(VOICES))
def test_voice(voice):
    text, expected = VOICES[voice]
    got = statuses_of(Document(text=text, language=detect_language(text)))
    got.pop("cause")  # always equals reason; the voices table does not repeat it
    assert got == expected


def test_the_letters_own_date_is_not_an_event_time():
    doc = Document(text="本公司将于近期停止服务。\n\n某某科技有限公司\n2024年3月1日")
    assert statuses_of(doc)["time"] == "vague"
