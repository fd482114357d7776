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

# Margins below the C limits (MAX_STACK_SIZE 64, BETA_LIST_LENGTH 256).
MAX_PENDING_ALPHAS = 56
MAX_PATTERNS_PER_ALPHA = 240

Spec = TypeVar("Spec")
Node = tuple


@dataclass
class Shard(Generic[Spec]):
    """The rules of one durable ruleset and the model of its alpha network."""

    rules: list[tuple[Spec, dict]] = field(default_factory=list)
    # fact kind code -> alpha node -> how many times one fact can push it
    nodes: dict[int, dict[Node, int]] = field(default_factory=lambda: defaultdict(dict))
    terminals: Counter = field(default_factory=Counter)
    kinds: set[int] = field(default_factory=set)
    _forward_ids: itertools.count = field(default_factory=itertools.count)

    def try_add(self, spec: Spec, definition: dict) -> bool:
        """Add the rule if the shard stays within the limits; False (shard unchanged) otherwise."""
        added = [_pattern_nodes(expr, self._forward_ids) for expr in _patterns(definition)]
        nodes = {k: dict(v) for k, v in self.nodes.items()}
        terminals = Counter(self.terminals)
        for kind, pattern_nodes, terminal in added:
            nodes.setdefault(kind, {}).update(pattern_nodes)
            terminals[terminal] += 1
        if any(pending(v) > MAX_PENDING_ALPHAS for v in nodes.values()):
            return False
        if terminals and max(terminals.values()) > MAX_PATTERNS_PER_ALPHA:
            return False
        self.rules.append((spec, definition))
        self.nodes = defaultdict(dict, nodes)
        self.terminals = terminals
        self.kinds.update(kind for kind, _, _ in added)
        return True


def pending(kind_nodes: dict[Node, int]) -> int:
    """An upper bound of the alpha nodes pending at once for one fact of a kind (+1: catch-all)."""
    return 1 + sum(kind_nodes.values())


def _patterns(definition: dict) -> list[dict]:
    return [expr for pattern in definition["all"] for expr in pattern.values()]


def _pattern_nodes(expr: dict, forward_ids: itertools.count) -> tuple[int, dict[Node, int], Node]:
    """The fact kind a pattern tests, the alpha nodes it creates with their weights, and the node
    its pattern hangs from. Nodes are shared by prefix, except the forward node durable creates after
    each ``$or`` (reachable once per alternative)."""
    parts = expr["$and"] if "$and" in expr else [expr]
    kind = parts[0]["k"]
    parent: Node = ()
    nodes: dict[Node, int] = {}
    for part in parts:
        if "$or" in part:
            alternatives = part["$or"]
            for alt in alternatives:
                nodes[parent + (json.dumps(alt, sort_keys=True),)] = 1
            parent = ("forward", next(forward_ids))
            nodes[parent] = len(alternatives)
        else:
            parent = parent + (json.dumps(part, sort_keys=True),)
            nodes[parent] = 1
    return kind, nodes, parent


def shard_rules(rules: list[tuple[Spec, dict]], base: list[dict]) -> list[Shard[Spec]]:
    """Pack ``rules`` first-fit into shards; every shard also holds the ``base`` rules (the marker
    and catch-all rules). A rule too large for an empty shard is a ValueError."""
    shards: list[Shard[Spec]] = []

    def fresh() -> Shard[Spec]:
        shard: Shard[Spec] = Shard()
        for definition in base:
            if not shard.try_add(None, definition):  # type: ignore[arg-type]
                raise AssertionError("the base rules alone exceed durable_rules' limits")
        shard.rules.clear()
        return shard

    for spec, definition in rules:
        if not any(s.try_add(spec, definition) for s in shards):
            shard = fresh()
            if not shard.try_add(spec, definition):
                raise ValueError(f"{spec}: this rule alone exceeds durable_rules' limits (too many tests "
                                 "on one fact kind); split it or use the python engine")
            shards.append(shard)
    return shards or [fresh()]
