"""Contact channels: phone numbers, e-mail, WeChat, postal addresses, URLs and forms.

Phones come from ``phonenumbers`` (region CN for Chinese, US for English), run only on short windows
around digit runs, plus a fallback for 400/800 service numbers. Subkinds phone, email, wechat,
address are concrete channels; url and form (a help-centre link, a refund form) and an unnamed
WeChat group are generic channels (quality vague).
"""

from __future__ import annotations

import re
from functools import cache

from .text import EN_L, EN_R, Hit, ascii_lower, windows

_CANDIDATE = re.compile(r"[+\d(][\d\s()\-.]{5,24}\d")
_SERVICE = re.compile(r"(?<![\d-])(?:[48]00[- ]?\d{3}[- ]?\d{4}|1[- ]?800[- ]?\d{3}[- ]?\d{4}|95\d{3,4}|1[0-2]\d{3}(?=热线|客服))(?![\d-])")
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z])")
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+[A-Za-z0-9/#=_-]")
_WECHAT = re.compile(
    r"(?:企业微信|微信公众号|公众号|微信号|微信|wechat official account|wechat(?:\s+id)?|小程序)\s*(?:号|id)?\s*[:]?\s*"
    r"(?:[“\"「『《](?P<name>[^”\"」』》\n]{1,24})[”\"」』》]|(?P<id>[a-z][-_a-z0-9]{5,19})(?![a-z0-9]))")
# A named official account with its name before the word (关注“暴雪游戏服务中心”公众号, “爱彼迎房东社区”微信服务号)
# and a QQ number (客服QQ：2631572796): messaging accounts, like a WeChat ID (subkind wechat).
_ACCOUNT_BEFORE = re.compile(r"[“\"「『《](?P<name>[^”\"」』》\n]{2,24})[”\"」』》]\s*(?:微信)?(?:公众号|服务号|订阅号|小程序|官方账号|官方帐号)")
_QQ = re.compile(r"(?<![A-Za-z])(?:qq|QQ)\s*(?:群|号|号码)?\s*[:：(（]?\s*(?P<id>[1-9]\d{4,10})(?!\d)")
# A LINE ID (Taiwan's messaging app), written in capitals so that "bottom line:" is never one.
_LINE_ID = re.compile(r"(?<![A-Za-z])LINE(?:\s*ID)?\s*:\s*@?(?P<id>[A-Za-z][-_.A-Za-z0-9]{3,19})(?![A-Za-z0-9])")
_WECHAT_GROUP = re.compile(r"(?:专项|专属|专门|客户)?微信群|(?:dedicated\s+)?wechat group")
_ADDRESS = re.compile(r"(?:办公地址|联系地址|邮寄地址|通讯地址|公司地址|地址|mailing address|address)\s*[:]\s*(?P<addr>[^\n;。]{4,80})")
_EN_ADDRESS = re.compile(r"(?<![A-Za-z0-9])\d{1,5}[ ]+(?:[A-Z][a-z]+[ ]+){1,4}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.?|Drive|Dr\.|Lane|Ln\.|Way|Place|Square|Court|Highway|Parkway)(?![a-z])(?:[ ,]+[A-Z][a-z]+(?:[ ]+[A-Z][a-z]+)?)?(?:[ ,]+[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2})?")
_CN_ADDRESS = re.compile(r"[\u4e00-\u9fff]{2,14}(?:路|街|大道|道|巷|弄)\s*\d{1,5}\s*号(?:[\u4e00-\u9fff\d]{0,12}(?:室|楼|层|座|栋))?")
_FORM = re.compile(r"(?:退款|退费|在线|联系|退货|登记)(?:申请)?(?:表单|表格|表)|(?:退款|退费)申请单|提交工单|帮助中心")
_FORM_EN = re.compile(rf"{EN_L}(?:refund|request|contact|claim|support|web)\s+form{EN_R}|{EN_L}help\s*(?:centre|center){EN_R}"
                      rf"|{EN_L}(?:open|submit|raise|file)\s+a\s+(?:support\s+)?ticket{EN_R}")
_ASSERTIVE_DIGITS = re.compile(r"\d")
_LATIN_DIGIT = re.compile(r"\d[ ]+[A-Z][a-z]")
_HAO = re.compile(r"\d\s*号")
# 2025.3.31 / 2024.12.01: a dotted date, whose digits a phone parser may accept as a number.
_DOTTED_DATE = re.compile(r"(?:19|20)\d{2}\.(?:0?[1-9]|1[0-2])\.(?:0?[1-9]|[12]\d|3[01])")
# A number that starts with a calendar date (2025-03-01 08:00, 2025/03/01 17) is a timestamp, not a phone.
_DATE_START = re.compile(r"\s*(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?!\d)")
_ID_BEFORE = re.compile(r"(?:编号|账号|帐号|单号|卡号|订单号|合同号|税号|代码|No\.?|#|ID)\s*[:：]?\s*$", re.I)


@cache
def _phonenumbers():
    import phonenumbers  # lazy: about 20 ms, paid on first use only

    return phonenumbers


class _Match:
    """The fields of a PhoneNumberMatch that find_phones reads."""

    __slots__ = ("start", "end", "raw_string", "number")

    def __init__(self, start: int, end: int, raw: str, number: object) -> None:
        self.start, self.end, self.raw_string, self.number = start, end, raw, number


def _parse_whole(pn, text: str, regions: tuple[str, ...]):
    """The number when ``text`` as a whole is one valid phone number in one of ``regions``, else None."""
    for region in regions:
        try:
            number = pn.parse(text, region)
        except pn.NumberParseException:
            return None
        if pn.is_valid_number(number):
            return number
    return None


def find_phones(folded: str, language: str) -> list[Hit]:
    """Phone numbers; each window around a run of digits is handed to PhoneNumberMatcher."""
    # The first region decides numbers written without a country code; the others catch numbers of
    # neighbouring systems (Taiwan, Hong Kong; the UK, Australia) that the first would reject.
    regions = ("CN", "TW", "HK") if language == "zh" else ("US", "GB", "AU")
    hits: list[Hit] = []
    seen: set[tuple[int, int]] = set()
    pn = None
    for cand in _CANDIDATE.finditer(folded):
        if len(_ASSERTIVE_DIGITS.findall(cand.group())) < 7:
            continue
        pn = pn or _phonenumbers()
        try:
            # Fast path: the whole digit run is one valid number (parse is much cheaper than the matcher).
            direct = _parse_whole(pn, cand.group(), regions)
            if direct is not None:
                matches = [_Match(cand.start(), cand.end(), cand.group(), direct)]
                lo = 0
            else:
                lo = max(0, cand.start() - 1)
                window = folded[lo:cand.end() + 1]
                matches = []
                for region in regions:
                    matches = list(pn.PhoneNumberMatcher(window, region, leniency=pn.Leniency.VALID))
                    if matches:
                        break
            for m in matches:
                s, e = lo + m.start, lo + m.end
                raw = m.raw_string
                if raw.isdigit() and not raw.startswith(("0", "1", "400", "800", "+")):
                    continue  # a bare digit run with no trunk prefix is an id, not a dialable number
                if (_ID_BEFORE.search(folded, max(0, s - 6), s) or _DOTTED_DATE.fullmatch(raw.strip())
                        or _DATE_START.match(raw)):
                    continue
                if (s, e) not in seen:
                    seen.add((s, e))
                    number = pn.format_number(m.number, pn.PhoneNumberFormat.E164)
                    hits.append(Hit("contact", "phone", "concrete", s, e, number))
        except Exception:  # noqa: BLE001 - a library hiccup on odd input must not stop extraction
            continue
    service_possible = any(x in folded for x in ("400", "800", "95", "热线", "客服"))
    for m in (_SERVICE.finditer(folded) if service_possible else ()):
        if not any(s <= m.start() < e for s, e in seen):
            hits.append(Hit("contact", "phone", "concrete", m.start(), m.end(), re.sub(r"[- ]", "", m.group())))
    return hits


@cache
def _generic_cues() -> tuple[re.Pattern[str], frozenset[str]]:
    from .lexicon import lexicon
    from .text import alternation

    lex = lexicon("parties")
    # The support word must introduce the channel directly ("客服热线：", "customer support at"), not
    # sit in a person's title a few words earlier ("Head of Support, at jane@…").
    words = re.compile(r"(?:" + alternation([w.lower() for w in lex["support_words"]])
                       + r")(?:[\s:]|电话|热线|号码|邮箱|信箱|email|e-mail|line|phone|number|team|desk|at|on|via|为|是){0,6}$")
    return words, frozenset(m.lower() for m in lex["generic_mailboxes"])


def _mark_generic(hits: list[Hit], folded: str) -> list[Hit]:
    """Phones and mailboxes introduced as 客服 / "customer support", or support@… addresses, reach no
    one in particular: attr ``generic`` (the responsibility dimension treats them as generic)."""
    words, mailboxes = _generic_cues()
    low = folded.lower()
    out = []
    for h in hits:
        if h.subkind in ("phone", "email", "wechat", "address") and h.quality == "concrete":
            generic = bool(words.search(low, max(0, h.start - 24), h.start))
            if h.subkind == "email":
                local = str(h.value).split("@")[0]
                generic = generic or local in mailboxes or any(local.startswith(m + "-") or local.endswith("-" + m)
                                                               or local.startswith(m + ".") for m in mailboxes)
            h = h._replace(attrs={**(h.attrs or {}), "generic": generic})
        out.append(h)
    return out


def find_contacts(folded: str, language: str) -> list[Hit]:
    """All contact channels in the folded text."""
    return _mark_generic(_find_contacts(folded, language), folded)


def _find_contacts(folded: str, language: str) -> list[Hit]:
    hits = find_phones(folded, language)
    low = ascii_lower(folded)  # the patterns below are lower case; values are read from `folded`
    # Cheap containment tests spare the scans that cannot match.
    has = {"email": "@" in folded, "url": "http" in low or "www." in low,
           "wechat": any(w in low for w in ("微信", "wechat", "公众号", "小程序")),
           "address": "地址" in folded or "address" in low, "street": _LATIN_DIGIT.search(folded) is not None,
           "cn_address": "号" in folded,
           "form": any(w in low for w in ("表", "单", "帮助中心")), "form_en": "form" in low or "help" in low or "ticket" in low}
    for m in (_EMAIL.finditer(folded) if has["email"] else ()):
        hits.append(Hit("contact", "email", "concrete", m.start(), m.end(), m.group().lower()))
    email_spans = [(h.start, h.end) for h in hits if h.subkind == "email"]
    for m in (_URL.finditer(low) if has["url"] else ()):
        if any(s <= m.start() < e for s, e in email_spans):
            continue
        hits.append(Hit("contact", "url", "vague", m.start(), m.end(), folded[m.start():m.end()]))
    for m in (_WECHAT.finditer(low) if has["wechat"] else ()):
        key = "name" if m.group("name") else "id"
        hits.append(Hit("contact", "wechat", "concrete", m.start(), m.end(), folded[m.start(key):m.end(key)]))
    for m in (_ACCOUNT_BEFORE.finditer(folded) if has["wechat"] or "服务号" in folded or "订阅号" in folded else ()):
        hits.append(Hit("contact", "wechat", "concrete", m.start(), m.end(), m.group("name")))
    for m in (_QQ.finditer(folded) if "qq" in low else ()):
        hits.append(Hit("contact", "wechat", "concrete", m.start(), m.end(), "qq:" + m.group("id")))
    for m in (_LINE_ID.finditer(folded) if "LINE" in folded else ()):
        hits.append(Hit("contact", "wechat", "concrete", m.start(), m.end(), m.group("id")))
    for m in (_WECHAT_GROUP.finditer(low) if has["wechat"] else ()):
        hits.append(Hit("contact", "wechat", "vague", m.start(), m.end(), folded[m.start():m.end()]))
    for m in (_ADDRESS.finditer(low) if has["address"] else ()):
        addr = folded[m.start("addr"):m.end("addr")].strip()
        if _ASSERTIVE_DIGITS.search(addr) or re.search(r"[路街道区市省号楼]|street|road|avenue|suite|floor", addr, re.I):
            hits.append(Hit("contact", "address", "concrete", m.start(), m.start("addr") + len(m.group("addr").rstrip()), addr))
    for m in (_EN_ADDRESS.finditer(folded) if has["street"] else ()):
        hits.append(Hit("contact", "address", "concrete", m.start(), m.end(), m.group()))
    for lo, hi in (windows(folded, _HAO, 24, 24) if has["cn_address"] else ()):
        for m in _CN_ADDRESS.finditer(folded, lo, hi):
            hits.append(Hit("contact", "address", "concrete", m.start(), m.end(), m.group()))
    for pattern in (_FORM,) * has["form"] + (_FORM_EN,) * has["form_en"]:
        for m in pattern.finditer(low):
            hits.append(Hit("contact", "form", "vague", m.start(), m.end(), folded[m.start():m.end()]))
    return hits
