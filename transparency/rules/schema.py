"""The rule-file schema (pydantic): what a rule file may say. See docs/rule-format.md.

Shape is checked here; meaning (fact kinds, attributes, operators, duplicate codes) is checked by
:mod:`transparency.rules.loader` against the fact catalogue, so every problem gets a file and line.
"""

from __future__ import annotations

import re
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..models import Severity

CODE_RE = re.compile(r"^[A-Z]{2,3}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
LANGUAGES: tuple[str, ...] = ("zh", "en")
TARGETS: tuple[str, ...] = ("document", "checklist", "case")
DIMENSIONS: tuple[str, ...] = (
    "reason", "time", "responsibility", "compensation", "formula", "placeholder", "legal", "tone",
    "accountability", "profile", "checklist", "timing", "channel", "followup", "suppression")
PRIMITIVES: tuple[str, ...] = ("requires", "forbids", "all_of", "any_of", "none_of", "context", "builtin")

Scalar = Union[str, int, float, bool]
PatternValue = Union[Scalar, list[Scalar], dict[str, Union[Scalar, list[Scalar]]]]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def valid_code(v: str, example: str = "TT001") -> str:
    """A stable rule code (two or three capital letters and three digits), or a ValueError."""
    if not CODE_RE.match(v):
        raise ValueError(f"code {v!r} must be two or three capital letters and three digits, e.g. {example}")
    return v


def valid_name(v: str, example: str = "time-absent") -> str:
    """A kebab-case rule name, or a ValueError."""
    if not NAME_RE.match(v):
        raise ValueError(f"name {v!r} must be kebab-case, e.g. {example}")
    return v


class Pattern(BaseModel):
    """``{fact: KIND, attr: value | [values] | {op: value}}``; attributes are checked against the
    fact catalogue by the loader."""

    model_config = ConfigDict(extra="allow")
    fact: str = Field(description="a fact kind from the fact catalogue (`transparency schema facts`)")

    def tests(self) -> dict[str, PatternValue]:
        """The attribute tests, without ``fact``."""
        return dict(self.model_extra or {})


class Requires(_Strict):
    requires: Pattern = Field(description="holds when some fact matches the pattern")


class Forbids(_Strict):
    forbids: Pattern = Field(description="holds when no fact matches the pattern")


class AllOf(_Strict):
    all_of: list["Condition"] = Field(min_length=1, description="holds when every condition holds")


class AnyOf(_Strict):
    any_of: list["Condition"] = Field(min_length=1, description="holds when one condition holds")


class NoneOf(_Strict):
    none_of: list["Condition"] = Field(min_length=1, description="holds when no condition holds")


class Context(_Strict):
    context: dict[str, Union[Scalar, list[Scalar]]] = Field(
        min_length=1, description="holds when the subject's context (marker fact) matches every key")


class Builtin(_Strict):
    builtin: str = Field(description="a check implemented in code (see the list of builtins)")


Condition = Union[Requires, Forbids, AllOf, AnyOf, NoneOf, Context, Builtin]
AllOf.model_rebuild()
AnyOf.model_rebuild()
NoneOf.model_rebuild()

Localized = Union[str, dict[Literal["zh", "en"], str]]


class ExampleDoc(_Strict):
    """An example text with the context it is evaluated in."""

    text: str
    kind: Literal["letter", "faq", "meeting_script", "notice", "other"] = "letter"
    tier: Literal["core", "key", "ordinary"] | None = None
    remote: bool = False
    legal_status: Literal["unit_closure", "dissolution", "bankruptcy"] | None = None


ExampleItem = Union[str, ExampleDoc]


class DocExamples(_Strict):
    bad: list[ExampleItem] = Field(min_length=1)
    better: list[ExampleItem] = Field(min_length=1)


class RecordExamples(_Strict):
    """Examples for checklist and case rules: records the stage's own evaluator runs."""

    bad: list[Any] = Field(min_length=1)
    better: list[Any] = Field(min_length=1)


class RuleSpec(_Strict):
    """One rule as written in a rule file."""

    code: str = Field(description="stable code: two or three capital letters and three digits")
    name: str = Field(description="kebab-case readable name, unique")
    target: Literal["document", "checklist", "case"] = "document"
    dimension: str
    severity: Severity
    when: Condition | None = None
    check: Condition
    message: Localized
    fix: Localized | None = None
    why: str = Field(min_length=1, description="what it costs the client when the rule is broken")
    source: str = Field(min_length=1, description="seed section, law article or policy")
    examples: dict[str, Any]

    @field_validator("code")
    @classmethod
    def _code(cls, v: str) -> str:
        return valid_code(v)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        return valid_name(v)

    @field_validator("dimension")
    @classmethod
    def _dimension(cls, v: str) -> str:
        if v not in DIMENSIONS:
            raise ValueError(f"unknown dimension {v!r}; expected one of {', '.join(DIMENSIONS)}")
        return v

    @model_validator(mode="after")
    def _examples_shape(self) -> "RuleSpec":
        if self.target == "document":
            unknown = set(self.examples) - set(LANGUAGES)
            if unknown:
                raise ValueError(f"examples of a document rule are keyed by language (zh, en), "
                                 f"not {sorted(map(str, unknown))}")
            if not self.examples:
                raise ValueError("a rule needs examples in at least one language")
            for lang, ex in self.examples.items():
                DocExamples.model_validate(ex)
        else:
            RecordExamples.model_validate(self.examples)
        return self

    def doc_examples(self) -> dict[str, DocExamples]:
        """Examples of a document rule, by language."""
        return {lang: DocExamples.model_validate(ex) for lang, ex in self.examples.items()}


class RuleFileSpec(_Strict):
    """A whole rule file."""

    area: str | None = Field(None, description="a label for the file's rules; defaults to the file stem")
    rules: list[RuleSpec] = Field(min_length=1)


def primitive_of(raw: Any) -> str | None:
    """The primitive key of a raw condition mapping, or None when it is not a one-key mapping."""
    if isinstance(raw, dict) and len(raw) == 1:
        return next(iter(raw))
    return None
