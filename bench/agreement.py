"""How well do the statuses agree with careful human labels, on text we wrote and on real notices?

    python bench/agreement.py [--sets written-dev,written-holdout,real-dev,real-holdout]
                              [--confusion] [--no-baseline] [--json FILE] [--write-record]

For each set it prints, per column (reason, time, responsibility, compensation, cause, plan, owner):
the share of documents where the tool's status equals the gold label, Cohen's kappa, and the same two
figures for a deliberately simple learned baseline (character n-grams + logistic regression, trained
on the dev labels: written dev plus real dev). Then per language, the confusion matrices (with
``--confusion``), and evidence-level recall and precision where gold spans exist
(``tests/corpus/real/evidence.csv``).

The baseline explains nothing and knows no contract; it is the figure the product must clearly beat.
It needs scikit-learn (``pip install '.[bench]'``); without it the baseline columns are left out and
a line says so.

Held-out sets print figures only, never which documents disagree: nobody tuning patterns reads them.
``--write-record`` stores the current hits per set and column in ``tests/corpus/agreement_record.json``,
the figure the ratchet test (``tests/test_corpus_agreement.py``) holds the tool to; raising it is a
deliberate commit.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from transparency.measure import (  # noqa: E402
    COLUMNS,
    SET_FILES,
    STATUSES,
    column_agreement,
    corpus_sets,
    evidence_score,
    judge,
    read_evidence,
)

CORPUS = REPO / "tests" / "corpus"
RECORD = CORPUS / "agreement_record.json"
EVIDENCE = {"real-dev": CORPUS / "real" / "evidence.csv", "real-holdout": CORPUS / "real" / "evidence.csv"}
# The six labelled columns; cause is labelled equal to reason, so the overall figure leaves it out.
OVERALL = ("reason", "time", "responsibility", "compensation", "plan", "owner")


def baseline_predictions(train, targets):
    """Per column, a char n-gram + logistic regression model fitted on ``train``, applied to each target
    set. Returns {set name: {column: [predicted status per document]}}, or None without scikit-learn."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
    except ImportError:
        return None
    texts = [d.text for d in train]
    out: dict[str, dict[str, list[str]]] = {name: {} for name in targets}
    for column in COLUMNS:
        y = [d.labels[column] for d in train]
        if len(set(y)) < 2:
            for name, docs in targets.items():
                out[name][column] = [y[0]] * len(docs)
            continue
        model = make_pipeline(
            TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2, max_features=200_000),
            LogisticRegression(max_iter=2000, C=4.0),
        )
        model.fit(texts, y)
        for name, docs in targets.items():
            out[name][column] = list(model.predict([d.text for d in docs])) if docs else []
    return out


