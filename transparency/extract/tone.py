"""Tone (empty empathy and invitations, blame-shifting, rights-excluding phrases, hedges, apologies)
and commitments (agentless: 相关事宜将另行通知, "arrangements will be made"; with_actor: 我们将…).

Empty empathy becomes ``empathy_action`` when a concrete action shares its sentence; an invitation
with a concrete path in its sentence (a named party, a date, a link) is not reported.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .text import Bounds, Hit, alternation

_TONE = ("empty_empathy", "empty_invitation", "blame_shifting", "rights_excluding", "hedge", "apology")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon("tone")
    return {"markers": re.compile(alternation(lex["commitment_markers"]), re.I)}


def find_tone(folded: str, found: dict) -> list[Hit]:
    """Tone phrases and commitments (before their sentence context is applied)."""
    hits: list[Hit] = []
    for group in _TONE:
        quality = "concrete" if group == "apology" else "vague"
        for s, e in found.get(("tone", group), ()):
            hits.append(Hit("tone", group, quality, s, e, folded[s:e]))
    for s, e in found.get(("tone", "commitment_agentless"), ()):
        hits.append(Hit("commitment", "agentless", "vague", s, e, folded[s:e], {"has_actor": False}))
    for s, e in found.get(("tone", "actor_subjects"), ()):
        hits.append(Hit("commitment", "with_actor", "vague", s, e, folded[s:e], {"has_actor": True}))
    return hits


def resolve_tone(tone: list[Hit], others: list[Hit], folded: str, sentences: Bounds) -> list[Hit]:
    """Apply sentence context: empathy with an action, invitations with a path, hedges in commitments."""
    pats = _patterns()
    concrete_by_sentence: dict[int, list[Hit]] = {}
    for h in others:
        if h.quality == "concrete" and h.kind in ("plan", "time", "party", "contact", "money", "refund"):
            concrete_by_sentence.setdefault(sentences.index(h.start), []).append(h)
    out = []
    for h in tone:
        i = sentences.index(h.start)
        near = concrete_by_sentence.get(i, [])
        if h.subkind == "empty_empathy" and any(n.kind in ("plan", "time", "party", "contact", "money", "refund") for n in near):
            h = h._replace(subkind="empathy_action", quality="concrete")
        elif h.subkind == "empty_invitation" and any(n.kind in ("party", "time", "contact") for n in near):
            continue
        elif h.subkind == "hedge":
            s0, s1 = sentences.around(h.start)
            if not pats["markers"].search(folded, s0, s1):
                continue
        out.append(h)
    return out
