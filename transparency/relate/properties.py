"""Structural properties of single pieces of evidence, read from the text around them once.

These are the only places after extraction that look at the text; the status stage sees their results
as attributes of the evidence facts. Each property is defined for some evidence kinds and set on every
item of those kinds (true or false), so a rule testing ``{dateline: false}`` never fails for want of
the attribute.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Evidence
from .layout import Layout

# A label that may stand before a letter's own date on its line (日期：, Date:).
_DATELINE_LABEL = re.compile(r"^\s*(?:日期|发文日期|成文日期|date|dated)?\s*[:：]?\s*$", re.I)
# A contrast after a refusal opens a promise ("no refunds for used sessions, but unused ones…").
_CONTRAST = re.compile(r"但|不过|然而|除外|除了|\b(?:but|however|instead|except)\b", re.I)
# A refund method that itself says money comes back (自动退回, 原卡退回).
_REFUND_VERB = re.compile(r"退|返还|refund", re.I)


def dateline(e: Evidence, evidence: list[Evidence], layout: Layout) -> bool:
    """A date standing alone on its line (a letter's date, 成文日期): it dates the letter, not an event."""
    if e.subkind != "date":
        return False
    text = layout.text
    line_start = max(text.rfind("\n", 0, e.span.start), text.rfind("\r", 0, e.span.start)) + 1
    line_end = len(text)
    for sep in ("\n", "\r"):
        k = text.find(sep, e.span.end)
        if k >= 0:
            line_end = min(line_end, k)
    return bool(_DATELINE_LABEL.match(text[line_start:e.span.start])) and not text[e.span.end:line_end].strip()


def refused(e: Evidence, evidence: list[Evidence], layout: Layout) -> bool:
    """Inside a refusal (概不退还, "no refunds"), or later in the refusal's sentence with no 但 / "but"
    between ("No refunds or credits will be issued for … gift cards"): a refusal is not a promise."""
    for r in evidence:
        if r.kind != "tone" or r.subkind != "rights_excluding":
            continue
        if r.span.start <= e.span.start and e.span.end <= r.span.end:
            return True
        if (r.span.end <= e.span.start and layout.same_sentence(r, e)
                and not _CONTRAST.search(layout.text, r.span.end, e.span.start)):
            return True
    return False


def says_refund(e: Evidence, evidence: list[Evidence], layout: Layout) -> bool:
    """A refund method whose own words say the money comes back (自动退回, "refunded automatically")."""
    return e.subkind == "method" and bool(_REFUND_VERB.search(str(e.value)))


def named_actor(e: Evidence, evidence: list[Evidence], layout: Layout) -> bool:
    """A plan whose actor is a named party (not "we", not unstated)."""
    return isinstance(e.value, dict) and e.value.get("actor") not in (None, "we")


Property = Callable[[Evidence, list[Evidence], Layout], bool]

# name -> (evidence kinds it is set on, function, what it means)
PROPERTIES: dict[str, tuple[tuple[str, ...], Property]] = {
    "dateline": (("time",), dateline),
    "refused": (("refund", "compensation"), refused),
    "says_refund": (("refund",), says_refund),
    "named_actor": (("plan",), named_actor),
}
