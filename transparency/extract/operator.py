"""The operator: the company, brand, product or agency issuing the notice (MATRIX.md Reading 1).

Found where a notice names itself, in general language rather than by vocabulary:

- the title: 关于「星河云盘」停止运营的公告, 《雲海傳說》停服公告, "Northwind Cloud Shutdown Notice";
- the subject of the closure sentence: 星河云盘将于…停止服务, LeanCloud 将于…下线, "Northwind Cloud will
  shut down on …", "we are shutting down Loomwork";
- the signature: "The Loomwork Team", "— Loomwork", a company line under the letter
  and (:func:`operator_hits`) the named organisations and self-named writers the party finder found.

Each hit is an ``operator`` evidence item over the name's characters (spans stay exact).
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .plans import ORG_FORM, operator_names
from .text import CJK, Hit, alternation

# A name in Chinese text: quoted (「…」《…》【…】“…”), a Latin brand (LeanCloud, Google+), or a run of
# CJK or Latin name characters.
_QUOTED = r"[「《【“『]([^」》】”』\n]{2,20})[」》】”』]"
_LATIN = r"([A-Za-z][A-Za-z0-9.+&'-]*(?:\s[A-Z0-9][A-Za-z0-9.+&'-]*){0,3})"
_CJK_NAME = rf"([{CJK}A-Za-z0-9·]{{2,16}}?)"
# (Matched on folded text: Traditional characters are already Simplified, 關於 reads 关于.)
# Words that refer to the writer or the reader, not a name (本公司, 我们, 该平台, "our service").
_NOT_A_NAME = re.compile(r"^(?:本|我|我们|我司|该|此|这|贵|您|各位|尊敬|亲爱|关于|平台|服务|公司|产品"
                         r"|游戏|网站|应用|系统|门店|商城|全部|所有|部分|相关|上述|以下)"
                         r"|^(?:The|This|That|Our|We|Your|All|Some|It|These|Those|Dear|Hello|Hi|Important|Update|Notice"
                         r"|Announcement|Today|Unfortunately|Effective|As|After|On|From|Starting|Beginning|Service|Services"
                         r"|Termination|Shutdown|Closure|Discontinuation|End|Sunset|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep"
                         r"|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$"
                         r"|^(?:通知|公告|说明|声明|实现|全面|正式|所有|一切|相关|的|之)")


@cache
def _zh_patterns() -> tuple[re.Pattern[str], ...]:
    """The Chinese patterns, built once from the closure verbs of ``lexicons/topics.yaml``."""
    stop = alternation([w for w in lexicon("topics")["closure_verbs"] if re.match(f"[{CJK}]", w)])
    title = re.compile(rf"(?m)^[ \t]*关于\s*(?:{_QUOTED}|{_LATIN}|{_CJK_NAME})\s*(?:将|即将)?\s*(?:{stop})")
    title_noun = re.compile(rf"(?m)^[ \t]*(?:{_QUOTED}|{_LATIN}|{_CJK_NAME})\s*(?:停服|停运|下线|关停|结束运营|终止服务)"
                            rf"(?:公告|通知|说明)")
    # The closure's object (全面关停网易薄荷, 决定关闭「多说」): only verbs that take the product as object,
    # so that 停止营业 gives no name "营业".
    obj = re.compile(rf"(?:关停|关闭|终止|停止运营|下线|停运)(?:了)?\s*(?:{_QUOTED}|{_LATIN}|([{CJK}A-Za-z0-9·]{{2,12}}?))"
                     rf"(?=[的中，,。；;\s]|服务|业务|项目|产品|平台|网站|$)")
    subject = re.compile(rf"(?:^|[\n。！？!?；;：:])[ \t]*(?:{_QUOTED}|{_LATIN}|{_CJK_NAME})\s*(?:已|将|即将|决定|于|正式|自)"
                         rf"[^。\n]{{0,40}}?(?:{stop})")
    return title, title_noun, subject, obj


# A name stays on its line: words joined by spaces or tabs, never by a line break.
_EN_NAME = r"([A-Z][A-Za-z0-9.+&'-]*(?:(?:[ \t](?:of|for|and|&))?[ \t][A-Z0-9][A-Za-z0-9.+&'-]*){0,4})"
_EN_STOP = (r"(?:is\s+shutting\s+down|will\s+(?:be\s+)?(?:shut(?:ting)?\s+down|clos(?:e|ing)|discontinued|sunset(?:ted)?|"
            r"end(?:ing)?|retired?|cease\s+operations|wind\s+down|no\s+longer\s+be\s+available)|is\s+closing|is\s+sunsetting|"
            r"has\s+(?:been\s+)?(?:shut\s+down|closed|discontinued|sunset)|is\s+(?:being\s+)?discontinued|is\s+winding\s+down|"
            r"(?:is|are)\s+scheduled\s+for\s+(?:retirement|shutdown|closure|deprecation)|(?:is|are)\s+(?:being\s+)?retired)")
_EN_SUBJECT = re.compile(rf"(?:^|(?<=[\n.!?]))[ \t]*(?:The\s+)?{_EN_NAME}(?:\s+(?:service|app|platform|website|site|product|"
                         rf"forums?|store|shop|API|beta|project))?\s+{_EN_STOP}")
_EN_WE_CLOSE = re.compile(rf"\b(?:[Ww]e(?:'re|’re|\s+are|\s+will\s+be|\s+have\s+decided\s+to|\s+will)|I(?:'m|’m|\s+am|\s+will))\s+"
                          rf"(?:shutting\s+down|shut\s+down|closing(?:\s+down)?|close|sunsetting|sunset|discontinuing|"
                          rf"winding\s+down)\s+{_EN_NAME}")
_EN_TITLE = re.compile(rf"(?m)^[ \t#]*(?:Subject:\s*)?{_EN_NAME}(?:\s*(?:is\s+)?(?:Shutdown|Shutting\s+Down|Sunset|End\s+of\s+Service|"
                       rf"End-of-Life|End\s+of\s+Life|Closure|Closing)\b)")
_EN_TEAM = re.compile(rf"(?m)^[ \t—–-]*(?:The[ \t]+)?{_EN_NAME}[ \t]+Team[ \t]*$")


def _clean(name: str) -> str:
    return name.strip().strip("「」《》【】“”『』").strip()


def find_operator(folded: str) -> list[Hit]:
    """Operator names where the notice names itself (title, closure subject, signature)."""
    hits: list[Hit] = []
    patterns = list(_zh_patterns()) if re.search(f"[{CJK}]", folded) else []
    patterns += [_EN_SUBJECT, _EN_WE_CLOSE, _EN_TITLE, _EN_TEAM] if re.search(r"[A-Z]", folded) else []
    for pattern in patterns:
        for m in pattern.finditer(folded):
            group = next((g for g in range(1, (m.re.groups or 0) + 1) if m.group(g)), None)
            if group is None:
                continue
            raw = m.group(group)
            name = _clean(raw)
            if len(name) < 2 or _NOT_A_NAME.search(name) or name.split()[0] in ("We", "I", "Our", "The", "This"):
                continue
            start = m.start(group) + raw.find(name)
            hits.append(Hit("operator", "named", "concrete", start, start + len(name), name))
    return hits


_MAIL_DOMAIN = re.compile(r"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)*?([A-Za-z0-9-]{3,})\.[A-Za-z]{2,}(?![A-Za-z])")


def find_mailbox_operator(folded: str) -> list[Hit]:
    """The operator named by its own mailbox (hello@redlink.at beside "Redlink", support@verisignlabs.com
    beside "Verisign Labs"): a capitalised name elsewhere in the text whose letters are the domain's."""
    if "@" not in folded:
        return []
    hits = []
    for m in _MAIL_DOMAIN.finditer(folded):
        label = m.group(1).lower().replace("-", "")
        if label in ("gmail", "outlook", "hotmail", "yahoo", "qq", "163", "126", "icloud", "proton", "protonmail"):
            continue
        for n in re.finditer(r"(?<![A-Za-z@.])[A-Z][A-Za-z0-9]*(?:\s[A-Z][A-Za-z0-9]*){0,2}", folded):
            if m.start() <= n.start() < m.end():
                continue
            if re.sub(r"[^a-z0-9]", "", n.group().lower()) == label:
                hits.append(Hit("operator", "named", "concrete", n.start(), n.end(), n.group()))
                break
    return hits


def operator_hits(folded: str, parties: list[Hit]) -> list[Hit]:
    """Where the text names its operator (the company, brand, product or writer issuing the notice).

    A named organisation counts when it reads as a company's name (a legal form such as 有限公司, 集团,
    银行, "Ltd", or a capitalised Latin name), so that a phrase the party finder took for a name (门店闭店)
    does not make a document's hotline "the operator's own". The names are then those of
    :func:`operator_names` over these organisations, quoted names and repeated capitalised names (the
    first mention of each), plus each such organisation and each self-named writer."""
    companies = [h for h in parties if h.kind == "party" and h.quality == "concrete" and h.subkind == "organisation"
                 and (ORG_FORM.search(folded, h.start, h.end) or re.match(r"[A-Z][A-Za-z&' .-]+$", folded[h.start:h.end]))]
    writers = [h for h in parties if h.kind == "party" and h.quality == "concrete" and (h.attrs or {}).get("writer")]
    out = []
    for name in sorted(operator_names(folded, companies)):
        at = folded.find(name)
        if at >= 0:
            out.append(Hit("operator", "named", "concrete", at, at + len(name), name))
    for h in companies + writers:
        out.append(Hit("operator", "named", "concrete", h.start, h.end, folded[h.start:h.end]))
    return out
