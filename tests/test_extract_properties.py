"""Invariants of extraction: exact spans, no exceptions on any string, determinism, monotone statuses."""

from hypothesis import HealthCheck, given, settings, strategies as st

from transparency.extract import extract
from transparency.facts import CATALOGUE
from transparency.judge.statuses import assess
from transparency.models import Document

RANK = {"absent": 0, "vague": 1, "concrete": 2}

# Fragments of real letters mixed with noise: CJK, full-width, control characters, CRLF.
FRAGMENTS = st.sampled_from([
    "2024年3月31日", "X月X日", "30天内", "近期", "尽快", "人民币1,250万元", "¥3.5亿", "五十万元", "全额退款",
    "原路退还", "张经理", "电话 021-5968 1234", "400-820-8820", "service@example.com", "由开发区平台公司承接",
    "由于种种原因", "因全球研发管线调整", "《合同法》第94条", "相关部门", "客服", "我理解您的感受", "欢迎再来",
    "概不退还", "相关事宜将另行通知", "停业", "March 31, 2024", "within 30 days", "Jane Doe, Head of Support",
    "due to low adoption", "full refund", "【客户名称】", "{{name}}", "___", "TBD", "終止運營", "聯繫", "補償",
    "０２１－５９６８", "，", "。", "\r\n", "\n\n", "\x00", "\u3000", "\t", " ", "(", "》", "《", "第", "条",
])
TEXTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=14).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _doc(text: str, language: str = "zh") -> Document:
    return Document(text=text, language=language)


@SETTINGS
@given(TEXTS, st.sampled_from(["zh", "en"]))
def test_spans_are_exact_and_extraction_never_raises(text, language):
    for e in extract(_doc(text, language)):
        assert 0 <= e.span.start <= e.span.end <= len(text)
        assert text[e.span.start:e.span.end] == e.span.text


@SETTINGS
@given(st.text(max_size=200))
def test_never_raises_on_arbitrary_unicode(text):
    extract(_doc(text))
    extract(_doc(text, "en"))


@SETTINGS
@given(TEXTS)
def test_deterministic_and_sorted(text):
    a = extract(_doc(text))
    b = extract(_doc(text))
    assert [x.model_dump() for x in a] == [x.model_dump() for x in b]
    keys = [(e.span.start, e.span.end, e.kind) for e in a]
    assert keys == sorted(keys)


@SETTINGS
@given(TEXTS)
def test_evidence_uses_the_fact_catalogue(text):
    for e in extract(_doc(text)):
        kind = CATALOGUE[("document", e.kind)]
        assert e.subkind in kind.subkinds, (e.kind, e.subkind)
        allowed = kind.attributes()
        for key, value in e.attrs.items():
            assert key in allowed, (e.kind, key)
            assert isinstance(value, (str, int, float, bool))


@SETTINGS
@given(TEXTS, st.sampled_from(["2024年3月31日", "3月31日", "March 31, 2024", "2024-03-31"]),
       st.sampled_from(["。", "\n", " "]))
def test_adding_a_concrete_date_never_makes_time_worse(text, date, sep):
    before, _ = assess(_doc(text), extract(_doc(text)))
    longer = text + sep + "服务将于" + date + "停止" + sep
    after, _ = assess(_doc(longer), extract(_doc(longer)))
    assert RANK[after["time"].status] >= RANK[before["time"].status]


@SETTINGS
@given(TEXTS, st.sampled_from(["您的对接人张经理，电话 021-5968 1234。", "联系人：李敏，邮箱 li.min@example.com。",
                               "Please contact Jane Doe, Head of Support, at jane@example.com."]))
def test_adding_a_named_contact_with_a_channel_never_makes_responsibility_worse(text, contact):
    before, _ = assess(_doc(text), extract(_doc(text)))
    longer = text + "\n\n" + contact + "\n"
    after, _ = assess(_doc(longer), extract(_doc(longer)))
    assert RANK[after["responsibility"].status] >= RANK[before["responsibility"].status]
    assert after["responsibility"].status == "concrete"
