"""The checklist vocabulary (``vocabulary.yaml``): headers, cell values and keywords, as validated data."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from ..datafile import load_data_file

FIELDS: tuple[str, ...] = (
    "client_id", "client_name", "item", "kind", "amount", "currency", "deadline", "method", "owner",
    "contact_person", "contact", "status", "interest", "takeover_mode", "successor", "signed",
    "confirmed_at", "transfer_clause", "breach_clause", "dispute_resolution", "administrative",
    "closure_date", "annual_output", "industry_chain_key", "remote", "tier", "notes")
ITEM_KINDS: tuple[str, ...] = ("land_refund", "subsidy", "project_handover", "deposit", "unpaid_balance",
                               "undelivered_goods", "order", "data", "other")
TAKEOVER_MODES: tuple[str, ...] = ("parent", "platform", "third_party", "none")
TIERS: tuple[str, ...] = ("core", "key", "ordinary")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DeadlineWords(_Strict):
    vague: list[str]
    placeholder: list[str]


class ArbitrationWords(_Strict):
    words: list[str]
    commission_words: list[str]
    court_words: list[str]


class Values(_Strict):
    kind: dict[str, list[str]]
    takeover_mode: dict[str, list[str]]
    tier: dict[str, list[str]]
    boolean: dict[str, list[str]]


class Vocabulary(_Strict):
    """The whole ``vocabulary.yaml``."""

    headers: dict[str, list[str]]
    chinese_header: dict[str, str]
    values: Values
    money_kinds: list[str]
    status_dropped: list[str]
    deadline_words: DeadlineWords
    arbitration: ArbitrationWords
    letter_keywords: dict[str, list[str]]

    @model_validator(mode="after")
    def _complete(self) -> "Vocabulary":
        if set(self.headers) != set(FIELDS):
            raise ValueError(f"headers must list exactly the fields {list(FIELDS)}")
        if set(self.chinese_header) != set(FIELDS):
            raise ValueError("chinese_header must name every field")
        for name, canon in (("kind", ITEM_KINDS), ("takeover_mode", TAKEOVER_MODES), ("tier", TIERS),
                            ("boolean", ("true", "false"))):
            if set(getattr(self.values, name)) != set(canon):
                raise ValueError(f"values.{name} must have exactly the keys {list(canon)}")
        for kind in [*self.money_kinds, *self.letter_keywords]:
            if kind not in ITEM_KINDS:
                raise ValueError(f"unknown item kind {kind!r}")
        return self

    def header_index(self) -> dict[str, str]:
        """Accepted header (case-folded) -> field."""
        return {h.strip().casefold(): field for field, hs in self.headers.items() for h in hs}

    def value_index(self, name: str) -> dict[str, str]:
        """Accepted spelling (case-folded) -> canonical value, for ``kind``, ``tier``…"""
        return {s.strip().casefold(): canon for canon, spellings in getattr(self.values, name).items()
                for s in spellings}


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Load and validate a vocabulary file (the bundled one by default)."""
    return load_data_file(path or Path(__file__).with_name("vocabulary.yaml"), Vocabulary,
                          "the checklist vocabulary")


@cache
def vocabulary() -> Vocabulary:
    """The bundled vocabulary, loaded once."""
    return load_vocabulary()
