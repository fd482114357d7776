"""Time evidence: dates, clock times, bounded periods, relative and recurring times, vague times.

Subkinds: date, clock, period, relative, recurring (concrete); vague, year_only (vague). Date
placeholders (X月X日) are found by :mod:`.placeholders`. Values: an ISO date (``2024-03-31``,
``2024-03``, ``--03-31`` when the year is not given) for dates, the number of days for periods.
"""

from __future__ import annotations

import re
from functools import cache

from .numerals import cn_to_number
from .text import CJK, EN_L, EN_R, Hit, ascii_lower, windows

_Y = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_WEEKDAY = r"(?:\s*[（(]?\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[）)]?)?"
_EDGE = r"(?:前|之前|以前|为止|止|起|之后|以后)?"
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RE = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_EN_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_EN_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty-five": 45, "forty": 40, "sixty": 60, "ninety": 90,
}
_EN_NUM = r"(\d+|" + "|".join(sorted(_EN_NUMBERS, key=len, reverse=True)) + r")"
_UNIT_DAYS = {"小时": 1 / 24, "分钟": 1 / 1440, "天": 1, "日": 1, "工作日": 1, "自然日": 1, "交易日": 1,
              "周": 7, "星期": 7, "礼拜": 7, "月": 30, "年": 365,
              "hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}
_NUMX = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百半]+)"
_UNIT = r"(?:个?小时|分钟|天|日|个?工作日|个?自然日|个?交易日|周|个?星期|个?礼拜|个?月|年)"
_ONE = _NUMX + r"\s*" + _UNIT
_LIST = _ONE + r"(?:\s*[、,和及或至到~-]\s*" + _ONE + r")*"
_ANCHOR_ENDS = ("之日起", "日起", "之后", "以后", "后的", "后", "起")
_ANCHOR_STOPS = set("在于并将须应请及和、您 ,:;")


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    flags = 0  # English patterns are lower case and run on the ASCII-lowered text (re.I is slow on CJK)
    return [
        # One pattern for every form that starts with a year (年): a full date, a month, a year end, or
        # a year alone (vague); the named group that matched says which.
        ("zh_y", re.compile(rf"(?<![\d〇零一二三四五六七八九])(?P<y>{_Y})\s*年(?:"
                            rf"\s*(?P<m>{_M})\s*月(?:\s*(?P<d>{_D})\s*[日号]{_WEEKDAY}{_EDGE}"
                            rf"|(?!\s*[\dXx×*一二三四五六七八九十])(?:底|末|份)?{_EDGE})"
                            rf"|\s*(?P<end>底|末|年底){_EDGE}"
                            rf"|(?:度)?(?:第[一二三四1-4]季度|[上下]半年|初|中)?(?!\s*[\dXx×*一二三四五六七八九十]+\s*月))")),
        ("zh_md", re.compile(rf"(?<![\d年一二三四五六七八九十])(?P<m>{_M})\s*月\s*(?:(?P<d>{_D})\s*[日号](?![\d]){_WEEKDAY}{_EDGE}"
                             rf"|(?P<end>底|末){_EDGE})")),
        ("iso", re.compile(r"(?<![\d.])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])")),
        ("roc_ymd", re.compile(rf"(?:民国\s*)?(?<![\d])(1[01]\d|[1-9]\d)\s*年\s*({_M})\s*月\s*({_D})\s*[日号]{_WEEKDAY}{_EDGE}")),
        ("zh_day", re.compile(r"(?<![\d月./-])(3[01]|[12]\d|0?[1-9])\s*[日号]\s*(?:之前|以前|前|起|止|为止|截止)")),
        ("month_dot_day", re.compile(r"(?<![\d.])(1[0-2]|0?[1-9])\.(3[01]|[12]\d|0?[1-9])(?=\s*(?:前|之前|之后|以后|后|起|止|截止|当天|[(（]))")),
        ("dmy", re.compile(r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\d])")),
        ("us_numeric", re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d])")),
        ("en_mdy", re.compile(rf"{EN_L}{_EN_WEEKDAY}{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?{EN_R}(?:,?\s+(\d{{4}}){EN_R})?", flags)),
        ("en_dmy", re.compile(rf"{EN_L}{_EN_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE},?(?:\s+(\d{{4}}))?{EN_R}", flags)),
        ("en_my", re.compile(rf"{EN_L}{_MONTH_RE}\s+(?:of\s+)?(\d{{4}}){EN_R}", flags)),
        ("en_year", re.compile(rf"{EN_L}(?:in|by|during|before|until|from|after|early|late|mid-?|end of)\s+"
                               rf"(?:(?:early|late|mid-?|the end of|the first half of|the second half of|q[1-4])\s+)?((?:19|20)\d{{2}}){EN_R}", flags)),
        ("en_quarter", re.compile(rf"{EN_L}(?:q[1-4]|the (?:first|second|third|fourth) quarter of)\s+((?:19|20)\d{{2}}){EN_R}", flags)),
        ("clock", re.compile(r"(?<![\d.:])([01]?\d|2[0-3])\s*[:：]\s*([0-5]\d)(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?![\d])", flags)),
        ("clock_ampm", re.compile(rf"(?<![\d.:])(1[0-2]|0?[1-9])\s*(?:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])|{EN_L}(?:noon|midnight){EN_R}", flags)),
        ("zh_clock", re.compile(r"(?:上午|下午|晚上|中午|凌晨|早上|傍晚)\s*(?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s*[点时](?:\s*(?:\d{1,2}|半|[一二三四五六七八九十]{1,3})\s*分?)?"
                                r"|(?<![\d.])(?:\d{1,2})\s*点(?:\s*(?:\d{1,2}|半)\s*分?)?(?![\d万亿元%.])")),
        ("zh_period", re.compile(rf"(?<![\d.]){_LIST}\s*(?:以内|之内|内|之后|以后|后|届满)")),
        ("zh_period_anchored", re.compile(rf"(?:(?<=后)|(?<=起)|(?<=满))\s*{_LIST}")),
        ("en_period", re.compile(rf"{EN_L}(?:within|in|no later than|not later than|at least|after)\s+(?:the\s+next\s+)?{_EN_NUM}\s*(?:\(\d+\)\s*)?"
                                 r"(?:business\s+|working\s+|calendar\s+)?(hour|day|week|month|year)s?"
                                 r"(?:\s+(?:of|after|from|following|before)\s+(?:the\s+)?(?:date\s+of\s+)?(?:this|the|your|our|receipt|receiving|closure|shutdown)[A-Za-z ]{0,24}?(?=[,.;:)]|$|\s(?:we|you|to|and)\s))?" + EN_R, flags)),
        ("en_period_after", re.compile(rf"{EN_L}{_EN_NUM}\s*(?:\(\d+\)\s*)?(?:business\s+|working\s+|calendar\s+)?(hour|day|week|month|year)s?\s+"
                                       r"(?:after|from|following|of|before)\s+(?:the\s+)?(?:date\s+of\s+)?(?:this|the|your|receipt|receiving|closure|shutdown)", flags)),
        ("zh_recurring", re.compile(rf"每(?:个)?月\s*\d{{1,2}}\s*[日号]|每(?:个)?月(?:[一二三]十)?[一二三四五六七八九十]\s*[日号]|每周[一二三四五六日天]|每(?:个)?星期[一二三四五六日天]"
                                    rf"|每(?:天|日)\s*(?:上午|下午)?\s*\d{{1,2}}\s*[点:：]|每年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*[日号]")),
        ("en_recurring", re.compile(rf"{EN_L}(?:every\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                                    r"|on the \d{1,2}(?:st|nd|rd|th) of (?:each|every) month|every month on the \d{1,2}(?:st|nd|rd|th))" + EN_R, flags)),
    ]


