"""The interface every backend implements."""

from __future__ import annotations

from typing import Protocol

from ..errors import TransparencyError
from ..rules.ir import Firing, IRProgram, Scalar

Fact = dict[str, Scalar]


class Backend(Protocol):
    """Evaluates one compiled program against the facts of one subject at a time."""

    name: str
    program: IRProgram

    def run(self, facts: list[Fact]) -> set[Firing]:
        """The distinct firings for one subject. ``facts`` holds exactly one marker fact (kind
        ``program.marker``); every fact has a unique integer ``id`` and a ``fact`` kind."""
        ...


class EngineError(TransparencyError, ValueError):
    """A program or facts a backend cannot evaluate, or an unknown backend name (says what to do)."""
