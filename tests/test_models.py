"""Models: spans carry exact offsets and correct 1-based lines and columns; JSON round-trips."""

from hypothesis import given, strategies as st

from transparency.models import (
    DimensionResult, Document, Evaluation, Evidence, Finding, Formula, Span, line_starts,
)

TEXTS = st.text(alphabet=st.sampled_from(list("ab中文经理\r\n 。，")), max_size=60)


def _naive_line_col(text: str, offset: int) -> tuple[int, int]:
    # Reference: split the prefix with str.splitlines semantics restricted to \r\n, \n, \r.
    prefix = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    line = prefix.count("\n") + 1
    col = len(prefix) - (prefix.rfind("\n") + 1) + 1
    return line, col


@given(TEXTS, st.data())
def test_span_line_and_column_match_a_naive_count(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    # An offset between \r and \n is not a real position; the naive reference cannot express it.
    if 0 < start < len(text) and text[start - 1] == "\r" and text[start] == "\n":
        return
    span = Span.of(text, start, end)
    assert span.text == text[start:end]
    assert (span.line, span.column) == _naive_line_col(text, start)


def test_crlf_counts_as_one_line_break_and_cjk_columns_are_characters():
    text = "第一行\r\n第二行张经理"
    span = Span.of(text, text.index("张"), len(text))
    assert (span.line, span.column, span.text) == (2, 4, "张经理")
    assert line_starts("a\rb\nc\r\nd") == [0, 2, 4, 7]


def test_span_outside_text_is_rejected():
    import pytest
    with pytest.raises(ValueError, match="outside"):
        Span.of("abc", 2, 5)


def test_evaluation_round_trips_through_json():
    doc = Document(text="因供应链中断，我司将于2024年3月31日停业。", language="zh", kind="letter")
    ev = Evidence(kind="time", subkind="date", quality="concrete", span=doc.span(11, 21),
                  value="2024-03-31", attrs={"days": 0})
    result = DimensionResult(status="concrete", score=1.0, evidence=[ev])
    evaluation = Evaluation(
        document=doc, matrix={"time": result},
        formula=Formula(cause=result, plan=result, owner=result), score=100.0,
        findings=[Finding(code="TT001", name="time-absent", severity="error", message="m",
                          dimension="time", span=doc.span(0, 0), evidence=[ev], fix=None)])
    again = Evaluation.model_validate_json(evaluation.model_dump_json())
    assert again == evaluation
    assert again.formula is not None and again.formula.complete
    assert again.statuses["time"] == "concrete"
