"""The judging stage on hand-made evidence: findings sit on the evidence's span (or the first line for
a whole-document finding), messages are filled and localised, scores follow the matrix."""

from transparency.judge.weights import status_score
from transparency.models import DimensionResult, Document, Evidence, Formula
from transparency.pipeline import judge

TEXT = "尊敬的客户：\n由于种种原因，我司将于近期停止运营。"


def _result(name, status):
    return DimensionResult(status=status, score=status_score(name, status))


def _judge(text=TEXT, language="zh", kind="letter", evidence=(), statuses=None, **kw):
    doc = Document(text=text, language=language, kind=kind)
    statuses = {"reason": "vague", "time": "vague", "responsibility": "absent", "compensation": "absent",
                "cause": "vague", "plan": "absent", "owner": "absent", **(statuses or {})}
    matrix = {d: _result(d, statuses[d]) for d in ("reason", "time", "responsibility", "compensation")}
    formula = Formula(**{p: _result(p, statuses[p]) for p in ("cause", "plan", "owner")})
    ev = [e(doc) for e in evidence]
    return judge(doc, ev, matrix, formula, backend="python", **kw)


def reason(doc):
    s = doc.text.index("由于种种原因")
    return Evidence(kind="reason", subkind="boilerplate", quality="vague", span=doc.span(s, s + 6))


def soon(doc):
    s = doc.text.index("近期")
    return Evidence(kind="time", subkind="vague", quality="vague", span=doc.span(s, s + 2))


def test_findings_sit_on_the_evidence_that_caused_them():
    ev = _judge(evidence=[reason, soon])
    by_code = {f.code: f for f in ev.findings}
    assert by_code["TM002"].span.text == "由于种种原因" and by_code["TM002"].span.line == 2
    assert by_code["TM002"].message.startswith("“由于种种原因”")
    assert by_code["TM004"].span.text == "近期"


def test_whole_document_findings_are_reported_at_file_level():
    ev = _judge(evidence=[reason, soon])
    f = next(f for f in ev.findings if f.code == "TM006")
    assert f.scope == "document" and (f.span.start, f.span.end, f.span.text) == (0, 0, "")
    assert not f.evidence
    assert all(g.scope == "span" for g in ev.findings if g.evidence)


def test_english_messages_for_english_documents():
    text = "Dear customer,\nFor business reasons we will close soon."
    ev = _judge(text=text, language="en")
    f = next(f for f in ev.findings if f.code == "TM006")
    assert f.message.startswith("Nobody is named")


def test_context_conditions_select_rules_by_kind():
    letter = {f.code for f in _judge().findings}
    faq = {f.code for f in _judge(kind="faq").findings}
    assert "TF002" in letter and "TF002" not in faq
    assert "PF001" in faq and "PF001" not in letter


def test_score_is_the_weighted_matrix_mean_less_penalties():
    clean = _judge(statuses={d: "concrete" for d in ("reason", "time", "responsibility", "compensation",
                                                     "cause", "plan", "owner")})
    assert clean.score == 100.0
    vague = _judge(evidence=[reason, soon])
    assert vague.score == round(100 * (0.5 + 0.4 + 0 + 0) / 4, 1)


class _Config:
    def is_enabled(self, code):
        return not code.startswith("TF")

    def severity_for(self, code, default):
        return "suggestion" if code == "TM006" else default


def test_configuration_selects_codes_and_overrides_severity():
    ev = _judge(evidence=[reason, soon], config=_Config())
    codes = {f.code: f.severity for f in ev.findings}
    assert not any(c.startswith("TF") for c in codes)
    assert codes["TM006"] == "suggestion"


def test_a_rule_broken_by_something_missing_reports_once_at_its_first_place():
    text = "已付保证金将全额退还，已付土地款也将全额退还。"

    def refunds(doc):
        return [Evidence(kind="refund", subkind="full", quality="concrete", span=doc.span(s, s + 4))
                for s in (doc.text.index("全额退还"), doc.text.rindex("全额退还"))]

    doc = Document(text=text, language="zh")
    statuses = {d: _result(d, "absent") for d in ("reason", "time", "responsibility", "compensation")}
    formula = Formula(**{p: _result(p, "absent") for p in ("cause", "plan", "owner")})
    ev = judge(doc, refunds(doc), statuses, formula, backend="python")
    tm015 = [f for f in ev.findings if f.code == "TM015"]
    assert len(tm015) == 1 and tm015[0].span.start == text.index("全额退还")