def _num(s: str) -> int | float | None:
    s = s.strip()
    if s in _EN_NUMBERS:
        return _EN_NUMBERS[s]
    if s == "半":
        return 0.5
    return cn_to_number(s)


def _valid(month: int | float | None, day: int | float | None = 1) -> bool:
    return month is not None and day is not None and 1 <= month <= 12 and 1 <= day <= 31


def _iso(year: int | float | None, month: int | float | None, day: int | float | None = None) -> str:
    y = f"{int(year):04d}" if year is not None else "-"
    out = f"{y}-{int(month):02d}" if month is not None else y
    return f"{out}-{int(day):02d}" if day is not None else out


def _period_days(s: str) -> float | None:
    m = re.search(rf"({_NUMX})\s*(?:个)?(小时|分钟|工作日|自然日|交易日|天|日|周|星期|礼拜|月|年)", s)
    if not m:
        return None
    n = _num(m.group(1))
    return None if n is None else round(n * _UNIT_DAYS[m.group(2)], 4)


def _anchor_start(folded: str, start: int) -> int:
    """Extend a period back over its anchor (决议通过后 | 收到本通知之日起) within its clause."""
    before = folded[max(0, start - 16):start].rstrip()
    cut = start - (start - max(0, start - 16) - len(before))
    for end in _ANCHOR_ENDS:
        if before.endswith(end):
            j = cut - len(end)
            limit = max(0, j - 12)
            while j > limit and re.match(f"[{CJK}A-Za-z0-9]", folded[j - 1]) and folded[j - 1] not in _ANCHOR_STOPS:
                j -= 1
                if folded[j] in "自从":  # 自本函送达之日起: the anchor starts at 自
                    break
            return j if j < cut - len(end) else start
    return start


