"""The catalogue end to end: a good letter scores high with no error; a vague letter scores low with a
finding on each vague span; the same in English."""

from transparency import evaluate

GOOD_ZH = """尊敬的上海某某新材料有限公司：
因集团战略聚焦新能源赛道，传统制造业务逐步退出，我司董事会于2024年3月1日决议终止崇明基地运营，最后服务截止日为2024年3月31日。
贵司已签约项目由开发区平台公司承接，扶持奖励政策不变；已支付的土地款人民币1,250万元将在停业后30日内全额原路退还，并按银行同期存款利率补偿3个月利息。
您的对接人张经理会全程对接，电话021-5968 1234，邮箱zhang@example.com。
"""

VAGUE_ZH = """尊敬的客户：
由于种种原因，我司将于近期停止运营。我理解您的感受。后续将给予适当补偿，具体事宜请咨询相关部门。
"""

GOOD_EN = """Dear Ms Chen,
Because our payment processor ends its contract with us on March 31, 2024 and no other processor will take our market, our board decided on March 1, 2024 to close the service. The last day of service is March 31, 2024.
Northwind Ltd has agreed to take over all active subscriptions at your current price. Unused prepaid months will be refunded in full to your original payment method within 14 days of closure.
Your account manager, Jane Lee, will handle your transition: jane.lee@example.com, +1 415 555 0100.
"""

VAGUE_EN = """Dear customer,
For business reasons, we will shut down the service soon. We understand how you feel. Appropriate compensation will follow; please contact the relevant team.
"""


def test_good_chinese_letter_scores_high_without_errors():
    ev = evaluate(GOOD_ZH)
    assert not [f for f in ev.findings if f.severity == "error"], [f.code for f in ev.findings]
    assert ev.score >= 80
    assert ev.formula is not None and ev.formula.complete


def test_good_english_letter_scores_high_without_errors():
    ev = evaluate(GOOD_EN)
    assert not [f for f in ev.findings if f.severity == "error"], [(f.code, f.message) for f in ev.findings]
    assert ev.score >= 80


def _assert_flagged(ev, phrases):
    """Each phrase is covered, at least in part, by the span of a finding (a span may leave out a
    cue word such as 由于)."""
    text = ev.document.text
    for phrase in phrases:
        start = text.lower().index(phrase.lower())
        end = start + len(phrase)
        assert any(f.span.start < end and start < f.span.end and f.span.end > f.span.start
                   for f in ev.findings), (phrase, [(f.code, f.span.text) for f in ev.findings])


def test_vague_chinese_letter_is_flagged_on_each_vague_span_and_scores_low():
    ev = evaluate(VAGUE_ZH)
    _assert_flagged(ev, ("由于种种原因", "近期", "适当补偿", "相关部门", "我理解您的感受"))
    assert ev.score <= 50


def test_vague_english_letter_is_flagged_on_each_vague_span_and_scores_low():
    ev = evaluate(VAGUE_EN)
    _assert_flagged(ev, ("business reasons", "soon", "appropriate compensation", "relevant team",
                         "understand how you feel"))
    assert ev.score <= 50


def test_every_score_explains_itself():
    ev = evaluate(VAGUE_ZH)
    assert set(ev.explanation.fired) == {f.code for f in ev.findings}
    assert set(ev.explanation.unmet) >= {d for d, r in ev.matrix.items() if r.status != "concrete"}
    assert all(ev.explanation.unmet.values())
    absent_rules = [f.code for f in ev.findings if not f.evidence and f.code.startswith("TF")]
    assert all(code in ev.explanation.rules_looked_for for code in absent_rules)
