"""The fact catalogue: every kind of fact a rule may test, with its attributes and their types.

Extraction produces :class:`~transparency.models.Evidence`; :func:`evidence_fact` flattens one into a
fact (a flat mapping of scalars) for the engine. Rule patterns are validated against this catalogue at
load time, so a misspelt kind or attribute is an error, never a rule that silently never fires.
``transparency schema facts`` prints it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .models import Document, Evidence

AttrType = Literal["str", "num", "bool"]
Target = Literal["document", "checklist", "case"]

COMMON_EVIDENCE_ATTRS: dict[str, AttrType] = {"subkind": "str", "quality": "str"}


@dataclass(frozen=True)
class FactKind:
    """One kind of fact: its name, which rule target sees it, its attributes and known subkinds."""

    name: str
    target: Target
    doc: str
    attrs: dict[str, AttrType] = field(default_factory=dict)
    subkinds: tuple[str, ...] = ()
    evidence: bool = True  # built from an Evidence item (has subkind and quality)

    def attributes(self) -> dict[str, AttrType]:
        """All attributes a pattern may test on this kind."""
        return {**COMMON_EVIDENCE_ATTRS, **self.attrs} if self.evidence else dict(self.attrs)


def _kinds(*kinds: FactKind) -> dict[tuple[str, str], FactKind]:
    return {(k.target, k.name): k for k in kinds}


CATALOGUE: dict[tuple[str, str], FactKind] = _kinds(
    # -- markers, one per evaluated object ---------------------------------------------------------
    FactKind("document", "document", "The document marker: its context.", evidence=False, attrs={
        "kind": "str", "language": "str", "tier": "str", "remote": "bool",
        "legal_status": "str", "chars": "num"}),
    FactKind("status", "document", "A matrix dimension's or formula part's status.", evidence=False,
             attrs={"dimension": "str", "status": "str"}),
    # -- evidence found in a text -------------------------------------------------------------------
    FactKind("time", "document", "A date, clock time, period, relative or vague time expression.",
             attrs={"days": "num", "year": "num", "anchored": "bool"},
             subkinds=("date", "clock", "period", "relative", "recurring", "vague", "year_only")),
    FactKind("placeholder", "document", "An unfilled template slot (X月X日, 【客户名称】, {{name}}, TBD).",
             subkinds=("date", "name", "blank", "tbd", "template_var", "other")),
    FactKind("money", "document", "An amount of money, or a vague amount (数十万, 约).",
             attrs={"amount": "num", "currency": "str"}, subkinds=("amount", "vague_amount")),
    FactKind("refund", "document", "A refund term: full, original route, pro-rata, by transfer.",
             subkinds=("full", "original_route", "pro_rata", "transfer", "other", "method")),
    FactKind("interest", "document", "An interest term: deposit rate, LPR, a stated rate.",
             attrs={"rate": "num"}, subkinds=("deposit_rate", "lpr", "rate", "generic")),
    FactKind("compensation", "document",
             "A compensation basis (fee waiver, policy unchanged, credit) or a vague promise (适当补偿).",
             subkinds=("basis", "unchanged_policy", "waiver", "credit", "vague")),
    FactKind("contact", "document", "A usable contact channel.", attrs={"generic": "bool"},
             subkinds=("phone", "email", "wechat", "address", "url", "form")),
    FactKind("party", "document", "An accountable party: person, organisation, successor, or a generic one.",
             attrs={"verb": "str", "title": "str", "role": "bool", "signature": "bool"},
             subkinds=("person", "organisation", "successor", "team", "generic", "support")),
    FactKind("reason", "document", "A stated cause of the closure (decision: a decision given as the only account).",
             attrs={"cue": "str", "decision": "bool"},
             subkinds=("specific", "boilerplate", "link_only")),
    FactKind("plan", "document", "What happens next to the client's project, account, data or money.",
             attrs={"has_actor": "bool", "we_actor": "bool"},
             subkinds=("takeover", "migration", "data_export", "handover", "postponement",
                       "data_deletion", "refund", "vague", "assignment")),
    FactKind("citation", "document", "A legal citation: a law and an article.",
             attrs={"law": "str", "article": "num", "status": "str"},
             subkinds=("law",)),
    FactKind("tone", "document", "A phrase that sets the tone: empty empathy, blame-shifting, hedges…",
             subkinds=("empty_empathy", "empty_invitation", "blame_shifting", "rights_excluding",
                       "hedge", "apology", "empathy_action", "threat")),
    FactKind("commitment", "document", "A promise to act, with or without an identified actor.",
             attrs={"has_actor": "bool"}, subkinds=("agentless", "with_actor")),
    FactKind("operator", "document",
             "Where the text names its operator: the company, brand, product or writer issuing it.",
             subkinds=("named",)),
    FactKind("closure", "document", "The statement that the company or service stops.",
             subkinds=("statement",)),
    FactKind("topic", "document", "A topic the text addresses (deposit refunds, long-term cooperation…).",
             subkinds=("deposit_refund", "unperformed_contracts", "long_term_cooperation",
                       "continuing_contact", "team_destination", "future_cooperation",
                       "short_term_rights", "delay_reason", "next_update", "force_majeure",
                       "renegotiation", "financial_status", "liquidation", "claim_declaration")),
    # -- client-rights checklists (transparency.checklist.facts builds them) ---------------------------
    FactKind("client", "checklist", "The client marker of a checklist: its tier inputs and tier.",
             evidence=False, attrs={
                 "tier": "str", "derived_tier": "str", "stated_tier": "str", "tier_stated": "bool",
                 "tier_derivable": "bool", "annual_output": "num", "industry_chain_key": "bool",
                 "remote": "bool", "items": "num", "consistent": "bool"}),
    FactKind("item", "checklist", "One checklist row: a contract, project or money item of the client.",
             evidence=False, attrs={
                 "row": "num", "kind": "str", "amount": "num", "has_amount": "bool", "currency": "str",
                 "has_owner": "bool", "has_contact": "bool", "has_contact_person": "bool",
                 "deadline_quality": "str", "deadline_kind": "str", "deadline_days": "num",
                 "has_method": "bool", "has_status": "bool", "status_dropped": "bool",
                 "interest_basis_stated": "bool", "takeover_mode": "str", "has_successor": "bool",
                 "signed": "bool", "has_confirmation_date": "bool", "has_transfer_clause": "bool",
                 "has_breach_clause": "bool", "dispute": "str", "administrative": "bool"}),
)


def base_kinds_for(target: Target) -> dict[str, FactKind]:
    """The fact kinds extraction produces for ``target``, without the relation stage's attributes."""
    return {name: k for (t, name), k in CATALOGUE.items() if t == target}


