"""Reading letters: encodings, HTML, Word, discovery and the errors that name the file."""

from __future__ import annotations

import codecs
import io
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transparency.errors import InputError
from transparency.io import (MAX_TEXT_BYTES, discover, extract_text, load_document, read_bytes_text,
                             read_text)
from transparency.io.html import html_to_text

LETTER_ZH = ("尊敬的客户：\n"
             "由于种种原因，我司将于2024年3月31日停止运营。\n"
             "土地款退还事宜，请联系张经理，电话：021-12345678。\n"
             "对此给您带来的不便，我们深表歉意。\n")
LETTER_TW = ("親愛的客戶：\n"
             "由於集團策略調整，本公司將於2024年3月31日停止營運。\n"
             "保證金將於停業後三十日內退還，請聯繫王經理。\n")
# Frequent characters of each script (the detector must not depend on any one of them).
SIMPLIFIED = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产"
              "种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从")
TRADITIONAL = ("的一是在不了有和人這中大為上個國我以要他時來用們生到作地於出就分對成會可主發年動同工也能下過子說產"
               "種面而方後多定行學法所民得經十三之進著等部度家電力裡如水化高自二理起小物現實加量都兩體制機當使點從")
PUNCTUATION = "，。、：；！？“” \n0123456789"
LETTER_EN = "Dear client,\nWe will close on March 31, 2024.\nContact Ms Li for refunds.\n"


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("gbk", "gbk"), ("gb18030", "gbk"), ("big5", None),
])
def test_chinese_encodings_decode_to_the_same_text(tmp_path, encoding, expected):
    text = LETTER_TW if encoding == "big5" else LETTER_ZH
    path = write(tmp_path, "a.txt", text.encode(encoding))
    decoded, detected = read_text(path)
    assert decoded == text
    assert detected == (expected or "big5")


def test_gb18030_only_characters_are_detected_as_gb18030(tmp_path):
    text = LETTER_ZH + "𠀀\n"  # outside GBK: needs a four-byte GB18030 sequence
    decoded, detected = read_text(write(tmp_path, "a.txt", text.encode("gb18030")))
    assert (decoded, detected) == (text, "gb18030")


def test_traditional_text_in_gbk_is_not_mistaken_for_big5(tmp_path):
    decoded, detected = read_text(write(tmp_path, "a.txt", LETTER_TW.encode("gbk")))
    assert decoded == LETTER_TW and detected == "gbk"


@pytest.mark.parametrize("bom, codec, name", [
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
])
def test_byte_order_marks_decide_and_are_removed(tmp_path, bom, codec, name):
    decoded, detected = read_text(write(tmp_path, "a.txt", bom + LETTER_ZH.encode(codec)))
    assert (decoded, detected) == (LETTER_ZH, name)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_nul_bytes(tmp_path, codec):
    decoded, detected = read_text(write(tmp_path, "a.txt", LETTER_ZH.encode(codec)))
    assert (decoded, detected) == (LETTER_ZH, codec)


@pytest.mark.parametrize("data, words", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "binary"),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "binary"),
    (bytes(range(256)) * 4, "binary"),
    (b"\xff\xfe\x00\xd8", "byte-order mark"),
])
def test_binary_and_undecodable_files_are_input_errors_naming_the_file(tmp_path, data, words):
    path = write(tmp_path, "b.txt", data)
    with pytest.raises(InputError) as info:
        read_text(path)
    assert str(path) in str(info.value) and words in str(info.value)
    assert info.value.path == str(path)


def test_missing_and_too_large_files_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    big = write(tmp_path, "big.txt", b"a" * (MAX_TEXT_BYTES + 1))
    with pytest.raises(InputError, match="limit") as info:
        read_text(big)
    assert str(big) in str(info.value)


def test_unsupported_extension_is_named(tmp_path):
    path = write(tmp_path, "letter.pdf", b"%PDF-1.4")
    with pytest.raises(InputError, match="unsupported file type '.pdf'"):
        extract_text(path)


def letters(alphabet: str):
    # At least a sentence: single characters are ambiguous between encodings (為 in Big5 is a valid
    # GBK pair), which no detector can resolve; a letter is never one character.
    return st.text(alphabet=st.sampled_from(list(alphabet + PUNCTUATION)), min_size=12, max_size=200
                   ).filter(lambda t: sum(not c.isascii() for c in t) >= 8)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(letters(SIMPLIFIED), letters(TRADITIONAL))
def test_chinese_text_round_trips_through_its_usual_encodings(tmp_path, simplified, traditional):
    cases = [(simplified, "gbk"), (simplified, "gb18030"), (traditional, "big5"),
             (simplified, "utf-8"), (traditional, "utf-8"), (simplified + traditional, "utf-16")]
    for text, codec in cases:
        decoded, _ = read_bytes_text(text.encode(codec), "x.txt")
        assert decoded == text, codec


def test_stdin_is_read_when_the_path_is_a_dash(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(LETTER_ZH.encode("gbk"))))
    assert read_text("-") == (LETTER_ZH, "gbk")


# -- HTML ------------------------------------------------------------------------------------------
def letter_as_html(text: str) -> str:
    body = "".join(f"<p>{line}</p>\n" for line in text.splitlines())
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>致客户的信</title>"
            "<style>p { margin: 0 }</style><script>var x = '由于种种原因';</script></head>"
            f"<body>\n{body}</body></html>")


