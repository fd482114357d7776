"""Reasons: the cause of the closure, from a causal cue and its clause, or a checkable cause word.

Subkinds: specific (names what happened: 东南亚工厂疫情导致核心零部件断供6个月, "low adoption"),
boilerplate (由于种种原因, 因故, 业务调整, "business reasons") and link_only ("see our blog post").
The span is the cause clause; ``value`` is its text; attr ``cue`` the cue word. Farewell phrases
(天下无不散的宴席) are never causes.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .text import CJK, Hit, alternation, ascii_lower, letter_length, paragraph_window

_CLAUSE_START = re.compile(r"[,，;；。！!？?\n:：]|\.\s", re.I)
_SENTENCE_START = re.compile(r"[。！？!?；;\n]|\.\s")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# The legal forms that end a company's name; a named factory or site (华南工厂) is a checkable fact.
# A governing body (管委会, 董事会) deciding is a label as well ("股东方的决定").
_COMPANY_FORMS = "股份有限公司|有限责任公司|有限公司|公司|集团|银行|控股|管委会|委员会|董事会|股东会"
# A heading line that announces the cause: 一、移交原因 / 关闭原因： (the cause is the paragraph below).
_REASON_HEADING = re.compile(r"(?m)^[ \t]*(?:[一二三四五六七八九十壹贰貳叁參肆伍陆陸柒捌玖拾\d]{1,3}[、.)）][ \t]*)?[" + CJK + r"]{0,6}(?:原因|背景)[ \t]*[:：]?[ \t]*$")
# A regulation or a government document the closure complies with (根据《…实施方案》（澄政办发〔2024〕41号）):
# a checkable cause. A law code or a contract cited as the procedure (依据《民法典》第563条, 《公司法》) is not.
_CITED_MANDATE = re.compile(r"(?:根据|依据|按照|依照|遵照)[^。\n《]{0,12}《([^》\n]{2,40})》")
_PROCEDURAL_TITLE = re.compile(r"(?:(?<!办)法|法典|合同|合约|契约|协议|章程|条款|须知)$")
# A quantified trend told as the background (costs "have risen by 41%", "fewer than 2% of calls",
# 客流下降40%, 亏损300万元): checkable, even with no causal cue. The quantity is found first (few
# places in a letter) and the trend word looked for in the short stretch before it.
# Starts only where a number starts, so a long digit run is scanned once, not once per digit.
_QUANTITY = re.compile(r"(?<![\d.,])\d[\d.,]*\s?(?:%|per\s?cent|成|[万亿]?元)|\$\s?\d")
_TREND_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:risen|rose|increased|grown|grew|fallen|fell|dropped|declined|decreased|losing|lost|shrunk|shrank)"
    r"|(?<![A-Za-z])(?:fewer|less)\s+than)(?![A-Za-z])[^.\n;]{0,40}$"
    r"|(?:上涨|上升|增长|增加|下降|下滑|下跌|减少|萎缩|亏损|不足|不到|亏)[^。\n；;，,]{0,8}$", re.I)
# A governing body's resolution given as the only account (股东会…作出决议，决定解散公司; "the members
# resolved that the Company be wound up"; "our board decided"): a label, like 股东方的决定. The verb is
# found first and the body looked for just before it.
_DECIDED = re.compile(r"决议|决定|(?<![A-Za-z])(?:resolved|decided|voted)(?![A-Za-z])")
_BODY_BEFORE = re.compile(
    r"(?:股东会|股东大会|董事会|理事会|股东方|合伙人会议|管理委员会)[^。\n]{0,24}$"
    r"|(?<![A-Za-z])(?:board|shareholders|members|partners|trustees)(?![A-Za-z])[^.\n]{0,30}$", re.I)
# Acting on a named authority's requirement or campaign (为配合国家有关部门…清查工作, 为落实…规定): a cited
# mandate, checkable, not a label (general language; real dev notice zhs_c_009).
# (Matched on folded text: Traditional characters are already Simplified.)
_MANDATE = re.compile(r"为了?(?:配合|响应|落实|遵守|遵照|执行)[^，,。；;\n]{0,40}?"
                      r"(?:国家|政府|部门|主管|监管|法律|法规|规定|要求|通知|工作|行动)")
# A purpose clause in the closure's sentence (为了给用户带来更好的体验, 为集中资源…, "to focus on our core
# products", "so we can focus on…"): a label that fits any closure (MATRIX.md Reading 3), general language.
_PURPOSE = re.compile(
    r"(?:为了|为(?=集中|专注|聚焦|整合|优化))[^，,。；;！!？?\n]{2,30}"
    r"|\b(?:in\s+order\s+)?to\s+(?:(?:re-?)?focus|concentrate|invest\s+more|double\s+down|prioriti[sz]e|"
    r"streamline|better\s+serve)\b[^.,;!?\n]{0,60}"
    r"|\bso\s+(?:that\s+)?we\s+can\s+(?:focus|concentrate|invest|prioriti[sz]e)\b[^.,;!?\n]{0,60}", re.ASCII)  # \b at ASCII word edges only: a CJK neighbour is an edge
# A checkable fact stated with no causal connective, in the closure's paragraph or the one before
# ("The usage was low.", "sales fell short of what we needed", 惟本公司合約即將屆滿, 用户量持续下降): general
# language for a market, contract or technology fact, zh (folded to Simplified) and en.
_FACT_SENTENCE = re.compile(
    r"(?:合同|合约|租约|租赁合同|授权|许可|牌照|版号|代理权|托管协议)[^。！？!?\n]{0,8}(?:到期|届满|期满)"
    r"|(?:用户|销量|销售|收入|营收|客流|流量|订单|会员)[^。！？!?\n]{0,8}(?:下降|下滑|减少|不足|低迷|萎缩|不佳)"
    r"|\b(?:usage|sales|revenue|demand|interest|adoption|sign-?ups|subscribers|traffic|donations|funding)\b"
    r"[^.!?\n]{0,60}?\b(?:low|lower|short|declin\w*|dropp\w*|fell|fallen|insufficient|not(?:\s+\w+){0,2}\s+enough|"
    r"too\s+(?:low|few|small)|dried\s+up)\b"
    r"|\b(?:costs?|expenses)\b[^.!?\n]{0,50}?\b(?:excessive|unviable|unsustainable|"
    r"outweigh\w*|exceed\w*)\b"
    r"|\b(?:software|technology|platform|system|infrastructure|hardware|codebase|servers?)\b[^.!?\n]{0,40}?"
    r"\b(?:outdated|obsolete|end[- ]of[- ]life|no\s+longer\s+supported)\b", re.ASCII)  # \b at ASCII word edges only: a CJK neighbour is an edge
# A denial after the cause ("It isn't about your unit", 并非因为…) says what the cause is not.
_DENIAL = re.compile(r"\b(?:it|this)\s+(?:isn't|is\s+not|wasn't|was\s+not)\s+(?:about|because|due)|并非因为|不是因为|与[^。，\n]{0,8}无关", re.I)
# An organisation's name that holds a cause word (Calder Lane Insolvency LLP) is not a cause.
_NAME_TAIL = re.compile(r"\s*(?:LLP|LLC|Ltd|Limited|Inc|PLC|Partners|Group|Services|Practitioners)\b|\s*&\s*[A-Z]|[^。\n，,]{0,6}?(?:组|委员会|事务所)")
# 因停课未上课的天数 / 因延期产生的费用: a quantity affected by something, not the cause of the closure.
_AFFECTED_QUANTITY = re.compile(r"的(?:天数|日数|金额|费用|款项|部分|课时|课程|期间|损失|差额)$")


def _clause_after_sentence(folded: str, start: int) -> int:
    m = _SENTENCE_START.search(folded, start, min(len(folded), start + 200))
    return m.start() if m else min(len(folded), start + 200)


@cache
def _data() -> dict:
    lex = lexicon("reasons")
    remove = sorted(set(lex["boilerplate"] + lex["fillers"]), key=len, reverse=True)
    return {
        # A cause clause ends at punctuation or before the decision / the closure (clause_stops).
        "clause_end": re.compile(r"[,，;；。！!？?\n:：]|\.(?:\s|$)|(?:公司|我们|我司|本公司|本平台|平台)?(?:"
                                 + alternation([w.lower() for w in lex["clause_stops"]]) + ")"),
        "yin": re.compile(r"因(?![此而素为果应])|受(?=[^;。\n]{1,60}?影响)|(?<![联关体派世维直谱])系(?=[" + CJK + r"])(?![统列数])"),
        # A new clause that opens with the decision or the closure (", 决定…", ", so we…"), after a cause.
        "decision_clause": re.compile(r"[,，;；]\s*(?:(?:and|so)\s+)?(?:公司|我们|我司|本公司|本平台)?(?:"
                                      + alternation([w.lower() for w in lex["clause_stops"]]) + ")"),
        # The effect on the client ("给企业造成的影响", "the disruption this causes you") is not a cause.
        "client_effect": re.compile(r"[给对][^,，。]{0,10}(?:造成|带来)|(?:causes?|caused)\s+(?:you|our customers)"),
        # Matched on ascii-lowered text: re.I over hundreds of CJK phrases costs ~4x the compile time.
        "remove": re.compile(alternation([w.lower() for w in remove]) + r"|[\s\W\d_]+"),
        "content_word": re.compile(rf"[{CJK}]|[A-Za-z]{{3,}}"),
        # At most 12 characters before the suffix: a longer run is a clause (集团于半年报中公告关闭华南工厂).
        # No function word inside, and at most 12 characters before the suffix: a longer run, or one
        # holding 于/将/的…, is a clause (集团于半年报中公告关闭华南工厂), not a name.
        "org_name": re.compile(rf"(?:(?![于在将已的了是和与及对向从把被])[{CJK}A-Za-z0-9()（）]){{2,12}}?(?:" + _COMPANY_FORMS + ")"
                               + r"|(?:[A-Z][A-Za-z&'-]+[ ]+){1,4}(?:Inc|Ltd|LLC|GmbH|Corp|Co|Limited|Group)\.?"),
    }


def classify_cause(clause: str) -> str:
    """``specific`` when something checkable is left after removing labels and fillers, else ``boilerplate``.

    A company's own name (上海东岸精工有限公司经营不善) is not a cause, so organisation names go too."""
    d = _data()
    rest = d["remove"].sub(" ", ascii_lower(d["org_name"].sub(" ", clause)))
    cjk = len(re.findall(f"[{CJK}]", rest))
    words = len(re.findall(r"[A-Za-z]{3,}", rest))
    return "specific" if cjk >= 2 or words >= 2 or (cjk >= 1 and words >= 1) else "boilerplate"


