"""The status-rule file format (``matrices/statuses.yaml``; docs/status-rules.md).

For each matrix dimension and formula part, rules state when the status is ``concrete`` and when it
is ``vague``; a dimension none of whose rules holds is ``absent``. Conditions use the rule catalogue's
closed set of primitives (requires, forbids, all_of, any_of, none_of, context) over the evidence facts
and the relation stage's attributes; a rule may also test another dimension's ``status`` fact, which
decides it later (owner after plan).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..models import FORMULA_PARTS, MATRIX_DIMENSIONS
from ..rules.schema import Condition, ExampleItem, valid_code, valid_name

Column = Literal["reason", "time", "responsibility", "compensation", "cause", "plan", "owner"]
Decided = Literal["concrete", "vague"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StatusExamples(_Strict):
    """``match``: texts on which the rule holds and decides its status; ``no_match``: texts on which
    it does not hold."""

    match: list[ExampleItem] = Field(min_length=1)
    no_match: list[ExampleItem] = Field(default_factory=list)


class StatusRuleSpec(_Strict):
    code: str = Field(description="stable code, e.g. SR101")
    name: str = Field(description="kebab-case readable name, unique")
    dimension: Column
    status: Decided
    when: Condition
    looked_for: str | None = Field(None, description="shown when this rule decides a vague status")
    why: str = Field(min_length=1)
    examples: dict[Literal["zh", "en"], StatusExamples] = Field(min_length=1)

    @field_validator("code")
    @classmethod
    def _code(cls, v: str) -> str:
        return valid_code(v, "SR101")

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        return valid_name(v, "reason-specific-cause")


class LookedFor(_Strict):
    vague: str = Field(description="what a concrete status needs, shown when the status is vague")
    absent: str = Field(description="what was looked for, shown when the status is absent")


class DimensionSpec(_Strict):
    looked_for: LookedFor | None = None
    same_as: Column | None = Field(None, description="decided exactly as this other dimension")


class StatusFile(_Strict):
    """A status-rule file. A house file (configuration ``status-rules``) may also name default
    rules to drop (``disable``) or start from no default rules at all (``replace: true``)."""

    replace: bool = False
    disable: list[str] = Field(default_factory=list)
    dimensions: dict[Column, DimensionSpec] = Field(default_factory=dict)
    rules: list[StatusRuleSpec] = Field(default_factory=list)


assert set(MATRIX_DIMENSIONS + FORMULA_PARTS) == set(Column.__args__)  # type: ignore[attr-defined]
