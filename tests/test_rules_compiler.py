"""The compiler: `when AND NOT check` in disjunctive normal form fires exactly when a direct reading
of the condition tree says the rule is broken."""

from hypothesis import given, settings, strategies as st

from transparency.engine.python import PythonBackend
from transparency.rules.compiler import compile_program
from transparency.rules.ir import Test, pattern_matches, test_holds
from transparency.rules.compiler import attr_test, compile_pattern
from transparency.rules.schema import AllOf, AnyOf, Context, Forbids, NoneOf, Pattern, Requires

KINDS = ["time", "money"]
SUBKINDS = ["date", "vague", "amount"]


def patterns():
    return st.builds(
        lambda fact, sub, amount: Pattern.model_validate(
            {"fact": fact, **({"subkind": sub} if sub else {}), **({"amount": amount} if amount else {})}),
        st.sampled_from(KINDS), st.sampled_from([None, *SUBKINDS]),
        st.sampled_from([None, {"gte": 10}, {"lt": 5}, [1, 7]]))


leaves = st.one_of(
    patterns().map(lambda p: Requires(requires=p)),
    patterns().map(lambda p: Forbids(forbids=p)),
    st.sampled_from([{"kind": "letter"}, {"kind": ["faq", "notice"]}, {"tier": "core"}]).map(
        lambda c: Context(context=c)),
)
conditions = st.recursive(leaves, lambda sub: st.one_of(
    st.lists(sub, min_size=1, max_size=3).map(lambda cs: AllOf(all_of=cs)),
    st.lists(sub, min_size=1, max_size=3).map(lambda cs: AnyOf(any_of=cs)),
    st.lists(sub, min_size=1, max_size=2).map(lambda cs: NoneOf(none_of=cs)),
), max_leaves=5)

facts_st = st.lists(st.fixed_dictionaries({
    "fact": st.sampled_from(KINDS), "subkind": st.sampled_from(SUBKINDS),
    "amount": st.sampled_from([0, 3, 7, 12])}), max_size=5)
markers = st.fixed_dictionaries({"fact": st.just("document"),
                                 "kind": st.sampled_from(["letter", "faq", "notice"]),
                                 "tier": st.sampled_from(["core", "key", "unknown"])})


def direct(cond, marker, facts) -> bool:
    """The meaning of a condition, read straight off the tree."""
    if isinstance(cond, Requires):
        return any(pattern_matches(compile_pattern(cond.requires), f) for f in facts)
    if isinstance(cond, Forbids):
        return not any(pattern_matches(compile_pattern(cond.forbids), f) for f in facts)
    if isinstance(cond, AllOf):
        return all(direct(c, marker, facts) for c in cond.all_of)
    if isinstance(cond, AnyOf):
        return any(direct(c, marker, facts) for c in cond.any_of)
    if isinstance(cond, NoneOf):
        return not any(direct(c, marker, facts) for c in cond.none_of)
    return all(test_holds(attr_test(k, v), marker) for k, v in cond.context.items())


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.none(), conditions), conditions, markers, facts_st)
def test_compiled_rule_fires_exactly_when_it_is_broken(when, check, marker, facts):
    program = compile_program("document", "document", [("XX001", when, check)])
    subject = [{"id": 0, **marker}] + [{"id": i + 1, **f} for i, f in enumerate(facts)]
    fired = bool(PythonBackend(program).run(subject))
    broken = (when is None or direct(when, marker, facts)) and not direct(check, marker, facts)
    assert fired == broken


@given(patterns(), markers, facts_st)
def test_a_violated_forbids_fires_once_per_matching_fact(pattern, marker, facts):
    program = compile_program("document", "document", [("XX001", None, Forbids(forbids=pattern))])
    subject = [{"id": 0, **marker}] + [{"id": i + 1, **f} for i, f in enumerate(facts)]
    bound = {f.fact_ids for f in PythonBackend(program).run(subject)}
    expected = {(i + 1,) for i, f in enumerate(facts) if pattern_matches(compile_pattern(pattern), f)}
    assert bound == expected


def test_negated_context_is_its_complement():
    program = compile_program("document", "document",
                              [("XX001", None, Context(context={"kind": ["letter", "faq"]}))])
    run = PythonBackend(program).run
    assert run([{"id": 0, "fact": "document", "kind": "notice"}])
    assert not run([{"id": 0, "fact": "document", "kind": "faq"}])
    assert Test("kind", "not_in", ("letter", "faq")) in program.rules[0].conjunctions[0].context
