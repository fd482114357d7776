"""Guess a text's language: Chinese when CJK ideographs make up a fair share of its letters."""

from __future__ import annotations

from .models import Language


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FA1F


def detect_language(text: str, default: Language = "zh") -> Language:
    """``"zh"`` or ``"en"``: Chinese when ideographs, each weighed as three Latin letters (about a
    short word), make up at least a third of the text's letters."""
    cjk = latin = 0
    for ch in text:
        if _is_cjk(ch):
            cjk += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    if cjk == 0 and latin == 0:
        return default
    return "zh" if 3 * cjk * 3 >= 3 * cjk + latin else "en"
