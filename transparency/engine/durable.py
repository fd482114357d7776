"""The durable_rules backend: the IR compiled to durable_rules rulesets, driven through the C core.

Everything here designs around measured behaviour of durable_rules 2.0.28 (see the architecture
notes); the stock ``durable.lang`` / ``engine.Host`` wrappers are not used because they start
background threads, keep a process-global registry and swallow exceptions.

* Facts are asserted (never posted: an event is consumed by the first rule that fires).
* The marker fact is the first pattern of every rule and is asserted last, so an absence pattern is
  never activated before the facts that would withdraw it have arrived.
* A catch-all rule that never fires keeps a batch with an unmatched fact from being rejected; an
  always-firing marker rule guarantees an activation, because deleting a session in which none ever
  started can crash the process. Activations are drained in the calling thread before the session
  is deleted, and everything about one session happens under the ruleset's lock.
* Exact IR semantics: durable compares across types (``"7"`` against ``30`` as text, ``True`` as 1)
  and has no notion of a missing attribute failing ``ne``. So each fact is *normalised*: a fact
  attribute a rule tests becomes an equality token ``q<i>`` (type-tagged: ``s<k>`` for the k-th
  string literal of the program or ``s?`` for any other string, ``b0``/``b1`` for booleans,
  ``i<n>``/``f<hex>`` for integral/other numbers, so ``1 == 1.0`` but ``"1" != 1 != True``) and, for
  numbers only, a numeric value ``n<i>`` for ordering tests. Durable's alpha network only visits
  properties a fact has, so a missing attribute fails every test, ``ne`` and ``not_in`` included.
  Attributes no rule tests are dropped, which also keeps facts under durable's property limit.
* Each conjunction is one durable rule. Rules are packed into as few rulesets as the core's fixed
  limits allow (``durable_shards``); a run opens one session per ruleset and unites the firings.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import threading
from dataclasses import dataclass

import durable_rules_engine as _engine

from ..rules.ir import NUMERIC_OPS, Conjunction, Firing, IRProgram, Pattern, Test
from .base import EngineError, Fact
from .durable_shards import shard_rules

# Limits of durable_rules 2.0.28's C core (src/rules/*.h): properties per object (a fact with 255
# segfaults the process, measured), messages bound in one rule (the marker takes one), expressions
# ($and/$or bookkeeping) per pattern.
MAX_FACT_PROPERTIES = 254
MAX_EXISTS_PATTERNS = 15
MAX_PATTERN_EXPRESSIONS = 31
# Integers beyond 2**53 lose exactness when durable compares them with a float.
MAX_EXACT_INT = 2**53

_MARKER_ALIAS = "d"
_MARKER_RULE = "_marker"
_CATCH_ALL_RULE = "_catch_all"
_MARKER_MESSAGE = '{"' + _MARKER_RULE + '"'
_NEVER_TOKEN = "x"  # a token no fact ever carries
_RESERVED_PROPERTIES = ("sid", "id", "k")


def _is_number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _fnv1a32(name: str) -> int:
    # durable identifies properties and aliases by this hash only: names must not collide.
    h = 0x811C9DC5
    for byte in name.encode():
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def _number_token(v: int | float) -> str:
    if isinstance(v, float) and not v.is_integer():
        return "f" + v.hex()
    return "i" + str(int(v))


def _float_json(v: float) -> str:
    # durable's JSON reader only knows an exponent after a decimal point: "1e-05" derails the whole
    # batch (no rule fires, and the session then crashes on delete). Write "1.0e-05" instead.
    text = repr(v)
    mantissa, e, exponent = text.partition("e")
    if e and "." not in mantissa:
        return f"{mantissa}.0e{exponent}"
    return text


def to_json(value: object) -> str:
    """JSON that durable's own reader parses exactly (floats always with a decimal point)."""
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(str(k), ensure_ascii=False) + ":" + to_json(v) for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(to_json(v) for v in value) + "]"
    if isinstance(value, float):
        return _float_json(value)
    return json.dumps(value, ensure_ascii=False)