def test_html_gives_the_visible_text_of_the_letter(tmp_path):
    path = write(tmp_path, "letter.html", letter_as_html(LETTER_ZH).encode("utf-8"))
    assert extract_text(path) == LETTER_ZH.rstrip("\n")


def test_html_in_gbk_is_decoded_first(tmp_path):
    path = write(tmp_path, "letter.htm", letter_as_html(LETTER_ZH).encode("gbk"))
    assert extract_text(path) == LETTER_ZH.rstrip("\n")


def test_html_structure_whitespace_entities_tables_and_directives():
    markup = ("<html><head><title>T</title></head><body><h1>致客户</h1>"
              "<p>由于  战略\n调整，<b>我司</b>将停业&amp;清算。<br>联系人：张三</p>"
              "<!-- transparency: disable TT001 reason=\"x\" --><!-- an ordinary comment -->"
              "<table><tr><td>事项</td><td>金额</td></tr><tr><td>保证金</td><td>10万元</td></tr></table>"
              "<ul><li>一</li><li>二</li></ul></body></html>")
    assert html_to_text(markup) == ("致客户\n由于 战略 调整，我司将停业&清算。\n联系人：张三\n"
                                    "<!-- transparency: disable TT001 reason=\"x\" -->\n"
                                    "事项\t金额\n保证金\t10万元\n一\n二")


def test_html_without_closing_head_still_shows_the_body():
    assert html_to_text("<html><head><title>x</title><body><p>正文</p>") == "正文"


# -- Word ------------------------------------------------------------------------------------------
def make_docx(path, text: str, table: list[list[str]] | None = None) -> None:
    import docx

    document = docx.Document()
    lines = text.splitlines()
    for line in lines[:2]:
        document.add_paragraph(line)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    for line in lines[2:]:
        document.add_paragraph(line)
    document.save(str(path))


def test_docx_gives_paragraphs_and_tables_in_document_order(tmp_path):
    path = tmp_path / "letter.docx"
    make_docx(path, LETTER_ZH, table=[["事项", "金额"], ["保证金", "10万元"]])
    lines = LETTER_ZH.rstrip("\n").split("\n")
    assert extract_text(path) == "\n".join(lines[:2] + ["事项\t金额", "保证金\t10万元"] + lines[2:])


def test_docx_merged_cells_are_written_once(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "合并"
    table.cell(0, 2).text = "单独"
    document.save(str(tmp_path / "m.docx"))
    assert extract_text(tmp_path / "m.docx") == "合并\t单独"


def test_a_broken_docx_is_an_input_error(tmp_path):
    path = write(tmp_path, "broken.docx", b"this is not a zip file")
    with pytest.raises(InputError, match="not a valid .docx") as info:
        extract_text(path)
    assert info.value.path == str(path)


# -- discovery and documents ------------------------------------------------------------------------
def test_discover_walks_folders_in_sorted_order_and_skips_hidden_and_unsupported(tmp_path):
    for rel in ["b/2.txt", "b/1.md", "a.html", "c/d/e.docx", "c/notes.pdf", ".git/x.txt",
                "c/~$lock.docx", "c/.hidden.txt", "Z.TXT"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x")
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert found == ["Z.TXT", "a.html", "b/1.md", "b/2.txt", "c/d/e.docx"]


def test_discover_keeps_given_files_missing_paths_and_stdin_once(tmp_path):
    f = write(tmp_path, "x.pdf", b"x")
    out = list(discover([f, tmp_path / "missing.txt", "-", f, "-"]))
    assert out == [f, tmp_path / "missing.txt", "-"]


def test_a_folder_without_letters_is_yielded_and_reported(tmp_path):
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    write(tmp_path / "empty" / "sub", "notes.pdf", b"%PDF")
    assert list(discover([tmp_path / "empty"])) == [tmp_path / "empty"]
    with pytest.raises(InputError, match="is a folder with no letters in it"):
        extract_text(tmp_path / "empty")


def test_load_document_detects_language_and_applies_overrides(tmp_path):
    zh = load_document(write(tmp_path, "zh.txt", LETTER_ZH.encode("gbk")))
    en = load_document(write(tmp_path, "en.txt", LETTER_EN.encode()), kind="faq")
    forced = load_document(write(tmp_path, "f.txt", LETTER_EN.encode()), language="zh")
    assert (zh.language, zh.kind, zh.text) == ("zh", "letter", LETTER_ZH)
    assert (en.language, en.kind) == ("en", "faq")
    assert forced.language == "zh" and forced.path == str(tmp_path / "f.txt")


def test_the_same_letter_in_every_format_gives_the_same_text(tmp_path):
    expected = LETTER_ZH.rstrip("\n")
    paths = [write(tmp_path, "u.txt", LETTER_ZH.encode()),
             write(tmp_path, "g.txt", LETTER_ZH.encode("gbk")),
             write(tmp_path, "w.txt", codecs.BOM_UTF16_LE + LETTER_ZH.encode("utf-16-le")),
             write(tmp_path, "h.html", letter_as_html(LETTER_ZH).encode())]
    make_docx(tmp_path / "d.docx", LETTER_ZH)
    paths.append(tmp_path / "d.docx")
    texts = {p.name: load_document(p).text.rstrip("\n") for p in paths}
    assert set(texts.values()) == {expected}, texts
