"""Plans: what happens next to the client's project, account, data, contract or money.

Subkinds takeover, migration, data_export, handover, postponement, data_deletion, refund, assignment
(由 X 负责/跟进: a party is given the follow-up), and vague (妥善安排, "help with the transition"). Quality and attr ``has_actor`` are set after all other
evidence is known (see :func:`resolve_plans`): a plan is concrete when its sentence names an actor,
a concrete time, a target (a URL, a named party) or a refund method; ``has_actor`` is True when a
named party (not 我们 or 客服) is in the sentence.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .text import Bounds, Hit, alternation, ascii_lower, defined_terms, paragraph_window

_PLAN_KINDS = ("takeover", "migration", "data_export", "handover", "postponement", "data_deletion", "refund")
# A named migration target right after the cue: "move to Formstack Teams", 迁移至“云账本”, a URL.
_TARGET = re.compile(r"\s*(?:the\s+)?(?:[A-Z][A-Za-z0-9&'-]+(?:\s+[A-Z][A-Za-z0-9&'-]+)*|[“\"「『《][^”\"」』》\n]{1,20}[”\"」』》]|https?://"
                     # a named product, platform or service in Chinese (开放平台猎鹰产品, 新工具箱), a bare domain
                     r"|[\u4e00-\u9fffA-Za-z0-9]{2,14}?(?:产品|服务|平台|系统|工具箱|工具|版|应用|App|APP|网站|商城|门店|分店)"
                     r"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|io|app|dev|tw|hk)(?![a-z]))")
# A named target standing before its cue ("Other experiments like Firefox Color will remain available"):
# two or more capitalised words, or a quoted name (general language).
_NAMED_BEFORE = re.compile(r"(?<=[\s(])[A-Z][A-Za-z0-9&'-]+(?:\s+[A-Z][A-Za-z0-9&'-]+)+|[“\"「『《][^”\"」』》\n]{1,20}[”\"」』》]")
_BY_AGENT = re.compile(r"(?:\s+[a-z]+){0,2}\s+by\s+(?:the\s+)?")
# The client's own things come back to them (kept for you to collect, 寄回, 退还设备): a specific action.
_BACK_TO_CLIENT = re.compile(r"(?<![A-Za-z])(?:for you to collect|returned to you|posted to you|shipped to you|sent back to you)(?![A-Za-z])|寄回给您|寄还给您|寄回至您|供您取回|由您取回", re.I)
_SELF = re.compile(r"\s*(?:我司|我们|本公司|我公司|本平台|本店)")
_HEADING = re.compile(r"[\s\d.、)）(（一二三四五六七八九十:：-]*")




@cache
def _we() -> re.Pattern[str]:
    return re.compile(alternation([w.lower() for w in lexicon("plans")["we_subjects"]]))


@cache
def _takeover_verbs() -> frozenset[str]:
    return frozenset(lexicon("parties")["takeover_verbs"])


@cache
def _assignment() -> re.Pattern[str]:
    verbs = alternation(lexicon("parties")["successor_verbs"])
    return re.compile(rf"由\s*[^,;。!?\n由]{{2,24}}?\s*(?:全面|统一|继续|全权|负责|协助|将|来|进行)?\s*(?P<verb>{verbs})")


def find_plans(folded: str, found: dict) -> list[Hit]:
    """Plan cues in the folded text (quality settled later by :func:`resolve_plans`)."""
    hits = []
    if "由" in folded:
        aliases = defined_terms(folded)
        for m in _assignment().finditer(folded):
            if folded[m.start("verb") - 1] == "所":
                continue  # 由 X 所运营: "operated by X", a description of today, no plan
            name = folded[m.start() + 1:m.start("verb")].strip(" 「」『』“”\"将来继续全面统一全权负责协助进行")
            if name in aliases:
                continue  # 由「恒远」继续履行: the company itself (a defined short name) goes on, no takeover
            sub = "takeover" if m.group("verb") in _takeover_verbs() else "assignment"
            if sub == "takeover" and _SELF.match(folded, m.start() + 1):
                continue  # 由我司代理运营: the operator running its own service is no takeover
            hits.append(Hit("plan", sub, "vague", m.start(), m.end(), m.group()))
    for sub in (*_PLAN_KINDS, "vague"):  # ("plans", "objects") is context, read by resolve_plans
        for s, e in found.get(("plans", sub), ()):
            hits.append(Hit("plan", sub, "vague", s, e, folded[s:e]))
    return hits


_QUOTED_NAME = re.compile(r"[「『“\"《【]([^」』”\"》】\n]{2,12})[」』”\"》】]")
_SLOT = re.compile(r"名称|姓名|客户|日期|时间|电话|地址|邮箱|联系|金额|填写|XX|××|name|date|client|company|phone|email|"
                   r"address|amount", re.I)
_CAPITALISED = re.compile(r"(?<![A-Za-z])([A-Z][a-z]+[A-Z]?[a-z]*)(?![A-Za-z])")
_COMMON = frozenset("""The We Our You Your If Dear Thank Thanks Please All This That It I A An In On For To Any Questions
Subject Hi Hello What When Where Why How Can Will Do Yes No Best Regards Sincerely Team Customer Support From After
Before Until Refunds Refund Data Export Timeline Contact Email Phone Note Important Notice And Or But As At By Of
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Board Members Staff Service
Services Store Shop Library Mr Ms Mrs Dr There Here They Their These Those Each Every Some Who Is Are App Help Visit
Download Open""".split())
# A quotation opens right after 答 / 问 / 说 / 道: what someone says, not a name (a colon may
# introduce a name: 迁移目标：“云账本”).
_SAID = re.compile(r"[答问说道]\s*$")
# A company's name ends in a legal or institutional form (general language; the text is folded, so
# 集團 and 銀行 read 集团 and 银行).
ORG_FORM = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团|公司|银行|商行|工作室|Inc\.?|Ltd\.?|LLC|LLP|Corp\.?|Co\.|Limited"
                       r"|GmbH|PLC|plc)$")


def operator_names(folded: str, parties: list[Hit]) -> set[str]:
    """Names by which a text names its operator or product: quoted names (「好物街」, 《雲海傳說》, an SMS's
    【XX健身】), capitalised names used twice or more (Inkwell), and short forms of named organisations
    (雲海互動 for 雲海互動娛樂股份有限公司, Acme for Acme Analytics Inc.)."""
    # A quoted menu path (「我的-数据导出」, 「我的书房 › 书籍转移」) is a place in the app, not a name;
    # a quoted question or list (“停车卡、门禁卡还能用吗”) is an utterance, not a name.
    names = {m.group(1) for m in _QUOTED_NAME.finditer(folded)
             if not re.search(r"[>›/\-:,。、?!]|[吗呢么]$", m.group(1)) and not _SLOT.search(m.group(1))
             and not _SAID.search(folded, max(0, m.start() - 2), m.start())}
    counts: dict[str, int] = {}
    for m in _CAPITALISED.finditer(folded):
        word = m.group(1)
        if word not in _COMMON:
            counts[word] = counts.get(word, 0) + 1
            if counts[word] >= 2:
                names.add(word)
    for p in parties:
        if p.kind == "party" and p.quality == "concrete" and p.subkind in ("organisation", "successor", "team"):
            core = ORG_FORM.sub("", folded[p.start:p.end]).strip()
            if re.fullmatch(r"[A-Za-z][A-Za-z&' -]*", core):
                if len(core.split()[0]) >= 3:
                    names.add(core.split()[0])
            elif len(core) >= 4:
                names.add(core[:4])
    return names


# A date referred back to ("before this date", "by then", 届时, 在此之前): the plan is as dated as the
# closure date stated earlier in its paragraph or the one before (general language, zh and en).
_ANAPHOR = re.compile(r"(?<![A-Za-z])(?:(?:this|that|the\s+same|such|the\s+closing|the\s+shutdown|the\s+above)\s+date"
                      r"|(?:by|before|until|prior\s+to)\s+(?:then|that\s+time|that\s+day)|on\s+that\s+day)(?![A-Za-z])"
                      r"|届时|在此之前|此前|该日|当日|此日|届期", re.I)  # folded text: 屆時 reads 届时


# A list item's marker: a bullet, 1. / 1) / 1、, （一）/ 一、, a) (general list typography, zh and en).
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•·▪◦]|\d{1,2}[.)、]|[（(]?[一二三四五六七八九十]{1,3}[)）、.]|[a-z][.)])\s*")


def _lead_in(folded: str, at: int) -> tuple[int, int] | None:
    """The lead-in line (ending with a colon) of the list whose item holds ``at``, as (start, end)."""
    line_start = folded.rfind("\n", 0, at) + 1
    if not _LIST_ITEM.match(folded, line_start):
        return None
    k = line_start
    for _ in range(30):  # walk up over the list's items to the line that introduces them
        if k == 0:
            return None
        prev_start = folded.rfind("\n", 0, k - 1) + 1
        line = folded[prev_start:k - 1]
        if _LIST_ITEM.match(folded, prev_start) and line.strip():
            k = prev_start
            continue
        return (prev_start, k - 1) if line.rstrip().endswith((":", "：")) else None
    return None


def _dated_paragraph(folded: str, start: int, times: list[Hit]) -> bool:
    """A concrete date in the paragraph of ``start`` or the one before it."""
    lo, hi = paragraph_window(folded, start, start)
    return any(lo <= t.start < hi and t.start < start for t in times)


def resolve_plans(plans: list[Hit], others: list[Hit], folded: str, sentences: Bounds,
                  found: dict | None = None, operator: set[str] | None = None) -> list[Hit]:
    """Set each plan's quality, ``has_actor`` and value from the evidence in its sentence.

    ``has_actor`` is True when a named party or the operator's name is in the plan's sentence, or when
    the sentence's subject is 我们 / "we" and the text names its operator (MATRIX.md: an unnamed "we"
    for an unnamed operator is vague). Only a named actor, a concrete time, a target or a refund method
    makes a plan concrete; several cues of one kind in one sentence are one plan.
    """
    objects = {sentences.index(s) for s, _ in (found or {}).get(("plans", "objects"), ())}
    by_sentence: dict[int, list[Hit]] = {}
    for h in others:
        by_sentence.setdefault(sentences.index(h.start), []).append(h)
    names = operator_names(folded, others) | (operator or set())
    dates = [h for h in others if h.kind == "time" and h.quality == "concrete" and h.subkind in ("date", "period")]
    low = ascii_lower(folded)
    # A writer who names themself (我是老周, "It's Marisol", ——团长 莉莉) is the operator behind "we".
    operator_named = bool(names) or any(h.kind == "party" and h.quality == "concrete"
                                        and (h.subkind in ("organisation", "team") or (h.attrs or {}).get("writer"))
                                        for h in others)
    out = []
    seen: set[tuple[int, str]] = set()
    for p in sorted(plans, key=lambda h: (h.start, h.end)):
        i = sentences.index(p.start)
        if (i, p.subkind) in seen:
            continue  # "Export. … you can export …": one plan
        s0, s1 = sentences.around(p.start)
        if _HEADING.fullmatch(folded[s0:p.start]) and _HEADING.fullmatch(folded[p.end:s1]):
            continue  # a list heading ("2. Refund.", "三、退款") names a topic, not a plan
        question = folded[s1:s1 + 1] in ("?", "？") or folded[s0:s1].rstrip().endswith(("?", "？"))
        seen.add((i, p.subkind))
        if question:
            # "Can I get a refund? Yes, to your card by 30 April.": the question names the plan, its
            # answer (the next sentence) says it; judged together, as one FAQ pair
            j = s1
            while j < len(folded) and folded[j] in "?？ \t\n":
                j += 1
            answer = sentences.around(j) if j < len(folded) else (j, j)
            if answer[1] <= answer[0] or not folded[answer[0]:answer[1]].strip():
                continue
            near = by_sentence.get(i, []) + by_sentence.get(sentences.index(answer[0]), [])
            s1 = answer[1]
        else:
            near = by_sentence.get(i, [])
            s0, s1 = sentences.around(p.start)
        actors = [h for h in near if h.kind == "party" and h.quality == "concrete"]
        named = [n for n in names if n in folded[s0:s1]]
        if p.subkind == "refund":
            # "write to Olivia Grant about your refund": a refund's actor is named before it, or
            # right after it in the passive ("will be refunded automatically by Galeborn").
            by = _BY_AGENT.match(folded, p.end)
            after = by.end() if by else -1
            actors = [h for h in actors if h.end <= p.start or h.start == after]
            named = [n for n in named if 0 <= folded.find(n, s0, p.start) or folded.startswith(n, after)]
        specifics = [h for h in near if (h.kind == "time" and h.quality == "concrete")
                     or (h.kind == "contact" and h.subkind in ("url", "email", "phone", "address"))
                     or (h.kind == "refund" and h.quality == "concrete")
                     or (h.kind == "money" and h.quality == "concrete")]
        if not specifics:
            lead = _lead_in(folded, p.start)
            if lead and any(lead[0] <= t.start < lead[1] for t in dates):
                # "On 31 March 2024 the following happens:\n- your data is deleted": the lead-in's date
                # applies to every item of its list
                specifics = [Hit("time", "lead_in", "concrete", lead[0], lead[1], folded[lead[0]:lead[1]])]
        if not specifics:
            anaphor = _ANAPHOR.search(folded, s0, s1)
            if anaphor and _dated_paragraph(folded, anaphor.start(), dates):
                specifics = [Hit("time", "anaphor", "concrete", anaphor.start(), anaphor.end(), anaphor.group())]
        we = bool(_we().search(low, s0, s1))
        named_actor = bool(actors or named)
        has_actor = named_actor or (we and operator_named)
        tm = _TARGET.match(folded, p.end) if p.subkind in ("migration", "takeover", "data_export") else None
        # "you can continue to use Visual Studio App Center until it retires": the closing product itself
        # is no target
        target = bool(tm) and not any(n and n in tm.group() for n in names)
        # "Other experiments like Firefox Color will remain available": the named target before the cue
        target = target or (p.subkind == "migration" and bool(_NAMED_BEFORE.search(folded, s0, p.start)))
        if p.subkind == "assignment":
            # 由 X 负责 is a specific plan when it names what X handles (退款及补偿事宜由…负责), not
            # when it hands X the whole exit (本次退出工作由…负责).
            concrete = bool(actors) and i in objects
        else:
            concrete = p.subkind != "vague" and (named_actor or bool(specifics) or target
                                                 or (p.subkind == "handover" and _BACK_TO_CLIENT.search(folded, s0, s1) is not None))
        actor = actors[0].value if actors else (sorted(named)[0] if named else ("we" if we else None))
        value = {"action": p.value, "actor": actor}
        out.append(p._replace(quality="concrete" if concrete else "vague", value=value,
                              attrs={"has_actor": has_actor, "we_actor": we}))
    return out