_LATIN = re.compile(r"[a-z]{2}")
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_AMPM = re.compile(r"\d\s*(?:am|pm|a\.m|p\.m)(?![a-z])|noon|midnight")
# What a text must contain for a pattern to have any chance (checked with `in`, far cheaper than a scan).
_NEEDS: dict[str, object] = {
    "zh_y": ("年",),
    "zh_md": ("月",), "iso": ("-", "/", "."), "us_numeric": ("/",),
    "en_mdy": "months", "en_dmy": "months", "en_my": "months", "en_year": "latin", "en_quarter": ("q", "quarter"),
    "clock": (":",), "clock_ampm": "ampm", "zh_clock": ("点", "时"),
    "zh_period": ("内", "后", "届满"), "zh_period_anchored": ("后", "起", "满"),
    "en_period": ("hour", "day", "week", "month", "year"), "en_period_after": ("hour", "day", "week", "month", "year"),
    "zh_recurring": ("每",), "en_recurring": ("every", "each"), "roc_ymd": ("民国",),
    "month_dot_day": (".",), "dmy": ("/", "."),
}
# Patterns run only around their anchor characters (see text.windows): (anchors, before, after).
_WINDOWS: dict[str, tuple[str, int, int]] = {
    "zh_y": ("年", 16, 30),
    "zh_md": ("月", 8, 26), "clock": (":", 8, 20), "zh_clock": ("点时", 12, 16),
    "iso": ("-/.", 8, 12), "us_numeric": ("/", 8, 12), "roc_ymd": ("年", 16, 30), "zh_day": ("日号", 4, 8),
    "month_dot_day": (".", 4, 12), "dmy": ("/.", 4, 12),
    "zh_period": ("内后届", 48, 8), "zh_period_anchored": ("后起满", 4, 48), "zh_recurring": ("每", 2, 24),
}
_ANCHOR_RE: dict[str, re.Pattern[str]] = {}


def _matches(pattern: re.Pattern[str], name: str, low: str, cache: dict[str, list[tuple[int, int]]]):
    spec = _WINDOWS.get(name)
    if spec is None:
        yield from pattern.finditer(low)
        return
    anchors, before, after = spec
    key = f"{anchors}:{before}:{after}"
    if key not in cache:
        anchor_re = _ANCHOR_RE.get(anchors) or _ANCHOR_RE.setdefault(anchors, re.compile("[" + re.escape(anchors) + "]"))
        cache[key] = windows(low, anchor_re, before, after)
    for lo, hi in cache[key]:
        yield from pattern.finditer(low, lo, hi)


_YEAR_BEFORE = re.compile(r"(\d{4})\s*年\s*$")
_FESTIVAL_EDGE = re.compile(r"^(?:前|之前|后|期间)")


