"""What does each lexicon group contribute? Empty one group at a time and re-measure every corpus set.

    python bench/ablate.py [--only reasons,plans] [--sets real-dev,written-dev]

For each group of each extraction lexicon (`transparency/extract/lexicons/*.yaml`, fold.yaml excepted) the
group is emptied in this process, every cached pattern is rebuilt, and the statuses of every document of
the chosen sets are compared with the gold labels. Prints, per group, the change in documents agreeing
(summed over the six labelled columns) on each set: a negative number is what the group earns; zero means
the group changes nothing measurable on these sets (a candidate for review); positive means the corpus
agrees better without it (groups that feed only catalogue rules, such as most topics and tone groups,
show zero here by construction: they change findings, not statuses). Held-out sets print figures only. Slow by design (about a second per group and
set); not a test.
"""

from __future__ import annotations

import argparse
import sys
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from transparency.measure import corpus_sets, judge  # noqa: E402

COLUMNS = ("reason", "time", "responsibility", "compensation", "plan", "owner")


def _extract_modules():
    return [m for name, m in list(sys.modules.items()) if name.startswith("transparency.extract") and m]


def _clear_caches() -> None:
    """Forget every cached lexicon, compiled pattern and phrase index of the extraction package."""
    for module in _extract_modules():
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def _install(lexicon_fn) -> None:  # noqa: ANN001
    """Make every extraction module read lexicons through ``lexicon_fn``."""
    for module in _extract_modules():
        if hasattr(module, "lexicon") and callable(module.lexicon):
            module.lexicon = lexicon_fn
    _clear_caches()


def score(docs) -> int:  # noqa: ANN001
    hits = 0
    for d in docs:
        got, _ = judge(d)
        hits += sum(got[c] == d.labels[c] for c in COLUMNS)
    return hits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="comma-separated lexicon files (e.g. reasons,plans)")
    parser.add_argument("--sets", default="written-dev,written-holdout,real-dev,real-holdout")
    args = parser.parse_args(argv)

    import transparency.extract  # noqa: F401 - load the package and its modules
    import transparency.extract.lexicon as lex
    from transparency.extract import (citations, contacts, money, operator, parties, placeholders,  # noqa: F401
                                      plans, reasons, times, tone, topics)

    original = lex.lexicon.__wrapped__
    sets = {name: docs for name, docs in corpus_sets(REPO / "tests" / "corpus").items()
            if name in args.sets.split(",") and docs}
    names = [n for n in lex.SCHEMA if n != "fold" and (not args.only or n in args.only.split(","))]

    _install(cache(original))
    base = {name: score(docs) for name, docs in sets.items()}
    print("baseline (cells agreeing over six columns): "
          + ", ".join(f"{n} {h}/{6 * len(sets[n])}" for n, h in base.items()))
    print(f"{'lexicon.group':<44}" + "".join(f"{n:>17}" for n in sets))
    for name in names:
        for group in original(name):
            def without(n: str, _name=name, _group=group) -> dict:
                data = original(n)
                return {**data, _group: []} if n == _name else data
            _install(cache(without))
            row = {n: score(docs) - base[n] for n, docs in sets.items()}
            print(f"{name + '.' + group:<44}" + "".join(f"{row[n]:>+17d}" for n in sets))
    _install(cache(original))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
