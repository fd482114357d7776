"""Parties: titled persons, named organisations and teams, successors, and generic parties.

Subkinds: person, organisation, team, successor (quality concrete when named), generic (相关部门,
"the relevant team") and support (客服, "customer support"), both quality vague. ``value`` is the name.
An organisation name holding a template slot (XX园区运营管理有限公司) is generic. Attrs: ``role``
(named as the one who handles, takes over or is to be contacted), ``signature`` (an English name over
a title at the foot of a letter), ``writer`` ("联系我" / "email me" from a writer who named themselves).
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .text import CJK, Hit, alternation, defined_terms

_NOT_GIVEN = set("会司部区组方团局院厂行业目门台心所处科室队班委府局的了是在将和与及")
_NAMECHARS = re.compile(f"[{CJK}A-Za-z0-9（）()·&]")
_CAP = r"[A-Z][A-Za-z&'-]*"
_CAPITALISED = re.compile(r"[A-Z][a-z]")
_NOT_SELF_NAMES = frozenset("""Important Urgent Not The A An Our Your Why How What Because Part Just Only Also Still
Going Hard Difficult Sorry Sad Happy Excited Proud Grateful Thankful Writing Here It This That Goodbye Farewell Final
Official Real True Big Bad Good Great News Update""".split())
_HAS_CJK = re.compile(f"[{CJK}]")
# Roles that sign a personal message to a group of clients (a group-buy leader, a shop owner).
SIGNATURE_ROLES = ("团长", "群主", "店长", "老板", "老板娘", "园长", "馆长", "负责人", "主理人", "老师", "教练", "经理")
_PLACEHOLDER = re.compile(r"XX|xx|××|＿|__|【|\[")


@cache
def _data() -> dict:
    lex = lexicon("parties")
    surnames = "".join(lex["surnames"]).replace(" ", "")
    sur = f"[{surnames}]"
    titles = alternation(lex["person_titles"])
    en_titles = alternation(lex["en_titles"] + [t.lower() for t in lex["en_titles"] if len(t) > 3])
    return {
        # 张经理, 王总, and with a given name 张明经理 (the given name never a word part such as 部门).
        "titled": re.compile(rf"{sur}(?:(?![{''.join(sorted(_NOT_GIVEN))}])[{CJK}]){{0,2}}?(?:{titles})(?![部经监公结体计额数共之裁量价值])"),
        "cue_before": re.compile(rf"(?:{alternation(lex['person_cues_before'])})\s*(?:是|为|:)?\s*(?P<name>{sur}[{CJK}]{{1,2}}?)"
                                 rf"(?=[\s,;:()、]|电话|手机|邮箱|先生|女士|经理|$|[A-Za-z0-9+])"),
        "role_title_name": re.compile(rf"(?:经理|协理|主任|专员|顾问|主管|总监|代表|负责人|联系人|对接人|窗口)\s*[:]?\s*(?P<name>{sur}[{CJK}]{{1,2}}?)"
                                      rf"(?:先生|女士|小姐)?(?=[\s,;:()、]|电话|手机|邮箱|负责|牵头|全程|将|会|$|[A-Za-z0-9+])"),
        "honorific": re.compile(rf"(?<![{CJK}]{{3}}){sur}[{CJK}]{{1,2}}?(?:先生|女士|小姐)"),
        "cue_after": re.compile(rf"(?P<name>{sur}[{CJK}]{{1,2}}?)(?={alternation(lex['person_cues_after'])})"),
        # A bare name right before its channel on a contact line (客户服务部 顾晓峰，电话 …): the labels
        # are found first, the name is looked for in the few characters before each.
        "channel_label": re.compile(r"电话|手机|邮箱|电子邮件|微信"),
        "name_before_label": re.compile(rf"(?:^|(?<=[\s:(、部处科室组心]))(?P<name>{sur}[{CJK}]{{1,2}})[ \t]*,?[ \t]*(?:电子)?$"),
        # A title with a Latin given name (店长Lily, Kevin老师) or a nickname (负责人老周): the name is
        # found first, the title is checked beside it.
        "latin_given": re.compile(rf"(?<=[{CJK}])\s*(?P<a>[A-Z][a-z]{{1,15}})(?![A-Za-z])|(?<![A-Za-z])(?P<b>[A-Z][a-z]{{1,15}})(?=\s*[{CJK}])"),
        "titles_before": tuple(lex["person_titles"] + ["负责人", "主理人", "创始人"]),
        "titles_after": ("店长", "老师", "教练", "经理", "主理人"),
        "nickname": re.compile(rf"[老小阿]{sur}(?![{CJK}])"),
        # A writer who introduces themself by role and a familiar name (我是店长阿杰): 阿/小/老 + any
        # character is a name only when the self-introduction and the role stand right before it.
        "self_role_nickname": re.compile(rf"我是\s*(?:{alternation(list(SIGNATURE_ROLES))})\s*(?P<name>[阿小老][{CJK}])(?![{CJK}])"),
        "nickname_titles": ("负责人", "主理人", "创始人", "店长", "馆长", "经理", "老板", "站长"),
        "en_self_name": re.compile(r"(?<![A-Za-z])(?:I'm|I am|[Mm]y name is|[Tt]his is)\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+)?)"
                                   r"(?=\s*(?:[,.(—-]|$|\s(?:from|and|here|the)\s))"),
        "self_intro": re.compile(r"我是|(?<![A-Za-z])(?:I'm|I am|my name is|this is|it's)\s", re.I),
        # "It's Marisol from Mesa Wireless": the writer names themself with "from" or "here" after.
        "en_its_name": re.compile(r"(?<![A-Za-z])It's\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+)?)(?=\s+(?:from|here)(?![A-Za-z]))"),
        # A message signed with a dash, a role and a name at its very end (——团长 莉莉, — 店长 阿May).
        "dash_signature": re.compile(rf"(?:——|—|--)[ \t]*(?:{alternation(SIGNATURE_ROLES)})[ \t]*(?P<name>[{CJK}]{{2,3}}|[A-Z][a-z]+)[ \t]*[。.!！]?\s*$"),
        "contact_me": re.compile(r"(?:给|联系|加|找|私信|私聊|问|致电)我(?![们司])|(?<![A-Za-z])(?:email|e-mail|contact|reach|write to|message|call|text|dm|ping|ask)\s+me(?![A-Za-z])", re.I),
        "org_suffix": re.compile(rf"(?:{alternation(lex['org_suffixes'])})(?![分署件位长队落门])"),
        "left_stops": frozenset(lex["org_left_stops"]),
        "stop_lengths": tuple(sorted({len(s) for s in lex["org_left_stops"]})),
        "not_names": set(lex["org_not_names"]),
        "en_label_words": frozenset(lex.get("en_label_words", ())),
        "role_after": re.compile(r"(?:将|会|已|正|负责|全程|统一)?\s*(?:" + alternation([p.lower() for p in lex["role_after"]]) + ")"),
        "role_before": re.compile(r"(?:" + alternation([p.lower() for p in lex["role_before"]]) + r")(?!于)[^,;。!?\n]{0,10}$"),
        "generic_en": {p.lower() for p in lex["en_generic"]}, "support_en": {p.lower() for p in lex["en_support"]},
        "generic_set": set(lex["generic"]), "support_set": set(lex["support"]),
        "successor": re.compile(rf"由\s*(?P<name>[^,;。!?\n由]{{2,24}}?)\s*(?:全面|统一|继续|全权|负责|协助|将|来|进行)?\s*"
                                rf"(?P<verb>{alternation(lex['successor_verbs'])})"),
        "en_name_title": re.compile(rf"(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][A-Za-z'-]+){{1,2}}),\s+(?:our\s+|the\s+|a\s+)?"
                                    rf"(?P<title>(?:Senior\s+|Assistant\s+|Deputy\s+)?(?:[A-Z][a-z]+\s+){{0,2}}?(?:{en_titles})[A-Za-z ,&]{{0,40}}?)(?=[,.;\n(]|$| at | on | who | will | can | is )"),
        "en_first_name_mail": re.compile(r"(?<![A-Za-z])(?P<name>[A-Z][a-z]{2,})\s*(?:\(|at\s+|:\s*|—\s*|-\s*)(?=[A-Za-z0-9._%+-]+@)"),
        "en_honorific": re.compile(r"(?<![A-Za-z])(?:Mr|Ms|Mrs|Dr|Miss)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"),
        "en_contact": re.compile(r"(?<![A-Za-z])(?:contact|reach out to|reach|email|call|write to|speak to|speak with|ping|escalate to|talk to)\s+(?P<name>[A-Z][a-z]+\s+[A-Z][a-z]+)(?![A-Za-z])"),
        "en_role_name": re.compile(r"(?<![A-Za-z])(?:manager|executive|lead|contact|representative|rep|coordinator|liaison|advisor|adviser|officer|specialist|partner)"
                                   r"(?:[^.\n]{0,60}?\s+is|,|:|\s+—|\s+-)\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][A-Za-z'-]+)(?![A-Za-z])"),
        "en_name_paren": re.compile(rf"(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][A-Za-z'-]+)\s*\((?:[A-Za-z ,&]{{0,30}}\s)?(?:{en_titles})[^)]{{0,40}}\)"),
        "en_signature": re.compile(rf"^[ \t]*(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][A-Za-z'-]+)[ \t]*(?:\r?\n)[ \t]*(?:[A-Za-z ,&]{{0,30}}\s)?(?:{en_titles})", re.M),
        "en_org": re.compile(rf"(?P<name>{_CAP}(?:[ ]+(?:of[ ]+|&[ ]+)?{_CAP}){{0,4}})[ ]+(?P<suf>{alternation(lex['en_org_suffixes'])})"),
        "en_team": re.compile(rf"(?P<name>(?:{_CAP}[ ]+){{1,4}})(?P<suf>[Tt]eam|[Dd]epartment|[Dd]esk|[Oo]ffice|[Dd]ivision|[Uu]nit|branch|store|location|clinic|centre|center)(?![A-Za-z])"),
        "en_successor": re.compile(
            rf"(?P<name>(?:the[ ]+)?{_CAP}(?:[ ]+{_CAP}){{0,4}})[ ]+(?:has agreed to take over|will take over|is taking over|has taken over|will assume|has acquired|is acquiring|will acquire|will continue to (?:operate|serve|run))"
            rf"|(?:taken over|acquired|transferred|assumed|operated|handled|run|serviced|served|managed) by[ ]+(?:our[ ]+)?(?P<name2>(?:the[ ]+)?{_CAP}(?:[ ]+{_CAP}){{0,4}})"),
        "en_generic_words": re.compile(r"^(?:the\s+)?(?:our\s+)?(?:(?:customer|client)\s+)?(?:support|service|help|care|relevant|appropriate|the)(?:\s+(?:support|service|team))?\s*$", re.I),
        "takeover": frozenset(lex["takeover_verbs"]),
        "org_takeover": re.compile(r"^\s*(?:将|会|已)?\s*(?:" + alternation(lex["takeover_verbs"]) + ")"),
    }


# A name never holds a date: 2025年6月30日闭店 is a date and a verb before 店, not a shop's name.
_DATE_IN_NAME = re.compile(r"\d+\s*[年月日号]")


def _org_start(folded: str, suffix_start: int, data: dict, suffix_end: int | None = None) -> int:
    j = suffix_start
    limit = max(0, suffix_start - 14)
    while j > limit and _NAMECHARS.match(folded[j - 1]):
        if any(folded[j - k:j] in data["left_stops"] for k in data["stop_lengths"] if k <= j):
            # A line holding nothing but the name in the signature block (one of the last three lines,
            # not the first line: 上海和顺贸易有限公司 under a letter) is the name, whatever
            # conjunction-like character (和, 与) it contains.
            line_start = folded.rfind("\n", 0, suffix_start) + 1
            line_end = folded.find("\n", suffix_start)
            rest = folded[suffix_end:line_end if line_end >= 0 else len(folded)] if suffix_end else "x"
            if (line_start > 0 and folded.count("\n", suffix_start) <= 2 and not rest.strip()
                    and suffix_start - line_start <= 14
                    and all(_NAMECHARS.match(c) for c in folded[line_start:suffix_start])):
                return line_start
            break
        j -= 1
    dates = list(_DATE_IN_NAME.finditer(folded, j, suffix_start))
    return dates[-1].end() if dates else j


def _with_roles(hits: list[Hit], folded: str) -> list[Hit]:
    """Mark each named party that handles, takes over or is to be contacted (attr ``role``)."""
    d = _data()
    low = folded.lower()
    out = []
    for h in hits:
        if h.quality != "concrete":
            out.append(h)
            continue
        after = low[h.end:h.end + 16].lstrip(" ,:(")
        before = low[max(0, h.start - 24):h.start].rstrip(" ,:(\"“「『《")
        role = (h.subkind in ("person", "successor") or bool((h.attrs or {}).get("verb"))
                or bool(d["role_after"].match(after)) or bool(d["role_before"].search(before)))
        out.append(h._replace(attrs={**(h.attrs or {}), "role": role}))
    return out


def find_parties(folded: str, found: dict) -> list[Hit]:
    """All parties in the folded text (named ones carry attr ``role``)."""
    return _with_roles(_find_parties(folded, found), folded)


def _find_parties(folded: str, found: dict) -> list[Hit]:
    d = _data()
    hits: list[Hit] = []
    for m in d["titled"].finditer(folded):
        hits.append(Hit("party", "person", "concrete", m.start(), m.end(), m.group()))
    honorifics = "先生" in folded or "女士" in folded or "小姐" in folded
    for m in (d["honorific"].finditer(folded) if honorifics else ()):
        hits.append(Hit("party", "person", "concrete", m.start(), m.end(), m.group()))
    for name in ("cue_before", "cue_after", "role_title_name"):
        for m in d[name].finditer(folded):
            person = m.group("name")
            if any(ch in _NOT_GIVEN for ch in person[1:]):
                continue
            # Keep a trailing 先生/女士/小姐 in the span (林志明先生), so 明先生 inside it is not a second person.
            end = m.end() if name == "role_title_name" else m.end("name")
            hits.append(Hit("party", "person", "concrete", m.start("name"), end, folded[m.start("name"):end]))
    hits.extend(_contact_line_names(folded, d))
    hits.extend(_writer_as_contact(folded, d, hits))
    for m in d["org_suffix"].finditer(folded):
        s = _org_start(folded, m.start(), d, m.end())
        text = folded[s:m.end()]
        if (m.start() - s < 2 or text in d["not_names"] or folded[s:m.start()] in d["not_names"]
                or folded[max(0, m.start() - 1):m.end()] in d["not_names"] or folded[m.start() - 1] in "本该我贵其此"):
            continue
        if _PLACEHOLDER.search(folded, max(0, s - 2), m.end()):
            # XX园区运营管理有限公司: an unfilled template name identifies no one.
            hits.append(Hit("party", "generic", "vague", s, m.end(), text))
        elif text in d["support_set"] or "客服" in folded[s:m.start()] or folded[s:m.start()] in ("客户服务热线",):
            hits.append(Hit("party", "support", "vague", s, m.end(), text))
        elif text in d["generic_set"] or folded[s:m.start()] in ("相关", "有关", "其他", "第三方"):
            hits.append(Hit("party", "generic", "vague", s, m.end(), text))
        else:
            sub = "team" if m.group() in ("小组", "工作组", "团队", "专班") else "organisation"
            hits.append(Hit("party", sub, "concrete", s, m.end(), text))
            if d["org_takeover"].match(folded[m.end():m.end() + 6]):
                hits.append(Hit("party", "successor", "concrete", s, m.end(), text))
    for group, sub in (("generic", "generic"), ("en_generic", "generic"), ("support", "support"), ("en_support", "support")):
        for s, e in found.get(("parties", group), ()):
            hits.append(Hit("party", sub, "vague", s, e, folded[s:e]))
    aliases = defined_terms(folded)
    for m in d["successor"].finditer(folded):
        if m.group("name").strip().strip("「」『』“”\"") in aliases:
            continue  # 由「恒远」继续履行: a defined short name of the company itself, not a successor
        if folded[m.start("verb") - 1] == "所":
            continue  # 由 X 所运营: "operated by X" describes today's operator, not who takes over
        name = m.group("name").strip()
        s = m.start("name") + (len(m.group("name")) - len(m.group("name").lstrip()))
        e = s + len(name)
        generic = (name in d["generic_set"] or name in d["support_set"] or name.lower() in d["generic_en"]
                   or name.lower() in d["support_en"] or name.startswith(("相关", "有关", "客服")))
        if generic:
            hits.append(Hit("party", "generic", "vague", s, e, name))
        elif name not in d["not_names"] and not name.startswith(("于", "此", "我们", "我司", "本公司", "您")):
            sub = "successor" if m.group("verb") in d["takeover"] else "organisation"
            if sub == "organisation" and not d["org_suffix"].search(name) and not d["titled"].search(name):
                if len(name) < 3:
                    continue
            hits.append(Hit("party", sub, "concrete", s, e, name, {"verb": m.group("verb")}))
    if _CAPITALISED.search(folded):  # English names need a capitalised word; skip the scans otherwise
        _english(folded, d, hits)
        hits.extend(_signer_as_contact(folded, d, hits))
    if any(w in folded for w in _ADDRESSED_STAFF_WORDS):
        hits = [h for h in hits if not (h.quality == "vague" and _addressed_staff(folded, h))]
    return hits


# An internal script names the staff it is written for (以下口径供前台、管家使用; "talking points for
# front-desk staff"): they are its readers, not a party the client is told to contact.
_ADDRESSED_STAFF = re.compile(r"口径|话术|内部使用|talking points|for internal use|staff script", re.I)
_ADDRESSED_STAFF_WORDS = ("口径", "话术", "内部使用", "alking points", "nternal use", "taff script")  # a cheap gate


def _addressed_staff(folded: str, hit: Hit) -> bool:
    """Whether a generic or support party stands on a line that says who a script is for."""
    start = folded.rfind("\n", 0, hit.start) + 1
    end = folded.find("\n", hit.end)
    return _ADDRESSED_STAFF.search(folded, start, len(folded) if end < 0 else end) is not None


def _signer_as_contact(folded: str, d: dict, hits: list[Hit]) -> list[Hit]:
    """"ring or text me on …" in a letter signed "Gail Fenwick / Approved Driving Instructor": when no
    other writer is named, the one who signs by name at the foot is the "me" to contact."""
    if any((h.attrs or {}).get("writer") for h in hits if h.kind == "party"):
        return []
    signed = [h for h in hits if h.kind == "party" and h.subkind == "person"
              and (h.attrs or {}).get("signature") and h.start >= len(folded) - 200]
    if not signed:
        return []
    # Find "me" / 我 first (few places), then the contact verb just before it: cheaper than a full scan.
    out = []
    for me in _ME.finditer(folded, 0, signed[-1].start):
        m = d["contact_me"].search(folded, max(0, me.start() - 14), me.end())
        if m and m.end() == me.end():
            out.append(Hit("party", "person", "concrete", m.start(), m.end(), signed[-1].value, {"writer": True}))
    return out


_ME = re.compile(r"(?<![A-Za-z])[Mm]e(?![A-Za-z])|我(?![们司])")


def _contact_line_names(folded: str, d: dict) -> list[Hit]:
    """Names the titled / honorific patterns miss: a bare name before its channel (顾晓峰，电话), a
    title with a Latin given name (店长Lily, Kevin老师), a nickname after a title (负责人老周), and
    "I'm Priya Nair"."""
    out = []
    if "It's" in folded:
        for m in d["en_its_name"].finditer(folded):
            if m.group("name").split()[0] not in _NOT_SELF_NAMES:
                out.append(Hit("party", "person", "concrete", m.start("name"), m.end("name"), m.group("name")))
    if "I'm" in folded or "I am" in folded or "y name is" in folded or "his is" in folded:
        for m in d["en_self_name"].finditer(folded):
            if m.group("name").split()[0] in _NOT_SELF_NAMES:
                continue  # "This is Important.", "I'm Sorry": not a name
            out.append(Hit("party", "person", "concrete", m.start("name"), m.end("name"), m.group("name")))
    if not _HAS_CJK.search(folded):
        return out  # every other shape here is written in Chinese
    for m in d["channel_label"].finditer(folded):
        n = d["name_before_label"].search(folded, max(0, m.start() - 8), m.start())
        if n and not any(ch in _NOT_GIVEN for ch in n.group("name")[1:]):
            out.append(Hit("party", "person", "concrete", n.start("name"), n.end("name"), n.group("name")))
    if _CAPITALISED.search(folded):
        for m in d["latin_given"].finditer(folded):  # Latin names written against Chinese text
            key = "a" if m.group("a") else "b"
            s, e = m.span(key)
            before = folded[max(0, s - 6):s].rstrip()
            if before.endswith(d["titles_before"]) or folded[e:e + 4].lstrip().startswith(d["titles_after"]):
                out.append(Hit("party", "person", "concrete", s, e, m.group(key)))
    if "我是" in folded:
        for m in d["self_role_nickname"].finditer(folded):
            out.append(Hit("party", "person", "concrete", m.start("name"), m.end("name"), m.group("name")))
    for m in d["nickname"].finditer(folded):
        if folded[max(0, m.start() - 4):m.start()].rstrip().endswith(d["nickname_titles"]):
            out.append(Hit("party", "person", "concrete", m.start(), m.end(), m.group()))
    return out


def _writer_as_contact(folded: str, d: dict, hits: list[Hit]) -> list[Hit]:
    """"我是…老周 … 有问题发邮件给我", or a message signed "——团长 莉莉" that says "有问题找我": when the
    writer names themselves, "contact me" names them as the one to contact. Each such cue is a person
    hit (valued with the writer's name) so that it pairs with the channel beside it; a dash signature
    is itself a person hit (attr signature)."""
    out = []
    writer = None
    tail = len(folded) - 40
    if "—" in folded[tail:] or "--" in folded[tail:]:
        m = d["dash_signature"].search(folded, max(0, tail))
        if m:
            writer = Hit("party", "person", "concrete", m.start("name"), m.end("name"), m.group("name"),
                         {"signature": True, "writer": True})
            out.append(writer)
    low = folded.lower()
    if writer is None and ("我是" in folded or any(w in low for w in ("i'm", "i am", "my name is", "this is", "it's"))):
        persons = sorted((h for h in hits if h.kind == "party" and h.subkind == "person"), key=lambda h: h.start)
        for intro in d["self_intro"].finditer(folded):
            # "It's" introduces only a name right after it ("It's Marisol from…"), not "It's with regret that Mr…".
            reach = 1 if intro.group().lower().startswith("it") else 30
            writer = next((h for h in persons if 0 <= h.start - intro.end() <= reach), None)
            if writer is not None:
                break
    if writer is None:
        return out  # most letters never name their writer
    return out + [Hit("party", "person", "concrete", m.start(), m.end(), writer.value, {"writer": True})
                  for m in d["contact_me"].finditer(folded)]


def _english(folded: str, d: dict, hits: list[Hit]) -> None:
    for m in d["en_name_title"].finditer(folded):
        hits.append(Hit("party", "person", "concrete", m.start(), m.end(), m.group("name"), {"title": m.group("title").strip()}))
    for m in d["en_honorific"].finditer(folded):
        hits.append(Hit("party", "person", "concrete", m.start(), m.end(), m.group()))
    for name in ("en_contact", "en_signature", "en_role_name", "en_name_paren", "en_first_name_mail"):
        for m in d[name].finditer(folded):
            if m.group("name").split()[0] in d["en_label_words"]:
                continue  # "Questions: help@example.com" labels a channel; it names nobody
            # A name over a title at the foot of a letter signs it (attr signature); the contract does
            # not count the closing company's signature as a party to contact.
            attrs = {"signature": True} if name == "en_signature" else None
            hits.append(Hit("party", "person", "concrete", m.start("name"), m.end("name"), m.group("name"), attrs))
    for m in d["en_org"].finditer(folded):
        name = m.group("name")
        if name.split()[0] in ("The", "Our", "We", "Dear", "Please", "If", "Your", "This"):
            words = name.split()[1:]
            if not words:
                continue
            s = m.start() + len(name) - len(" ".join(words))
        else:
            s = m.start()
        hits.append(Hit("party", "organisation", "concrete", s, m.end(), folded[s:m.end()]))
    for m in d["en_team"].finditer(folded):
        name = m.group("name").strip()
        if d["en_generic_words"].match(name) or name.split()[0] in ("Our", "The", "Dear", "Please", "Your"):
            words = [w for w in name.split() if w not in ("Our", "The", "Dear", "Please", "Your")]
            if not words or d["en_generic_words"].match(" ".join(words)):
                sub = "support" if re.search(r"support|service|help|care", name, re.I) else "generic"
                hits.append(Hit("party", sub, "vague", m.start(), m.end(), m.group().strip()))
                continue
        lead = re.match(r"(?:(?:Our|The|Dear|Please|Your)[ ]+)*", m.group())
        s = m.start() + (lead.end() if lead else 0)
        hits.append(Hit("party", "team", "concrete", s, m.end(), folded[s:m.end()].strip()))
    for m in d["en_successor"].finditer(folded):
        key = "name" if m.group("name") else "name2"
        name = m.group(key)
        if name.lower().startswith("the "):
            bare = name[4:]
            s = m.start(key) + 4
        else:
            bare, s = name, m.start(key)
        if bare.split()[0] in ("We", "Our", "It", "This", "They", "You"):
            continue
        hits.append(Hit("party", "successor", "concrete", s, s + len(bare), bare))
