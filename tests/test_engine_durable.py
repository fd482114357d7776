"""The durable backend in use: many documents, threads, empty subjects, programs that exceed the C
core's fixed limits, and inputs it cannot evaluate exactly (clear errors, never a crash)."""

from __future__ import annotations

import json
import random
import re
import threading

import pytest
from hypothesis import given, strategies as st

from transparency.engine import durable as durable_module
from transparency.engine.durable import MAX_EXISTS_PATTERNS, DurableBackend
from transparency.engine.durable_shards import MAX_PENDING_ALPHAS
from transparency.engine.python import PythonBackend
from transparency.rules.ir import Conjunction, Firing, IRProgram, IRRule, Pattern
from transparency.rules.ir import Test as IRTest

MARKER = "document"


def _program(tag: str = "") -> IRProgram:
    """A small realistic program: context, exists, absent, several kinds. ``tag`` varies the digest."""
    return IRProgram("document", MARKER, (
        IRRule("VAGUE_TIME", (Conjunction(context=(IRTest("language", "in", ("zh", tag or "zh")),),
                                          exists=(Pattern("time", (IRTest("subkind", "eq", "vague"),)),)),)),
        IRRule("NO_CONTACT", (Conjunction(absent=(Pattern("contact"),)),)),
        IRRule("SHORT_NOTICE", (Conjunction(exists=(Pattern("time", (IRTest("days", "lt", 30),)),),
                                            absent=(Pattern("refund"),)),)),
        IRRule("PAIR", (Conjunction(exists=(Pattern("time"), Pattern("money", (IRTest("amount", "gte", 100),)))),)),
    ))


def _document(rng: random.Random, n: int) -> list[dict]:
    facts: list[dict] = [{"fact": MARKER, "id": 0, "language": rng.choice(["zh", "en"])}]
    for i in range(1, n + 1):
        kind = rng.choice(["time", "money", "contact", "refund", "tone"])
        fact = {"fact": kind, "id": i, "subkind": rng.choice(["vague", "date", "period"])}
        if kind == "time" and rng.random() < 0.8:
            fact["days"] = rng.choice([1, 7, 29, 30, 31.5, "30"])
        if kind == "money":
            fact["amount"] = rng.choice([10, 100, 1e6, "100"])
        facts.append(fact)
    rng.shuffle(facts)
    return facts


def test_many_documents_in_a_row_stay_below_the_session_limit() -> None:
    """Sessions are deleted after each run: 5,000 runs on one ruleset, far past 1,024 live sessions."""
    backend = DurableBackend(_program("sessions"))
    reference = PythonBackend(backend.program)
    rng = random.Random(5)
    docs = [_document(rng, rng.randint(0, 6)) for _ in range(50)]
    for i in range(5000):
        facts = docs[i % len(docs)]
        assert backend.run(facts) == reference.run(facts)
    assert backend._shards[0].ruleset.leaked == 0


def test_threads_give_the_serial_results() -> None:
    backend = DurableBackend(_program("threads"))
    rng = random.Random(8)
    docs = [_document(rng, rng.randint(0, 12)) for _ in range(2000)]
    serial = [backend.run(d) for d in docs]
    assert serial == [PythonBackend(backend.program).run(d) for d in docs]
    results: list[set[Firing] | None] = [None] * len(docs)
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            for i in range(k, len(docs), 8):
                results[i] = backend.run(docs[i])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert results == serial


def test_only_the_marker_and_no_firing_and_no_rules() -> None:
    backend = DurableBackend(_program("empty"))
    assert backend.run([{"fact": MARKER, "id": 7}]) == {Firing("NO_CONTACT")}
    quiet = [{"fact": MARKER, "id": 0, "language": "en"}, {"fact": "contact", "id": 1}, {"fact": "tone", "id": 2}]
    assert backend.run(quiet) == set()
    no_rules = DurableBackend(IRProgram("document", MARKER, ()))
    assert no_rules.run([{"fact": MARKER, "id": 0}]) == set()
    assert no_rules.run([{"fact": MARKER, "id": 0}, {"fact": "time", "id": 1, "days": 3}]) == set()


