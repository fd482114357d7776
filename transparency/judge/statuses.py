"""Matrix and formula statuses (MATRIX.md): concrete / vague / absent per dimension, from evidence.

``assess(document, evidence)`` returns the four matrix dimensions (reason, time, responsibility,
compensation) and the formula (cause, plan, owner). Each result carries the evidence behind its
status (for vague: the spans that made it vague) and, for vague and absent, what was looked for and
not found. Co-occurrence ("a party together with a channel", "a refund with a deadline") is judged
within a paragraph or a short distance, so a phone number at the foot of a letter does not attach
to a name three paragraphs up.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from ..extract.text import Bounds, paragraph_bounds, sentence_bounds
from ..models import DimensionResult, Document, Evidence, Formula, Status, status_names
from .weights import status_score

NEAR = 80  # characters: evidence this close together belongs together even across a line break

_NAMED_PARTY = ("person", "organisation", "team", "successor")
_CHANNEL = ("phone", "email", "wechat", "address")

LOOKED_FOR = {
    "reason": ("a stated cause of the closure that names what happened (a market fact, a named partner "
               "or expiring contract, a regulation, a supply cut), not a label such as 业务调整 or "
               "'business reasons'"),
    "reason_absent": "a stated cause of the closure (因… / 由于… / 'due to…', 'because…')",
    "time": ("a calendar date (2024年3月31日, 'March 31, 2024') or a bounded window anchored to something "
             "known (30天内, 'within 30 days of this notice', 本月底前)"),
    "time_placeholder": "dates filled in: the text still has unfilled date placeholders (X月X日)",
    "responsibility": ("a named person or organisation who handles, takes over or is to be contacted (not a 客服 "
                       "hotline or the company's signature), together with a phone, e-mail, WeChat or address"),
    "compensation": ("the basis or amount of what the client gets (full refund, pro-rata, an amount, "
                     "interest at a stated rate, fee waiver) plus a method or a deadline"),
    "compensation_absent": "any refund, compensation, credit or waiver for the client",
    "plan": ("a specific action for the client's project, account, data or money: a named successor or "
             "takeover, a migration target, an export path, a refund or deletion with a deadline"),
    "plan_absent": "what happens next to the client's project, account, data, contract or money",
    "owner": "a named organisation, team, product or person carrying out the plan",
    "owner_absent": "a plan whose actor could be named (there is no plan)",
}


class _Layout:
    """Sentences and paragraphs of a text, to tell which pieces of evidence belong together."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = Bounds(sentence_bounds(text))
        self.paragraphs = Bounds(paragraph_bounds(text))
        self._index_key: int | None = None
        self._by_sentence: dict[int, list[Evidence]] = {}

    def same_sentence(self, a: Evidence, b: Evidence) -> bool:
        return self.sentences.index(a.span.start) == self.sentences.index(b.span.start)

    def same_or_next_sentence(self, a: Evidence, b: Evidence) -> bool:
        """``b`` is in ``a``'s sentence or in the sentence right after it, in the same paragraph
        ("…gets a full refund. We'll send it through Steam before 15 December")."""
        i, j = self.sentences.index(a.span.start), self.sentences.index(b.span.start)
        return i == j or (j == i + 1 and self.paragraphs.index(a.span.start) == self.paragraphs.index(b.span.start))

    def in_sentences(self, candidates: list[Evidence], a: Evidence) -> list[Evidence]:
        """The ``candidates`` in ``a``'s sentence or the next one of its paragraph (indexed once per list)."""
        key = id(candidates)
        if self._index_key != key:
            self._index_key, self._by_sentence = key, {}
            for c in candidates:
                self._by_sentence.setdefault(self.sentences.index(c.span.start), []).append(c)
        i = self.sentences.index(a.span.start)
        return [c for j in (i, i + 1) for c in self._by_sentence.get(j, ()) if self.same_or_next_sentence(a, c)]

    def pairs_together(self, left: list[Evidence], right: list[Evidence]) -> list[tuple[Evidence, Evidence]]:
        """Pairs (l, r) that belong :meth:`together`, found by paragraph and a sorted sweep, not all pairs."""
        by_paragraph: dict[int, list[Evidence]] = {}
        for r in right:
            by_paragraph.setdefault(self.paragraphs.index(r.span.start), []).append(r)
        starts = sorted(right, key=lambda r: r.span.start)
        keys = [r.span.start for r in starts]
        out = []
        for l in left:
            near = {id(r): r for r in by_paragraph.get(self.paragraphs.index(l.span.start), ())}
            lo = bisect_left(keys, l.span.start - NEAR - 400)
            hi = bisect_right(keys, l.span.end + NEAR)
            for r in starts[lo:hi]:
                if self.together(l, r):
                    near[id(r)] = r
            out.extend((l, r) for r in near.values())
        return out

    def together(self, a: Evidence, b: Evidence) -> bool:
        gap = max(a.span.start, b.span.start) - min(a.span.end, b.span.end)
        return gap <= NEAR or self.paragraphs.index(a.span.start) == self.paragraphs.index(b.span.start)


