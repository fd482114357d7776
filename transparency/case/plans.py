"""The tier channel table (``matrices/channels.yaml``) and the follow-up plan (``matrices/followup.yaml``),
validated: an unknown key, channel, role, requirement or follow-up kind is an error naming the file."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..data import matrices_dir
from ..datafile import load_data_file
from .models import CHANNELS, FOLLOWUP_KINDS, LEAD_ROLES, TIERS


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Label(_Strict):
    zh: str
    en: str

    def in_(self, language: str) -> str:
        """The label in ``language`` (zh or en)."""
        return self.zh if language == "zh" else self.en


class Requirement(_Strict):
    channels: list[str] = Field(min_length=1)
    label: Label

    @model_validator(mode="after")
    def _known(self) -> "Requirement":
        bad = [c for c in self.channels if c not in CHANNELS]
        if bad:
            raise ValueError(f"unknown channel(s) {bad}; known: {', '.join(CHANNELS)}")
        return self


class TierChannels(_Strict):
    label: Label
    lead: str
    requires: list[str] = Field(min_length=1)


class RemoteRule(_Strict):
    replaces: dict[str, str] = Field(default_factory=dict)
    adds: list[str] = Field(default_factory=list)


class ChannelTable(_Strict):
    """The whole ``channels.yaml``."""

    lead_roles: list[str]
    lead_role_labels: dict[str, Label]
    channel_labels: dict[str, Label]
    requirements: dict[str, Requirement]
    tiers: dict[str, TierChannels]
    remote: RemoteRule

    @model_validator(mode="after")
    def _consistent(self) -> "ChannelTable":
        if sorted(self.lead_roles) != sorted(LEAD_ROLES):
            raise ValueError(f"lead_roles must list exactly {list(LEAD_ROLES)}, least senior first")
        if set(self.lead_role_labels) != set(LEAD_ROLES):
            raise ValueError(f"lead_role_labels must label exactly {list(LEAD_ROLES)}")
        if set(self.channel_labels) != set(CHANNELS):
            raise ValueError(f"channel_labels must label exactly {list(CHANNELS)}")
        if set(self.tiers) != set(TIERS):
            raise ValueError(f"tiers must be exactly {list(TIERS)}")
        names = set(self.requirements)
        for tier, spec in self.tiers.items():
            if spec.lead not in self.lead_roles:
                raise ValueError(f"tiers.{tier}.lead {spec.lead!r} is not one of {self.lead_roles}")
            for r in spec.requires:
                if r not in names:
                    raise ValueError(f"tiers.{tier}.requires: unknown requirement {r!r}")
        for old, new in self.remote.replaces.items():
            for r in (old, new):
                if r not in names:
                    raise ValueError(f"remote.replaces: unknown requirement {r!r}")
        for r in self.remote.adds:
            if r not in names:
                raise ValueError(f"remote.adds: unknown requirement {r!r}")
        return self

    def role_label(self, role: str, language: str) -> str:
        """A lead role in words."""
        return self.lead_role_labels[role].in_(language)

    def channel_label(self, channel: str, language: str) -> str:
        """A channel in words."""
        return self.channel_labels[channel].in_(language)

    def rank(self, role: str) -> int:
        """Seniority of a lead role (0 = least senior)."""
        return self.lead_roles.index(role)

    def required_for(self, tier: str, remote: bool) -> list[str]:
        """The requirement names a client of ``tier`` (remote or not) must meet, in a stable order."""
        names = list(self.tiers[tier].requires)
        if remote:
            names = [self.remote.replaces.get(n, n) for n in names] + list(self.remote.adds)
        return list(dict.fromkeys(names))


class Phase(_Strict):
    label: Label
    days: tuple[int, int]
    kinds: list[str] = Field(min_length=1)


class RevisitPoint(_Strict):
    day: int = Field(gt=0)
    tolerance: int = Field(ge=0)
    label: Label


class Revisits(_Strict):
    kind: str
    at: dict[str, RevisitPoint] = Field(min_length=1)


class FollowupPlan(_Strict):
    """The whole ``followup.yaml``."""

    phases: dict[str, Phase]
    revisits: Revisits
    three_ones: dict[str, Label]
    payout_kinds: list[str]

    @model_validator(mode="after")
    def _consistent(self) -> "FollowupPlan":
        if list(self.phases) != ["urgent", "transition", "long_term"]:
            raise ValueError("phases must be urgent, transition, long_term, in that order")
        previous_end = 0
        for name, phase in self.phases.items():
            start, end = phase.days
            if start != previous_end + 1 or end < start:
                raise ValueError(f"phases.{name}.days {list(phase.days)} must start the day after the "
                                 f"previous phase ends (day {previous_end + 1}) and not end before it starts")
            previous_end = end
            self._kinds(f"phases.{name}.kinds", phase.kinds)
        self._kinds("revisits.kind", [self.revisits.kind])
        self._kinds("three_ones", list(self.three_ones))
        self._kinds("payout_kinds", self.payout_kinds)
        return self

    @staticmethod
    def _kinds(where: str, kinds: list[str]) -> None:
        bad = [k for k in kinds if k not in FOLLOWUP_KINDS]
        if bad:
            raise ValueError(f"{where}: unknown follow-up kind(s) {bad}; known: {', '.join(FOLLOWUP_KINDS)}")


def load_channel_table(path: Path | None = None) -> ChannelTable:
    """Load and validate a channel table (the bundled ``matrices/channels.yaml`` by default)."""
    return load_data_file(path or matrices_dir() / "channels.yaml", ChannelTable, "the channel table")


def load_followup_plan(path: Path | None = None) -> FollowupPlan:
    """Load and validate a follow-up plan (the bundled ``matrices/followup.yaml`` by default)."""
    return load_data_file(path or matrices_dir() / "followup.yaml", FollowupPlan, "the follow-up plan")


@cache
def channel_table() -> ChannelTable:
    """The bundled channel table, loaded once."""
    return load_channel_table()


@cache
def followup_plan() -> FollowupPlan:
    """The bundled follow-up plan, loaded once."""
    return load_followup_plan()