def test_a_rule_that_can_never_fire_compiles() -> None:
    never = IRProgram("document", MARKER, (
        IRRule("EMPTY_IN", (Conjunction(exists=(Pattern("time", (IRTest("days", "in", ()),)),)),)),
        IRRule("STR_ORDER", (Conjunction(context=(IRTest("chars", "gt", "9"),)),)),
        IRRule("MARKER_KIND", (Conjunction(exists=(Pattern(MARKER),)),)),
    ))
    facts = [{"fact": MARKER, "id": 0, "chars": 99}, {"fact": "time", "id": 1, "days": 3}]
    assert DurableBackend(never).run(facts) == set() == PythonBackend(never).run(facts)


def test_exactly_one_marker_is_required() -> None:
    backend = DurableBackend(_program("markers"))
    with pytest.raises(ValueError, match="exactly one 'document' marker"):
        backend.run([{"fact": "time", "id": 1}])
    with pytest.raises(ValueError, match="got 2"):
        backend.run([{"fact": MARKER, "id": 1}, {"fact": MARKER, "id": 2}])


def test_facts_with_hundreds_of_attributes_are_normalised() -> None:
    """Attributes no rule tests are dropped, so a 400-attribute fact does not reach durable's limit."""
    backend = DurableBackend(_program("wide"))
    wide = {f"extra{i}": i for i in range(400)}
    facts = [{"fact": MARKER, "id": 0, "language": "zh", **wide},
             {"fact": "time", "id": 1, "subkind": "vague", "days": 3, **wide}]
    assert backend.run(facts) == PythonBackend(backend.program).run(facts)


def test_a_fact_with_too_many_tested_properties_is_a_clear_error() -> None:
    # each attribute tested for equality and order becomes two properties: 2 * 130 > 255
    tests = tuple(IRTest(f"a{i}", op, 0) for i in range(130) for op in ("ne", "gt"))
    program = IRProgram("document", MARKER, tuple(
        IRRule(f"W{i}", (Conjunction(exists=(Pattern("time", (t,)),)),)) for i, t in enumerate(tests)))
    backend = DurableBackend(program)
    facts = [{"fact": MARKER, "id": 0}, {"fact": "time", "id": 1, **{f"a{i}": 1 for i in range(130)}}]
    with pytest.raises(ValueError, match="durable_rules crashes beyond 254"):
        backend.run(facts)
    # the engine is still usable afterwards
    small = [{"fact": MARKER, "id": 0}, {"fact": "time", "id": 1, "a0": 1, "a5": 0}]
    assert backend.run(small) == PythonBackend(program).run(small)


@pytest.mark.parametrize("value, message", [
    (float("nan"), "not finite"), (float("inf"), "not finite"), (2**60, "beyond"), ([1], "is a list"),
    (None, "is a NoneType"),
])
def test_values_durable_cannot_compare_exactly_are_clear_errors(value: object, message: str) -> None:
    backend = DurableBackend(_program("values"))
    with pytest.raises(ValueError, match=message):
        backend.run([{"fact": MARKER, "id": 0}, {"fact": "time", "id": 1, "days": value}])


def test_large_integers_compare_exactly_for_equality() -> None:
    program = IRProgram("document", MARKER, (
        IRRule("BIG", (Conjunction(exists=(Pattern("money", (IRTest("amount", "eq", 2**60),)),)),)),))
    facts = [{"fact": MARKER, "id": 0}, {"fact": "money", "id": 1, "amount": 2**60},
             {"fact": "money", "id": 2, "amount": 2**60 + 1}, {"fact": "money", "id": 3, "amount": float(2**60)}]
    assert DurableBackend(program).run(facts) == PythonBackend(program).run(facts) == {
        Firing("BIG", (1,)), Firing("BIG", (3,))}


def test_many_rules_on_one_kind_are_split_over_rulesets() -> None:
    """Hundreds of rules testing the marker or one kind overflow durable's alpha stack (64) and its
    patterns-per-node list (256) in one ruleset; the backend shards them and stays exact."""
    rules = []
    for i in range(300):
        rules.append(IRRule(f"C{i}", (Conjunction(context=(IRTest("chars", "gt", i),)),)))
        rules.append(IRRule(f"P{i}", (Conjunction(exists=(Pattern("time", (IRTest("days", "gte", i),)),)),)))
        rules.append(IRRule(f"A{i}", (Conjunction(absent=(Pattern("time", (IRTest("days", "lt", i),)),)),)))
    program = IRProgram("document", MARKER, tuple(rules))
    backend = DurableBackend(program)
    assert backend.rulesets > 1
    facts = [{"fact": MARKER, "id": 0, "chars": 150}, {"fact": "time", "id": 1, "days": 100},
             {"fact": "time", "id": 2, "days": 250}]
    assert backend.run(facts) == PythonBackend(program).run(facts)


