"""Suppression comments: ranges, one-line forms, reasons required, unused ones reported."""

from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transparency.config import Config
from transparency.models import Document, Finding
from transparency.rules.loader import default_ruleset
from transparency.suppress import apply_suppressions, parse_directives

RULES = default_ruleset()


def doc(text: str, language: str = "zh") -> Document:
    return Document(text=text, language=language)


def on_line(document: Document, code: str, line: int) -> Finding:
    """A finding of ``code`` covering line ``line`` (1-based) of the document."""
    lines = document.text.split("\n")
    start = sum(len(x) + 1 for x in lines[:line - 1])
    rule = RULES.by_code[code]
    return Finding(code=code, name=rule.name, severity=rule.severity, message="m",
                   dimension=rule.dimension, span=document.span(start, start + len(lines[line - 1])))


def codes(findings: list[Finding]) -> list[tuple[str, int]]:
    return [(f.code, f.span.line) for f in findings]


def test_range_suppresses_between_disable_and_enable_lines():
    d = doc("第一行\n<!-- transparency: disable TM002 reason=\"法务已审定此措辞\" -->\n第三行\n"
            "<!-- transparency: enable TM002 -->\n第五行")
    found = [on_line(d, "TM002", n) for n in (1, 3, 5)] + [on_line(d, "TM005", 3)]
    assert codes(apply_suppressions(d, found, RULES)) == [("TM002", 1), ("TM005", 3), ("TM002", 5)]


def test_disable_without_enable_lasts_to_the_end_and_covers_whole_document_findings_from_line_one():
    d = doc("<!-- transparency: disable TM001,TM003 reason=\"法院裁定后另函通知\" -->尊敬的客户：\n正文\n结尾")
    found = [on_line(d, "TM001", 1), on_line(d, "TM003", 3), on_line(d, "TM006", 1)]
    assert codes(apply_suppressions(d, found, RULES)) == [("TM006", 1)]


def test_disable_line_and_disable_next_line():
    d = doc("甲 <!-- transparency: disable-line TM002 reason=\"引用原文\" -->\n"
            "<!-- transparency: disable-next-line TM005 reason='客户要求' -->\n\n丁\n戊")
    found = [on_line(d, "TM002", 1), on_line(d, "TM002", 4), on_line(d, "TM005", 4), on_line(d, "TM005", 5)]
    # disable-next-line skips the blank line 3 and applies to line 4
    assert codes(apply_suppressions(d, found, RULES)) == [("TM002", 4), ("TM005", 5)]


def test_disable_file_covers_the_whole_text_wherever_it_is_written():
    d = doc("尊敬的客户：\n正文\n<!-- transparency: disable-file TM006 reason=\"对接人另函告知\" -->")
    found = [on_line(d, "TM006", 1), on_line(d, "TM006", 2), on_line(d, "TM002", 1)]
    assert codes(apply_suppressions(d, found, RULES)) == [("TM002", 1)]


def test_reason_may_use_chinese_quotes():
    d = doc("<!-- transparency: disable-line TM002 reason=“法务审定” -->甲")
    assert apply_suppressions(d, [on_line(d, "TM002", 1)], RULES) == []


def test_a_suppression_without_reason_still_suppresses_and_is_reported():
    d = doc("<!-- transparency: disable-line TM002 -->甲\n乙<!-- transparency: disable-line TM005 reason=\"\" -->")
    out = apply_suppressions(d, [on_line(d, "TM002", 1), on_line(d, "TM005", 2)], RULES)
    assert codes(out) == [("TS001", 1), ("TS001", 2)]
    first = out[0]
    assert first.span.text == "<!-- transparency: disable-line TM002 -->"
    assert first.message.startswith(RULES.by_code["TS001"].message_in("zh"))
    assert first.fix == RULES.by_code["TS001"].fix_in("zh") and first.dimension == "suppression"


def test_unused_suppressions_are_reported_per_code():
    d = doc("<!-- transparency: disable TM002,TM005 reason=\"x\" -->甲\n乙")
    out = apply_suppressions(d, [on_line(d, "TM002", 2)], RULES)
    assert codes(out) == [("TS002", 1)]
    assert "TM005" in out[0].message and "TM002" not in out[0].message


@pytest.mark.parametrize("text, words", [
    ("<!-- transparency: disable-line TZ999 reason=\"x\" -->甲", "no rule has the code TZ999"),
    ("甲\n<!-- transparency: enable TM002 -->", "has no 'disable TM002' before it"),
    ("<!-- transparency: disable TM002 reason=\"x\" -->\n<!-- transparency: disable TM002 reason=\"y\" -->\n甲",
     "already disabled since line 1"),
    ("<!-- transparency: disable reason=\"x\" -->甲", "needs the rule codes"),
    ("<!-- transparency: please ignore -->甲", "cannot read this comment"),
])
def test_comments_that_cannot_suppress_anything_are_reported(text, words):
    d = doc(text)
    found = [on_line(d, "TM002", len(text.split("\n")))]
    out = apply_suppressions(d, found, RULES)
    unused = [f for f in out if f.code == "TS002"]
    assert unused and words in unused[0].message, codes(out)