# In a batch of normalised facts every string is a token or a session id, neither of which holds
# ":", "," or "[" followed by digits, so this finds exactly the numbers written with a bare exponent.
_BARE_EXPONENT = re.compile(r"([:,\[]-?\d+)(e[+-]?\d+)")


def batch_json(facts: list[dict]) -> str:
    """The JSON of a batch of normalised facts, as :func:`to_json` writes it but at C speed."""
    return _BARE_EXPONENT.sub(r"\1.0\2", json.dumps(facts, ensure_ascii=False, separators=(",", ":")))


def _check_number(v: int | float, ordered: bool) -> None:
    if isinstance(v, float) and not math.isfinite(v):
        raise EngineError(f"the number {v!r} is not finite; durable_rules cannot compare it")
    if ordered and isinstance(v, int) and abs(v) > MAX_EXACT_INT:
        raise EngineError(f"the integer {v} is beyond ±2**53, which durable_rules cannot compare "
                         "exactly; use a smaller number or the python engine")


@dataclass(frozen=True)
class _RuleSpec:
    """One compiled conjunction: the durable rule name, the IR code and how many exists patterns."""

    name: str
    code: str
    exists: int

    def __str__(self) -> str:
        return f"rule {self.code!r} ({self.name})"


class _Compiler:
    """Turns an IRProgram into a durable ruleset definition plus the fact normalisation it needs."""

    def __init__(self, program: IRProgram) -> None:
        self.program = program
        tests = [t for r in program.rules for c in r.conjunctions for t in _all_tests(c)]
        kinds = {p.fact for r in program.rules for c in r.conjunctions for p in (*c.exists, *c.absent)}
        kinds.discard(program.marker)
        self.kind_codes: dict[str, int] = {program.marker: 0}
        self.kind_codes.update({k: i + 1 for i, k in enumerate(sorted(kinds))})
        attrs = sorted({t.attr for t in tests})
        self.attr_index = {a: i for i, a in enumerate(attrs)}
        self.eq_attrs = frozenset(t.attr for t in tests if t.op not in NUMERIC_OPS)
        self.num_attrs = frozenset(t.attr for t in tests if t.op in NUMERIC_OPS and _is_number(t.value))
        literals = {w for t in tests if t.op not in NUMERIC_OPS
                    for w in (t.value if isinstance(t.value, tuple) else (t.value,)) if isinstance(w, str)}
        self.string_codes = {s: i for i, s in enumerate(sorted(literals))}
        # attribute -> (equality token property, numeric property), None where no test needs it
        self.plan: dict[str, tuple[str | None, str | None]] = {
            a: (f"q{i}" if a in self.eq_attrs else None, f"n{i}" if a in self.num_attrs else None)
            for a, i in self.attr_index.items()}
        self._check_names()

    def _check_names(self) -> None:
        # durable tells properties (and pattern aliases) apart by a 32-bit hash of the name only.
        n = len(self.attr_index)
        properties = [*_RESERVED_PROPERTIES, *(f"q{i}" for i in range(n)), *(f"n{i}" for i in range(n))]
        most = max((len(c.absent) for r in self.program.rules for c in r.conjunctions), default=0)
        aliases = [_MARKER_ALIAS, *(f"e{j}" for j in range(MAX_EXISTS_PATTERNS)), *(f"a{j}" for j in range(most))]
        for names in (properties, aliases):
            if len({_fnv1a32(name) for name in names}) != len(names):  # pragma: no cover - see tests
                raise RuntimeError("internal error: two durable property or alias names share a hash")

    # -- values ---------------------------------------------------------------------------------
    def token(self, v: object) -> str:
        """The type-tagged equality token of a value (facts and rule literals alike)."""
        if isinstance(v, str):
            code = self.string_codes.get(v)
            return "s?" if code is None else f"s{code}"
        if isinstance(v, bool):
            return "b1" if v else "b0"
        if _is_number(v):
            _check_number(v, ordered=False)  # type: ignore[arg-type]
            return _number_token(v)  # type: ignore[arg-type]
        raise EngineError(f"the value {v!r} is a {type(v).__name__}; fact attributes and rule values "
                         "must be str, int, float or bool")

    # -- rules ----------------------------------------------------------------------------------
    def test_exprs(self, test: Test, where: str) -> list[dict] | None:
        """The durable expressions (all must hold) for one test, or None when it can never hold."""
        try:
            return self._test_exprs(test)
        except EngineError as exc:
            raise EngineError(f"{where}, test {test.attr!r} {test.op}: {exc}") from None

    def _test_exprs(self, test: Test) -> list[dict] | None:
        i = self.attr_index[test.attr]
        q, n = f"q{i}", f"n{i}"
        op, want = test.op, test.value
        if op in NUMERIC_OPS:
            if not _is_number(want):
                return None  # ordering only holds between numbers
            _check_number(want, ordered=True)  # type: ignore[arg-type]
            return [{f"${op}": {n: want}}]
        if op == "eq":
            return [{q: self.token(want)}]
        if op == "ne":
            return [{"$neq": {q: self.token(want)}}]
        tokens = sorted({self.token(w) for w in want})  # type: ignore[union-attr]
        if op == "in":
            if not tokens:
                return None
            if len(tokens) == 1:
                return [{q: tokens[0]}]
            return [{"$or": [{q: t} for t in tokens]}]
        # not_in: the attribute is present and differs from every value
        return [{"$neq": {q: t}} for t in tokens] or [{"$neq": {q: _NEVER_TOKEN}}]

    def pattern_expr(self, kind: int, tests: tuple[Test, ...], where: str) -> dict | None:
        """The durable expression for a fact of ``kind`` passing ``tests``; None if it never can."""
        exprs: list[dict] = []
        for t in tests:
            e = self.test_exprs(t, where)
            if e is None:
                return None
            exprs.extend(e)
        if not exprs:
            return {"k": kind}
        # A stable order lets durable share alpha nodes between patterns.
        unique = sorted({json.dumps(e, sort_keys=True) for e in exprs})
        parts = [{"k": kind}, *(json.loads(u) for u in unique)]
        cost = 2 + 2 * sum(1 for p in parts if "$or" in p)
        if cost > MAX_PATTERN_EXPRESSIONS:
            raise EngineError(f"{where}: too many 'in' tests in one pattern for durable_rules "
                             f"({cost} expressions, at most {MAX_PATTERN_EXPRESSIONS}); split the rule")
        return {"$and": parts}

    def conjunction_rule(self, conj: Conjunction, where: str) -> tuple[dict, int] | None:
        """The durable rule for one conjunction and its count of exists patterns; None if it can
        never fire (a test that never holds, or an exists pattern of the marker's kind)."""
        marker = self.pattern_expr(0, conj.context, where)
        if marker is None or any(p.fact == self.program.marker for p in conj.exists):
            return None
        if len(conj.exists) > MAX_EXISTS_PATTERNS:
            raise EngineError(f"{where}: {len(conj.exists)} exists patterns; durable_rules binds at most "
                             f"{MAX_EXISTS_PATTERNS} facts in one rule")
        body: list[dict] = [{_MARKER_ALIAS: marker}]
        for j, p in enumerate(conj.exists):
            expr = self.pattern_expr(self.kind_codes[p.fact], p.tests, where)
            if expr is None:
                return None
            body.append({f"e{j}": expr})
        for j, p in enumerate(conj.absent):
            if p.fact == self.program.marker:
                continue  # the marker never counts as another fact: such a pattern never matches
            expr = self.pattern_expr(self.kind_codes[p.fact], p.tests, where)
            if expr is not None:  # a pattern that can never match never blocks
                body.append({f"a{j}$not": expr})
        # dist 0: one fact may serve several patterns, as in the IR.
        return {"all": body, "dist": 0}, len(conj.exists)

    def rules(self) -> list[tuple[_RuleSpec, dict]]:
        """Every conjunction that can fire, as a rule spec and its durable definition."""
        out: list[tuple[_RuleSpec, dict]] = []
        for ri, rule in enumerate(self.program.rules):
            safe = re.sub(r"[^A-Za-z0-9_.-]", "_", rule.code)
            for ci, conj in enumerate(rule.conjunctions):
                compiled = self.conjunction_rule(conj, f"rule {rule.code!r}, conjunction {ci}")
                if compiled is not None:
                    out.append((_RuleSpec(f"r{ri}.{ci}.{safe}", rule.code, compiled[1]), compiled[0]))
        return out

    # -- facts ----------------------------------------------------------------------------------
    def normalise(self, fact: Fact, position: int, kind: int) -> dict:
        """The durable form of one fact (without ``sid``); ``id`` is its position in the batch."""
        out: dict[str, object] = {"id": position, "k": kind}
        plan = self.plan
        for attr, v in fact.items():
            names = plan.get(attr)
            if names is None:
                continue  # no rule tests it
            q, n = names
            try:
                token = self.token(v)  # also rejects values that are not scalars
                if q is not None:
                    out[q] = token
                if n is not None and _is_number(v):
                    _check_number(v, ordered=True)  # type: ignore[arg-type]
                    out[n] = v
            except EngineError as exc:
                raise EngineError(f"fact {fact.get('id', position)!r} ({fact.get('fact')!r}), "
                                 f"attribute {attr!r}: {exc}") from None
        if len(out) + 1 > MAX_FACT_PROPERTIES:  # +1: sid
            raise EngineError(f"fact {fact.get('id', position)!r} ({fact.get('fact')!r}) has {len(out) + 1} "
                             f"properties once normalised (one per tested attribute, two if it is also "
                             f"tested for order); durable_rules crashes beyond {MAX_FACT_PROPERTIES}. "
                             "Test fewer attributes or use the python engine")
        return out