def test_a_realistic_program_needs_one_ruleset() -> None:
    assert DurableBackend(_program("one")).rulesets == 1


def test_exists_pattern_limit() -> None:
    def program(n: int) -> IRProgram:
        return IRProgram("document", MARKER, (IRRule("MANY", (Conjunction(exists=tuple(
            Pattern("time", (IRTest("days", "gte", i),)) for i in range(n))),)),))

    ok = program(MAX_EXISTS_PATTERNS)
    facts = [{"fact": MARKER, "id": 0}, {"fact": "time", "id": 1, "days": 99}]
    assert DurableBackend(ok).run(facts) == PythonBackend(ok).run(facts) == {
        Firing("MANY", (1,) * MAX_EXISTS_PATTERNS)}
    with pytest.raises(ValueError, match="at most 15 facts in one rule"):
        DurableBackend(program(MAX_EXISTS_PATTERNS + 1))


def test_a_pattern_too_large_for_one_ruleset_is_a_clear_error() -> None:
    # every absent pattern's test hangs below the same kind node, and all of them can pass at once
    absent = tuple(Pattern("time", (IRTest("days", "ne", i),)) for i in range(MAX_PENDING_ALPHAS + 1))
    program = IRProgram("document", MARKER, (IRRule("HUGE", (Conjunction(absent=absent),)),))
    with pytest.raises(ValueError, match="HUGE.*exceeds durable_rules' limits"):
        DurableBackend(program)


def test_a_ruleset_is_created_once_per_program() -> None:
    before = len(durable_module._REGISTRY)
    first = DurableBackend(_program("once"))
    second = DurableBackend(_program("once"))
    assert len(durable_module._REGISTRY) == before + 1
    assert first._shards[0].ruleset is second._shards[0].ruleset
    facts = [{"fact": MARKER, "id": 0, "language": "zh"}, {"fact": "time", "id": 3, "subkind": "vague"}]
    assert first.run(facts) == second.run(facts) == {Firing("VAGUE_TIME", (3,)), Firing("NO_CONTACT", ())}


