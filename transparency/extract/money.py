"""Money, refund, interest and compensation terms.

money: amount (concrete, or vague when 约/数十万/"about" qualifies it) and vague_amount; value and
attrs ``amount`` (a number in the currency's unit) and ``currency`` (ISO code).
refund: full, original_route, pro_rata, transfer (concrete), other (a bare 退款, vague).
interest: deposit_rate, lpr, rate (with attr ``rate`` in percent) (concrete), generic (vague).
compensation: waiver, unchanged_policy, credit (concrete), basis (a bare 补偿) and vague (适当补偿).
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .numerals import NUMERAL_CHARS, cn_to_number
from .text import EN_L, EN_R, Hit, alternation, ascii_lower, windows

_NUM_AR = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM_CN = "[" + NUMERAL_CHARS + "点]+"
_MULT_CN = r"万亿|千万|百万|十万|万|亿|千"
_MULT_EN = r"\s*(?:thousand|million|billion|bn|mn|k|m)(?![A-Za-z])"
_SUF = r"元整|元|圆整|圆|块钱|块|美元|港元|港币|欧元|英镑|日元|新台币"
_EN_SUF = r"\s*(?:dollars|usd|yuan|rmb|euros?|pounds|hkd)(?![A-Za-z])"
_PRE = r"人民币|新台币|港币|rmb|cny|us\$|usd|hk\$|hkd|nt\$|twd|eur|gbp|[¥€£$]"
_CURRENCY = [
    ("TWD", ("NT$", "TWD", "新台币", "nt$", "twd")), ("HKD", ("HK$", "HKD", "港元", "港币", "hkd", "hk$")), ("USD", ("US$", "USD", "$", "美元", "dollars", "usd")),
    ("EUR", ("EUR", "€", "欧元", "euro", "euros")), ("GBP", ("GBP", "£", "英镑", "pounds")),
    ("JPY", ("日元",)), ("CNY", ("人民币", "RMB", "CNY", "¥", "元", "圆", "块", "yuan", "rmb")),
]
_CURRENCY_MARK = re.compile(r"[元圆块$¥€£]|人民币|港币|新台币|英镑|usd|rmb|cny|hkd|eur|gbp|twd|dollar|yuan|pound")
_CURRENCY_TAIL = re.compile(r"(?:人民币|新台币|港币|rmb|cny|usd|[¥$\s])+$")
_EN_MULT = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon("money")
    return {
        "amount": re.compile(
            rf"(?P<pre>{_PRE})?\s*(?<![\d.,])(?P<num>{_NUM_AR}|{_NUM_CN})\s*(?P<mult>{_MULT_CN}|{_MULT_EN})?\s*(?P<suf>{_SUF}|{_EN_SUF})?"),
        "vague_amount": re.compile(r"(?:数|几|好几)(?:十|百|千)?(?:万|亿)?(?:元|美元|块)|若干(?:元|金额|费用|款项)"
                                   rf"|{EN_L}(?:several|a few) (?:thousand|million|hundred) (?:dollars|yuan){EN_R}"),
        "vague_before": re.compile(r"(?:" + alternation([p.lower() for p in lex["vague_amount"]]) + r")\s*$"),
        "vague_after": re.compile(r"^\s*(?:左右|上下|以上|余)"),
        "rate": re.compile(r"(?:年?利率|年化|interest(?: rate)?(?: of| at)?)\s*(?:为|是|按|:)?\s*(\d+(?:\.\d+)?)\s*%"
                           # (?<![\d.]): a number is tried once from its first digit, not from each digit
                           r"|(?<![\d.])(\d+(?:\.\d+)?)\s*%\s*(?:的)?\s*(?:年利率|年化利率|利率|利息|年息|per annum|p\.a\.|annual interest|interest)"),
    }


def _currency(*parts: str | None) -> str:
    for code, marks in _CURRENCY:
        for part in parts:
            if part and part.strip() in marks or (part and part.strip().lower() in {m.lower() for m in marks}):
                return code
    return "CNY"


def _amount(num: str, mult: str | None) -> float | int | None:
    value = cn_to_number(num)
    if value is None:
        return None
    if mult:
        m = mult.strip().lower()
        factor = _EN_MULT.get(m) or cn_to_number("1" + m)
        if factor is None:
            return None
        value = value * factor
    return int(value) if float(value).is_integer() else round(value, 2)


def find_money(folded: str) -> list[Hit]:
    """Amounts of money (and vague amounts) in the folded text."""
    pats = _patterns()
    hits: list[Hit] = []
    folded = ascii_lower(folded)  # patterns are lower case; spans and values are unaffected
    # Every amount carries a currency mark or unit, so the pattern runs only around those.
    for lo, hi in windows(folded, _CURRENCY_MARK, 40, 40):
        hits.extend(_amounts_in(folded, pats, lo, hi))
    for m in pats["vague_amount"].finditer(folded):
        hits.append(Hit("money", "vague_amount", "vague", m.start(), m.end(), None, {"currency": _currency(m.group()[-2:], m.group()[-1:])}))
    return hits


def _amounts_in(folded: str, pats: dict, lo: int, hi: int) -> list[Hit]:
    hits: list[Hit] = []
    for m in pats["amount"].finditer(folded, lo, hi):
        pre, num, mult, suf = m.group("pre"), m.group("num"), m.group("mult"), m.group("suf")
        if not (pre or suf):
            continue
        chinese = not num[0].isdigit()
        if chinese and not (suf or (pre and pre.upper() in ("人民币", "RMB", "CNY", "新台币", "港币"))):
            continue
        if chinese and set(num) <= set("点十百千"):
            continue
        amount = _amount(num, mult)
        if amount is None:
            continue
        s, e = m.start(), m.end()
        if not pre:
            s = m.start("num")
        while e > s and folded[e - 1].isspace():
            e -= 1
        currency = _currency(pre, suf)
        before = _CURRENCY_TAIL.sub("", folded[max(0, s - 14):s])  # 约人民币¥3.5亿: look past the currency
        vague = bool(pats["vague_before"].search(before) or pats["vague_after"].match(folded[e:e + 3]))
        hits.append(Hit("money", "vague_amount" if vague else "amount", "vague" if vague else "concrete", s, e,
                        amount, {"amount": amount, "currency": currency}))
    return hits


_TERM_KIND = {
    "refund_full": ("refund", "full", "concrete"), "refund_original_route": ("refund", "original_route", "concrete"),
    "refund_pro_rata": ("refund", "pro_rata", "concrete"), "refund_transfer": ("refund", "transfer", "concrete"),
    "refund_method": ("refund", "method", "concrete"),
    "refund_other": ("refund", "other", "vague"),
    "interest_deposit_rate": ("interest", "deposit_rate", "concrete"), "interest_lpr": ("interest", "lpr", "concrete"),
    "interest_generic": ("interest", "generic", "vague"),
    "compensation_vague": ("compensation", "vague", "vague"),
    "compensation_waiver": ("compensation", "waiver", "concrete"),
    "compensation_unchanged_policy": ("compensation", "unchanged_policy", "concrete"),
    "compensation_credit": ("compensation", "credit", "concrete"),
    "compensation_basis": ("compensation", "basis", "vague"),
}


def find_terms(folded: str, found: dict) -> list[Hit]:
    """Refund, interest and compensation terms in the folded text."""
    pats = _patterns()
    hits: list[Hit] = []
    for group, (kind, sub, quality) in _TERM_KIND.items():
        for s, e in found.get(("money", group), ()):
            hits.append(Hit(kind, sub, quality, s, e, folded[s:e]))
    for m in pats["rate"].finditer(ascii_lower(folded)):
        rate = float(m.group(1) or m.group(2))
        hits.append(Hit("interest", "rate", "concrete", m.start(), m.end(), rate, {"rate": rate}))
    return hits
