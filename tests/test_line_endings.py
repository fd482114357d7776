"""A CRLF (or CR) letter is read like its LF copy: same statuses, same evidence, exact offsets."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from transparency.extract import extract
from transparency.extract.text import unify_line_ends
from transparency.judge.statuses import statuses_of
from transparency.measure import corpus_sets
from transparency.models import Document

CORPUS = Path(__file__).resolve().parent / "corpus"
SENTENCES = [
    "关于「星河云盘」停止运营的公告", "尊敬的用户：", "因合同到期，星河云盘将于2024年3月31日停止服务。",
    "届时服务器上所有数据将被清空。", "如有疑问请拨打客服电话400-820-8820。", "", "星河云盘团队", "2024年3月1日",
    "Northwind Cloud will shut down on March 31, 2024.", "Please retrieve your data before this date.",
    "Because usage was low, we decided to close.", "Questions: support@northwind.example", "The Northwind Team",
]


def test_unify_keeps_the_length_and_reads_crlf_as_lf():
    assert unify_line_ends("A.\r\nB.\rC.\n") == "A. \nB.\nC.\n"
    assert len(unify_line_ends("x\r\n" * 5)) == 15


def test_a_hard_wrapped_sentence_is_read_whole_with_exact_offsets():
    wrapped = "Due to the nature of the\nservice, there is no migration path.\n\nThe Acme Team"
    assert unify_line_ends(wrapped) == wrapped.replace("the\nservice", "the service")
    assert unify_line_ends("Dates:\n- May 1") == "Dates:\n- May 1"  # a list is not a wrapped sentence
    lf = statuses_of(Document(text=wrapped, language="en"))
    one_line = statuses_of(Document(text=wrapped.replace("the\nservice", "the service"), language="en"))
    assert lf == one_line


def test_every_corpus_document_reads_the_same_with_crlf():
    for docs in corpus_sets(CORPUS).values():
        for d in docs:
            lf = statuses_of(Document(text=d.text, language=d.language))
            crlf = statuses_of(Document(text=d.text.replace("\n", "\r\n"), language=d.language))
            assert lf == crlf, d.path


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=10), st.sampled_from(["zh", "en"]))
def test_crlf_copies_give_the_same_statuses_and_evidence(lines, language):
    lf_text, crlf_text = "\n".join(lines), "\r\n".join(lines)
    lf = extract(Document(text=lf_text, language=language))
    crlf = extract(Document(text=crlf_text, language=language))
    assert [(e.kind, e.subkind, e.quality, e.span.text.strip()) for e in lf] == \
           [(e.kind, e.subkind, e.quality, e.span.text.strip()) for e in crlf]
    for e in crlf:
        assert crlf_text[e.span.start:e.span.end] == e.span.text  # offsets into the CRLF text stay exact
    assert statuses_of(Document(text=lf_text, language=language)) == \
           statuses_of(Document(text=crlf_text, language=language))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n\r", max_size=60), st.data())
def test_paragraph_window_matches_a_plain_reading(text, data):
    import re

    from transparency.extract.text import paragraph_window

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    breaks = [(m.start(), m.end()) for m in re.finditer(r"(?:\r?\n|\r)[ \t\u3000]*(?:\r?\n|\r)\s*", text)]
    before = [b for b in breaks if b[1] <= start]
    after = [b for b in breaks if b[0] >= end]
    expected = (before[-2][1] if len(before) >= 2 else 0, after[0][0] if after else len(text))
    assert paragraph_window(text, start, end) == expected
