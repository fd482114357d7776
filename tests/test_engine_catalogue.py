"""The bundled rule catalogue on the durable backend: every target's program builds within durable's
limits and fires exactly what the python reference fires, on facts drawn from the fact catalogue
with the values the rules test (and neighbours of them, and values of the wrong type)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from transparency.engine.durable import DurableBackend
from transparency.engine.python import PythonBackend
from transparency.facts import kinds_for
from transparency.rules.ir import IRProgram
from transparency.rules.loader import MARKERS, default_ruleset


def _literals(program: IRProgram) -> dict[str, list[object]]:
    """The values the program's tests use, per attribute, with numeric neighbours."""
    found: dict[str, list[object]] = {}
    for rule in program.rules:
        for conj in rule.conjunctions:
            tests = [*conj.context, *(t for p in (*conj.exists, *conj.absent) for t in p.tests)]
            for t in tests:
                values = t.value if isinstance(t.value, tuple) else (t.value,)
                for v in values:
                    near = [v - 1, v, v + 0.5, v + 1] if isinstance(v, (int, float)) and not isinstance(v, bool) else [v]
                    found.setdefault(t.attr, []).extend(near)
    return found


def _facts(program: IRProgram, target: str) -> st.SearchStrategy[list[dict]]:
    kinds = kinds_for(target)  # type: ignore[arg-type]
    literals = _literals(program)
    other = st.one_of(st.integers(-5, 400), st.booleans(), st.sampled_from(["", "other", "7"]))

    def value(attr: str) -> st.SearchStrategy[object]:
        known = literals.get(attr)
        return st.one_of(st.sampled_from(known), other) if known else other

    @st.composite
    def fact(draw: st.DrawFn, kind: str, fid: int) -> dict:
        spec = kinds[kind]
        attrs = list(spec.attributes())
        if spec.subkinds:
            attrs.append("subkind")
        chosen = draw(st.lists(st.sampled_from(attrs), unique=True)) if attrs else []
        out: dict = {a: draw(value(a)) for a in chosen}
        if spec.subkinds and "subkind" in chosen and draw(st.booleans()):
            out["subkind"] = draw(st.sampled_from(spec.subkinds))
        return {**out, "fact": kind, "id": fid}

    others = sorted(k for k in kinds if k != program.marker)

    @st.composite
    def subject(draw: st.DrawFn) -> list[dict]:
        n = draw(st.integers(0, 12))
        facts = [draw(fact(program.marker, 0))]
        facts += [draw(fact(draw(st.sampled_from(others)), i + 1)) for i in range(n)]
        return draw(st.permutations(facts))

    return subject()


@pytest.mark.parametrize("target", sorted(MARKERS))
def test_catalogue_builds_for_durable(target: str) -> None:
    program = default_ruleset().program(target)
    backend = DurableBackend(program)
    assert backend.rulesets >= 1
    marker_only = [{"fact": program.marker, "id": 0}]
    assert backend.run(marker_only) == PythonBackend(program).run(marker_only)


@pytest.mark.parametrize("target", ["document", "checklist"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_catalogue_agrees_with_python(target: str, data: st.DataObject) -> None:
    program = default_ruleset().program(target)
    facts = data.draw(_facts(program, target))
    assert DurableBackend(program).run(facts) == PythonBackend(program).run(facts)