def _result(name: str, status: str, evidence: Iterable[Evidence], looked_for: str | None = None) -> DimensionResult:
    unique: dict[tuple, Evidence] = {}
    for e in evidence:
        unique.setdefault((e.span.start, e.span.end, e.kind, e.subkind), e)
    ordered = sorted(unique.values(), key=lambda e: (e.span.start, e.span.end, e.kind))
    return DimensionResult(status=status, score=status_score(name, status), evidence=ordered,
                           looked_for=None if status == "concrete" else looked_for)


def _of(evidence: list[Evidence], kind: str, *subkinds: str, quality: str | None = None) -> list[Evidence]:
    return [e for e in evidence if e.kind == kind and (not subkinds or e.subkind in subkinds)
            and (quality is None or e.quality == quality)]


def assess_reason(evidence: list[Evidence], name: str = "reason") -> DimensionResult:
    """concrete: a specific cause; vague: only labels or a link; absent: no cause."""
    reasons = _of(evidence, "reason")
    specific = [e for e in reasons if e.subkind == "specific"]
    if specific:
        return _result(name, "concrete", specific)
    if reasons:
        return _result(name, "vague", reasons, LOOKED_FOR["reason"])
    return _result(name, "absent", [], LOOKED_FOR["reason_absent"])


_DATELINE_LABEL = re.compile(r"^\s*(?:日期|发文日期|成文日期|date|dated)?\s*[:：]?\s*$", re.I)


def _is_dateline(e: Evidence, text: str) -> bool:
    """A date standing alone on its line (a letter's date, 成文日期) dates the letter, not an event."""
    if e.subkind != "date":
        return False
    line_start = max(text.rfind("\n", 0, e.span.start), text.rfind("\r", 0, e.span.start)) + 1
    line_end = len(text)
    for sep in ("\n", "\r"):
        k = text.find(sep, e.span.end)
        if k >= 0:
            line_end = min(line_end, k)
    return bool(_DATELINE_LABEL.match(text[line_start:e.span.start])) and not text[e.span.end:line_end].strip()


def assess_time(evidence: list[Evidence], text: str = "") -> DimensionResult:
    """concrete: a date, clock time or anchored window; vague: vague words, a year alone or an unfilled
    date placeholder (which makes the dimension vague even beside real dates); absent: no time. The
    letter's own date on a line by itself is not the time of any event and is not counted."""
    times = [e for e in _of(evidence, "time") if not (text and _is_dateline(e, text))]
    slots = _of(evidence, "placeholder", "date")
    concrete = [e for e in times if e.quality == "concrete"]
    if slots:
        return _result("time", "vague", slots + [e for e in times if e.quality != "concrete"],
                       LOOKED_FOR["time_placeholder"])
    if concrete:
        return _result("time", "concrete", concrete)
    if times:
        return _result("time", "vague", times, LOOKED_FOR["time"])
    return _result("time", "absent", [], LOOKED_FOR["time"])


