"""Unfilled template slots: X月X日, 2024年X月, XX, ××, 【客户名称】, {{name}}, [Client Name], ___, TBD.

Subkinds: date (a date slot; it also makes the time dimension vague), name (a name slot),
blank (underscores), tbd, template_var ({{…}}, ${…}), other.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .text import EN_L, EN_R, Hit, alternation

_X = r"[Xx×*＊?？]"
_DATE_SLOT_HINT = re.compile(r"[Xx×*＊?？_][\s]*[年月日号]|[年月][\s]*[Xx×*＊?？_]")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon("placeholder")
    return {
        "date": re.compile(
            rf"(?:\d{{4}}|{_X}{{2,4}}|_+)\s*年\s*(?:{_X}{{1,2}}|_+)\s*月(?:\s*(?:{_X}{{1,2}}|_+|\d{{1,2}})\s*[日号])?"
            rf"|(?:\d{{4}}\s*年\s*)?(?:\d{{1,2}}|{_X}{{1,2}})\s*月\s*{_X}{{1,2}}\s*[日号]"
            rf"|(?:\d{{4}}\s*年\s*)?{_X}{{1,2}}\s*月\s*\d{{1,2}}\s*[日号]"
            rf"|(?<=月){_X}{{1,2}}\s*[日号]"
            rf"|{EN_L}(?:[Xx]{{1,2}}/[Xx]{{1,2}}/(?:\d{{4}}|[Xx]{{2,4}})|(?:month|MM)\s+(?:day|DD),?\s+(?:year|YYYY)|YYYY-MM-DD|MM/DD/YYYY|DD/MM/YYYY){EN_R}"),
        "bracket": re.compile(r"【([^【】\n]{1,20})】|\[([^\[\]\n]{1,30})\]|［([^［］\n]{1,30})］|<([^<>\n]{1,30})>"),
        "template_var": re.compile(r"\{\{[^{}\n]{0,40}\}\}|\$\{[^{}\n]{1,40}\}|%\([a-z_]+\)s"),
        "blank": re.compile(r"_{3,}|＿{2,}"),
        "xx": re.compile(rf"(?<![A-Za-z])[Xx×]{{2,}}(?![A-Za-z])|(?<![A-Za-z])[Xx×](?=[\u4e00-\u9fff]{{1,4}}(?:公司|先生|女士|经理|总|元|万|号|路))"),
        "slot_zh": re.compile(alternation(lex["slot_words"])),
        "slot_en": re.compile(alternation(lex["slot_words_en"]), re.I),
    }


def _bracket_subkind(inner: str, pats: dict[str, re.Pattern[str]]) -> str | None:
    if not (pats["slot_zh"].search(inner) or pats["slot_en"].search(inner)):
        return None
    low = inner.lower()
    if any(w in low for w in ("日期", "时间", "date", "截止", "deadline")):
        return "date"
    if any(w in low for w in ("名称", "姓名", "名字", "name", "客户", "client", "customer", "company", "联系人")):
        return "name"
    return "other"


def find_placeholders(folded: str, found: dict) -> list[Hit]:
    """All unfilled template slots in the folded text."""
    pats = _patterns()
    hits: list[Hit] = []
    low = folded.lower()
    # Every date slot has a slot mark (X, ×, *, ?, _) next to 年/月/日/号, or is an English form.
    date_possible = _DATE_SLOT_HINT.search(folded) is not None or any(n in low for n in ("x/", "yyyy", "mm/", "month day"))
    for m in (pats["date"].finditer(folded) if date_possible else ()):
        hits.append(Hit("placeholder", "date", "placeholder", m.start(), m.end(), folded[m.start():m.end()]))
    for m in pats["bracket"].finditer(folded):
        inner = next(g for g in m.groups() if g is not None)
        sub = _bracket_subkind(inner, pats)
        if sub:
            hits.append(Hit("placeholder", sub, "placeholder", m.start(), m.end(), inner))
    for m in pats["template_var"].finditer(folded):
        low = m.group().lower()
        sub = "date" if any(w in low for w in ("date", "time", "deadline", "日期", "时间")) else "template_var"
        hits.append(Hit("placeholder", sub, "placeholder", m.start(), m.end(), m.group()))
    for m in pats["blank"].finditer(folded):
        hits.append(Hit("placeholder", "blank", "placeholder", m.start(), m.end(), m.group()))
    for m in pats["xx"].finditer(folded):
        nxt = folded[m.end():m.end() + 1]
        sub = "date" if nxt in ("月", "日", "号", "年") else "name"
        hits.append(Hit("placeholder", sub, "placeholder", m.start(), m.end(), m.group()))
    for s, e in found.get(("placeholder", "tbd"), ()):
        hits.append(Hit("placeholder", "tbd", "placeholder", s, e, folded[s:e]))
    return hits
