"""Sentences and paragraphs of a text, to tell which pieces of evidence belong together.

The scopes a relation may ask for (``matrices/relations.yaml``):

- ``same_sentence``: both start in the same sentence;
- ``same_or_next_sentence``: the second is in the first's sentence or the one right after it, in the
  same paragraph ("…gets a full refund. We'll send it through Steam before 15 December");
- ``together``: the same paragraph, or at most ``NEAR`` characters apart even across a line break
  (a phone number at the foot of a letter does not attach to a name three paragraphs up);
- ``inside``: the first lies within the second's span (a word inside a company's name);
- ``document``: anywhere in the same text (the operator named anywhere owns its hotline).
"""

from __future__ import annotations

from typing import Literal

from ..extract.text import Bounds, paragraph_bounds, sentence_bounds
from ..models import Evidence

NEAR = 80  # characters: evidence this close together belongs together even across a line break

Scope = Literal["same_sentence", "same_or_next_sentence", "together", "inside", "document"]
SCOPES: tuple[str, ...] = ("same_sentence", "same_or_next_sentence", "together", "inside", "document")


class Layout:
    """Sentence and paragraph bounds of one text, built once per document."""

    def __init__(self, text: str) -> None:
        from ..extract.text import unify_line_ends

        self.text = unify_line_ends(text)  # CRLF read like LF; same length, so offsets stay exact
        self.sentences = Bounds(sentence_bounds(text))
        self.paragraphs = Bounds(paragraph_bounds(text))

    def sentence(self, e: Evidence) -> int:
        return self.sentences.index(e.span.start)

    def paragraph(self, e: Evidence) -> int:
        return self.paragraphs.index(e.span.start)

    def same_sentence(self, a: Evidence, b: Evidence) -> bool:
        return self.sentence(a) == self.sentence(b)

    def same_or_next_sentence(self, a: Evidence, b: Evidence) -> bool:
        i, j = self.sentence(a), self.sentence(b)
        return i == j or (j == i + 1 and self.paragraph(a) == self.paragraph(b))

    def together(self, a: Evidence, b: Evidence) -> bool:
        gap = max(a.span.start, b.span.start) - min(a.span.end, b.span.end)
        return gap <= NEAR or self.paragraph(a) == self.paragraph(b)

    def related(self, scope: str, a: Evidence, b: Evidence) -> bool:
        """Whether ``b`` is within ``scope`` of ``a``."""
        if scope == "same_sentence":
            return self.same_sentence(a, b)
        if scope == "same_or_next_sentence":
            return self.same_or_next_sentence(a, b)
        if scope == "together":
            return self.together(a, b)
        if scope == "inside":
            return b.span.start <= a.span.start and a.span.end <= b.span.end
        if scope == "document":
            return True
        raise ValueError(f"unknown scope {scope!r}; expected one of {', '.join(SCOPES)}")