def assess_responsibility(evidence: list[Evidence], layout: _Layout) -> DimensionResult:
    """concrete: a named party together with a usable channel; vague: either alone, or a generic party
    or channel; absent: neither."""
    # Only a party named as the one who handles, takes over or is to be contacted counts (attr role);
    # the company's own name in a signature does not.
    named = [e for e in _of(evidence, "party", *_NAMED_PARTY, quality="concrete") if e.attrs.get("role")]
    generic_parties = _of(evidence, "party", "generic", "support")
    contacts = _of(evidence, "contact")
    channels = [e for e in contacts if e.subkind in _CHANNEL and e.quality == "concrete" and not e.attrs.get("generic")]
    pairs = layout.pairs_together(named, channels)
    if pairs:
        return _result("responsibility", "concrete", [x for pair in pairs for x in pair])
    # A street address with no party near it (the building that was sold) is not a way to reach anyone.
    contacts = [c for c in contacts if c.subkind != "address" or any(layout.together(p, c) for p in named)]
    # A name that only signs the letter ("Ellen Marsh / Founder") with no way to reach them near it is the
    # company's signature, which the contract does not count as a party to contact.
    named = [p for p in named if not p.attrs.get("signature") or any(layout.together(p, c) for c in contacts)]
    slots = _of(evidence, "placeholder", "name", "other", "template_var", "blank")
    if named or generic_parties or contacts or slots:
        return _result("responsibility", "vague", named + generic_parties + contacts + slots,
                       LOOKED_FOR["responsibility"])
    return _result("responsibility", "absent", [], LOOKED_FOR["responsibility"])


def _compensation_bases(evidence: list[Evidence], layout: _Layout) -> list[Evidence]:
    # A refund of what the client paid (退还预付款, "we will refund you") is a determinable basis; it
    # becomes concrete only with a method or a deadline next to it (checked by the caller).
    # 自动退回 / "refunded automatically" says that the client's money comes back, like 退还 alone.
    bases = ([m for m in _of(evidence, "refund", "method") if _REFUND_VERB.search(str(m.value))]
             + _of(evidence, "refund", "full", "original_route", "pro_rata", "transfer", "other")
             + _of(evidence, "interest", "deposit_rate", "lpr", "rate")
             + _of(evidence, "compensation", "waiver", "unchanged_policy", "credit"))
    context = _of(evidence, "refund") + _of(evidence, "compensation") + _of(evidence, "interest") + _of(evidence, "plan", "refund")
    for money in _of(evidence, "money", "amount", quality="concrete"):
        if any(layout.same_sentence(money, c) for c in context):
            bases.append(money)
    return bases


# A contrast after a refusal opens a promise ("no refunds for used sessions, but unused ones…").
_CONTRAST = re.compile(r"但|不过|然而|除外|除了|\b(?:but|however|instead|except)\b", re.I)
# A refund method that itself says money comes back (自动退回, 原卡退回).
_REFUND_VERB = re.compile(r"退|返还|refund", re.I)


def _interest_in_context(evidence: list[Evidence], layout: _Layout) -> list[Evidence]:
    """Interest words that belong to a payment: 利息 / "interest" in a sentence with a refund,
    compensation or amount. "Your interest rates stay exactly the same" promises nothing."""
    context = _of(evidence, "refund") + _of(evidence, "compensation") + _of(evidence, "money")
    return [i for i in _of(evidence, "interest")
            if i.subkind != "generic" or any(layout.same_sentence(i, c) for c in context)]


def _refusals_removed(evidence: list[Evidence], layout: _Layout, text: str) -> list[Evidence]:
    """Drop refund and compensation words inside a refusal (概不退还, "no refunds"), or later in the
    refusal's sentence with no 但 / "but" between ("No refunds or credits will be issued for … gift
    cards or promotional credit"): a refusal is not a promise, so a letter that only refuses has no
    compensation at all."""
    refusals = _of(evidence, "tone", "rights_excluding")
    if not refusals:
        return evidence
    def refused(e: Evidence) -> bool:
        for r in refusals:
            if r.span.start <= e.span.start and e.span.end <= r.span.end:
                return True
            if (r.span.end <= e.span.start and layout.same_sentence(r, e)
                    and not _CONTRAST.search(text, r.span.end, e.span.start)):
                return True
        return False
    return [e for e in evidence if not (e.kind in ("refund", "compensation") and refused(e))]


