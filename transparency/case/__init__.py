"""Closure cases: a folder with the closure, its clients, what was sent, and the follow-up plan."""

from __future__ import annotations

from .load import CaseError, CaseProblem, load_case
from .models import Case, Client, Closure, Communication, FollowUp
from .tiers import tier_for

__all__ = ["Case", "CaseError", "CaseProblem", "Client", "Closure", "Communication", "FollowUp",
           "load_case", "tier_for"]
