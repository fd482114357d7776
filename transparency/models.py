"""The data model shared by every stage: documents, spans, evidence, findings, evaluations.

All models are pydantic v2 and round-trip through JSON (``model_dump_json`` / ``model_validate_json``).
Offsets are 0-based Python ``str`` indices (code points), so they are exact for CJK text; lines and
columns are 1-based and count characters, with ``\\r\\n``, ``\\n`` and a lone ``\\r`` each ending one line.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Language = Literal["zh", "en"]
DocumentKind = Literal["letter", "faq", "meeting_script", "notice", "other"]
Tier = Literal["core", "key", "ordinary"]
Severity = Literal["error", "warning", "suggestion"]
Quality = Literal["concrete", "vague", "placeholder"]
Status = Literal["concrete", "vague", "absent"]
LegalStatus = Literal["unit_closure", "dissolution", "bankruptcy"]

MATRIX_DIMENSIONS: tuple[str, ...] = ("reason", "time", "responsibility", "compensation")
FORMULA_PARTS: tuple[str, ...] = ("cause", "plan", "owner")
SEVERITY_RANK: dict[str, int] = {"suggestion": 1, "warning": 2, "error": 3}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts (``\\r\\n``, ``\\n`` and ``\\r`` end a line)."""
    starts = [0]
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\r":
            if i + 1 < n and text[i + 1] == "\n":
                i += 1
            starts.append(i + 1)
        elif ch == "\n":
            starts.append(i + 1)
        i += 1
    return starts


@lru_cache(maxsize=16)
def _cached_line_starts(text: str) -> list[int]:
    # str caches its hash, so a lookup costs one comparison once the text has been seen.
    return line_starts(text)


def line_col(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of a 0-based character offset, given :func:`line_starts`."""
    idx = bisect_right(starts, offset) - 1
    return idx + 1, offset - starts[idx] + 1


class Span(_Model):
    """A range of characters in a document's text, ``text[start:end]``."""

    start: int = Field(ge=0, description="0-based offset of the first character")
    end: int = Field(ge=0, description="0-based offset one past the last character")
    line: int = Field(1, ge=1, description="1-based line of `start`")
    column: int = Field(1, ge=1, description="1-based column of `start`, in characters")
    end_line: int = Field(1, ge=1)
    end_column: int = Field(1, ge=1)
    text: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int, starts: list[int] | None = None) -> "Span":
        """Build a span over ``text[start:end]`` with line and column filled in."""
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}:{end} lies outside a text of {len(text)} characters")
        starts = starts if starts is not None else line_starts(text)
        line, column = line_col(starts, start)
        end_line, end_column = line_col(starts, end)
        return cls(start=start, end=end, line=line, column=column, end_line=end_line,
                   end_column=end_column, text=text[start:end])


class ClientRef(_Model):
    """The client a document is addressed to."""

    id: str | None = None
    name: str | None = None
    tier: Tier | None = None
    remote: bool = False


