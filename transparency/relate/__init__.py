"""The relation stage: what the status decisions need beyond single pieces of evidence.

Between extraction and the status rules, ``relate(document, evidence)`` computes once, from the
document's sentences and paragraphs, the structural properties of single items (a date alone on its
line, a refund inside a refusal) and the relations between items declared in
``matrices/relations.yaml`` (a named party together with a channel, a refund basis with a method or
deadline in its sentence or the next). Their results are boolean attributes of the evidence, so the
status rules and the rule catalogue test them as facts and never read the text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..facts import evidence_fact
from ..models import Document, Evidence
from ..rules.ir import pattern_matches
from .layout import NEAR, Layout
from .properties import PROPERTIES
from .spec import Relations, default_relations

__all__ = ["relate", "Layout", "NEAR"]


def _pairs(scope: str, layout: Layout, left: list[Evidence], right: list[Evidence]):
    """Index pairs (i, j) with right[j] within ``scope`` of left[i] (by buckets, not all pairs)."""
    if not left or not right:
        return
    if scope in ("same_sentence", "same_or_next_sentence"):
        by_sentence: dict[int, list[int]] = {}
        for j, b in enumerate(right):
            by_sentence.setdefault(layout.sentence(b), []).append(j)
        for i, a in enumerate(left):
            s = layout.sentence(a)
            for j in by_sentence.get(s, ()):
                yield i, j
            if scope == "same_or_next_sentence":
                for j in by_sentence.get(s + 1, ()):
                    if layout.paragraph(a) == layout.paragraph(right[j]):
                        yield i, j
        return
    if scope == "document":
        for i in range(len(left)):
            for j in range(len(right)):
                yield i, j
        return
    if scope == "inside":
        order = sorted(range(len(right)), key=lambda j: right[j].span.start)
        starts = [right[j].span.start for j in order]
        for i, a in enumerate(left):
            for j in order[:bisect_right(starts, a.span.start)]:
                if a.span.end <= right[j].span.end:
                    yield i, j
        return
    # together: the same paragraph, or at most NEAR characters apart
    by_paragraph: dict[int, list[int]] = {}
    for j, b in enumerate(right):
        by_paragraph.setdefault(layout.paragraph(b), []).append(j)
    order = sorted(range(len(right)), key=lambda j: right[j].span.start)
    starts = [right[j].span.start for j in order]
    longest = max(b.span.end - b.span.start for b in right)
    for i, a in enumerate(left):
        seen = set(by_paragraph.get(layout.paragraph(a), ()))
        lo = bisect_left(starts, a.span.start - NEAR - longest)
        hi = bisect_right(starts, a.span.end + NEAR)
        seen.update(j for j in order[lo:hi] if layout.together(a, right[j]))
        for j in seen:
            yield i, j


def relate(document: Document, evidence: list[Evidence], relations: Relations | None = None) -> list[Evidence]:
    """``evidence`` with the properties and relations of ``matrices/relations.yaml`` as attributes."""
    relations = relations or default_relations()
    layout = Layout(document.text)
    attrs = [dict(e.attrs) for e in evidence]
    for i, e in enumerate(evidence):
        for key, value in relations.defaults.get(e.kind, {}).items():
            attrs[i].setdefault(key, value)
        for name, (kinds, prop) in PROPERTIES.items():
            if e.kind in kinds:
                attrs[i][name] = prop(e, evidence, layout)
    facts = [evidence_fact(e, i) | attrs[i] for i, e in enumerate(evidence)]
    by_kind: dict[str, list[int]] = {}
    for i, e in enumerate(evidence):
        by_kind.setdefault(e.kind, []).append(i)

    def members(name: str) -> list[int]:
        found: set[int] = set()
        for p in relations.classes[name]:
            found.update(i for i in by_kind.get(p.fact, ()) if i not in found and pattern_matches(p, facts[i]))
        return sorted(found)

    for rel in relations.relations:
        of, to = members(rel.of), members(rel.to)
        related_of, related_to = set(), set()
        for a, b in _pairs(rel.scope, layout, [evidence[i] for i in of], [evidence[j] for j in to]):
            if of[a] != to[b]:
                related_of.add(of[a])
                related_to.add(to[b])
        for kinds, name, related in ((relations.class_kinds(rel.of), rel.name, related_of),
                                     (relations.class_kinds(rel.to), rel.reverse, related_to)):
            if not name:
                continue
            for i, e in enumerate(evidence):
                if e.kind in kinds:
                    attrs[i][name] = facts[i][name] = i in related
    return [e if e.attrs == attrs[i] else e.model_copy(update={"attrs": attrs[i]}) for i, e in enumerate(evidence)]