_SPEECH_ACT = re.compile(r"[\s,]*(?:(?:I'm|I am|we're|we are|I|we)\s+)?(?:announcing|announce|writing|sharing|letting you know)"
                        r"|[\s,]*(?:我们|我|本公司|公司)?(?:正式)?(?:宣[布佈]|通知大家|告诉大家|发布此|写信)", re.I)


_AS_NOW = re.compile(r"(?<![A-Za-z])(?:as\s+(?:they|it|things|we|you)\s+(?:are|is|do|does|stand|stands)|than)\s+$", re.I)


# "before that date", 该日前: anchored only to a calendar date the text gave before it.
_REFERS_BACK = re.compile(r"(?:this|that)\s+date|该日|此日", re.I)
_CALENDAR_DATE = re.compile(r"\d{1,4}\s*[年月/.-]\s*\d{1,2}|(?<![A-Za-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
                            r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*", re.I)


def find_times(folded: str, found: dict) -> list[Hit]:
    """All time evidence in the folded text (``found``: the phrase matches of the document)."""
    hits: list[Hit] = []
    for s, e in found.get(("time", "concrete_relative"), ()):
        if _REFERS_BACK.search(folded, s, e) and not _CALENDAR_DATE.search(folded, 0, s):
            hits.append(Hit("time", "vague", "vague", s, e, folded[s:e]))  # "before this date" with no date
            continue
        if _SPEECH_ACT.match(folded, e):
            continue  # "Today I'm announcing…", 今天宣布: when the letter speaks, not when anything happens
        if _AS_NOW.search(folded, max(0, s - 16), s):
            continue  # "continue as they are today": the present state, not a day on which anything happens
        hits.append(Hit("time", "relative", "concrete", s, e, folded[s:e]))
    for s, e in found.get(("time", "festivals"), ()):
        y = _YEAR_BEFORE.search(folded, max(0, s - 8), s)
        edge = _FESTIVAL_EDGE.match(folded[e:e + 2])
        start, end = (y.start() if y else s), (e + edge.end() if edge else e)
        hits.append(Hit("time", "relative", "concrete", start, end, folded[start:end]))
    for s, e in found.get(("time", "vague"), []) + found.get(("time", "vague_relative"), []):
        prev = folded[s - 1:s] if s else ""
        if prev in ("本", "今", "该", "当") or (prev and prev in "0123456789一二三四五六七八九十"):
            continue  # 本月底前 / 3月底前 are anchored; found by the concrete patterns
        hits.append(Hit("time", "vague", "vague", s, e, folded[s:e]))
    low = ascii_lower(folded)
    latin = _LATIN.search(low) is not None
    spans_cache: dict[str, list[tuple[int, int]]] = {}
    for name, pattern in _patterns():
        need = _NEEDS.get(name)
        if need == "latin":
            ok = latin
        elif need == "months":
            ok = latin and any(m in low for m in _MONTH_STEMS)
        elif need == "ampm":
            ok = _AMPM.search(low) is not None
        else:
            ok = need is None or any(n in low for n in need)
        if not ok:
            continue  # a cheap test spares a full regex scan of the text
        for m in _matches(pattern, name, low, spans_cache):
            s, e = m.start(), m.end()
            if e <= s:
                continue
            g = m.groups()
            if name == "zh_y":
                y = _num(m.group("y"))
                if m.group("d") is not None:
                    mo, d = _num(m.group("m")), _num(m.group("d"))
                    if _valid(mo, d):
                        hits.append(Hit("time", "date", "concrete", s, e, _iso(y, mo, d), {"year": int(y)}))
                elif m.group("m") is not None:
                    mo = _num(m.group("m"))
                    if _valid(mo):
                        hits.append(Hit("time", "date", "concrete", s, e, _iso(y, mo), {"year": int(y)}))
                elif m.group("end") is not None:
                    hits.append(Hit("time", "date", "concrete", s, e, f"{int(y):04d}-12-31", {"year": int(y)}))
                elif y is not None and 1900 <= y <= 2100:
                    hits.append(Hit("time", "year_only", "vague", s, e, f"{int(y):04d}", {"year": int(y)}))
            elif name == "zh_md":
                mo = _num(m.group("m"))
                if m.group("d") is not None:
                    d = _num(m.group("d"))
                    if _valid(mo, d):
                        hits.append(Hit("time", "date", "concrete", s, e, _iso(None, mo, d)))
                elif _valid(mo):  # 3月底
                    hits.append(Hit("time", "date", "concrete", s, e, _iso(None, mo)))
            elif name == "iso":
                y, mo, d = int(g[0]), int(g[1]), int(g[2])
                if _valid(mo, d):
                    hits.append(Hit("time", "date", "concrete", s, e, _iso(y, mo, d), {"year": y}))
            elif name == "roc_ymd":
                y, mo, d = _num(g[0]), _num(g[1]), _num(g[2])
                if y is not None and (folded[max(0, s - 3):s + 2].find("民国") >= 0 or "民国" in low):
                    if _valid(mo, d):
                        hits.append(Hit("time", "date", "concrete", s, e, _iso(int(y) + 1911, mo, d), {"year": int(y) + 1911}))
            elif name == "zh_day":
                d = int(g[0])
                hits.append(Hit("time", "date", "concrete", s, e, f"----{d:02d}"))
            elif name == "month_dot_day":
                mo, d = int(g[0]), int(g[1])
                if _valid(mo, d):
                    hits.append(Hit("time", "date", "concrete", s, e, _iso(None, mo, d)))
            elif name == "dmy":
                a, b, y = int(g[0]), int(g[2]), int(g[3])
                if a > 12 and _valid(b, a) or (g[1] == "." and _valid(b, a)):
                    hits.append(Hit("time", "date", "concrete", s, e, _iso(y, b, a), {"year": y}))
            elif name == "us_numeric":
                mo, d, y = int(g[0]), int(g[1]), int(g[2])
                if _valid(mo, d):
                    hits.append(Hit("time", "date", "concrete", s, e, _iso(y, mo, d), {"year": y}))
            elif name == "en_mdy":
                mo, d = _MONTHS[g[0].lower()], int(g[1])
                if g[0].lower() == "may" and not g[2]:
                    continue  # "may 3" is too often the verb
                if _valid(mo, d):
                    y = int(g[2]) if g[2] else None
                    hits.append(Hit("time", "date", "concrete", s, e, _iso(y, mo, d), {"year": y} if y else None))
            elif name == "en_dmy":
                d, mo = int(g[0]), _MONTHS[g[1].lower()]
                if _valid(mo, d):
                    y = int(g[2]) if g[2] else None
                    hits.append(Hit("time", "date", "concrete", s, e, _iso(y, mo, d), {"year": y} if y else None))
            elif name == "en_my":
                mo, y = _MONTHS[g[0].lower()], int(g[1])
                hits.append(Hit("time", "date", "concrete", s, e, _iso(y, mo), {"year": y}))
            elif name in ("en_year", "en_quarter"):
                hits.append(Hit("time", "year_only", "vague", s, e, g[0], {"year": int(g[0])}))
            elif name in ("clock", "clock_ampm", "zh_clock"):
                hits.append(Hit("time", "clock", "concrete", s, e, folded[s:e].strip()))
            elif name in ("zh_period", "zh_period_anchored"):
                days = _period_days(folded[s:e])
                start = _anchor_start(folded, s)
                attrs = {"days": days} if days is not None else {}
                attrs["anchored"] = start < s or name == "zh_period_anchored"
                hits.append(Hit("time", "period", "concrete", start, e, days, attrs))
            elif name in ("en_period", "en_period_after"):
                n = _num(g[0].lower())
                days = None if n is None else round(n * _UNIT_DAYS[g[1].lower()], 4)
                hits.append(Hit("time", "period", "concrete", s, e, days,
                                {"days": days} if days is not None else {}))
            elif name in ("zh_recurring", "en_recurring"):
                hits.append(Hit("time", "recurring", "concrete", s, e, folded[s:e]))
    return hits
