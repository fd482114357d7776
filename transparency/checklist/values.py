"""Cell readers: one function per value type, each returning the normalised value or raising
:class:`CellError` with a reason a person can act on. They never raise anything else on junk input,
so a bad cell rejects its row instead of stopping the load."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from .schema import Deadline, Dispute
from .vocabulary import vocabulary


class CellError(ValueError):
    """A cell whose value cannot be read; the message says why and what is expected."""


def text(value: Any) -> str | None:
    """A text cell: None for empty; integral floats (1001.0 from a spreadsheet) lose the ``.0``."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellError(f"not a text value: {value!r}")
        if value.is_integer():
            return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if not isinstance(value, (str, int, float)):
        raise CellError(f"expected text, got {type(value).__name__}")
    s = str(value).strip()
    return s or None


_MULTIPLIERS = {"万": 10_000, "亿": 100_000_000, "千": 1_000, "k": 1_000, "m": 1_000_000,
                "million": 1_000_000, "billion": 1_000_000_000}
_AMOUNT = re.compile(r"^([+-]?)\s*(\d+(?:\.\d+)?|\.\d+)\s*(万|亿|千|k|m|million|billion)?$", re.IGNORECASE)
_CURRENCY_NOISE = re.compile(r"^(?:¥|￥|\$|€|rmb|cny|usd|eur|hkd)\s*|\s*(?:元|人民币|rmb|cny|yuan)$",
                             re.IGNORECASE)


def amount(value: Any) -> float | None:
    """An amount >= 0: a number, ``1,250,000``, ``¥1,250,000``, ``1,250万``, ``3.5亿``, ``120万元``."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError(f"not an amount: {value!r}")
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        s = value.strip().replace(",", "").replace("，", "").replace(" ", "").replace("\u3000", "")
        if not s:
            return None
        previous = None
        while previous != s:  # strip currency marks on either side, in any order
            previous, s = s, _CURRENCY_NOISE.sub("", s)
        m = _AMOUNT.match(s)
        if not m:
            raise CellError(f"not an amount: {value!r} (write a number such as 1250000, 1,250万 or 3.5亿)")
        number = float(m.group(2)) * _MULTIPLIERS.get((m.group(3) or "").lower(), 1)
        if m.group(1) == "-":
            number = -number
    else:
        raise CellError(f"not an amount: {value!r}")
    if not math.isfinite(number):
        raise CellError(f"not a finite amount: {value!r}")
    if number < 0:
        raise CellError(f"negative amount {value!r}: amounts owed are written as positive numbers")
    return number


_CURRENCY_NAMES = {"人民币": "CNY", "元": "CNY", "RMB": "CNY", "美元": "USD", "欧元": "EUR",
                   "港币": "HKD", "港元": "HKD", "日元": "JPY"}


def currency(value: Any) -> str:
    """An ISO 4217 code (CNY when empty); 人民币/元/RMB, 美元… are accepted."""
    s = text(value)
    if s is None:
        return "CNY"
    code = _CURRENCY_NAMES.get(s, _CURRENCY_NAMES.get(s.upper(), s.upper()))
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise CellError(f"unknown currency {s!r} (write an ISO code such as CNY or USD)")
    return code


def boolean(value: Any) -> bool | None:
    """yes/no, 是/否, true/false, 1/0 (None when empty)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    s = text(value)
    if s is None:
        return None
    found = vocabulary().value_index("boolean").get(s.casefold())
    if found is None:
        raise CellError(f"expected yes/no (是/否), got {s!r}")
    return found == "true"


def choice(value: Any, name: str) -> str | None:
    """A value from a closed list (``kind``, ``takeover_mode``, ``tier``), English or Chinese."""
    s = text(value)
    if s is None:
        return None
    index = vocabulary().value_index(name)
    found = index.get(s.casefold())
    if found is None:
        expected = ", ".join(getattr(vocabulary().values, name))
        raise CellError(f"unknown {name} {s!r} (expected one of: {expected}, or their Chinese names)")
    return found


_DATE = re.compile(r"(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?")


