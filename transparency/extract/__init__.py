"""Evidence extraction: find dates, amounts, owners, contacts, reasons, plans, citations, tone… in a
document's text, each with an exact character span.

``extract(document)`` is the only entry point the pipeline needs. Matching runs on a length-preserving
fold of the text (full-width -> half-width, Traditional -> Simplified), so every span is an exact
range of the original text. Word lists live in ``lexicons/*.yaml``; patterns are compiled on first use
so that importing this package stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .text import Bounds, Hit, fold, sentence_bounds, unify_line_ends

if TYPE_CHECKING:
    from ..models import Document, Evidence

__all__ = ["extract", "find_hits"]


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """Drop exact repeats, and hits lying strictly inside a longer hit of the same kind."""
    by_kind: dict[str, list[Hit]] = {}
    seen: set[tuple] = set()
    for h in hits:
        key = (h.kind, h.subkind, h.start, h.end)
        if key in seen or h.end <= h.start:
            continue
        seen.add(key)
        by_kind.setdefault(h.kind, []).append(h)
    out: list[Hit] = []
    for group in by_kind.values():
        # Sweep by start ascending, end descending: a span lies strictly inside an earlier, different
        # span exactly when some earlier span ends at or after its end.
        group.sort(key=lambda h: (h.start, -h.end))
        best_end, prev_span, prev_inside = -1, None, False
        for h in group:
            span = (h.start, h.end)
            if span == prev_span:
                inside = prev_inside
            else:
                inside = best_end >= h.end
                best_end = max(best_end, h.end)
                prev_span, prev_inside = span, inside
            if not inside:
                out.append(h)
    return out


def find_hits(text: str, language: str = "zh") -> list[Hit]:
    """All evidence in ``text`` as raw :class:`Hit` tuples (offsets into ``text``), deduplicated."""
    from .citations import find_citations
    from .contacts import find_contacts
    from .lexicon import fold_table, phrase_index
    from .money import find_money, find_terms
    from .parties import find_parties
    from .placeholders import find_placeholders
    from .operator import find_mailbox_operator, find_operator, operator_hits
    from .plans import find_plans, resolve_plans
    from .reasons import find_reasons
    from .times import find_times
    from .tone import find_tone, resolve_tone
    from .topics import find_topics

    folded = fold(unify_line_ends(text), fold_table())
    found = phrase_index().scan(folded)
    base = (find_times(folded, found) + find_placeholders(folded, found) + find_money(folded)
            + find_terms(folded, found) + find_contacts(folded, language) + find_parties(folded, found)
            + find_reasons(folded, found) + find_citations(folded) + find_topics(folded, found))
    base = _dedupe(base)
    # A festival inside a name (赵国庆) is not a time.
    names = [(h.start, h.end) for h in base if h.kind == "party" and h.quality == "concrete"]
    if names:
        base = [h for h in base if not (h.kind == "time" and any(s <= h.start and h.end <= e for s, e in names))]
    sentences = Bounds(sentence_bounds(folded))
    named_self = find_operator(folded) + find_mailbox_operator(folded)
    plans = resolve_plans(_dedupe(find_plans(folded, found)), base, folded, sentences, found,
                          {h.value for h in named_self})
    tone = resolve_tone(_dedupe(find_tone(folded, found)), base + plans, folded, sentences)
    return base + plans + tone + _dedupe(operator_hits(folded, base) + named_self)


def _scalar_attrs(attrs: dict | None) -> dict:
    if not attrs:
        return {}
    return {k: v for k, v in attrs.items() if isinstance(v, (str, int, float, bool)) and v is not None}


def extract(document: "Document") -> list["Evidence"]:
    """Every piece of evidence in ``document``, sorted by (span.start, span.end, kind); deterministic."""
    hits = find_hits(document.text, document.language)
    hits.sort(key=lambda h: (h.start, h.end, h.kind, h.subkind, repr(h.value)))
    # One validation call for the whole list (each span built by document.span, exact offsets).
    return _evidence_list().validate_python(
        [{"kind": h.kind, "subkind": h.subkind, "quality": h.quality, "span": document.span(h.start, h.end),
          "value": h.value, "attrs": _scalar_attrs(h.attrs)} for h in hits])


def _evidence_list():
    global _EVIDENCE_LIST
    if _EVIDENCE_LIST is None:
        from pydantic import TypeAdapter

        from ..models import Evidence
        _EVIDENCE_LIST = TypeAdapter(list[Evidence])
    return _EVIDENCE_LIST


_EVIDENCE_LIST = None
