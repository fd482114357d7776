"""Guess a text's language: Chinese when CJK ideographs make up a fair share of its letters."""

from __future__ import annotations

import re

from .models import Language

_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_LATIN = re.compile("[A-Za-z]")


def detect_language(text: str, default: Language = "zh") -> Language:
    """``"zh"`` or ``"en"``: Chinese when ideographs, each weighed as three Latin letters (about a
    short word), make up at least a third of the text's letters."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    if cjk == 0 and latin == 0:
        return default
    return "zh" if 3 * cjk * 3 >= 3 * cjk + latin else "en"
