"""The durable backend gives exactly the python reference backend's firings, whatever the program,
the facts and their order (a small vocabulary so that tests, kinds and values collide often)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from transparency.engine.durable import DurableBackend
from transparency.engine.python import PythonBackend
from transparency.rules.ir import OPS, Conjunction, IRProgram, IRRule, Pattern
from transparency.rules.ir import Test as IRTest

MARKER = "doc"
# "doc" as a pattern kind covers patterns of the marker's kind (they never match another fact).
PATTERN_KINDS = ["a", "b", "c", MARKER]
FACT_KINDS = ["a", "b", "c", "e"]
ATTRS = ["x", "y", "z", "fact", "id"]
# ints, floats equal to ints, a bool next to 1 and 0, strings that look like numbers, CJK, empty.
VALUES = [0, 1, 2, 7, -3, 1.0, 2.5, 7.0, -0.0, True, False, "7", "1", "a", "b", "", "中文", "True"]

values = st.sampled_from(VALUES)


@st.composite
def ir_tests(draw: st.DrawFn) -> IRTest:
    op = draw(st.sampled_from(OPS))
    if op in ("in", "not_in"):
        value = tuple(draw(st.lists(values, max_size=3)))
    else:
        value = draw(values)
    return IRTest(draw(st.sampled_from(ATTRS)), op, value)


def patterns() -> st.SearchStrategy[Pattern]:
    return st.builds(Pattern, st.sampled_from(PATTERN_KINDS),
                     st.lists(ir_tests(), max_size=3).map(tuple))


conjunctions = st.builds(
    Conjunction,
    context=st.lists(ir_tests(), max_size=2).map(tuple),
    exists=st.lists(patterns(), max_size=3).map(tuple),
    absent=st.lists(patterns(), max_size=2).map(tuple),
)


@st.composite
def programs(draw: st.DrawFn) -> IRProgram:
    n = draw(st.integers(0, 5))
    rules = tuple(IRRule(f"R{draw(st.integers(0, 6))}", tuple(draw(st.lists(conjunctions, min_size=1, max_size=3))))
                  for _ in range(n))
    return IRProgram("document", MARKER, rules)


@st.composite
def subjects(draw: st.DrawFn) -> list[dict]:
    """A marker and up to 7 other facts with unique ids, in a drawn order."""
    n = draw(st.integers(0, 7))
    ids = draw(st.lists(st.integers(0, 50), min_size=n + 1, max_size=n + 1, unique=True))
    attrs = st.dictionaries(st.sampled_from(["x", "y", "z"]), values, max_size=3)
    facts = [{**draw(attrs), "fact": MARKER, "id": ids[0]}]
    facts += [{**draw(attrs), "fact": draw(st.sampled_from(FACT_KINDS)), "id": i} for i in ids[1:]]
    return draw(st.permutations(facts))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs(), st.lists(subjects(), min_size=1, max_size=3))
def test_durable_matches_python(program: IRProgram, docs: list[list[dict]]) -> None:
    durable, python = DurableBackend(program), PythonBackend(program)
    for facts in docs:
        assert durable.run(facts) == python.run(facts)


@settings(max_examples=40, deadline=None)
@given(programs(), subjects(), st.data())
def test_fact_order_does_not_matter(program: IRProgram, facts: list[dict], data: st.DataObject) -> None:
    durable = DurableBackend(program)
    expected = PythonBackend(program).run(facts)
    for _ in range(3):
        assert durable.run(data.draw(st.permutations(facts))) == expected


def _one(test: IRTest, kind: str = "a") -> IRProgram:
    return IRProgram("document", MARKER, (IRRule("T", (Conjunction(exists=(Pattern(kind, (test,)),)),)),))


@pytest.mark.parametrize("test, value, fires", [
    (IRTest("x", "eq", 7), "7", False),          # "7" != 7
    (IRTest("x", "ne", 7), "7", True),
    (IRTest("x", "lt", 30), "7", False),         # no string/number ordering
    (IRTest("x", "gt", "30"), 7, False),
    (IRTest("x", "eq", 1), True, False),         # bool is not a number
    (IRTest("x", "eq", True), 1, False),
    (IRTest("x", "gte", 0), False, False),
    (IRTest("x", "eq", 1), 1.0, True),           # numbers compare by value
    (IRTest("x", "in", (1, "a")), 1.0, True),
    (IRTest("x", "not_in", (True,)), 1, True),
    (IRTest("x", "lte", 2.5), 2, True),
    (IRTest("x", "eq", "中文"), "中文", True),
    (IRTest("x", "eq", "\"quoted\" \\ {json}"), "\"quoted\" \\ {json}", True),
])
def test_exact_comparisons(test: IRTest, value: object, fires: bool) -> None:
    program = _one(test)
    facts = [{"fact": MARKER, "id": 0}, {"fact": "a", "id": 1, "x": value}]
    expected = {("T", (1,))} if fires else set()
    assert PythonBackend(program).run(facts) == DurableBackend(program).run(facts)
    assert {(f.code, f.fact_ids) for f in DurableBackend(program).run(facts)} == expected


@pytest.mark.parametrize("op, value", [("eq", 1), ("ne", 1), ("in", (1,)), ("not_in", (1,)), ("not_in", ()),
                                       ("gt", 0), ("lte", 9)])
def test_missing_attribute_fails_every_test(op: str, value: object) -> None:
    program = _one(IRTest("x", op, value))  # type: ignore[arg-type]
    facts = [{"fact": MARKER, "id": 0}, {"fact": "a", "id": 1, "y": 1}]
    assert DurableBackend(program).run(facts) == set() == PythonBackend(program).run(facts)


scalars = st.one_of(
    st.integers(-(2**53), 2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.text(max_size=5),
)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(OPS), st.lists(scalars, min_size=1, max_size=3), st.lists(scalars, max_size=6))
def test_any_scalar_values_compare_exactly(op: str, literals: list, fact_values: list) -> None:
    """Whole ranges of numbers (subnormal, huge, -0.0, integral floats), any text, booleans."""
    value = tuple(literals) if op in ("in", "not_in") else literals[0]
    program = _one(IRTest("x", op, value))  # type: ignore[arg-type]
    facts = [{"fact": MARKER, "id": 0}] + [{"fact": "a", "id": i + 1, "x": v} for i, v in enumerate(fact_values)]
    assert DurableBackend(program).run(facts) == PythonBackend(program).run(facts)


@st.composite
def large_programs(draw: st.DrawFn) -> IRProgram:
    """Many rules over few kinds and attributes, so the backend needs several durable rulesets."""
    numeric = st.builds(IRTest, st.sampled_from(["x", "y"]), st.sampled_from(["gt", "gte", "lt", "lte", "ne"]),
                        st.integers(-3, 200))
    conj = st.builds(Conjunction, context=st.lists(numeric, min_size=1, max_size=1).map(tuple),
                     exists=st.lists(st.builds(Pattern, st.sampled_from(["a", "b"]),
                                               st.lists(numeric, max_size=2).map(tuple)), max_size=2).map(tuple),
                     absent=st.lists(st.builds(Pattern, st.sampled_from(["a", "b"]),
                                               st.lists(numeric, max_size=1).map(tuple)), max_size=1).map(tuple))
    n = draw(st.integers(100, 160))
    return IRProgram("document", MARKER, tuple(IRRule(f"L{i}", (draw(conj),)) for i in range(n)))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(large_programs(), subjects())
def test_large_programs_split_over_rulesets_stay_exact(program: IRProgram, facts: list[dict]) -> None:
    durable = DurableBackend(program)
    assert durable.run(facts) == PythonBackend(program).run(facts)