def assess_compensation(evidence: list[Evidence], layout: _Layout) -> DimensionResult:
    """concrete: a basis or amount plus a method or deadline in its sentence; vague: a promise with no
    basis, or a basis with neither method nor deadline; absent: nothing about compensation (a refusal
    such as 概不退还 is not a promise)."""
    evidence = _refusals_removed(evidence, layout, layout.text)
    vague_promises = _of(evidence, "compensation", "vague")
    # In a sentence that promises only 适当补偿, the things it mentions (余额及优惠券) are not a basis.
    bases = [b for b in _compensation_bases(evidence, layout)
             if not any(layout.same_sentence(b, v) for v in vague_promises)]
    # A successor keeping the terms is a basis, not a method: with no date it stays vague.
    methods = _of(evidence, "refund", "original_route", "transfer", "method") + _of(evidence, "contact", "form")
    deadlines = [e for e in _of(evidence, "time", quality="concrete") if e.subkind != "clock"]
    backed = []
    supports = methods + deadlines
    for b in bases:
        support = [m for m in layout.in_sentences(supports, b) if m is not b]
        if support:
            backed.append(b)
            backed.extend(support)
    if backed:
        return _result("compensation", "concrete", backed)
    loose = (bases + _of(evidence, "refund", "full", "original_route", "pro_rata", "transfer", "other")
             + _of(evidence, "compensation") + _interest_in_context(evidence, layout)
             + _of(evidence, "money", "vague_amount"))
    if loose:
        return _result("compensation", "vague", loose, LOOKED_FOR["compensation"])
    return _result("compensation", "absent", [], LOOKED_FOR["compensation_absent"])


def _plans(evidence: list[Evidence]) -> list[Evidence]:
    """Plan evidence that counts for the formula: a refund alone is compensation, not a plan for the
    client's project, account, data or contract; a refund a named party carries out is."""
    def named_actor(e: Evidence) -> bool:
        return isinstance(e.value, dict) and e.value.get("actor") not in (None, "we")
    return [e for e in _of(evidence, "plan") if e.subkind != "refund" or named_actor(e)]


def assess_plan(evidence: list[Evidence]) -> DimensionResult:
    """concrete: a specific action (a successor, a migration target, an export path or refund with a
    deadline…); vague: an open-ended plan or an agentless commitment; absent: no plan."""
    plans = _plans(evidence)
    concrete = [e for e in plans if e.quality == "concrete"]
    if concrete:
        return _result("plan", "concrete", concrete)
    open_ended = plans + _of(evidence, "commitment", "agentless")
    if open_ended:
        return _result("plan", "vague", open_ended, LOOKED_FOR["plan"])
    return _result("plan", "absent", [], LOOKED_FOR["plan_absent"])


def assess_owner(evidence: list[Evidence], plan: DimensionResult) -> DimensionResult:
    """concrete: a named party is the actor of a plan (or a named operator's "we"); vague: the actor is
    unidentified; absent: there is no plan."""
    if plan.status == "absent":
        return _result("owner", "absent", [], LOOKED_FOR["owner_absent"])
    plans = _plans(evidence)
    acted = [e for e in plans if e.attrs.get("has_actor")]
    successors = _of(evidence, "party", "successor", quality="concrete")
    if acted or successors:
        return _result("owner", "concrete", acted + successors)
    vague = plans + _of(evidence, "commitment") + _of(evidence, "party", "generic", "support")
    return _result("owner", "vague", vague, LOOKED_FOR["owner"])


def assess(document: Document, evidence: list[Evidence]) -> tuple[dict[str, DimensionResult], Formula]:
    """The four matrix dimensions and the formula (cause, plan, owner) of ``document``."""
    layout = _Layout(document.text)
    matrix = {
        "reason": assess_reason(evidence),
        "time": assess_time(evidence, document.text),
        "responsibility": assess_responsibility(evidence, layout),
        "compensation": assess_compensation(evidence, layout),
    }
    plan = assess_plan(evidence)
    formula = Formula(cause=assess_reason(evidence, "cause"), plan=plan, owner=assess_owner(evidence, plan))
    return matrix, formula


def statuses_of(document: Document) -> dict[str, Status]:
    """Extract and assess ``document``: its matrix and formula statuses by name (no rules run)."""
    from ..extract import extract

    return status_names(*assess(document, extract(document)))