def date(value: Any) -> dt.date | None:
    """A calendar date: a spreadsheet date, ``2024-03-31``, ``2024/3/31`` or ``2024年3月31日``."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = text(value)
    if s is None:
        return None
    m = _DATE.fullmatch(s) or (_DATE.match(s) if re.fullmatch(r".{8,10}T[\d:.+\-Z]+", s) else None)
    if not m:
        raise CellError(f"not a date: {s!r} (write YYYY-MM-DD or YYYY年M月D日)")
    return _make_date(m, s)


def _make_date(m: re.Match[str], s: str) -> dt.date:
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise CellError(f"impossible date {s!r}: no such day in the calendar") from None


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}


def _cn_number(s: str) -> int | None:
    """Chinese numerals up to 999 (三十, 十五, 一百二十); None if ``s`` is not one."""
    if s.isdigit():
        return int(s)
    if not s or any(c not in _CN_DIGITS and c not in "十百" for c in s):
        return None
    total, current = 0, 0
    for c in s:
        if c in _CN_DIGITS:
            current = _CN_DIGITS[c]
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        else:  # 百
            total += (current or 1) * 100
            current = 0
    return total + current


_ZH_PERIOD = re.compile(r"([0-9]+|[零〇一二两三四五六七八九十百]+)\s*(个工作日|工作日|日|天|周|个月|月)(?:内|之内|以内)")
_EN_PERIOD = re.compile(r"within\s+(\d+)\s+(business\s+days?|working\s+days?|days?|weeks?|months?)",
                        re.IGNORECASE)
_CLOSURE_WORDS = ("停业", "关闭", "闭店", "停止运营", "停止经营", "终止", "closure", "closing", "close",
                  "cessation", "shutdown")


def _period_days(n: int, unit: str) -> int:
    unit = unit.lower()
    if "工作日" in unit or "business" in unit or "working" in unit:
        return math.ceil(n * 7 / 5)  # working days as calendar days (a five-day week)
    if unit.startswith(("周", "week")):
        return n * 7
    if "月" in unit or unit.startswith("month"):
        return n * 30
    return n


def deadline(value: Any) -> Deadline:
    """A deadline cell: a date, a period (停业后30日内, within 30 days of closure), or words kept as
    written and classed vague or placeholder. An impossible date is an error."""
    if isinstance(value, (dt.datetime, dt.date)):
        d = value.date() if isinstance(value, dt.datetime) else value
        return Deadline(text=d.isoformat(), kind="date", date=d)
    s = text(value)
    if s is None:
        return Deadline()
    folded = s.casefold()
    words = vocabulary().deadline_words
    if any(w.casefold() in folded for w in words.placeholder) or re.search(r"[xX]{1,2}\s*[月日号]", s):
        return Deadline(text=s, kind="placeholder")
    m = _DATE.search(s)
    if m:
        return Deadline(text=s, kind="date", date=_make_date(m, s))
    m = _ZH_PERIOD.search(s) or _EN_PERIOD.search(s)
    if m:
        n = _cn_number(m.group(1))
        if n is not None:
            anchor = "closure" if any(w in folded for w in _CLOSURE_WORDS) else "other"
            return Deadline(text=s, kind="period", days=_period_days(n, m.group(2)), anchor=anchor)
    # Anything else (近期, 尽快, 明年春天, "soon") is kept as written: the client cannot act on it.
    return Deadline(text=s, kind="vague")


_VAGUE_PLACE = ("有关", "相关", "当地", "所在地", "某", "一家", "the relevant", "a competent", "an ")
_DISPUTE_PREFIX = re.compile(r"^(?:提交|由|向|交由|交|submitted to|refer(?:red)? to|to|by|the)\s*", re.IGNORECASE)


def dispute(value: Any) -> Dispute:
    """A dispute-resolution clause: arbitration naming a commission, arbitration without one, a
    court, or none (also for negotiation only)."""
    s = text(value)
    if s is None:
        return Dispute()
    words = vocabulary().arbitration
    folded = s.casefold()
    if any(w.casefold() in folded for w in words.words):
        for w in words.commission_words:
            i = folded.find(w.casefold())
            if i > 0:
                before = _DISPUTE_PREFIX.sub("", s[:i].strip()).strip()
                if len(before) >= 2 and not any(before.casefold().startswith(v) for v in _VAGUE_PLACE):
                    return Dispute(text=s, kind="arbitration_named")
        return Dispute(text=s, kind="arbitration_vague")
    if any(w.casefold() in folded for w in words.court_words):
        return Dispute(text=s, kind="court")
    return Dispute(text=s, kind="none")
