"""Chinese numerals (ordinary and financial) and mixed Arabic + Chinese multipliers to numbers.

``cn_to_number("三点五亿") == 350_000_000``, ``cn_to_number("壹仟贰佰伍拾万") == 12_500_000``,
``cn_to_number("二〇二四") == 2024``, ``cn_to_number("1,250万") == 12_500_000``. Returns None for a
string that is not a number. Works on the matched substring only; the text itself is never rewritten.
"""

from __future__ import annotations

import re

DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
    "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
    "幺": 1, "貳": 2, "參": 3, "陸": 6, "兩": 2,
}
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
_ARABIC = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(.*)$")


def _as_int(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _units_product(rest: str) -> int | None:
    product = 1
    for ch in rest:
        unit = SMALL_UNITS.get(ch) or BIG_UNITS.get(ch)
        if unit is None:
            return None
        product *= unit
    return product


def _cn_integer(s: str) -> int | None:
    if s and all(ch in DIGITS for ch in s):  # positional: 二〇二四
        return int("".join(str(DIGITS[ch]) for ch in s))
    total = section = number = 0
    for ch in s:
        if ch in DIGITS:
            number = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (number or (1 if ch in "十拾" else 0) or 1) * SMALL_UNITS[ch]
            number = 0
        elif ch in BIG_UNITS:
            unit = BIG_UNITS[ch]
            if unit == 100_000_000:
                total = (total + section + number) * unit
            else:
                total += (section + number) * unit
            section = number = 0
        else:
            return None
    return total + section + number


def cn_to_number(s: str) -> int | float | None:
    """The value of a Chinese, financial, Arabic or mixed numeral; None when ``s`` is not one."""
    s = s.strip()
    if not s:
        return None
    m = _ARABIC.match(s)
    if m:
        try:
            base = float(m.group(1).replace(",", ""))
        except ValueError:
            return None
        product = _units_product(m.group(2))
        return None if product is None else _as_int(base * product)
    for point in ("点", "點"):
        if point in s:
            whole, _, frac = s.partition(point)
            unit_at = len(frac)
            while unit_at and (frac[unit_at - 1] in SMALL_UNITS or frac[unit_at - 1] in BIG_UNITS):
                unit_at -= 1
            digits, units = frac[:unit_at], frac[unit_at:]
            if not digits or not all(ch in DIGITS for ch in digits):
                return None
            head = _cn_integer(whole) if whole else 0
            product = _units_product(units)
            if head is None or product is None:
                return None
            value = float(f"{head}.{''.join(str(DIGITS[ch]) for ch in digits)}") * product
            return _as_int(round(value, 6))
    return _cn_integer(s)
