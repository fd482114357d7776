"""Engine facts for one client's checklist: the ``client`` marker and one ``item`` fact per row.

The attributes are those registered in :mod:`transparency.facts` for target ``checklist``; rules in
``rules/checklist.yaml`` test them. Booleans say what the table confirms: ``signed`` is true only for
an explicit yes, so an empty cell is treated like "not signed".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..rules.ir import Scalar
from .schema import ChecklistItem
from .tiers import TierSpec, bundled_tiers
from .vocabulary import vocabulary

Fact = dict[str, Scalar]
CLIENT_FIELDS: tuple[str, ...] = ("client_name", "annual_output", "industry_chain_key", "remote", "tier")
MARKER_ID = 0


@dataclass
class ClientFacts:
    """One client's facts, and how to map an item fact back to its row."""

    client_id: str
    client_name: str | None
    tier: str | None
    facts: list[Fact]
    item_by_fact: dict[int, ChecklistItem]
    conflicts: list[str] = field(default_factory=list)


def _has(value: str | None) -> bool:
    return bool(value and value.strip())


def _first(items: list[ChecklistItem], name: str) -> object:
    return next((getattr(i, name) for i in items if getattr(i, name) is not None), None)


def item_fact(item: ChecklistItem, fact_id: int) -> Fact:
    """One row as an ``item`` fact."""
    dropped = vocabulary().status_dropped
    fact: Fact = {
        "id": fact_id, "fact": "item", "row": item.source.row, "kind": item.kind,
        "has_amount": item.amount is not None, "currency": item.currency,
        "has_owner": _has(item.owner), "has_contact": _has(item.contact),
        "has_contact_person": _has(item.contact_person),
        "deadline_quality": item.deadline.quality, "deadline_kind": item.deadline.kind,
        "has_method": _has(item.method), "has_status": _has(item.status),
        "status_dropped": any(w.casefold() in (item.status or "").casefold() for w in dropped),
        "interest_basis_stated": _has(item.interest),
        "takeover_mode": item.takeover_mode or "unstated", "has_successor": _has(item.successor),
        "signed": item.signed is True, "has_confirmation_date": item.confirmed_at is not None,
        "has_transfer_clause": item.transfer_clause is True, "has_breach_clause": item.breach_clause is True,
        "dispute": item.dispute.kind, "administrative": item.administrative is True,
    }
    if item.amount is not None:
        fact["amount"] = item.amount
    days = deadline_days(item)
    if days is not None:
        fact["deadline_days"] = days
    return fact


def deadline_days(item: ChecklistItem) -> int | None:
    """Days from the closure to the deadline, when known: a period anchored to the closure, or a
    date with the closure date in the table."""
    d = item.deadline
    if d.kind == "period" and d.anchor == "closure":
        return d.days
    if d.kind == "date" and d.date is not None and item.closure_date is not None:
        return (d.date - item.closure_date).days
    return None


def client_facts(client_id: str, items: list[ChecklistItem], tiers: TierSpec | None = None) -> ClientFacts:
    """The marker and item facts of one client (``items`` are that client's rows, in table order)."""
    tiers = tiers or bundled_tiers()
    conflicts = [name for name in CLIENT_FIELDS
                 if len({getattr(i, name) for i in items if getattr(i, name) is not None}) > 1]
    annual_output = _first(items, "annual_output")
    chain_key = _first(items, "industry_chain_key")
    remote = _first(items, "remote")
    stated = _first(items, "tier")
    derived = tiers.derive(annual_output, chain_key)  # type: ignore[arg-type]
    marker: Fact = {"id": MARKER_ID, "fact": "client", "tier": stated or derived or "unknown",
                    "tier_stated": stated is not None, "tier_derivable": derived is not None,
                    "items": len(items), "consistent": not conflicts}
    if stated is not None:
        marker["stated_tier"] = stated  # type: ignore[assignment]
    if derived is not None:
        marker["derived_tier"] = derived
    if annual_output is not None:
        marker["annual_output"] = annual_output  # type: ignore[assignment]
    if chain_key is not None:
        marker["industry_chain_key"] = chain_key  # type: ignore[assignment]
    if remote is not None:
        marker["remote"] = remote  # type: ignore[assignment]
    facts: list[Fact] = []
    by_fact: dict[int, ChecklistItem] = {}
    for n, item in enumerate(items, start=1):
        facts.append(item_fact(item, n))
        by_fact[n] = item
    facts.append(marker)  # the marker last (the durable backend needs it asserted last)
    return ClientFacts(client_id=client_id, client_name=_first(items, "client_name"),  # type: ignore[arg-type]
                       tier=stated or derived, facts=facts, item_by_fact=by_fact, conflicts=conflicts)
