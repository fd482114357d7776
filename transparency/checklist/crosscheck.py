"""The letter/checklist cross-check (builtin ``letter-checklist-mismatch``): an amount, deadline or
owner that a client's letter states differently from the client's checklist.

How a letter's evidence is tied to checklist items: the sentence around the evidence must name an
item kind (``letter_keywords`` in ``vocabulary.yaml``: 土地款, 保证金, 扶持奖励…). Evidence in a sentence
that names no item kind is not compared, and neither is a value for which the checklist has nothing
comparable (no amount, a deadline of another form without a closure date): a missing value is what
the CK rules report, not a mismatch. A value matching any candidate item of the named kinds agrees.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..models import Document, Evidence
from ..rules.loader import Rule
from .evaluate import fill
from .load import column_name
from .report import ChecklistFinding
from .schema import ChecklistItem
from .vocabulary import vocabulary

BUILTIN = "letter-checklist-mismatch"
_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?=\s|$)")
FIELD_LABELS = {"amount": {"zh": "金额", "en": "amount"}, "deadline": {"zh": "期限", "en": "deadline"},
                "owner": {"zh": "责任主体", "en": "owner"}}


@dataclass(frozen=True)
class Mismatch:
    """One disagreement: the letter's evidence and the checklist item and field it contradicts."""

    field: str  # amount | deadline | owner
    evidence: Evidence
    item: ChecklistItem
    checklist_value: str


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """The sentence of ``text`` around ``offset`` (ends at 。！？!?；; or a newline)."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= offset:
            start = m.end()
        else:
            return start, m.end()
    return start, len(text)


def kinds_named(sentence: str) -> set[str]:
    """Item kinds whose keywords the sentence contains."""
    folded = sentence.casefold()
    return {kind for kind, words in vocabulary().letter_keywords.items()
            if any(w.casefold() in folded for w in words)}


def _norm_org(name: str) -> str:
    return re.sub(r"[\s（）()“”\"'·,，。]", "", name).casefold()


def _same_amount(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.5, 1e-9 * max(abs(a), abs(b)))


def _fmt_amount(item: ChecklistItem) -> str:
    amount = item.amount or 0.0
    text = f"{amount:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {item.currency}"


def _letter_date(ev: Evidence) -> dt.date | None:
    value = ev.value if isinstance(ev.value, str) else ev.attrs.get("date")
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _letter_days(ev: Evidence) -> int | None:
    days = ev.attrs.get("days")
    if days is None and isinstance(ev.value, (int, float)) and not isinstance(ev.value, bool):
        days = ev.value
    if days is None and isinstance(ev.value, dict):
        days = ev.value.get("days")
    return int(days) if isinstance(days, (int, float)) and not isinstance(days, bool) else None


def _item_due(item: ChecklistItem) -> dt.date | None:
    d = item.deadline
    if d.kind == "date":
        return d.date
    if d.kind == "period" and d.anchor == "closure" and item.closure_date and d.days is not None:
        return item.closure_date + dt.timedelta(days=d.days)
    return None


def _money(ev: Evidence, candidates: list[ChecklistItem]) -> Mismatch | None:
    amount = ev.attrs.get("amount", ev.value)
    if ev.subkind not in ("", "amount") or not isinstance(amount, (int, float)) or isinstance(amount, bool):
        return None
    currency = str(ev.attrs.get("currency") or "CNY")
    comparable = [i for i in candidates if i.amount is not None and i.currency == currency]
    if not comparable or any(_same_amount(float(amount), i.amount) for i in comparable):  # type: ignore[arg-type]
        return None
    return Mismatch("amount", ev, comparable[0], _fmt_amount(comparable[0]))


def _time(ev: Evidence, candidates: list[ChecklistItem]) -> Mismatch | None:
    if ev.subkind == "date":
        when = _letter_date(ev)
        if when is None:
            return None
        dated = [(i, _item_due(i)) for i in candidates]
        comparable = [(i, due) for i, due in dated if due is not None and i.closure_date != when]
        if not comparable or any(due == when for _, due in comparable):
            return None
        return Mismatch("deadline", ev, comparable[0][0], comparable[0][0].deadline.text)
    if ev.subkind == "period":
        days = _letter_days(ev)
        if days is None:
            return None
        comparable = [i for i in candidates if i.deadline.kind == "period" and i.deadline.days is not None]
        if not comparable or any(i.deadline.days == days for i in comparable):
            return None
        return Mismatch("deadline", ev, comparable[0], comparable[0].deadline.text)
    return None


def _party(ev: Evidence, candidates: list[ChecklistItem]) -> Mismatch | None:
    if ev.subkind not in ("organisation", "successor"):
        return None
    said = _norm_org(ev.span.text)
    if len(said) < 2:
        return None
    comparable = [i for i in candidates if i.owner or i.successor]
    for item in comparable:
        for name in (item.owner, item.successor):
            if name and (said in _norm_org(name) or _norm_org(name) in said):
                return None
    if not comparable:
        return None
    first = comparable[0]
    return Mismatch("owner", ev, first, first.owner or first.successor or "")


def find_mismatches(document: Document, evidence: Iterable[Evidence], items: list[ChecklistItem]) -> list[Mismatch]:
    """Every letter value that contradicts the client's checklist (``items``: that client's rows)."""
    out: list[Mismatch] = []
    for ev in evidence:
        if ev.quality != "concrete":
            continue
        start, end = sentence_bounds(document.text, ev.span.start)
        kinds = kinds_named(document.text[start:end])
        candidates = [i for i in items if i.kind in kinds]
        if not candidates:
            continue
        check = {"money": _money, "time": _time, "party": _party}.get(ev.kind)
        found = check(ev, candidates) if check else None
        if found is not None:
            out.append(found)
    return out


def mismatch_findings(document: Document, evidence: Iterable[Evidence], items: list[ChecklistItem],
                      rule: Rule, language: str | None = None) -> list[ChecklistFinding]:
    """The builtin rule's findings: each quotes the letter's text and the checklist's row and value."""
    out: list[ChecklistFinding] = []
    seen: set[tuple[int, int, str]] = set()
    for m in find_mismatches(document, evidence, items):
        key = (m.evidence.span.start, m.evidence.span.end, m.field)
        if key in seen:
            continue
        seen.add(key)
        lang = language or document.language
        column = column_name("owner" if m.field == "owner" else m.field, m.item.source)
        values = {"field": FIELD_LABELS[m.field][lang], "letter": m.evidence.span.text,
                  "row": str(m.item.source.row), "column": column, "value": m.checklist_value,
                  "item": m.item.item}
        out.append(ChecklistFinding(
            code=rule.code, name=rule.name, severity=rule.severity,
            message=fill(rule.message_in(lang), values) or "", client_id=m.item.client_id,
            row=m.item.source.row, column=column, fix=fill(rule.fix_in(lang), values),
            dimension=rule.dimension, path=m.item.source.path, sheet=m.item.source.sheet, scope="item",
            letter_path=document.path or "<letter>", start=m.evidence.span.start, end=m.evidence.span.end,
            letter_text=m.evidence.span.text))
    return out
