"""SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, Azure DevOps, IDE viewers).

One run; ``tool.driver.rules`` lists every rule that has a result (with its why, fix and source when the
rule set is given); each result points at its rule by id and index. Columns count Unicode code points
(``columnKind: unicodeCodePoints``), exactly like the findings' columns, and ``endColumn`` is the column
just past the span, as SARIF defines it. For .docx and .html files the offsets refer to the extracted
text, not to the file, so those results carry no region: the position is in the message and in
``properties`` instead.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..models import Finding
from . import LintError, Result, offsets_in_file, sorted_findings

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}


def _uri(path: str) -> str:
    if path == "-":
        return "stdin"
    p = PurePath(path)
    if p.is_absolute():
        return "file://" + quote(p.as_posix())
    return quote(p.as_posix())


def _rule_descriptor(code: str, example: Finding, ruleset: Any) -> dict[str, Any]:
    rule = getattr(ruleset, "by_code", {}).get(code) if ruleset is not None else None
    why = getattr(rule, "why", None) or ""
    source = getattr(rule, "source", None) or example.source or ""
    short = example.name
    full = why or example.message
    help_parts = [why or example.message]
    md_parts = [f"**{code} {example.name}**", "", why or example.message]
    if example.fix:
        help_parts.append(f"Fix: {example.fix}")
        md_parts += ["", f"*Fix:* {example.fix}"]
    if source:
        help_parts.append(f"Source: {source}")
        md_parts += ["", f"*Source:* {source}"]
    severity = getattr(rule, "severity", None) or example.severity
    return {
        "id": code,
        "name": example.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": "\n".join(help_parts), "markdown": "\n".join(md_parts)},
        "defaultConfiguration": {"level": _LEVEL.get(severity, "warning")},
        "properties": {"dimension": example.dimension},
    }


def _result(path: str, f: Finding, index: int) -> dict[str, Any]:
    s = f.span
    message = f.message + (f"\nFix: {f.fix}" if f.fix else "")
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(path)}}
    properties: dict[str, Any] = {"severity": f.severity, "dimension": f.dimension, "text": s.text}
    if f.scope == "document":
        properties["scope"] = "document"  # about the whole file: no region
    elif offsets_in_file(path):
        physical["region"] = {"startLine": s.line, "startColumn": s.column, "endLine": s.end_line,
                              "endColumn": s.end_column, "charOffset": s.start,
                              "charLength": s.end - s.start}
    else:
        message += f"\n(line {s.line}, column {s.column} of the text extracted from the file)"
        properties.update(extractedText={"start": s.start, "end": s.end, "line": s.line,
                                         "column": s.column})
    return {"ruleId": f.code, "ruleIndex": index, "level": _LEVEL[f.severity],
            "message": {"text": message}, "locations": [{"physicalLocation": physical}],
            "properties": properties}


def report(results: Sequence[Result], errors: Sequence[LintError], ruleset: Any = None) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    examples: dict[str, Finding] = {}
    for _, ev in results:
        for f in ev.findings:
            examples.setdefault(f.code, f)
    codes = sorted(examples)
    index = {code: i for i, code in enumerate(codes)}
    sarif_results = [_result(path, f, index[f.code])
                     for path, ev in results for f in sorted_findings(ev)]
    notifications = [{"level": "error", "message": {"text": f"{e.path}: {e.message}"},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e.path)}}}]}
                     for e in errors]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "transparency",
                "version": __version__,
                "rules": [_rule_descriptor(c, examples[c], ruleset) for c in codes],
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not errors,
                             "toolExecutionNotifications": notifications}],
            "artifacts": [{"location": {"uri": _uri(path)}} for path, _ in results],
            "results": sarif_results,
        }],
    }


def render(results: Sequence[Result], errors: Sequence[LintError], *, ruleset: Any = None,
           **_: Any) -> str:
    """The SARIF 2.1.0 log as indented JSON."""
    return json.dumps(report(results, errors, ruleset), ensure_ascii=False, indent=2) + "\n"
