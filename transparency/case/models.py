"""A closure case as data: the closure, its clients, what was sent to them, and the follow-up plan.

The folder format is in ``docs/report.md`` (and the project's contracts); :mod:`transparency.case.load`
reads a folder into these models. Every timestamp is timezone-aware (ISO 8601 with an offset), so
hours between the board resolution and a first contact are exact whatever the offsets.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

LegalStatus = Literal["unit_closure", "dissolution", "bankruptcy"]
CommunicationKind = Literal["letter", "faq", "meeting_script", "notice", "wechat"]
Channel = Literal["on_site_visit", "letter", "wechat_group", "online_meeting", "video_meeting", "email",
                  "express_mail", "phone"]
LeadRole = Literal["senior_leader", "regional_head", "officer"]
TierName = Literal["core", "key", "ordinary"]
TierSource = Literal["given", "annual_output", "industry_chain", "default"]
FollowupKind = Literal["revisit", "greeting", "birthday_call", "briefing", "salon", "refund", "handover",
                       "resource_matching", "policy_advice", "legal_advice", "asset_disposal", "payout"]

LEGAL_STATUSES: tuple[str, ...] = LegalStatus.__args__  # type: ignore[attr-defined]
COMMUNICATION_KINDS: tuple[str, ...] = CommunicationKind.__args__  # type: ignore[attr-defined]
CHANNELS: tuple[str, ...] = Channel.__args__  # type: ignore[attr-defined]
LEAD_ROLES: tuple[str, ...] = LeadRole.__args__  # type: ignore[attr-defined]
TIERS: tuple[str, ...] = TierName.__args__  # type: ignore[attr-defined]
FOLLOWUP_KINDS: tuple[str, ...] = FollowupKind.__args__  # type: ignore[attr-defined]

# Durable media: what counts as "in writing" (CH-WRITTEN-01). A visit, a call or a meeting alone does not.
WRITTEN_CHANNELS: frozenset[str] = frozenset({"letter", "email", "express_mail", "wechat_group"})


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise ValueError("timestamp has no UTC offset; write it as ISO 8601 with an offset, "
                         "e.g. 2024-03-01T09:00+08:00")
    return value


class Closure(_Model):
    """``closure.yaml``: what closes, when it was decided, when it became public, its legal form."""

    company: str = Field(min_length=1)
    board_resolution_at: datetime = Field(description="when the board resolved to close (董事会决议)")
    closure_date: date = Field(description="the last day of operation; day 1 of the 100-day plan")
    legal_status: LegalStatus
    public_disclosure_at: datetime | None = Field(
        None, description="when the news became public (press, industry media, announcement)")
    language: Literal["zh", "en"] | None = Field(
        None, description="language of the report's evidence and fixes (letters are detected one by one)")
    liquidation_group_formed_at: datetime | None = Field(
        None, description="dissolution: when the liquidation group (清算组) was formed")
    creditor_announcement_at: datetime | None = Field(
        None, description="dissolution: public announcement to creditors (newspaper or 公示系统)")
    bankruptcy_accepted_at: datetime | None = Field(
        None, description="bankruptcy: when the court accepted the application (受理)")

    _aware_fields = field_validator("board_resolution_at", "public_disclosure_at",
                                    "liquidation_group_formed_at", "creditor_announcement_at",
                                    "bankruptcy_accepted_at")(_aware)


class Client(_Model):
    """One row of ``clients.csv``: a client and its tier."""

    client_id: str = Field(min_length=1)
    client_name: str = ""
    annual_output: float | None = Field(None, ge=0, description="annual output in yuan")
    industry_chain_key: bool = False
    remote: bool = False
    tier: TierName
    tier_source: TierSource = "given"
    row: int = Field(0, description="spreadsheet row the client came from (header is row 1)")


class Communication(_Model):
    """One row of ``communications.csv``: something sent to (or done with) one client."""

    client_id: str
    path: str | None = Field(None, description="the document, relative to the case folder")
    kind: CommunicationKind
    channel: Channel
    sent_at: datetime
    lead_role: LeadRole
    row: int = 0
    explains_delay: bool | None = Field(
        None, description="whether the document says why it comes late (TL-DELAY-01); not a CSV column: "
                          "the gap report sets it from the document's evaluation")

    _aware_sent = field_validator("sent_at")(_aware)

    @property
    def written(self) -> bool:
        """Sent on a durable medium (letter, e-mail, express mail, WeChat group), not a meeting script."""
        return self.channel in WRITTEN_CHANNELS and self.kind != "meeting_script"


class FollowUp(_Model):
    """One row of ``followup.csv``: a planned after-closure action for one client."""

    client_id: str
    planned_at: date
    kind: FollowupKind
    done_at: date | None = None
    owner: str | None = None
    row: int = 0


class Case(_Model):
    """A whole closure case folder."""

    root: Path
    closure: Closure
    clients: list[Client]
    communications: list[Communication] = Field(default_factory=list)
    followups: list[FollowUp] = Field(default_factory=list)
    followup_given: bool = Field(False, description="whether the folder has a followup.csv at all")
    checklist_path: Path | None = None

    def client(self, client_id: str) -> Client:
        """The client with this id (KeyError when there is none)."""
        for c in self.clients:
            if c.client_id == client_id:
                return c
        raise KeyError(client_id)

    def communications_of(self, client_id: str) -> list[Communication]:
        """What was sent to one client, earliest first."""
        return sorted((c for c in self.communications if c.client_id == client_id), key=lambda c: c.sent_at)

    def followups_of(self, client_id: str) -> list[FollowUp]:
        """The follow-up plan of one client, earliest first."""
        return sorted((f for f in self.followups if f.client_id == client_id), key=lambda f: f.planned_at)

    def document_path(self, communication: Communication) -> Path | None:
        """The absolute path of a communication's document, or None when it has none."""
        return self.root / communication.path if communication.path else None
