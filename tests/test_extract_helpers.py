"""Shared helpers for the extraction tests (imported by the other test_extract_* modules), and a
check that they find what they are asked for."""

from __future__ import annotations

from transparency.extract import extract
from transparency.language import detect_language
from transparency.models import Document, Evidence


def evidence(text: str, language: str | None = None) -> list[Evidence]:
    """Extract from ``text`` (language detected when not given)."""
    return extract(Document(text=text, language=language or detect_language(text)))


def spans(text: str, kind: str, subkind: str | None = None, quality: str | None = None,
          language: str | None = None) -> list[str]:
    """Texts of the evidence of ``kind`` (and ``subkind``/``quality``) found in ``text``."""
    return [e.span.text for e in evidence(text, language)
            if e.kind == kind and (subkind is None or e.subkind == subkind)
            and (quality is None or e.quality == quality)]


def first(text: str, kind: str, subkind: str | None = None, language: str | None = None) -> Evidence:
    """The first evidence of ``kind`` (and ``subkind``) in ``text``; fails the test when there is none."""
    found = [e for e in evidence(text, language) if e.kind == kind and (subkind is None or e.subkind == subkind)]
    assert found, f"no {kind}/{subkind} evidence in {text!r}"
    return found[0]


def test_helpers_find_by_kind_subkind_and_quality():
    text = "由于种种原因，本平台将于2024年3月31日停止服务。"
    assert spans(text, "time", "date", "concrete") == ["2024年3月31日"]
    assert first(text, "reason").subkind == "boilerplate"
    assert evidence(text) == evidence(text, "zh")
