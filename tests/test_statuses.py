"""Matrix and formula statuses (MATRIX.md) on short letters, Chinese and English."""

import pytest

from transparency.extract import extract
from transparency.judge.statuses import assess
from transparency.judge.weights import status_score
from transparency.models import Document, status_names

SEED_EXAMPLE = ("因全球研发管线调整，公司决定终止崇明基地运营，但已申报的高新技术企业扶持奖励将由开发区产业服务中心"
                "协助跟进，您的对接人张经理会全程对接，电话 021-5968 1234。已支付的土地款将在30天内原路退还，"
                "并补偿3个月的银行同期存款利息。")
VAGUE_LETTER = "由于种种原因，本平台将于近期停止服务，相关事宜将另行通知。如有疑问请联系客服。我们将给予适当补偿。"
BARE_LETTER = "天下无不散的宴席。感谢一路相伴！"
EN_LETTER = ("Due to low adoption, Acme Analytics Inc. will shut down on March 31, 2024. Northwind Labs has agreed "
             "to take over enterprise contracts. Annual subscribers receive a pro-rata refund to the original "
             "payment method within 30 days.\n\nQuestions? Contact Jane Doe, Head of Customer Success, at "
             "jane@acme.example.")
EN_VAGUE = ("For business reasons, we will be winding down the service soon. Refunds will be handled per our terms. "
            "Please contact customer support. We will help with the transition.")


def statuses(text, language="zh"):
    doc = Document(text=text, language=language)
    matrix, formula = assess(doc, extract(doc))
    return status_names(matrix, formula), matrix, formula


@pytest.mark.parametrize("text, language, expected", [
    (SEED_EXAMPLE, "zh", dict(reason="concrete", time="concrete", responsibility="concrete",
                              compensation="concrete", cause="concrete", plan="concrete", owner="concrete")),
    (VAGUE_LETTER, "zh", dict(reason="vague", time="vague", responsibility="vague", compensation="vague",
                              cause="vague", plan="vague", owner="vague")),
    (BARE_LETTER, "zh", dict(reason="absent", time="absent", responsibility="absent", compensation="absent",
                             cause="absent", plan="absent", owner="absent")),
    (EN_LETTER, "en", dict(reason="concrete", time="concrete", responsibility="concrete",
                           compensation="concrete", cause="concrete", plan="concrete", owner="concrete")),
    (EN_VAGUE, "en", dict(reason="vague", time="vague", responsibility="vague", compensation="vague",
                          cause="vague", plan="vague", owner="vague")),
])
def test_statuses(text, language, expected):
    got, _, _ = statuses(text, language)
    assert got == expected


def test_scores_come_from_the_matrix_weights():
    _, matrix, formula = statuses(VAGUE_LETTER)
    for name, result in [*matrix.items(), ("cause", formula.cause), ("plan", formula.plan), ("owner", formula.owner)]:
        assert result.score == status_score(name, result.status)


def test_vague_results_carry_the_spans_and_what_was_looked_for():
    _, matrix, formula = statuses(VAGUE_LETTER)
    assert [e.span.text for e in matrix["reason"].evidence] == ["种种原因"]
    assert {"近期", "另行通知"} <= {e.span.text for e in matrix["time"].evidence}
    assert "phone" in matrix["responsibility"].looked_for
    assert formula.owner.looked_for


def test_concrete_results_have_no_looked_for_and_absent_ones_do():
    _, matrix, _ = statuses(SEED_EXAMPLE)
    assert all(r.looked_for is None for r in matrix.values())
    _, matrix, formula = statuses(BARE_LETTER)
    assert all(r.looked_for for r in matrix.values()) and formula.plan.looked_for


def test_a_named_party_without_a_channel_is_vague():
    got, _, _ = statuses("本项目由开发区平台公司承接。")
    assert got["responsibility"] == "vague"


def test_a_phone_without_a_party_is_vague():
    got, _, _ = statuses("如有疑问请致电 021-5968 1234。")
    assert got["responsibility"] == "vague"


def test_a_refund_basis_without_method_or_deadline_is_vague():
    assert statuses("我们将全额退款。")[0]["compensation"] == "vague"
    assert statuses("我们将在30天内全额退款。")[0]["compensation"] == "concrete"


def test_farewell_is_not_a_cause():
    assert statuses("天下无不散的宴席，本平台将停止服务。")[0]["reason"] == "absent"


def test_traditional_letter():
    got, _, _ = statuses("因環保政策調整，本公司決定於2024年3月31日終止運營。已簽約項目由開發區平台公司承接，"
                         "您的對接人張經理，電話 021-5968 1234。預付款將在30天內原路退還。")
    assert got == dict(reason="concrete", time="concrete", responsibility="concrete", compensation="concrete",
                       cause="concrete", plan="concrete", owner="concrete")


def test_a_refusal_is_no_compensation():
    assert statuses("本店会员卡余额概不退还。")[0]["compensation"] == "absent"
    assert statuses("No refunds will be issued.", "en")[0]["compensation"] == "absent"


def test_the_named_operator_without_a_channel_is_vague_responsibility():
    # MATRIX.md Reading 1: the operator named in its signature is an accountable party; no channel: vague.
    got, _, _ = statuses("本店将于2024年3月31日停业，感谢支持。\n\n上海力动健身有限公司")
    assert got["responsibility"] == "vague"
    got, _, _ = statuses("本店将于2024年3月31日停业，感谢支持。\n\n上海力动健身有限公司\n电话：021-6123 4567")
    assert got["responsibility"] == "concrete"


def test_a_support_hotline_is_a_generic_channel():
    got, matrix, _ = statuses("如有疑问，请拨打客服热线 400-820-8820。")
    assert got["responsibility"] == "vague"
    phone = next(e for e in matrix["responsibility"].evidence if e.subkind == "phone")
    assert phone.attrs["generic"] is True


def test_a_refund_process_is_a_plan_for_the_clients_money():
    # MATRIX.md Reading 2; the payer is unidentified (no operator named), so the owner is vague.
    got, _, _ = statuses("预付款将于2024年3月31日前全额原路退还。")
    assert (got["compensation"], got["plan"], got["owner"]) == ("concrete", "concrete", "vague")


def test_a_named_handler_of_a_named_item_is_a_plan_with_an_owner():
    got, _, _ = statuses("退款事宜由我司财务部李华负责，电话 021-6952 3301。")
    assert (got["plan"], got["owner"], got["responsibility"]) == ("concrete", "concrete", "concrete")


def test_we_is_an_owner_only_when_the_operator_is_named():
    assert statuses("我们将于2024年3月31日删除全部数据。")[0]["owner"] == "vague"
    assert statuses("「好物街」将于2024年3月31日删除全部数据。")[0]["owner"] == "concrete"
    assert statuses("Inkwell is closing. We will delete all data on March 31, 2024. Thanks from Inkwell.",
                    "en")[0]["owner"] == "concrete"
