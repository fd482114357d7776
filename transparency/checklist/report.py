"""The checklist report: per-client scores, findings with row and column, rejected rows.

``ChecklistReport.to_json()`` is the ``transparency checklist --format json`` contract
(CONTRACTS.md): keys ``schema_version``, ``rows_read``, ``rows_evaluated``, ``rejected``, ``clients``,
``findings``; ``warnings`` and ``errors`` are additions.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models import SEVERITY_RANK, Severity
from .schema import Rejection

SCHEMA_VERSION = "1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ClientScore(_Model):
    """One client's tier and score (0-100; the formula is in :mod:`transparency.checklist.evaluate`)."""

    client_id: str
    client_name: str | None = None
    tier: str | None = Field(None, description="stated tier, else the tier the annual output implies")
    score: float = Field(ge=0, le=100)
    items: int = Field(0, ge=0, description="rows evaluated for this client")


class ChecklistFinding(_Model):
    """A problem in a client's checklist, with where it is and what to do."""

    code: str
    name: str
    severity: Severity
    message: str
    client_id: str
    row: int | None = Field(description="spreadsheet row (header = row 1), or record number")
    column: str | None = Field(description="the column as the file names it")
    fix: str | None = None
    dimension: str = "checklist"
    scope: Literal["item", "client"] = Field("item", description="about one row, or about the client")
    path: str | None = None
    sheet: str | None = None
    # The letter side of a letter/checklist mismatch.
    letter_path: str | None = None
    start: int | None = None
    end: int | None = None
    letter_text: str | None = None


class ChecklistReport(_Model):
    """Everything ``transparency checklist`` reports."""

    schema_version: str = SCHEMA_VERSION
    rows_read: int = 0
    rows_evaluated: int = 0
    rejected: list[Rejection] = Field(default_factory=list)
    clients: list[ClientScore] = Field(default_factory=list)
    findings: list[ChecklistFinding] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    errors: list[dict[str, str]] = Field(default_factory=list, description="files that could not be read")

    def worst_severity(self) -> Severity | None:
        """The highest severity among the findings, or None."""
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=SEVERITY_RANK.__getitem__)

    def to_json(self) -> dict[str, Any]:
        """The JSON document of CONTRACTS.md (optional finding keys left out when empty)."""
        out = self.model_dump(mode="json")
        letter_keys = ("letter_path", "start", "end", "letter_text")
        out["findings"] = [{k: v for k, v in f.items() if not (k in letter_keys and v is None)}
                           for f in out["findings"]]
        return out

    def to_text(self) -> str:
        """A human-readable listing: findings by place, rejected rows, client scores."""
        lines: list[str] = []
        for f in self.findings:
            where = _where(f.path, f.sheet, f.row)
            column = f" [{f.column}]" if f.column else ""
            lines.append(f"{where}{column}: {f.severity} {f.code} {f.name}: {f.message} (client {f.client_id})")
            if f.letter_path is not None:
                lines.append(f"    letter {f.letter_path}:{f.start}-{f.end}: {f.letter_text}")
            if f.fix:
                lines.append(f"    fix: {f.fix}")
        for r in self.rejected:
            column = f" [{r.column}]" if r.column else ""
            lines.append(f"{_where(r.path, r.sheet, r.row)}{column}: rejected: {r.message}")
        for w in self.warnings:
            lines.append(f"warning: {w}")
        for e in self.errors:
            lines.append(f"{e['path']}: error: {e['message']}")
        for c in self.clients:
            name = f" {c.client_name}" if c.client_name else ""
            lines.append(f"client {c.client_id}{name}: tier {c.tier or 'unknown'}, score {c.score:.1f} "
                         f"({c.items} item(s))")
        counts = {s: sum(1 for f in self.findings if f.severity == s) for s in ("error", "warning", "suggestion")}
        lines.append(f"{self.rows_read} row(s) read, {self.rows_evaluated} evaluated, {len(self.rejected)} rejected; "
                     f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['suggestion']} suggestion(s)")
        return "\n".join(lines) + "\n"


def _where(path: str | None, sheet: str | None, row: int | None) -> str:
    parts = [path or "<checklist>"]
    if sheet:
        parts.append(sheet)
    if row is not None:
        parts.append(str(row))
    return ":".join(parts)