def _all_tests(conj: Conjunction) -> list[Test]:
    patterns: tuple[Pattern, ...] = (*conj.exists, *conj.absent)
    return [*conj.context, *(t for p in patterns for t in p.tests)]


class _Ruleset:
    """One durable ruleset (created once per process) and the lock that serialises its sessions."""

    def __init__(self, name: str, definition: dict) -> None:
        self.name = name
        self.handle = _engine.create_ruleset(name, to_json(definition))
        self.lock = threading.Lock()
        self.sessions = itertools.count()
        self.leaked = 0  # sessions that could not be deleted safely (see _Session._close)


_REGISTRY: dict[str, _Ruleset] = {}
_REGISTRY_LOCK = threading.Lock()


def _ruleset(name: str, definition: dict) -> _Ruleset:
    with _REGISTRY_LOCK:
        rs = _REGISTRY.get(name)
        if rs is None:
            rs = _REGISTRY[name] = _Ruleset(name, definition)
        return rs


@dataclass(frozen=True)
class _CompiledShard:
    ruleset: _Ruleset
    specs: dict[str, _RuleSpec]
    kinds: frozenset[int]


class DurableBackend:
    """Evaluates an :class:`IRProgram` with durable_rules; same results as the python backend."""

    name = "durable"

    def __init__(self, program: IRProgram) -> None:
        self.program = program
        self._compiler = _Compiler(program)
        base = {_MARKER_RULE: {"all": [{_MARKER_ALIAS: {"k": 0}}]}}
        # Matches every fact, never fires: no batch is rejected as "not handled".
        catch_all = {_CATCH_ALL_RULE: {"all": [{"c": {"$ex": {"k": 1}}}, {"z": {"$ex": {"never": 1}}}]}}
        shards = shard_rules(self._compiler.rules(), list(base.values()))
        prefix = f"transparency.{re.sub(r'[^A-Za-z0-9_]', '_', program.target)}.{program.digest}"
        self._shards: list[_CompiledShard] = []
        for i, shard in enumerate(shards):
            definition = {**base, **catch_all, **{spec.name: d for spec, d in shard.rules}}
            self._shards.append(_CompiledShard(
                _ruleset(f"{prefix}.{i}", definition),
                {spec.name: spec for spec, _ in shard.rules},
                frozenset(shard.kinds | {0})))

    @property
    def rulesets(self) -> int:
        """How many durable rulesets (one session each per run) the program needed."""
        return len(self._shards)

    def run(self, facts: list[Fact]) -> set[Firing]:
        """The distinct firings for one subject (see :class:`~transparency.engine.base.Backend`)."""
        batch, ids = self._prepare(facts)
        fired: set[Firing] = set()
        for shard in self._shards:
            # The marker (kind 0) is last in the batch, and so in every shard's selection.
            selected = batch if len(self._shards) == 1 else [f for f in batch if f["k"] in shard.kinds]
            messages = _Session(shard.ruleset).evaluate(selected)
            # One decode for all activations: each message is {rule name: {alias: fact}}.
            for activation in json.loads("[" + ",".join(messages) + "]"):
                for rule_name, bound in activation.items():
                    spec = shard.specs.get(rule_name)
                    if spec is not None:  # None: the marker rule
                        fact_ids = tuple(ids[bound[f"e{j}"]["id"]] for j in range(spec.exists))
                        fired.add(Firing(spec.code, fact_ids))  # type: ignore[arg-type]
        return fired

    def _prepare(self, facts: list[Fact]) -> tuple[list[dict], list[object]]:
        """Each kept fact normalised (``id`` its position, ``k`` its kind code), marker last; and the
        original ids by position."""
        marker_kind = self.program.marker
        markers = [f for f in facts if f.get("fact") == marker_kind]
        if len(markers) != 1:
            raise EngineError(f"expected exactly one {marker_kind!r} marker fact, got {len(markers)}")
        codes = self._compiler.kind_codes
        kept = [f for f in facts
                if f is not markers[0] and isinstance(f.get("fact"), str) and f["fact"] in codes]
        # Facts of kinds no pattern names cannot change the result and are not sent.
        batch: list[dict] = []
        ids: list[object] = []
        for position, f in enumerate([*kept, markers[0]]):
            if "id" not in f:
                raise EngineError(f"fact {f!r} has no 'id'; every fact needs a unique integer id")
            batch.append(self._compiler.normalise(f, position, codes[f["fact"]]))
            ids.append(f["id"])
        return batch, ids


