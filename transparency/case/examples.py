"""Small cases written inline in rule files (``examples`` of ``target: case`` rules).

A record describes one client of a case in hours and days relative to the board resolution and the
closure date, so that a rule's bad and better examples read like the situation they stand for::

    - client: {tier: core}            # or annual_output / industry_chain_key; remote: true
      legal_status: unit_closure      # default
      disclosure_hours: 20            # the news became public 20 h after the resolution (optional)
      communications:
        - {channel: letter, kind: letter, lead_role: senior_leader, hours: 6}
      followups:
        - {kind: revisit, day: 91}    # day 1 is the closure date

:func:`case_from_example` turns a record into a real :class:`~transparency.case.models.Case`, which
then goes through the same assessment and rules as a case folder. Unknown keys are errors.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .models import Case, Client, Closure, Communication, FollowUp
from .tiers import tier_for

BOARD_RESOLUTION = datetime(2024, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=8)))
CLOSURE_DATE = date(2024, 3, 31)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExampleClient(_Strict):
    tier: Literal["core", "key", "ordinary"] | None = None
    annual_output: float | None = None
    industry_chain_key: bool = False
    remote: bool = False


class ExampleCommunication(_Strict):
    channel: str
    kind: str = "letter"
    lead_role: str = "officer"
    hours: float = Field(description="hours after the board resolution")
    explains_delay: bool = Field(False, description="the document says why it comes late")


class ExampleFollowup(_Strict):
    kind: str
    day: int = Field(description="day of the plan; day 1 is the closure date")
    done: bool = False


class ExampleCase(_Strict):
    """One example record of a ``target: case`` rule."""

    client: ExampleClient = Field(default_factory=ExampleClient)
    legal_status: Literal["unit_closure", "dissolution", "bankruptcy"] = "unit_closure"
    disclosure_hours: float | None = None
    liquidation_group_days: float | None = None
    announcement_days: float | None = None
    bankruptcy_accepted_days: float | None = None
    communications: list[ExampleCommunication] = Field(default_factory=list)
    followups: list[ExampleFollowup] = Field(default_factory=list)


def _at(hours: float | None) -> datetime | None:
    return None if hours is None else BOARD_RESOLUTION + timedelta(hours=hours)


def case_from_example(record: Any) -> tuple[Case, Client]:
    """A one-client :class:`Case` from an example record (validated; unknown keys are errors)."""
    ex = ExampleCase.model_validate(record)
    tier, source = (ex.client.tier, "given") if ex.client.tier else tier_for(
        ex.client.annual_output, ex.client.industry_chain_key)
    client = Client(client_id="X1", client_name="Example client", annual_output=ex.client.annual_output,
                    industry_chain_key=ex.client.industry_chain_key, remote=ex.client.remote, tier=tier,
                    tier_source=source, row=2)
    closure = Closure(
        company="Example Co.", board_resolution_at=BOARD_RESOLUTION, closure_date=CLOSURE_DATE,
        legal_status=ex.legal_status, public_disclosure_at=_at(ex.disclosure_hours),
        liquidation_group_formed_at=_at(None if ex.liquidation_group_days is None else ex.liquidation_group_days * 24),
        creditor_announcement_at=_at(None if ex.announcement_days is None else ex.announcement_days * 24),
        bankruptcy_accepted_at=_at(None if ex.bankruptcy_accepted_days is None else ex.bankruptcy_accepted_days * 24))
    comms = [Communication(client_id="X1", kind=c.kind, channel=c.channel, lead_role=c.lead_role,  # type: ignore[arg-type]
                           sent_at=BOARD_RESOLUTION + timedelta(hours=c.hours), row=i + 2,
                           explains_delay=c.explains_delay)
             for i, c in enumerate(ex.communications)]
    followups = [FollowUp(client_id="X1", kind=f.kind, planned_at=CLOSURE_DATE + timedelta(days=f.day - 1),  # type: ignore[arg-type]
                          done_at=(CLOSURE_DATE + timedelta(days=f.day - 1)) if f.done else None, row=i + 2)
                 for i, f in enumerate(ex.followups)]
    case = Case(root=Path("."), closure=closure, clients=[client], communications=comms, followups=followups,
                followup_given=True)
    return case, client
