"""Client tiers as validated data (``matrices/tiers.yaml``): the tier an annual output implies."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..data import matrices_dir
from ..datafile import load_data_file

TierName = Literal["core", "key", "ordinary"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Label(_Strict):
    zh: str
    en: str


class TierSpec(_Strict):
    """The whole ``tiers.yaml``."""

    core_above: float = Field(gt=0, description="annual output (yuan) strictly above which a client is core")
    key_from: float = Field(gt=0, description="annual output (yuan) from which a client is key")
    industry_chain_key: TierName = Field(description="the tier of a key industry-chain link")
    labels: dict[TierName, Label]

    @model_validator(mode="after")
    def _ordered(self) -> "TierSpec":
        if not self.key_from <= self.core_above:
            raise ValueError("key_from must not exceed core_above")
        if set(self.labels) != {"core", "key", "ordinary"}:
            raise ValueError("labels must name core, key and ordinary")
        return self

    def derive(self, annual_output: float | None, industry_chain_key: bool | None) -> TierName | None:
        """The tier the inputs imply, or None when neither is known."""
        by_output: TierName | None = None
        if annual_output is not None:
            by_output = ("core" if annual_output > self.core_above
                         else "key" if annual_output >= self.key_from else "ordinary")
        if industry_chain_key:
            rank = ("ordinary", "key", "core")
            candidates = [t for t in (by_output, self.industry_chain_key) if t is not None]
            return max(candidates, key=rank.index)
        return by_output


def load_tiers(path: Path | None = None) -> TierSpec:
    """Load and validate a tiers file (the bundled one by default)."""
    return load_data_file(path or matrices_dir() / "tiers.yaml", TierSpec, "the tiers")


@cache
def bundled_tiers() -> TierSpec:
    """The bundled tiers, loaded once."""
    return load_tiers()