def kinds_for(target: Target) -> dict[str, FactKind]:
    """The fact kinds a rule of ``target`` may test, by name. Document facts also carry the boolean
    attributes of the relation stage (``matrices/relations.yaml``: properties and relations)."""
    kinds = base_kinds_for(target)
    if target == "document":
        from .relate.spec import default_relations

        for kind, attrs in default_relations().attrs.items():
            k = kinds[kind]
            kinds[kind] = FactKind(k.name, k.target, k.doc, {**k.attrs, **dict.fromkeys(sorted(attrs), "bool")},
                                   k.subkinds, k.evidence)
    return kinds


def register(kind: FactKind) -> None:
    """Add a fact kind (used by the checklist and case stages for their own facts)."""
    CATALOGUE[(kind.target, kind.name)] = kind


def document_marker(document: "Document", fact_id: int = 0) -> dict[str, str | int | float | bool]:
    """The marker fact of one document: its context (kind, language, client tier, legal status…)."""
    from .rules.compiler import context_scalar

    client = document.client
    return {"id": fact_id, "fact": "document", "kind": document.kind, "language": document.language,
            "tier": context_scalar(client.tier if client else None),
            "remote": bool(client.remote) if client else False,
            "legal_status": context_scalar(document.legal_status), "chars": len(document.text)}


def evidence_fact(evidence: Evidence, fact_id: int) -> dict[str, str | int | float | bool]:
    """Flatten one evidence item into an engine fact with an explicit id."""
    fact: dict[str, str | int | float | bool] = {
        "id": fact_id, "fact": evidence.kind, "subkind": evidence.subkind, "quality": evidence.quality}
    for key, value in evidence.attrs.items():
        # An integer beyond 2**53 (an account number after 金额, a typo like 100000000亿元) is compared as
        # a float by both engines: durable_rules cannot order such integers exactly and would reject the
        # whole batch; no threshold a rule tests is anywhere near that size.
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
            value = float(value)
        fact[key] = value
    return fact


# -- closure cases (target "case"): one client of a case at a time; built by transparency.case.process --
for _kind in (
    FactKind("client", "case", "The client marker: the client's context in its closure case.", evidence=False,
             attrs={"tier": "str", "remote": "bool", "legal_status": "str", "contacted": "bool",
                    "has_written": "bool", "hours_to_first_contact": "num",
                    "first_contact_before_disclosure": "bool", "written_within_3_days": "bool"}),
    FactKind("communication", "case", "Something sent to (or done with) the client: a letter, visit, meeting…",
             evidence=False,
             attrs={"channel": "str", "kind": "str", "lead_role": "str", "hours_after_resolution": "num",
                    "before_disclosure": "bool", "written": "bool", "first_written": "bool",
                    "explains_delay": "bool"}),
    FactKind("followup", "case", "A planned after-closure action; day 1 is the closure date.", evidence=False,
             attrs={"kind": "str", "day": "num", "done": "bool"}),
    FactKind("payout", "case", "A planned individual pay-out (refund, payment) to the client.", evidence=False,
             attrs={"day": "num", "within_claims_period": "bool", "after_bankruptcy_acceptance": "bool"}),
    FactKind("requirement", "case",
             "A tier-channel or follow-up requirement from matrices/channels.yaml or followup.yaml, met or not.",
             evidence=False, attrs={"area": "str", "group": "str", "name": "str", "met": "bool"}),
    FactKind("liquidation", "case", "Dissolution only: the statutory clock, in days.", evidence=False,
             attrs={"group_formed_days": "num", "creditor_notice_days": "num"}),
):
    register(_kind)
del _kind
