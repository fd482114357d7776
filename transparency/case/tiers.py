"""Client tiers from annual output (客户分级): core strategic, key, ordinary.

Seed, 及时沟通: core strategic clients have an annual output over 1 billion yuan (年产值超10亿元) or are a
key link of the industry chain; key clients 100 million to 1 billion (1-10亿元); the rest are ordinary.
The thresholds live in the shared ``matrices/tiers.yaml`` (also used by the checklist) and are read
through :func:`tier_thresholds` only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class TierThresholds:
    """Yuan boundaries: ``core`` when output > ``core_above``; ``key`` when output >= ``key_from``."""

    core_above: float
    key_from: float


@cache
def tier_thresholds() -> TierThresholds:
    """The tier boundaries in yuan, from the shared ``matrices/tiers.yaml`` (seed: over 10亿 core, 1-10亿 key)."""
    from ..checklist.tiers import bundled_tiers

    spec = bundled_tiers()
    return TierThresholds(core_above=float(spec.core_above), key_from=float(spec.key_from))


def tier_for(annual_output: float | None, industry_chain_key: bool = False) -> tuple[str, str]:
    """The tier of a client and where it came from: ``(tier, source)``.

    A key link of the industry chain is core whatever its output; otherwise the output decides. A client
    with no output and no chain role is ``ordinary`` (source ``default``).
    """
    if industry_chain_key:
        return "core", "industry_chain"
    if annual_output is None:
        return "ordinary", "default"
    t = tier_thresholds()
    if annual_output > t.core_above:
        return "core", "annual_output"
    if annual_output >= t.key_from:
        return "key", "annual_output"
    return "ordinary", "annual_output"
