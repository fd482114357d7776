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
from .text import Bounds, Hit, alternation

_PLAN_KINDS = ("takeover", "migration", "data_export", "handover", "postponement", "data_deletion", "refund")
# A named migration target right after the cue: "move to Formstack Teams", 迁移至“云账本”, a URL.
_TARGET = re.compile(r"\s*(?:the\s+)?(?:[A-Z][A-Za-z0-9&'-]+(?:\s+[A-Z][A-Za-z0-9&'-]+)*|[“\"「『《][^”\"」』》\n]{1,20}[”\"」』》]|https?://)")
_WE = re.compile(r"我们|我司|本公司|公司将|本平台|本店|本行|本会|本中心|本所|本园区|本馆|本站|本院|敝司|本人|(?<![A-Za-z])(?:we|we'll|we've|our team|us|i|i'll)(?![A-Za-z])", re.I)


_TAKEOVER_VERBS = ("承接", "接管", "接手", "运营", "继续运营", "继续提供", "收购", "继续履行")


@cache
def _assignment() -> re.Pattern[str]:
    verbs = alternation(lexicon("parties")["successor_verbs"])
    return re.compile(rf"由\s*[^,;。!?\n由]{{2,24}}?\s*(?:全面|统一|继续|全权|负责|协助|将|来|进行)?\s*(?P<verb>{verbs})")


def find_plans(folded: str, found: dict) -> list[Hit]:
    """Plan cues in the folded text (quality settled later by :func:`resolve_plans`)."""
    hits = []
    if "由" in folded:
        for m in _assignment().finditer(folded):
            sub = "takeover" if m.group("verb") in _TAKEOVER_VERBS else "assignment"
            hits.append(Hit("plan", sub, "vague", m.start(), m.end(), m.group()))
    for sub in (*_PLAN_KINDS, "vague"):  # ("plans", "objects") is context, read by resolve_plans
        for s, e in found.get(("plans", sub), ()):
            hits.append(Hit("plan", sub, "vague", s, e, folded[s:e]))
    return hits


def resolve_plans(plans: list[Hit], others: list[Hit], folded: str, sentences: Bounds,
                  found: dict | None = None) -> list[Hit]:
    """Set each plan's quality, ``has_actor`` and value from the evidence in its sentence."""
    objects = {sentences.index(s) for s, _ in (found or {}).get(("plans", "objects"), ())}
    by_sentence: dict[int, list[Hit]] = {}
    for h in others:
        by_sentence.setdefault(sentences.index(h.start), []).append(h)
    out = []
    for p in plans:
        i = sentences.index(p.start)
        near = by_sentence.get(i, [])
        s0, s1 = sentences.around(p.start)
        actors = [h for h in near if h.kind == "party" and h.quality == "concrete"]
        if p.subkind == "refund":
            # "write to Olivia Grant about your refund": a refund's actor is named before it.
            actors = [h for h in actors if h.end <= p.start]
        specifics = [h for h in near if (h.kind == "time" and h.quality == "concrete")
                     or (h.kind == "contact" and h.subkind in ("url", "email", "phone", "address"))
                     or (h.kind == "refund" and h.quality == "concrete")
                     or (h.kind == "money" and h.quality == "concrete")]
        we = bool(_WE.search(folded, s0, s1))
        has_actor = bool(actors)
        target = p.subkind in ("migration", "takeover", "data_export") and bool(_TARGET.match(folded, p.end))
        if p.subkind == "assignment":
            # 由 X 负责 is a specific plan when it names what X handles (退款及补偿事宜由…负责), not
            # when it hands X the whole exit (本次退出工作由…负责).
            concrete = has_actor and i in objects
        else:
            concrete = p.subkind != "vague" and (has_actor or bool(specifics) or target)
        value = {"action": p.value, "actor": actors[0].value if actors else ("we" if we else None)}
        out.append(p._replace(quality="concrete" if concrete else "vague", value=value,
                              attrs={"has_actor": has_actor, "we_actor": we}))
    return out
