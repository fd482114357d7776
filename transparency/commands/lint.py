"""``transparency lint PATH...``: check letters before they are sent (minimal: text and json)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(q for q in p.rglob("*") if q.suffix in (".txt", ".md")) if p.is_dir() else [p])
    return out


def run(args: argparse.Namespace) -> int:
    from ..api import evaluate

    documents, errors, worst = [], [], 0
    for path in _files(args.paths):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            errors.append({"path": str(path), "message": str(exc)})
            print(f"{path}: {exc}", file=sys.stderr)
            continue
        ev = evaluate(text)
        ev.document.path = str(path)
        documents.append(ev)
        worst = max(worst, 1 if any(f.severity == "error" for f in ev.findings) else 0)
    if args.format == "json":
        print(json.dumps({"schema_version": "1", "documents": [
            {"path": ev.document.path, "language": ev.document.language, "kind": ev.document.kind,
             "score": ev.score,
             "matrix": {d: {"status": r.status, "score": r.score,
                            "evidence": [{"start": e.span.start, "end": e.span.end, "text": e.span.text}
                                         for e in r.evidence]} for d, r in ev.matrix.items()},
             "formula": {**{p: {"status": getattr(ev.formula, p).status} for p in ("cause", "plan", "owner")},
                         "complete": ev.formula.complete},
             "findings": [{"code": f.code, "name": f.name, "severity": f.severity, "message": f.message,
                           "dimension": f.dimension, "start": f.span.start, "end": f.span.end,
                           "line": f.span.line, "column": f.span.column, "text": f.span.text, "fix": f.fix}
                          for f in ev.findings]} for ev in documents], "errors": errors},
            ensure_ascii=False, indent=2))
    else:
        for ev in documents:
            for f in ev.findings:
                print(f"{ev.document.path}:{f.span.line}:{f.span.column}: {f.code} [{f.severity}] {f.message}")
    return 2 if errors else worst
