"""Splitting compiled rules over several durable rulesets so none exceeds the C core's fixed limits.

durable_rules 2.0.28 walks its alpha network (one node per attribute test, shared between patterns
with the same prefix of tests) with a stack of 64 pending nodes per fact, and links at most 256
patterns to one alpha node. A program with many rules on one fact kind (the document marker, above
all) overflows either limit: the ruleset fails to build (error 108) or a batch fails (error 303).
This module models the network the core will build and packs rules first-fit into shards that stay
below both limits; the backend runs one session per shard and unites the firings, which is exact
because every rule only reads the facts.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .base import EngineError

# Margins below the C limits (MAX_STACK_SIZE 64, BETA_LIST_LENGTH 256).
MAX_PENDING_ALPHAS = 60
MAX_PATTERNS_PER_ALPHA = 240

Spec = TypeVar("Spec")
Node = tuple
ROOT: Node = ()


@dataclass
class Shard(Generic[Spec]):
    """The rules of one durable ruleset and the model of its alpha network."""

    rules: list[tuple[Spec, dict]] = field(default_factory=list)
    children: dict[Node, set[Node]] = field(default_factory=lambda: defaultdict(set))
    eq_property: dict[Node, str] = field(default_factory=dict)  # nodes testing ``property == value``
    terminals: Counter = field(default_factory=Counter)
    kinds: set[int] = field(default_factory=set)
    _forward_ids: itertools.count = field(default_factory=itertools.count)

    def try_add(self, spec: Spec, definition: dict) -> bool:
        """Add the rule if the shard stays within the limits; False (shard unchanged) otherwise."""
        children = defaultdict(set, {n: set(c) for n, c in self.children.items()})
        terminals = Counter(self.terminals)
        kinds = set()
        for expr in _patterns(definition):
            kind, terminal = _add_pattern(children, self.eq_property, expr, self._forward_ids)
            kinds.add(kind)
            terminals[terminal] += 1
        if max(terminals.values()) > MAX_PATTERNS_PER_ALPHA:
            return False
        if max_pending(children, self.eq_property) > MAX_PENDING_ALPHAS:
            return False
        self.rules.append((spec, definition))
        self.children, self.terminals = children, terminals
        self.kinds |= kinds
        return True


def max_pending(children: dict[Node, set[Node]], eq_property: dict[Node, str]) -> int:
    """An upper bound of durable's alpha stack for one fact.

    The core pops a node and pushes every child whose test passes. Of the children testing equality
    on one property at most one passes (shared nodes have distinct values); assume every other test
    passes. With c such children the stack peaks at ``max(c, c - 1 + max(peak(child)))``.
    """
    memo: dict[Node, int] = {}

    def peak(node: Node) -> int:
        if node not in memo:
            kids = children.get(node, ())
            eq = {eq_property[k] for k in kids if k in eq_property}
            c = len(eq) + sum(1 for k in kids if k not in eq_property)
            memo[node] = max([c, *(c - 1 + peak(k) for k in kids)]) if kids else 0
        return memo[node]

    return peak(ROOT)


def _patterns(definition: dict) -> list[dict]:
    return [expr for pattern in definition["all"] for expr in pattern.values()]


def _add_pattern(children: dict[Node, set[Node]], eq_property: dict[Node, str], expr: dict,
                 forward_ids: itertools.count) -> tuple[int, Node]:
    """Add one pattern's alpha nodes; return its fact kind and the node its pattern hangs from.

    Nodes are shared by prefix (durable finds an existing child with the same test), except the
    forward node durable creates after each ``$or``, which every alternative links to."""
    parts = expr["$and"] if "$and" in expr else [expr]
    kind = parts[0]["k"]
    parent = ROOT
    for part in parts:
        if "$or" in part:
            forward: Node = ("forward", next(forward_ids))
            for alt in part["$or"]:
                node = parent + (json.dumps(alt, sort_keys=True),)
                children[parent].add(node)
                _note_equality(eq_property, node, alt)
                children[node].add(forward)
            parent = forward
        else:
            node = parent + (json.dumps(part, sort_keys=True),)
            children[parent].add(node)
            _note_equality(eq_property, node, part)
            parent = node
    return kind, parent


def _note_equality(eq_property: dict[Node, str], node: Node, test: dict) -> None:
    (key,) = test  # one test per part: {"prop": value} is equality, {"$op": {...}} is not
    if not key.startswith("$"):
        eq_property[node] = key


def shard_rules(rules: list[tuple[Spec, dict]], base: list[dict]) -> list[Shard[Spec]]:
    """Pack ``rules`` first-fit into shards; every shard also holds the ``base`` rules (the marker
    rule). A rule too large for an empty shard is an EngineError."""
    shards: list[Shard[Spec]] = []

    def fresh() -> Shard[Spec]:
        shard: Shard[Spec] = Shard()
        shard.children[ROOT].add(("catch-all",))  # the catch-all rule's node: passes for every fact
        for definition in base:
            if not shard.try_add(None, definition):  # type: ignore[arg-type]
                raise AssertionError("the base rules alone exceed durable_rules' limits")
        shard.rules.clear()
        return shard

    for spec, definition in rules:
        if not any(s.try_add(spec, definition) for s in shards):
            shard = fresh()
            if not shard.try_add(spec, definition):
                raise EngineError(f"{spec}: this rule alone exceeds durable_rules' limits (too many tests "
                                 "on one fact kind); split it or use the python engine")
            shards.append(shard)
    return shards or [fresh()]
