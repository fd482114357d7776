"""The pure-Python reference backend: the IR semantics written out plainly.

It is the oracle of the differential tests and the fallback where durable_rules cannot be imported.
"""

from __future__ import annotations

from itertools import product

from ..rules.ir import Firing, IRProgram, pattern_matches, test_holds
from .base import Fact


class PythonBackend:
    """Evaluates an :class:`IRProgram` by direct matching."""

    name = "python"

    def __init__(self, program: IRProgram) -> None:
        self.program = program

    def run(self, facts: list[Fact]) -> set[Firing]:
        markers = [f for f in facts if f.get("fact") == self.program.marker]
        if len(markers) != 1:
            raise ValueError(f"expected exactly one {self.program.marker!r} marker fact, got {len(markers)}")
        marker = markers[0]
        # A pattern matches only facts of its kind: index them once (the same semantics, fewer tests).
        by_kind: dict[object, list[Fact]] = {}
        for f in facts:
            if f is not marker:
                by_kind.setdefault(f.get("fact"), []).append(f)
        fired: set[Firing] = set()
        for rule in self.program.rules:
            for conj in rule.conjunctions:
                if not all(test_holds(t, marker) for t in conj.context):
                    continue
                if any(pattern_matches(p, f) for p in conj.absent for f in by_kind.get(p.fact, ())):
                    continue
                candidates = [[f["id"] for f in by_kind.get(p.fact, ()) if pattern_matches(p, f)] for p in conj.exists]
                for binding in product(*candidates):
                    fired.add(Firing(rule.code, tuple(binding)))  # type: ignore[arg-type]
        return fired