def fmt(x: float | None) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def print_set(name, docs, tool, base, show_confusion, spans, gold_spans) -> dict:
    """Prints one set's figures; returns them as a dict for --json."""
    held_out = name.endswith("holdout")
    print(f"\n== {name}: {len(docs)} documents"
          + (" (held out: figures only)" if held_out else "")
          + (" [baseline trained on this set: its figures are not a test]" if not held_out and base else ""))
    if not docs:
        print("   (no documents)")
        return {"documents": 0}
    header = f"   {'column':<15} {'agree':>6} {'kappa':>6}" + (f"  {'base':>6} {'b.kappa':>7}" if base else "")
    print(header)
    figures: dict = {"documents": len(docs), "columns": {}, "languages": {}}
    all_gold, all_tool, all_base = [], [], []
    for column in COLUMNS:
        gold = [d.labels[column] for d in docs]
        got = [tool[d.path][column] for d in docs]
        a = column_agreement(column, gold, got)
        line = f"   {column:<15} {a.share:6.3f} {a.kappa:6.3f}"
        entry = {"hits": a.hits, "agreement": round(a.share, 4), "kappa": round(a.kappa, 4),
                 "confusion": a.confusion}
        if base:
            b = column_agreement(column, gold, base[column])
            line += f"  {b.share:6.3f} {b.kappa:7.3f}"
            entry |= {"baseline_hits": b.hits, "baseline_agreement": round(b.share, 4),
                      "baseline_kappa": round(b.kappa, 4)}
        print(line)
        figures["columns"][column] = entry
        if column in OVERALL:
            all_gold += gold
            all_tool += got
            all_base += base[column] if base else []
    overall = column_agreement("overall", all_gold, all_tool)
    line = f"   {'overall (6)':<15} {overall.share:6.3f} {overall.kappa:6.3f}"
    figures["overall"] = {"agreement": round(overall.share, 4), "kappa": round(overall.kappa, 4)}
    if base:
        bo = column_agreement("overall", all_gold, all_base)
        line += f"  {bo.share:6.3f} {bo.kappa:7.3f}"
        figures["overall"] |= {"baseline_agreement": round(bo.share, 4), "baseline_kappa": round(bo.kappa, 4)}
    print(line)

    for language in sorted({d.language for d in docs}):
        idx = [i for i, d in enumerate(docs) if d.language == language]
        cells = [f"{c} {column_agreement(c, [docs[i].labels[c] for i in idx], [tool[docs[i].path][c] for i in idx]).share:.2f}"
                 for c in OVERALL]
        print(f"   {language} ({len(idx)} docs): " + ", ".join(cells))
        figures["languages"][language] = {
            c: round(column_agreement(c, [docs[i].labels[c] for i in idx],
                                      [tool[docs[i].path][c] for i in idx]).share, 4) for c in OVERALL}

    if show_confusion:
        for column in OVERALL:
            conf = figures["columns"][column]["confusion"]
            print(f"   confusion {column} (rows gold, columns tool): "
                  + "; ".join(f"{g}: " + " ".join(f"{conf[g][p]}" for p in STATUSES) for g in STATUSES))

    if gold_spans:
        covered = [d for d in docs if d.path in gold_spans]
        print(f"   evidence spans ({len(covered)} documents with gold spans): recall / precision")
        figures["evidence"] = {}
        for column in OVERALL:
            pairs = [(gold_spans[d.path].get(column, []), spans[d.path][column]) for d in covered]
            s = evidence_score(column, pairs)
            print(f"     {column:<15} recall {fmt(s.recall)} ({s.gold_found}/{s.gold_spans})"
                  f"  precision {fmt(s.precision)} ({s.predicted_correct}/{s.predicted_spans})")
            figures["evidence"][column] = {"recall": s.recall, "precision": s.precision,
                                           "gold_spans": s.gold_spans, "predicted_spans": s.predicted_spans}
    return figures


STRENGTH = {"absent": 0, "vague": 1, "concrete": 2}


def print_labellers() -> dict:
    """Agreement and Cohen's kappa between the two blind labellers of the real corpus, per column."""
    import csv

    folder = CORPUS / "real" / "labelling"
    if not (folder / "labeller_a.csv").exists():
        return {}
    rows = {}
    for who in ("a", "b"):
        with (folder / f"labeller_{who}.csv").open(encoding="utf-8", newline="") as fh:
            rows[who] = {r["path"]: r for r in csv.DictReader(fh)}
    paths = sorted(rows["a"])
    print(f"\n== inter-labeller agreement, real corpus ({len(paths)} documents, two blind labellers)")
    out = {}
    for c in OVERALL:
        a = column_agreement(c, [rows["a"][p][c] for p in paths], [rows["b"][p][c] for p in paths])
        print(f"   {c:<15} {a.share:6.3f}  kappa {a.kappa:6.3f}  ({a.n - a.hits} disagreements)")
        out[c] = {"agreement": round(a.share, 4), "kappa": round(a.kappa, 4)}
    return out


def _quoted_spans(doc, files) -> dict[str, list[tuple[int, int]]]:
    """Spans of the labellers' quotes (first occurrence in the text), by column."""
    import csv

    out: dict[str, list[tuple[int, int]]] = {}
    for f in files:
        if not f.exists():
            continue
        with f.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row["path"] == doc.path and row["quote"]:
                    at = doc.text.find(row["quote"])
                    if at >= 0:
                        out.setdefault(row["column"], []).append((at, at + len(row["quote"])))
    return out


def classify(gold: str, got: str, gold_spans, tool_spans, debatable: bool) -> str:
    """Why the tool's status differs from the gold label, for one cell."""
    from transparency.measure import spans_overlap

    if debatable:
        return "label debatable"
    found = any(spans_overlap(g, t) for g in gold_spans for t in tool_spans)
    if STRENGTH[got] < STRENGTH[gold]:
        return "wrong status decision" if found else "evidence missed"
    return "wrong status decision" if found else "false evidence"