class Document(_Model):
    """A communication to evaluate: a letter, FAQ, meeting script or notice."""

    text: str
    language: Language = "zh"
    kind: DocumentKind = "letter"
    client: ClientRef | None = None
    path: str | None = Field(None, description="where the text came from, if a file")
    legal_status: LegalStatus | None = Field(
        None, description="the closing company's legal status, when known (a closure case says it)")

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` over this document's text (line starts are cached per text)."""
        return Span.of(self.text, start, end, _cached_line_starts(self.text))


class Evidence(_Model):
    """One piece of evidence found in a text: a date, an amount, a named owner, a vague phrase…"""

    kind: str = Field(description="evidence kind, e.g. time, money, party, contact, reason")
    subkind: str = Field("", description="finer class within the kind, e.g. date, period, generic")
    quality: Quality = "concrete"
    span: Span
    value: Any = Field(None, description="normalised value (a number, a date string, a mapping)")
    attrs: dict[str, str | int | float | bool] = Field(
        default_factory=dict, description="scalar attributes the rules may test")


class Finding(_Model):
    """A problem a rule found, with where it is and what to do about it."""

    code: str
    name: str
    severity: Severity
    message: str
    dimension: str
    span: Span
    evidence: list[Evidence] = Field(default_factory=list)
    fix: str | None = None
    source: str | None = Field(None, description="seed section, law article or policy behind the rule")
    scope: Literal["span", "document"] = Field(
        "span", description="document: about the whole text (something missing), reported at file level")


class DimensionResult(_Model):
    """The status of one matrix dimension or formula part, with the evidence behind it."""

    status: Status
    score: float = Field(ge=0.0, le=1.0)
    evidence: list[Evidence] = Field(default_factory=list)
    looked_for: str | None = Field(None, description="what was looked for and not found ('why not')")
    decided_by: str | None = Field(None, description="code of the status rule that decided it (none: absent)")
    rules_not_held: dict[str, str] = Field(
        default_factory=dict, description="status rules of a better status that did not hold: code -> what it needs")


class Formula(_Model):
    """Cause + plan + owner (原因 + 方案 + 责任主体)."""

    cause: DimensionResult
    plan: DimensionResult
    owner: DimensionResult

    @property
    def complete(self) -> bool:
        """All three parts are concrete."""
        return all(getattr(self, p).status == "concrete" for p in FORMULA_PARTS)


def status_names(matrix: dict[str, DimensionResult], formula: Formula | None) -> dict[str, Status]:
    """Matrix and formula statuses by name (reason, time, …, cause, plan, owner)."""
    out: dict[str, Status] = {d: r.status for d, r in matrix.items()}
    if formula is not None:
        for part in FORMULA_PARTS:
            out[part] = getattr(formula, part).status
    return out


class Explanation(_Model):
    """Why a score is what it is: the rules that fired and those that held or did not apply."""

    fired: list[str] = Field(default_factory=list, description="codes of the rules that fired")
    unmet: dict[str, str] = Field(default_factory=dict,
                                  description="dimension -> what was looked for and not found")
    rules_looked_for: dict[str, str] = Field(
        default_factory=dict, description="code of a rule that fired on an absence -> what it looked for")
    decided_by: dict[str, str | None] = Field(
        default_factory=dict, description="dimension -> the status rule that decided it (none: absent)")
    status_rules: list[str] = Field(
        default_factory=list, description="house status-rule files in force; empty: the default matrix")
    status_rules_not_held: dict[str, dict[str, str]] = Field(
        default_factory=dict, description="dimension -> the better-status rules that did not hold and what each needs")


class Evaluation(_Model):
    """The result of evaluating one document."""

    document: Document
    findings: list[Finding] = Field(default_factory=list)
    matrix: dict[str, DimensionResult] = Field(default_factory=dict)
    formula: Formula | None = None
    score: float = Field(0.0, ge=0.0, le=100.0, description="weighted matrix score, 0-100")
    evidence: list[Evidence] = Field(default_factory=list)
    explanation: Explanation = Field(default_factory=Explanation)

    @property
    def statuses(self) -> dict[str, Status]:
        """Matrix and formula statuses by name."""
        return status_names(self.matrix, self.formula)

    def _repr_html_(self) -> str:
        """Jupyter display: the letter with evidence and findings highlighted, and the matrix."""
        from .render.notebook import evaluation_html

        return evaluation_html(self)

    def to_json(self, path: str | None = None) -> str:
        """This evaluation as one document of ``transparency lint --format json`` (CONTRACTS.md), with
        ``path`` (default: the document's own path, else "-")."""
        import json

        from .render.json import document_dict

        return json.dumps(document_dict(path or self.document.path or "-", self), ensure_ascii=False, indent=2)

    def worst_severity(self) -> Severity | None:
        """The highest severity among the findings, or None."""
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=SEVERITY_RANK.__getitem__)