def _clause_after(folded: str, start: int) -> int:
    end = min(len(folded), start + 80)
    m = _data()["clause_end"].search(ascii_lower(folded[start:end]))
    return start + m.start() if m else end


def _clause_before(folded: str, end: int) -> int:
    lo = max(0, end - 60)
    last = lo
    for m in _CLAUSE_START.finditer(folded, lo, end):
        last = m.end()
    for cue in ("由于", "因为", "因", "系", "受"):
        k = folded.rfind(cue, last, end)
        if k >= 0:
            return k + len(cue)
    return last


def _trim(folded: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (folded[s].isspace() or folded[s] in "的了,，:："):
        s += 1
    while e > s and (folded[e - 1].isspace() or folded[e - 1] in "的了影响,，"):
        e -= 1 if not folded.endswith("影响", 0, e) else 2
    return s, e


def _paragraph_end(folded: str, start: int, limit: int = 260) -> int:
    m = _PARAGRAPH_BREAK.search(folded, start, min(len(folded), start + limit))
    return m.start() if m else min(len(folded), start + limit)


def _section_clause(folded: str, cue_start: int, cue_end: int) -> tuple[int, int]:
    """The answer after a heading (原因说明：) or a question ("Why is X being retired?")."""
    s = cue_end
    cue = folded[cue_start:cue_end].lower()
    if cue.startswith(("why", "为什么")) and not cue.endswith(":"):
        q = re.compile(r"[?？\n]").search(folded, s, min(len(folded), s + 120))
        s = q.end() if q else s
    while s < len(folded) and folded[s] in " \t\r\n:":
        s += 1
    e = _paragraph_end(folded, s)
    denial = _DENIAL.search(folded, s, e)
    e = denial.start() if denial else e
    # "公司战略调整，决定集中资源…": the answer's cause ends where the decision begins.
    m = _data()["decision_clause"].search(ascii_lower(folded[s:e]))
    return s, (s + m.start() if m else e)


def _before_consequence(folded: str, cue_start: int) -> tuple[int, int]:
    """The cause told just before "…, so we will close" / "因此，我们决定…"."""
    sentence_start = 0
    for b in _SENTENCE_START.finditer(folded, max(0, cue_start - 300), cue_start):
        sentence_start = b.end()
    s, e = _trim(folded, sentence_start, cue_start)
    if len(re.findall(rf"[{CJK}]|[A-Za-z]+", folded[s:e])) >= 4:
        return s, e
    # The connective opens its sentence: the cause is the sentence before.
    prev_end = sentence_start
    prev_start = 0
    for b in _SENTENCE_START.finditer(folded, max(0, prev_end - 300), max(0, prev_end - 1)):
        prev_start = b.end()
    return _trim(folded, prev_start, prev_end)


def _near(spans: list[tuple[int, int]], s: int, e: int, folded: str) -> bool:
    """Whether one of ``spans`` lies in the paragraph of [s, e) or the paragraph before it (in a short
    text, anywhere: a notice of a few lines is about one thing)."""
    if letter_length(folded) < 500:
        return bool(spans)
    lo, hi = paragraph_window(folded, s, e)  # this paragraph and the one before
    return any(lo <= a and b <= hi for a, b in spans)


# What a closure does to the client, after 造成 / 带来 (不便, 困扰, 影响, 损失): no cause (general language).
_INCONVENIENCE = re.compile(r"\s*(?:了)?(?:您的|您|各位的|大家的|贵司的|您们的)?(?:诸多)?(?:不便|困扰|影响|损失|麻烦)")  # folded: 困擾 reads 困扰
# How far a sentence is looked for around a cue: a "sentence" longer than this (a text with no
# punctuation) is cut, so that many cues in one long run cost linear, not quadratic, time.
_SENTENCE_REACH = 300


def _sentence_start(folded: str, at: int) -> int:
    """Where the sentence holding ``at`` starts, looking back at most :data:`_SENTENCE_REACH` characters."""
    lo = max(0, at - _SENTENCE_REACH)
    return max([folded.rfind(c, lo, at) for c in "。！？!?；;\n"] + [folded.rfind(". ", lo, at), lo - 1]) + 1


_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?:\s|$)")


