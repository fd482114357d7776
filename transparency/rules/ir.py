"""The engine-neutral intermediate form (IR) that rule files compile to.

A compiled rule is a disjunction of conjunctions. A conjunction holds for one evaluated subject when

* the subject's marker fact passes every ``context`` test,
* no fact matches any ``absent`` pattern, and
* there is a binding of facts to the ``exists`` patterns (one fact per pattern; a fact may serve
  several patterns); each distinct binding is one firing.

Backends (``transparency.engine``) answer only which codes fired on which fact ids. A firing of a
conjunction without ``exists`` patterns has an empty tuple of fact ids. The result of a run is the set
of distinct ``(code, fact_ids)`` pairs over all conjunctions of all rules.

Test semantics, shared by every backend: a fact lacking the attribute fails every test, ``ne`` and
``not_in`` included; ``gt``/``gte``/``lt``/``lte`` hold only between numbers (never between a string
and a number, and booleans are not numbers); ``eq``/``ne``/``in``/``not_in`` compare exactly
(``"7" != 7``, ``True != 1``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import cached_property
from typing import Literal

Scalar = str | int | float | bool
Op = Literal["eq", "ne", "in", "not_in", "gt", "gte", "lt", "lte"]
OPS: tuple[str, ...] = ("eq", "ne", "in", "not_in", "gt", "gte", "lt", "lte")
NUMERIC_OPS: frozenset[str] = frozenset({"gt", "gte", "lt", "lte"})


@dataclass(frozen=True)
class Test:
    """One attribute test: ``fact[attr] <op> value`` (``value`` is a tuple for in / not_in)."""

    attr: str
    op: Op
    value: Scalar | tuple[Scalar, ...]


@dataclass(frozen=True)
class Pattern:
    """A fact of kind ``fact`` passing every test."""

    fact: str
    tests: tuple[Test, ...] = ()


@dataclass(frozen=True)
class Conjunction:
    """Context tests on the marker fact, patterns that must match, patterns that must not."""

    context: tuple[Test, ...] = ()
    exists: tuple[Pattern, ...] = ()
    absent: tuple[Pattern, ...] = ()


@dataclass(frozen=True)
class IRRule:
    """A rule code and the conjunctions any of which makes it fire."""

    code: str
    conjunctions: tuple[Conjunction, ...]


@dataclass(frozen=True)
class IRProgram:
    """All rules of one target (document, checklist or case) with the marker fact's kind."""

    target: str
    marker: str
    rules: tuple[IRRule, ...]

    @cached_property
    def digest(self) -> str:
        """A short hash of the program's content (durable ruleset names carry it); computed once,
        since backends are looked up by it for every document."""
        payload = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False, default=list)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Firing:
    """A rule code that fired, with the ids of the facts bound to its ``exists`` patterns."""

    code: str
    fact_ids: tuple[int, ...] = ()


def _is_number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _same(a: object, b: object) -> bool:
    # Exact comparison: no str/number coercion, and bool is not int.
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if _is_number(a) and _is_number(b):
        return a == b
    return type(a) is type(b) and a == b


def test_holds(test: Test, fact: dict[str, Scalar]) -> bool:
    """Whether ``fact`` passes ``test`` (the reference semantics every backend must follow)."""
    if test.attr not in fact:
        return False
    v = fact[test.attr]
    op, want = test.op, test.value
    if op == "eq":
        return _same(v, want)
    if op == "ne":
        return not _same(v, want)
    if op == "in":
        return any(_same(v, w) for w in want)  # type: ignore[union-attr]
    if op == "not_in":
        return not any(_same(v, w) for w in want)  # type: ignore[union-attr]
    if not (_is_number(v) and _is_number(want)):
        return False
    if op == "gt":
        return v > want  # type: ignore[operator]
    if op == "gte":
        return v >= want  # type: ignore[operator]
    if op == "lt":
        return v < want  # type: ignore[operator]
    return v <= want  # type: ignore[operator]


def pattern_matches(pattern: Pattern, fact: dict[str, Scalar]) -> bool:
    """Whether ``fact`` is of the pattern's kind and passes all its tests."""
    return fact.get("fact") == pattern.fact and all(test_holds(t, fact) for t in pattern.tests)


# Not pytest tests, whatever their names say (test modules import them).
Test.__test__ = False  # type: ignore[attr-defined]
test_holds.__test__ = False  # type: ignore[attr-defined]
