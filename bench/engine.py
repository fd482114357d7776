"""Benchmark of the rule-engine backends (a script, not a test): prints numbers, asserts nothing timed.

Per-document latency (median, p95) and documents per second of the python and durable backends on a
program of about 40 rules and documents of about 20 facts, then the resident memory of the process
over ``--docs`` documents evaluated by the durable backend (growth would mean leaked sessions).

    python bench/engine.py [--docs 100000] [--latency-docs 3000] [--seed 1]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transparency.engine.durable import DurableBackend  # noqa: E402
from transparency.engine.python import PythonBackend  # noqa: E402
from transparency.rules.ir import Conjunction, IRProgram, IRRule, Pattern, Test  # noqa: E402

KINDS = {
    "time": ("date", "clock", "period", "relative", "vague"),
    "money": ("amount", "vague_amount"),
    "contact": ("phone", "email", "wechat", "url"),
    "party": ("person", "organisation", "generic"),
    "reason": ("specific", "boilerplate"),
    "plan": ("takeover", "migration", "data_export", "refund", "vague"),
    "refund": ("full", "original_route", "pro_rata"),
    "tone": ("empty_empathy", "blame_shifting", "hedge", "apology"),
}


def program(n_rules: int, rng: random.Random) -> IRProgram:
    """Rules shaped like the catalogue's: a context test, one or two required patterns with a
    subkind or numeric test, sometimes a forbidden pattern."""
    rules = []
    kinds = sorted(KINDS)
    for i in range(n_rules):
        conjunctions = []
        for _ in range(rng.choice([1, 1, 2])):
            context = (Test("language", "in", ("zh", "en")),) if rng.random() < 0.5 else ()
            if rng.random() < 0.3:
                context += (Test("tier", "eq", rng.choice(["basic", "pro"])),)
            exists = []
            for _ in range(rng.choice([0, 1, 1, 2])):
                kind = rng.choice(kinds)
                tests: tuple[Test, ...] = (Test("subkind", rng.choice(["eq", "ne"]), rng.choice(KINDS[kind])),)
                if kind == "time" and rng.random() < 0.5:
                    tests += (Test("days", rng.choice(["lt", "gte"]), rng.choice([7, 30, 90])),)
                if kind == "money" and rng.random() < 0.5:
                    tests += (Test("amount", "gt", 1000),)
                exists.append(Pattern(kind, tests))
            absent = ()
            if rng.random() < 0.4:
                kind = rng.choice(kinds)
                absent = (Pattern(kind, (Test("subkind", "in", KINDS[kind][:2]),)),)
            conjunctions.append(Conjunction(context, tuple(exists), absent))
        rules.append(IRRule(f"B{i:03d}", tuple(conjunctions)))
    return IRProgram("document", "document", tuple(rules))


def document(n_facts: int, rng: random.Random) -> list[dict]:
    facts: list[dict] = [{"fact": "document", "id": 0, "language": rng.choice(["zh", "en"]),
                          "tier": rng.choice(["basic", "pro"]), "chars": rng.randint(100, 5000)}]
    for i in range(1, n_facts):
        kind = rng.choice(sorted(KINDS))
        fact = {"fact": kind, "id": i, "subkind": rng.choice(KINDS[kind]), "quality": "concrete"}
        if kind == "time":
            fact["days"] = rng.choice([1, 7, 14, 30, 60, 120])
        if kind == "money":
            fact["amount"] = rng.choice([50, 999.5, 1000, 25000])
        facts.append(fact)
    rng.shuffle(facts)
    return facts


def rss_mb() -> float:
    """The resident set size of this process in MB (Linux /proc; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def latency(backend: object, docs: list[list[dict]]) -> tuple[float, float, float]:
    """Median and p95 per-document latency in ms, and documents per second."""
    times = []
    start = time.perf_counter()
    for facts in docs:
        t = time.perf_counter()
        backend.run(facts)  # type: ignore[attr-defined]
        times.append(time.perf_counter() - t)
    total = time.perf_counter() - start
    times.sort()
    return statistics.median(times) * 1e3, times[int(0.95 * (len(times) - 1))] * 1e3, len(docs) / total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000, help="documents for the memory run")
    parser.add_argument("--latency-docs", type=int, default=3000, help="documents per latency run")
    parser.add_argument("--rules", type=int, default=40)
    parser.add_argument("--facts", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    prog = program(args.rules, rng)
    docs = [document(args.facts, rng) for _ in range(args.latency_docs)]
    python, durable = PythonBackend(prog), DurableBackend(prog)
    conjunctions = sum(len(r.conjunctions) for r in prog.rules)
    mismatches = sum(python.run(d) != durable.run(d) for d in docs)
    firings = statistics.mean(len(python.run(d)) for d in docs)
    print(f"program: {len(prog.rules)} rules, {conjunctions} conjunctions, {durable.rulesets} durable "
          f"ruleset(s); documents: {args.facts} facts, {firings:.1f} firings on average; "
          f"{mismatches} mismatches between backends")
    for name, backend in (("python", python), ("durable", durable)):
        med, p95, rate = latency(backend, docs)
        print(f"{name:8s} latency median {med:.3f} ms  p95 {p95:.3f} ms  {rate:,.0f} docs/s")

    pool = [document(args.facts, rng) for _ in range(1000)]
    for facts in pool:  # warm up: allocator pools, string interning, caches
        durable.run(facts)
    gc.collect()
    start_rss, peak, t0 = rss_mb(), 0.0, time.perf_counter()
    step = max(args.docs // 10, 1)
    for i in range(args.docs):
        durable.run(pool[i % len(pool)])
        if (i + 1) % step == 0:
            peak = max(peak, rss_mb())
            print(f"  {i + 1:,} docs, RSS {rss_mb():.1f} MB, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    gc.collect()
    end_rss = rss_mb()
    rate = args.docs / (time.perf_counter() - t0)
    leaked = sum(s.ruleset.leaked for s in durable._shards)
    print(f"durable memory over {args.docs:,} docs: RSS {start_rss:.1f} -> {end_rss:.1f} MB "
          f"(growth {end_rss - start_rss:+.1f} MB, peak {max(peak, end_rss):.1f} MB), {rate:,.0f} docs/s, "
          f"{leaked} leaked sessions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