def test_codes_turned_off_by_configuration_are_not_reported_as_unused():
    d = doc("<!-- transparency: disable-line TM002 reason=\"x\" -->甲")
    config = Config(ignore=("TM002",))
    assert apply_suppressions(d, [], RULES, config=config) == []
    assert codes(apply_suppressions(d, [], RULES)) == [("TS002", 1)]


def test_configuration_applies_to_the_suppression_rules_themselves():
    d = doc("<!-- transparency: disable-line TM002 -->甲")
    assert apply_suppressions(d, [], RULES, config=Config(ignore=("TS",))) == []
    [reasonless, unused] = apply_suppressions(d, [], RULES, config=Config(severity={"TS001": "error"}))
    assert (reasonless.code, reasonless.severity, unused.severity) == ("TS001", "error", "warning")


def test_english_messages_for_english_letters():
    d = doc("<!-- transparency: disable-line TM002 -->Dear client", language="en")
    out = apply_suppressions(d, [on_line(d, "TM002", 1)], RULES)
    assert out[0].message.startswith(RULES.by_code["TS001"].message_in("en"))


def test_without_a_ruleset_the_built_in_texts_are_used():
    d = doc("<!-- transparency: disable-line TM002 -->甲")
    [f] = apply_suppressions(d, [on_line(d, "TM002", 1)], None)
    assert (f.code, f.name) == ("TS001", "suppression-without-reason")


def test_parse_directives_positions():
    text = "甲<!-- transparency: disable TM002, TM005 reason=\"r\" -->\n乙"
    [d] = parse_directives(text)
    assert (d.action, d.codes, d.reason, d.line) == ("disable", ["TM002", "TM005"], "r", 1)
    assert text[d.start:d.end].startswith("<!--") and text[d.start:d.end].endswith("-->")


# -- properties ------------------------------------------------------------------------------------
LINES = st.lists(st.sampled_from([
    "正文一句。", "", "<!-- transparency: disable TM002 reason=\"r\" -->",
    "<!-- transparency: enable TM002 -->", "<!-- transparency: disable-line TM005 reason=\"r\" -->乙",
    "<!-- transparency: disable-next-line TM002 -->", "<!-- transparency: disable TM005 -->",
]), min_size=1, max_size=12)


@settings(max_examples=80)
@given(LINES, st.lists(st.tuples(st.sampled_from(["TM002", "TM005", "TM006"]), st.integers(1, 12)),
                       max_size=10), st.randoms())
def test_suppression_invariants(lines, wanted, rnd):
    d = doc("\n".join(lines))
    n = len(lines)
    found = [on_line(d, code, min(line, n)) for code, line in wanted]
    out = apply_suppressions(d, found, RULES)
    shuffled = list(found)
    rnd.shuffle(shuffled)
    # order of the input does not matter
    assert out == apply_suppressions(d, shuffled, RULES)
    # nothing is invented: every result is an input finding or a finding about a comment
    assert all(f in found or f.code in ("TS001", "TS002") for f in out)
    # TS findings sit exactly on a comment
    for f in out:
        if f.code in ("TS001", "TS002"):
            assert f.span.text.startswith("<!--") and f.span.text.endswith("-->")
    # without comments, nothing changes
    if "<!--" not in d.text:
        assert sorted(out, key=lambda f: (f.span.start, f.code)) == \
            sorted(found, key=lambda f: (f.span.start, f.code))
    # findings of a code no comment names are never suppressed
    key = lambda f: (f.span.start, f.code)  # noqa: E731
    assert sorted((f for f in found if f.code == "TM006"), key=key) == [f for f in out if f.code == "TM006"]
    # suppressing is idempotent on the surviving rule findings
    survivors = [f for f in out if f.code not in ("TS001", "TS002")]
    again = [f for f in apply_suppressions(d, survivors, RULES) if f.code not in ("TS001", "TS002")]
    assert again == survivors


# -- the rules' own examples, through the full pipeline (which applies the suppressions) ------------------------------------------
@pytest.mark.parametrize("code", ["TS001", "TS002"])
def test_suppression_rule_examples_through_the_pipeline(code):
    from transparency.pipeline import evaluate_document

    rule = RULES.by_code[code]
    for language, examples in rule.doc_examples().items():
        for kind, texts in (("bad", examples.bad), ("better", examples.better)):
            for text in texts:
                text = text if isinstance(text, str) else text.text
                document = Document(text=text, language=language)
                codes = {f.code for f in evaluate_document(document, ruleset=RULES).findings}
                assert (code in codes) == (kind == "bad"), (language, kind, text, codes)