class _Session:
    """One durable session: assert, drain in this thread, delete; all under the ruleset's lock."""

    def __init__(self, ruleset: _Ruleset) -> None:
        self.rs = ruleset

    def evaluate(self, facts: list[dict]) -> list[str]:
        """The action messages (one JSON object per activation) for these normalised facts."""
        rs = self.rs
        sid = f"s{next(rs.sessions)}"  # count.__next__ is atomic: a fresh id per session
        payload = batch_json([{**f, "sid": sid} for f in facts])
        with rs.lock:
            messages: list[str] = []
            started = False
            try:
                result, state = _engine.assert_facts(rs.handle, payload)
                if result != 0:
                    raise RuntimeError(f"durable_rules refused the facts (code {result})")
                started = self._drain(state, messages)
            finally:
                self._close(sid, started)
        # The marker rule fires on every batch the core really evaluated: without it the results
        # would be silently empty, so fail loudly instead.
        if not any(m.startswith(_MARKER_MESSAGE) for m in messages):
            raise RuntimeError("durable_rules did not evaluate the facts (its marker rule did not fire); "
                               "please report this, and use TRANSPARENCY_ENGINE=python meanwhile")
        return messages

    def _drain(self, state: int, messages: list[str]) -> bool:
        """Run every activation of the session in this thread; True if one started."""
        first = _engine.start_action_for_state(self.rs.handle, state)
        if first is None:
            return False
        messages.append(first[1])
        while (nxt := _engine.complete_and_start_action(self.rs.handle, state)) is not None:
            messages.append(nxt)
        return True

    def _close(self, sid: str, started: bool) -> None:
        rs = self.rs
        if not started:
            # No activation ever started (an error came first): deleting the session now could crash
            # the process. Assert a bare marker so the marker rule fires, drain, then delete.
            try:
                _, state = _engine.assert_fact(rs.handle, json.dumps({"sid": sid, "id": "rescue", "k": 0}))
                started = self._drain(state, [])
            except Exception:  # noqa: BLE001 - cleanup must not mask the original error
                started = False
        if started:
            _engine.delete_state(rs.handle, sid)
        else:
            rs.leaked += 1
