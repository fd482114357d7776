"""The client-rights checklist (《客户权益清单》) as data: one normalised item per table row.

The loaders (:mod:`transparency.checklist.load`) turn CSV, XLSX, YAML and JSON rows into
:class:`ChecklistItem`; a row that cannot be read becomes a :class:`Rejection` instead, so that
``rows_read == rows_evaluated + len(rejected)`` always. ``transparency schema checklist`` prints
:func:`checklist_schema`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ItemKind = Literal["land_refund", "subsidy", "project_handover", "deposit", "unpaid_balance",
                   "undelivered_goods", "order", "data", "other"]
TakeoverMode = Literal["parent", "platform", "third_party", "none"]
TierName = Literal["core", "key", "ordinary"]
DeadlineKind = Literal["date", "period", "vague", "placeholder", "absent"]
DisputeKind = Literal["arbitration_named", "arbitration_vague", "court", "none"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Deadline(_Model):
    """When an item is settled: a date, a period anchored to the closure, or words kept as written."""

    text: str = Field("", description="the cell as written")
    kind: DeadlineKind = "absent"
    date: dt.date | None = Field(None, description="for kind=date")
    days: int | None = Field(None, ge=0, description="for kind=period: length in days (months count 30)")
    anchor: Literal["closure", "other"] | None = Field(
        None, description="for kind=period: closure (停业后30日内, within 30 days of closure) or another event")

    @property
    def quality(self) -> str:
        """concrete (a date or a period), vague, placeholder or absent."""
        return "concrete" if self.kind in ("date", "period") else self.kind


class Dispute(_Model):
    """The dispute-resolution clause of a takeover agreement."""

    text: str = ""
    kind: DisputeKind = "none"


class Source(_Model):
    """Where a row came from: a spreadsheet row number counts the header as row 1; for YAML and
    JSON it is the record's 1-based position."""

    path: str
    sheet: str | None = None
    row: int = Field(ge=1)
    chinese_headers: bool = Field(False, description="the file used Chinese column headers")
    headers: dict[str, str] = Field(default_factory=dict, description="field -> header as written")


class ChecklistItem(_Model):
    """One checklist row: a contract, project or money item of one client, normalised."""

    source: Source
    client_id: str = Field(min_length=1)
    client_name: str | None = None
    item: str = Field(min_length=1, description="what the item is, e.g. 已付土地款退还")
    kind: ItemKind
    amount: float | None = Field(None, ge=0, description="in `currency` units; 万/亿 already applied")
    currency: str = Field("CNY", pattern=r"^[A-Z]{3}$")
    deadline: Deadline = Field(default_factory=Deadline)
    method: str | None = Field(None, description="how it is settled (refund by bank transfer, takeover…)")
    owner: str | None = Field(None, description="the accountable organisation")
    contact_person: str | None = None
    contact: str | None = Field(None, description="phone, e-mail or WeChat")
    status: str | None = None
    interest: str | None = Field(None, description="interest basis, e.g. 同期存款利息, 一年期LPR")
    takeover_mode: TakeoverMode | None = None
    successor: str | None = Field(None, description="the taking-over entity's name")
    signed: bool | None = Field(None, description="written confirmation signed and sealed by both sides")
    confirmed_at: dt.date | None = None
    transfer_clause: bool | None = Field(None, description="the agreement transfers the rights and obligations")
    breach_clause: bool | None = None
    dispute: Dispute = Field(default_factory=Dispute)
    administrative: bool | None = Field(None, description="the agreement is an administrative agreement (行政协议)")
    closure_date: dt.date | None = None
    annual_output: float | None = Field(None, ge=0, description="client's annual output in yuan")
    industry_chain_key: bool | None = None
    remote: bool | None = None
    tier: TierName | None = Field(None, description="the tier as stated in the table")
    notes: str | None = None


class Rejection(_Model):
    """A row that could not be read, and why (the CONTRACTS.md ``rejected`` entry)."""

    path: str
    sheet: str | None = None
    row: int
    column: str | None
    message: str


class ChecklistTable(_Model):
    """Everything read from one or more checklist files."""

    items: list[ChecklistItem] = Field(default_factory=list)
    rejected: list[Rejection] = Field(default_factory=list)
    rows_read: int = 0
    warnings: list[str] = Field(default_factory=list, description="sheets skipped and why")

    def extend(self, other: "ChecklistTable") -> None:
        """Append another table's rows (reading several files)."""
        self.items.extend(other.items)
        self.rejected.extend(other.rejected)
        self.rows_read += other.rows_read
        self.warnings.extend(other.warnings)


def checklist_schema() -> dict[str, Any]:
    """The JSON Schema of a normalised checklist item (``transparency schema checklist``)."""
    schema = ChecklistItem.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "transparency client-rights checklist item (normalised)"
    return schema
