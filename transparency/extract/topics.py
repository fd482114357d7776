"""Topics a text addresses (kind ``topic``) and closure statements (kind ``closure``), by lexicon."""

from __future__ import annotations

from .lexicon import SCHEMA
from .text import Hit


# Groups read by other finders as context (closure verbs for causes and operator names), not evidence.
CONTEXT_ONLY = frozenset({"closure_verbs"})


def find_topics(folded: str, found: dict) -> list[Hit]:
    """Topic and closure evidence in the folded text."""
    hits = []
    for group in sorted(SCHEMA["topics"][0] - CONTEXT_ONLY):
        for s, e in found.get(("topics", group), ()):
            if group == "closure":
                hits.append(Hit("closure", "statement", "concrete", s, e, folded[s:e]))
            else:
                hits.append(Hit("topic", group, "concrete", s, e, folded[s:e]))
    return hits