def print_causes(docs, tool, spans, all_real) -> None:
    """Every disagreement on real dev, classified; counts by cause and the ten most frequent kinds."""
    import csv
    from collections import Counter

    real = CORPUS / "real"
    gold_files = [real / "labelling" / "evidence_a.csv", real / "labelling" / "evidence_b.csv"]
    adjudicated = set()
    adj = real / "labelling" / "adjudication.csv"
    if adj.exists():
        with adj.open(encoding="utf-8", newline="") as fh:
            adjudicated = {(r["path"], r["column"]) for r in csv.DictReader(fh)}
    texts = {d.path: d.text for d in all_real}  # the gold file covers both sides; only dev is used here
    gold_evidence = read_evidence(real / "evidence.csv", texts) if (real / "evidence.csv").exists() else {}
    causes: Counter = Counter()
    kinds: Counter = Counter()
    for d in docs:
        quoted = gold_evidence.get(d.path) or _quoted_spans(d, gold_files)
        for c in OVERALL:
            gold, got = d.labels[c], tool[d.path][c]
            if gold == got:
                continue
            cause = classify(gold, got, quoted.get(c, []), spans[d.path][c], (d.path, c) in adjudicated)
            causes[cause] += 1
            kinds[(c, f"{gold}->{got}", cause)] += 1
    total = sum(causes.values())
    print(f"\n== real-dev disagreements by cause ({total} cells; gold spans where given, else the labellers' quotes)")
    for cause, n in causes.most_common():
        print(f"   {cause:<24} {n:4d}  {n / total:6.1%}")
    print("   the ten most frequent (column, gold->tool, cause):")
    for (c, move, cause), n in kinds.most_common(10):
        print(f"   {n:4d}  {c:<15} {move:<20} {cause}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default=",".join(SET_FILES), help="comma-separated: " + ", ".join(SET_FILES))
    parser.add_argument("--confusion", action="store_true", help="print confusion matrices")
    parser.add_argument("--no-baseline", action="store_true", help="skip the learned baseline")
    parser.add_argument("--causes", action="store_true",
                        help="on real dev only: classify each disagreement (evidence missed, false evidence, "
                             "wrong status decision, label debatable) and list the most frequent")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    parser.add_argument("--write-record", action="store_true",
                        help=f"store the hits per set and column in {RECORD.relative_to(REPO)} (the ratchet)")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.sets.split(",") if n.strip()]
    unknown = [n for n in names if n not in SET_FILES]
    if unknown:
        parser.error(f"unknown set(s) {unknown}; choose from {list(SET_FILES)}")

    docs = corpus_sets(CORPUS)
    tool, spans = {}, {}
    for name in names:
        for d in docs[name]:
            tool[d.path], spans[d.path] = judge(d)

    base = None
    if not args.no_baseline:
        train = docs["written-dev"] + docs["real-dev"]
        base = baseline_predictions(train, {n: docs[n] for n in names})
        if base is None:
            print("baseline: scikit-learn is not installed (pip install '.[bench]'); baseline columns left out")
        else:
            print(f"baseline: char 1-3-grams + logistic regression, trained on {len(train)} dev documents "
                  f"(written dev {len(docs['written-dev'])}, real dev {len(docs['real-dev'])})")

    gold_spans_all: dict = {}
    for name in names:
        ev = EVIDENCE.get(name)
        if ev and ev.exists() and docs[name]:
            texts = {d.path: d.text for d in docs["real-dev"] + docs["real-holdout"]}
            gold_spans_all[name] = {p: c for p, c in read_evidence(ev, texts).items()
                                    if p in {d.path for d in docs[name]}}

    figures = {}
    for name in names:
        figures[name] = print_set(name, docs[name], tool, base[name] if base else None,
                                  args.confusion, spans, gold_spans_all.get(name))

    figures["labellers"] = print_labellers()
    if args.causes and docs["real-dev"]:
        print_causes(docs["real-dev"], tool, spans, docs["real-dev"] + docs["real-holdout"])

    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.write_record:
        record = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
        for name in names:
            if figures[name].get("documents"):
                record[name] = {"documents": figures[name]["documents"],
                                "hits": {c: figures[name]["columns"][c]["hits"] for c in COLUMNS}}
        RECORD.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nrecord written: {RECORD.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
