"""Matrix and formula statuses (MATRIX.md): concrete / vague / absent per dimension, from evidence.

No Python decides a status here: ``assess`` hands the evidence to the relation stage
(:mod:`transparency.relate`, ``matrices/relations.yaml``), then to the status rules
(``matrices/statuses.yaml``) run by the rule engine (:mod:`transparency.status`). Each result carries
the evidence behind its status, the status rule that decided it (``decided_by``) and, for vague and
absent, what was looked for and not found.
"""

from __future__ import annotations

from ..models import DimensionResult, Document, Evidence, Formula, Status, status_names


def assess(document: Document, evidence: list[Evidence], *, status_rules=None,
           backend: str | None = None) -> tuple[dict[str, DimensionResult], Formula]:
    """The four matrix dimensions and the formula (cause, plan, owner) of ``document``.

    ``status_rules`` (a :class:`~transparency.status.rules.StatusRules`) replaces the bundled rules,
    e.g. a house policy loaded with :func:`transparency.status.load_status_rules`.
    """
    from ..relate import relate
    from ..status.decide import decide

    return decide(document, relate(document, evidence), status_rules, backend)


def statuses_of(document: Document) -> dict[str, Status]:
    """Extract and assess ``document``: its matrix and formula statuses by name (no rules run)."""
    from ..extract import extract

    return status_names(*assess(document, extract(document)))