def test_after_a_refused_batch_the_session_is_cleaned_up(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = DurableBackend(_program("refused"))
    ruleset = backend._shards[0].ruleset
    facts = [{"fact": MARKER, "id": 0}, {"fact": "time", "id": 1, "days": 3}]
    # Simulate the C core refusing a batch (e.g. a limit it reports as an error code).
    original = durable_module._engine.assert_facts

    def refuse(handle: int, payload: str) -> tuple[int, int]:
        original(handle, payload)
        raise durable_module._engine.error("Could not assert facts, error code: 303")

    monkeypatch.setattr(durable_module._engine, "assert_facts", refuse)
    with pytest.raises(durable_module._engine.error):
        backend.run(facts)
    monkeypatch.undo()
    assert ruleset.leaked == 0
    for _ in range(1100):  # the refused session was deleted: no slow creep to 1,024 live sessions
        assert backend.run(facts) == PythonBackend(backend.program).run(facts)


def test_the_largest_fact_durable_accepts_is_evaluated() -> None:
    """254 properties once normalised (sid, id, kind, 125 attributes x 2, one more): the limit itself."""
    tests = [IRTest(f"a{i}", op, 0) for i in range(125) for op in ("ne", "gt")] + [IRTest("b", "eq", 1)]
    program = IRProgram("document", MARKER, tuple(
        IRRule(f"W{i}", (Conjunction(exists=(Pattern("time", (t,)),)),)) for i, t in enumerate(tests)))
    facts = [{"fact": MARKER, "id": 0}, {"fact": "time", "id": 1, "b": 1, **{f"a{i}": i for i in range(125)}}]
    assert DurableBackend(program).run(facts) == PythonBackend(program).run(facts)


def test_generated_names_never_share_durables_hash() -> None:
    """durable identifies a property or alias by a 32-bit FNV-1a hash of its name alone: the names the
    backend generates for up to 2,000 attributes and absent patterns are all distinct hashes."""
    from transparency.engine.durable import _fnv1a32

    assert _fnv1a32("") == 0x811C9DC5 and _fnv1a32("a") == 0xE40C292C  # the published FNV-1a vectors
    properties = ["sid", "id", "k", *(f"q{i}" for i in range(2000)), *(f"n{i}" for i in range(2000))]
    aliases = ["d", *(f"e{j}" for j in range(16)), *(f"a{j}" for j in range(2000))]
    for names in (properties, aliases):
        assert len({_fnv1a32(n) for n in names}) == len(names)


@pytest.mark.parametrize("test, message", [
    (IRTest("days", "gt", float("nan")), r"rule 'BAD', conjunction 0, test 'days' gt: the number nan is not finite"),
    (IRTest("days", "lt", 2**54), r"rule 'BAD', conjunction 0, test 'days' lt: the integer .* beyond"),
    (IRTest("days", "eq", None), r"rule 'BAD'.*is a NoneType"),
])
def test_rule_values_durable_cannot_compare_are_clear_errors(test: IRTest, message: str) -> None:
    program = IRProgram("document", MARKER, (IRRule("BAD", (Conjunction(exists=(Pattern("time", (test,)),)),)),))
    with pytest.raises(ValueError, match=message):
        DurableBackend(program)


def test_too_many_in_tests_in_one_pattern_is_a_clear_error() -> None:
    tests = tuple(IRTest(f"a{i}", "in", (1, 2)) for i in range(15))
    program = IRProgram("document", MARKER, (IRRule("WIDE", (Conjunction(exists=(Pattern("time", tests),)),)),))
    with pytest.raises(ValueError, match="rule 'WIDE', conjunction 0: too many 'in' tests"):
        DurableBackend(program)
    fits = IRProgram("document", MARKER, (IRRule("WIDE", (Conjunction(exists=(Pattern("time", tests[:14]),)),)),))
    facts = [{"fact": MARKER, "id": 0}, {"fact": "time", "id": 1, **{f"a{i}": 1 + i % 2 for i in range(15)}}]
    assert DurableBackend(fits).run(facts) == PythonBackend(fits).run(facts) == {Firing("WIDE", (1,))}


def test_floats_in_exponent_notation_reach_durable_intact() -> None:
    """durable's JSON reader derails on "1e-05" (no decimal point): floats are written "1.0e-05"."""
    program = IRProgram("document", MARKER, (
        IRRule("SMALL", (Conjunction(exists=(Pattern("a", (IRTest("x", "lte", 1e-05),)),)),)),))
    values = [0, 1e-05, 2e-05, 1e16, -1e-300, 5e-324, 1.5e-07]
    facts = [{"fact": MARKER, "id": 0}] + [{"fact": "a", "id": i + 1, "x": v} for i, v in enumerate(values)]
    assert DurableBackend(program).run(facts) == PythonBackend(program).run(facts) == {
        Firing("SMALL", (i + 1,)) for i, v in enumerate(values) if v <= 1e-05}


def test_a_batch_durable_fails_to_evaluate_is_an_error_not_an_empty_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """Were the core ever to skip the marker (so no rule could fire), the run raises instead of
    returning an empty result, and the session, in which no activation started, is still deleted
    safely (a bare marker is asserted first so that deleting it cannot crash)."""
    backend = DurableBackend(_program("dropped"))
    encode = durable_module.batch_json

    def lose_the_marker(value: list[dict]) -> str:
        return encode(value).replace('"k":0,', '"k":999,')  # the marker no longer looks like one

    monkeypatch.setattr(durable_module, "batch_json", lose_the_marker)
    facts = [{"fact": MARKER, "id": 0, "language": "zh"}, {"fact": "time", "id": 1, "subkind": "vague"}]
    for _ in range(3):
        with pytest.raises(RuntimeError, match="marker rule did not fire"):
            backend.run(facts)
    monkeypatch.undo()
    assert backend._shards[0].ruleset.leaked == 0
    for _ in range(1100):  # nothing left behind: far past the 1,024 live sessions
        assert backend.run(facts) == PythonBackend(backend.program).run(facts)


@given(st.lists(st.dictionaries(st.sampled_from(["id", "k", "q0", "n0", "n1", "sid"]), st.one_of(
    st.integers(-(2**53), 2**53), st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["s0", "s?", "b1", "i-7", "f0x1.e000000000000p+0", "x", "s12"])), max_size=6), max_size=4))
def test_batch_json_writes_every_float_with_a_decimal_point(facts: list[dict]) -> None:
    text = durable_module.batch_json(facts)
    assert text == durable_module.to_json(facts)
    assert json.loads(text) == facts
    assert not re.search(r"[:,\[]-?\d+e", text)  # durable's reader needs "1.0e-05", never "1e-05"
