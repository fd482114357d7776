"""Suppression comments written in the letter itself, each with a reason a reviewer can read.

Forms (codes are exact rule codes; several are separated by commas)::

    <!-- transparency: disable TM004,TM002 reason="…" -->   from this comment's line …
    <!-- transparency: enable TM004 -->                      … through this comment's line
    <!-- transparency: disable-line TM004 reason="…" -->     findings that start on this line
    <!-- transparency: disable-next-line TM004 reason="…" --> findings on the next non-blank line
    <!-- transparency: disable-file TM004 reason="…" -->      the whole text, wherever it is written

A ``disable`` without ``enable`` lasts to the end of the text. Ranges are whole lines, so a range opened
on the first line also covers findings about the whole document (which sit on the first line). The
reason may be quoted with "…", '…' or “…”. Suppressions are audited rather than trusted:

- TS001 ``suppression-without-reason``: a disable comment with no (or an empty) reason. It still
  suppresses: the author's intent is clear, the missing justification is what gets reported.
- TS002 ``unused-suppression``: a code in a comment that suppressed nothing (stale after an edit), an
  unknown code, an ``enable`` with no open ``disable``, a repeated ``disable``, or a comment that
  cannot be read.

Codes turned off by the configuration are not reported as unused: a letter template may be shared by
teams that configure different rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .models import SEVERITY_RANK, Document, Finding, line_starts

REASONLESS, UNUSED = "TS001", "TS002"

_COMMENT = re.compile(r"<!--\s*transparency\s*:(?P<body>.*?)-->", re.DOTALL | re.IGNORECASE)
_BODY = re.compile(
    r"""^\s*(?P<action>disable-next-line|disable-line|disable-file|disable|enable)\b
        \s*(?P<codes>[A-Za-z]{1,4}[0-9]{1,4}(?:\s*,\s*[A-Za-z]{1,4}[0-9]{1,4})*)?
        \s*(?:reason\s*=\s*(?:"(?P<r1>[^"]*)"|'(?P<r2>[^']*)'|“(?P<r3>[^”]*)”))?
        \s*$""", re.VERBOSE | re.DOTALL)

# Used when the rule set at hand does not carry the suppression rules (rules/suppression.yaml).
_FALLBACK: dict[str, dict[str, str]] = {
    REASONLESS: {"name": "suppression-without-reason", "severity": "warning",
                 "message": "A suppression comment gives no reason.",
                 "fix": 'Add reason="…" saying why the finding does not apply to this letter.'},
    UNUSED: {"name": "unused-suppression", "severity": "warning",
             "message": "A suppression comment suppresses nothing.",
             "fix": "Remove the comment, or correct the code it names."},
}


@dataclass
class Directive:
    """One suppression comment."""

    action: str            # disable | enable | disable-line | disable-next-line | disable-file
    codes: list[str]
    reason: str | None
    start: int             # comment's span in the text
    end: int
    line: int              # 1-based line of the comment
    error: str | None = None
    used: set[str] = field(default_factory=set)


def parse_directives(text: str) -> list[Directive]:
    """Every ``<!-- transparency: … -->`` comment in ``text``, in order (malformed ones with ``error``)."""
    starts = line_starts(text)
    out: list[Directive] = []
    for m in _COMMENT.finditer(text):
        line = _line_of(starts, m.start())
        body = _BODY.match(m.group("body"))
        if body is None:
            out.append(Directive("?", [], None, m.start(), m.end(), line,
                                 error="cannot read this comment; write e.g. "
                                       '<!-- transparency: disable TM004 reason="…" -->'))
            continue
        codes = [c.strip().upper() for c in (body.group("codes") or "").split(",") if c.strip()]
        reason = next((r for r in (body.group("r1"), body.group("r2"), body.group("r3"))
                       if r is not None), None)
        d = Directive(body.group("action"), codes, reason, m.start(), m.end(), line)
        if not codes:
            d.error = f"'{d.action}' needs the rule codes it applies to (there is no blanket form)"
        out.append(d)
    return out


def _line_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid
    return lo + 1


@dataclass
class _Scope:
    directive: Directive
    code: str
    first_line: int
    last_line: int | None  # None: to the end of the text


def _scopes(text: str, directives: list[Directive]) -> tuple[list[_Scope], list[tuple[Directive, str]]]:
    """Line ranges per (directive, code), and the problems found while pairing disable/enable."""
    lines = text.splitlines()
    scopes: list[_Scope] = []
    problems: list[tuple[Directive, str]] = []
    open_ranges: dict[str, _Scope] = {}
    for d in directives:
        if d.error:
            continue
        if d.action == "disable":
            for code in d.codes:
                if code in open_ranges:
                    problems.append((d, f"{code} is already disabled since line "
                                        f"{open_ranges[code].first_line}"))
                    continue
                scope = _Scope(d, code, d.line, None)
                open_ranges[code] = scope
                scopes.append(scope)
        elif d.action == "disable-file":
            # Whole-document findings sit on line 1; a file-wide form lets a template say so anywhere.
            scopes.extend(_Scope(d, code, 1, None) for code in d.codes)
        elif d.action == "enable":
            for code in d.codes:
                scope = open_ranges.pop(code, None)
                if scope is None:
                    problems.append((d, f"'enable {code}' has no 'disable {code}' before it"))
                else:
                    scope.last_line = d.line
        else:
            target = d.line
            if d.action == "disable-next-line":
                target += 1
                while target <= len(lines) and not lines[target - 1].strip():
                    target += 1
            scopes.extend(_Scope(d, code, target, target) for code in d.codes)
    return scopes, problems


def _meta(ruleset: Any, code: str, language: str) -> dict[str, Any]:
    rule = getattr(ruleset, "by_code", {}).get(code) if ruleset is not None else None
    if rule is None:
        return dict(_FALLBACK[code], dimension="suppression", source=None)
    return {"name": rule.name, "severity": rule.severity, "dimension": rule.dimension,
            "message": rule.message_in(language), "fix": rule.fix_in(language),
            "source": getattr(rule, "source", None)}


def apply_suppressions(document: Document, findings: Sequence[Finding], ruleset: Any = None, *,
                       config: Any = None) -> list[Finding]:
    """``findings`` less those suppressed by comments in ``document``, plus TS001/TS002 findings about
    the comments themselves, in reading order (at one place the most severe first, then by code).

    ``ruleset`` supplies the codes that exist and the TS rules' texts; ``config`` (optional) turns TS001 /
    TS002 off or changes their severity, and codes it disables are never reported as unused.
    """
    text = document.text
    if "<!--" not in text:  # the common case costs one substring search
        return sorted(findings, key=_order)
    directives = parse_directives(text)
    if not directives:
        return sorted(findings, key=_order)
    scopes, problems = _scopes(text, directives)

    kept: list[Finding] = []
    for f in findings:
        hit = [s for s in scopes if s.code == f.code and s.first_line <= f.span.line
               and (s.last_line is None or f.span.line <= s.last_line)]
        for s in hit:
            s.directive.used.add(f.code)
        if not hit:
            kept.append(f)

    known = set(getattr(ruleset, "by_code", {}) or {}) if ruleset is not None else None
    enabled = getattr(config, "is_enabled", None)
    reports: list[tuple[str, Directive, str]] = []
    for d in directives:
        if d.error:
            reports.append((UNUSED, d, d.error))
            continue
        if d.action != "enable" and not (d.reason and d.reason.strip()):
            reports.append((REASONLESS, d, f"{d.action} {','.join(d.codes)}"))
    for d, message in problems:
        reports.append((UNUSED, d, message))
    for s in scopes:
        code, d = s.code, s.directive
        if code in d.used:
            continue
        if known is not None and code not in known:
            reports.append((UNUSED, d, f"no rule has the code {code}"))
        elif enabled is not None and not enabled(code):
            continue
        else:
            reports.append((UNUSED, d, f"{code} found nothing to suppress here"))

    for code, d, detail in reports:
        if enabled is not None and not enabled(code):
            continue
        meta = _meta(ruleset, code, document.language)
        severity = meta["severity"]
        if config is not None and hasattr(config, "severity_for"):
            severity = config.severity_for(code, severity)
        kept.append(Finding(code=code, name=meta["name"], severity=severity,
                            message=_with_detail(meta["message"], detail, document.language),
                            dimension=meta["dimension"],
                            span=document.span(d.start, d.end), fix=meta["fix"], source=meta["source"]))
    return sorted(kept, key=_order)


def _with_detail(message: str, detail: str, language: str) -> str:
    # Full-width parentheses after Chinese text, as Chinese typography expects.
    return f"{message}（{detail}）" if language == "zh" else f"{message} ({detail})"


def _order(f: Finding) -> tuple[int, int, int, str]:
    # The pipeline's order (judge.findings.sort_findings): reading order, most severe first.
    return (f.span.start, f.span.end, -SEVERITY_RANK[f.severity], f.code)