def _explains_something_else(folded: str, cue_start: int, clause_end: int, statements: list[tuple[int, int]]) -> bool:
    """The cause clause governs a main clause in its own sentence that says nothing of the closure ("Due to
    the nature of the service, there is no migration path", 因系统升级，部分功能暂不可用): it explains that,
    not the closure (MATRIX.md Reading 4). A cause that ends its sentence, or whose sentence names the
    closure, is left to the paragraph test."""
    end = _SENTENCE_END.search(folded, clause_end, clause_end + _SENTENCE_REACH)
    stop = end.start() if end else min(len(folded), clause_end + _SENTENCE_REACH)
    main = folded[clause_end:stop].strip(" ,，、:：\t")
    if len(main) < 6:
        return False
    start = _sentence_start(folded, cue_start)
    return not any(start <= a < stop for a, _ in statements)


def find_reasons(folded: str, found: dict) -> list[Hit]:
    """Cause clauses and checkable cause words in the folded text."""
    d = _data()
    hits: list[Hit] = []
    farewell = found.get(("reasons", "not_causes"), [])
    closure = found.get(("topics", "closure"), []) + found.get(("reasons", "decision"), [])
    low = ascii_lower(folded)  # the English alternatives are lower case, matched without re.I (cheaper)
    statements = found.get(("topics", "closure"), []) + found.get(("topics", "closure_verbs"), [])
    decisions = [(a, b) for a, b in found.get(("reasons", "decision"), []) if low[a:b] != "will"]
    cues = [(s, e) for s, e in found.get(("reasons", "cues_before"), []) if folded[s:e] not in ("因", "受")]
    cues += [(m.start(), m.end()) for m in d["yin"].finditer(folded)
             if not (m.group() == "因" and m.start() and folded[m.start() - 1] in "原基诱起主病成内外")]
    longest: dict[int, int] = {}
    for cs, ce in cues:  # "because of" wins over "because" at the same place
        longest[cs] = max(ce, longest.get(cs, ce))
    kept = []
    reach = -1  # the furthest end of the cues started before this one: a cue inside it is dropped
    for s, e in sorted(longest.items()):  # one sweep, not all pairs
        if e > reach:
            kept.append((s, e))
        reach = max(reach, e)
    for cs, ce in kept:
        s = ce
        if folded[cs] == "受":
            k = folded.find("影响", s, s + 80)
            e = k if k > 0 else _clause_after(folded, s)
        else:
            e = _clause_after(folded, s)
        s, e = _trim(folded, s, e)
        if e <= s or e - s > 80:
            continue
        clause = folded[s:e]
        if _AFFECTED_QUANTITY.search(clause):
            continue
        if not _near(closure, s, e, folded):
            continue  # "因为您是我们的老客户": a cause of something other than the closure
        if _explains_something_else(folded, cs, e, statements + decisions):
            continue  # "Due to the nature of the service, there is no migration": MATRIX.md Reading 4
        hits.append(Hit("reason", classify_cause(clause), "concrete", s, e, clause, {"cue": folded[cs:ce]}))
    headings = ([(m.start(), m.end()) for m in _REASON_HEADING.finditer(folded)]
                if "原因" in folded or "背景" in folded else [])
    for cs, ce in found.get(("reasons", "cues_section"), []) + headings:
        s, e = _trim(folded, *_section_clause(folded, cs, ce))
        if e > s:
            hits.append(Hit("reason", classify_cause(folded[s:e]), "concrete", s, e, folded[s:e], {"cue": folded[cs:ce]}))
    for cs, ce in found.get(("reasons", "consequence"), ()):
        word = folded[cs:ce].lower()
        if word == "so" and re.match(r"\s*(?:that|far|much|many|you|if|long|please)(?![a-z])", folded[ce:ce + 12].lower()):
            continue
        rest_end = _clause_after_sentence(folded, ce)
        # "so" / 因此 must lead to the closure itself, not to a decision about something else
        # ("…, so we will send you a card", 因此我们决定举办告别活动): a decision word alone is not enough.
        if not any(cs <= a < rest_end for a, _ in statements):
            continue
        s, e = _before_consequence(folded, cs)
        last = max(folded.rfind(p, s, cs) for p in ",，;；。\n") + 1 or s
        if any(last <= a < cs for a, _ in statements):
            continue  # the clause just before is the closure itself ("We are closing on 30 June, so …")
        if e > s and e - s <= 300:
            hits.append(Hit("reason", classify_cause(folded[s:e]), "concrete", s, e, folded[s:e], {"cue": folded[cs:ce]}))
    for cs, ce in found.get(("reasons", "cues_after"), ()):
        if _INCONVENIENCE.match(folded, ce):
            continue  # 如造成您的不便，敬请见谅: an apology formula, what the closure does to the client
        e = cs
        s = _clause_before(folded, e)
        s, e = _trim(folded, s, e)
        if e <= s or e - s > 60:
            continue
        clause = folded[s:e]
        hits.append(Hit("reason", classify_cause(clause), "concrete", s, e, clause, {"cue": folded[cs:ce]}))
    for s, e in found.get(("reasons", "specific_facts"), ()):
        if _NAME_TAIL.match(folded, e) and folded[s:s + 1].isupper():
            continue  # a cause word inside a name: Calder Lane Insolvency LLP
        if _near(closure, s, e, folded):
            hits.append(Hit("reason", "specific", "concrete", s, e, folded[s:e], {"cue": ""}))
    for m in _CITED_MANDATE.finditer(folded):
        if not _PROCEDURAL_TITLE.search(m.group(1)) and _near(closure, m.start(), m.end(), folded):
            s, e = m.start(1) - 1, _clause_after(folded, m.end())
            hits.append(Hit("reason", "specific", "concrete", s, e, folded[s:e], {"cue": folded[m.start():m.start() + 2]}))
    for q in _QUANTITY.finditer(folded):
        t = _TREND_BEFORE.search(folded, max(0, q.start() - 48), q.start())
        if t and _near(closure, t.start(), q.end(), folded):
            hits.append(Hit("reason", "specific", "concrete", t.start(), q.end(), folded[t.start():q.end()], {"cue": ""}))
    decided = _DECIDED.finditer(folded) if any(w in folded for w in ("决", "resolved", "decided", "voted")) else ()
    for v in decided:
        m = _BODY_BEFORE.search(folded, max(0, v.start() - 40), v.start())
        # The closure itself must be near: 决定 / "decided" alone is in ``closure`` as a decision word.
        if m and _near(found.get(("topics", "closure"), []), m.start(), v.end(), folded):
            hits.append(Hit("reason", "boilerplate", "vague", m.start(), v.end(), folded[m.start():v.end()],
                            {"cue": "", "decision": True}))
    for m in _FACT_SENTENCE.finditer(low):
        if _near(statements, m.start(), m.end(), folded):
            hits.append(Hit("reason", "specific", "concrete", m.start(), m.end(), folded[m.start():m.end()], {"cue": "fact"}))
    if "为" in folded or re.search(r"(?i)\b(?:to|so)\s", folded):
        sentence_end = re.compile(r"[。！？!?\n]|\.(?:\s|$)")
        for m in _MANDATE.finditer(folded):
            if _near(statements, m.start(), m.end(), folded):
                hits.append(Hit("reason", "specific", "concrete", m.start(), m.end(), m.group(), {"cue": "mandate"}))
        for m in _PURPOSE.finditer(low):
            if _MANDATE.match(folded, m.start()):
                continue  # 为配合国家…: a mandate, found above
            lo = _sentence_start(folded, m.start())
            end = sentence_end.search(folded, m.end(), m.end() + _SENTENCE_REACH)
            hi = end.start() if end else min(len(folded), m.end() + _SENTENCE_REACH)
            if any(lo <= a < hi for a, _ in statements):
                hits.append(Hit("reason", "boilerplate", "vague", m.start(), m.end(), folded[m.start():m.end()],
                                {"cue": "", "purpose": True}))
    for s, e in found.get(("reasons", "boilerplate_standalone"), ()):
        # 股东方的决定: a decision given as the account, which MATRIX.md Reading 3 counts as no cause.
        hits.append(Hit("reason", "boilerplate", "vague", s, e, folded[s:e],
                        {"cue": "", "decision": bool(_DECIDED.search(folded, s, e))}))
    for s, e in found.get(("reasons", "link_only"), ()):
        hits.append(Hit("reason", "link_only", "vague", s, e, folded[s:e], {"cue": ""}))
    out = []
    for h in hits:
        if any(fs <= h.start < fe or h.start <= fs < h.end for fs, fe in farewell):
            continue
        if not (h.attrs or {}).get("purpose") and d["client_effect"].search(folded, h.start, min(len(folded), h.end + 4)):
            continue  # "对于因…给企业造成的影响": what the closure does to the client, not its cause
        quality = "vague" if h.subkind in ("boilerplate", "link_only") else "concrete"
        out.append(h._replace(quality=quality))
    return out
