"""Compile validated rules to the engine-neutral IR.

A rule fires when ``when`` holds and ``check`` does not. Both are condition trees over the closed set
of primitives; the compiler rewrites ``when AND NOT check`` into disjunctive normal form, a list of
conjunctions of literals (a context test, "a fact matching P exists", "no fact matches P"), and each
conjunction becomes one :class:`~transparency.rules.ir.Conjunction`.
"""

from __future__ import annotations

from itertools import product
from typing import Any, Union

from .ir import Conjunction, IRProgram, IRRule, Pattern, Scalar, Test
from .schema import AllOf, AnyOf, Builtin, Condition, Context, Forbids, NoneOf, Requires
from .schema import Pattern as PatternSpec

MAX_CONJUNCTIONS = 64

# A literal: ("ctx", Test) | ("exists", Pattern) | ("absent", Pattern)
Literal_ = tuple[str, Union[Test, Pattern]]
DNF = list[list[Literal_]]

NEGATED_OP = {"eq": "ne", "ne": "eq", "in": "not_in", "not_in": "in",
              "gt": "lte", "gte": "lt", "lt": "gte", "lte": "gt"}


class CompileError(ValueError):
    """A rule whose normal form is too large (rewrite it as several rules)."""


def attr_test(attr: str, spec: Any) -> Test:
    """One pattern or context entry as a :class:`Test` (scalar: eq; list: in; ``{op: v}``: op)."""
    if isinstance(spec, dict):
        (op, value), = spec.items()
        if op in ("in", "not_in"):
            value = tuple(value) if isinstance(value, list) else (value,)
        return Test(attr, op, value)
    if isinstance(spec, list):
        return Test(attr, "in", tuple(spec))
    return Test(attr, "eq", spec)


def compile_pattern(pattern: PatternSpec) -> Pattern:
    """A pattern spec as an IR pattern, tests sorted for a stable digest."""
    tests = tuple(sorted((attr_test(k, v) for k, v in pattern.tests().items()),
                         key=lambda t: (t.attr, t.op, repr(t.value))))
    return Pattern(pattern.fact, tests)


def _and(a: DNF, b: DNF) -> DNF:
    out = [x + y for x, y in product(a, b)]
    if len(out) > MAX_CONJUNCTIONS:
        raise CompileError(f"the rule expands to more than {MAX_CONJUNCTIONS} alternatives")
    return out


def _and_all(parts: list[DNF]) -> DNF:
    out: DNF = [[]]
    for p in parts:
        out = _and(out, p)
    return out


def _or_all(parts: list[DNF]) -> DNF:
    out = [c for p in parts for c in p]
    if len(out) > MAX_CONJUNCTIONS:
        raise CompileError(f"the rule expands to more than {MAX_CONJUNCTIONS} alternatives")
    return out


def holds(cond: Condition) -> DNF:
    """DNF of "``cond`` holds"."""
    if isinstance(cond, Requires):
        return [[("exists", compile_pattern(cond.requires))]]
    if isinstance(cond, Forbids):
        return [[("absent", compile_pattern(cond.forbids))]]
    if isinstance(cond, AllOf):
        return _and_all([holds(c) for c in cond.all_of])
    if isinstance(cond, AnyOf):
        return _or_all([holds(c) for c in cond.any_of])
    if isinstance(cond, NoneOf):
        return _and_all([fails(c) for c in cond.none_of])
    if isinstance(cond, Context):
        return [[("ctx", attr_test(k, v)) for k, v in cond.context.items()]]
    if isinstance(cond, Builtin):
        raise CompileError("a builtin check is run by code, not compiled")
    raise TypeError(f"not a condition: {cond!r}")


def fails(cond: Condition) -> DNF:
    """DNF of "``cond`` does not hold"."""
    if isinstance(cond, Requires):
        return [[("absent", compile_pattern(cond.requires))]]
    if isinstance(cond, Forbids):
        return [[("exists", compile_pattern(cond.forbids))]]
    if isinstance(cond, AllOf):
        return _or_all([fails(c) for c in cond.all_of])
    if isinstance(cond, AnyOf):
        return _and_all([fails(c) for c in cond.any_of])
    if isinstance(cond, NoneOf):
        return _or_all([holds(c) for c in cond.none_of])
    if isinstance(cond, Context):
        # Marker facts carry every context attribute, so a negated test is the complement.
        return [[("ctx", _negate(attr_test(k, v)))] for k, v in cond.context.items()]
    if isinstance(cond, Builtin):
        raise CompileError("a builtin check is run by code, not compiled")
    raise TypeError(f"not a condition: {cond!r}")


def _negate(test: Test) -> Test:
    return Test(test.attr, NEGATED_OP[test.op], test.value)  # type: ignore[arg-type]


def _conjunction(literals: list[Literal_]) -> Conjunction:
    ctx: list[Test] = []
    exists: list[Pattern] = []
    absent: list[Pattern] = []
    for kind, item in literals:
        bucket = ctx if kind == "ctx" else exists if kind == "exists" else absent
        if item not in bucket:  # the same literal twice adds nothing (and would multiply bindings)
            bucket.append(item)  # type: ignore[arg-type]
    return Conjunction(tuple(ctx), tuple(exists), tuple(absent))


def compile_rule(code: str, when: Condition | None, check: Condition) -> IRRule:
    """The IR of one rule: the conjunctions of ``when AND NOT check``."""
    return _rule(code, fails(check) if when is None else _and(holds(when), fails(check)))


def compile_condition(code: str, condition: Condition) -> IRRule:
    """The IR of a rule that fires when ``condition`` holds (a status rule)."""
    return _rule(code, holds(condition))


def _rule(code: str, dnf: DNF) -> IRRule:
    conjunctions: list[Conjunction] = []
    for literals in dnf:
        conj = _conjunction(literals)
        if conj not in conjunctions:
            conjunctions.append(conj)
    return IRRule(code, tuple(conjunctions))


def compile_program(target: str, marker: str, rules: list[tuple[str, Condition | None, Condition]]) -> IRProgram:
    """The program of one target from (code, when, check) triples; builtin checks are skipped."""
    compiled = tuple(compile_rule(code, when, check) for code, when, check in rules
                     if not isinstance(check, Builtin))
    return IRProgram(target=target, marker=marker, rules=compiled)


def context_scalar(value: Scalar | None) -> Scalar:
    """A marker attribute as asserted: None becomes "unknown" so that negated tests stay complements."""
    return "unknown" if value is None else value
