"""Human-readable output, in the style of ruff: a header per finding, the source line with carets under
the span, the fix on a ``help:`` line, and a summary.

Carets line up under Chinese text because each character is measured in terminal columns: East Asian
Wide and Fullwidth characters take two, combining marks none, a tab four (tabs are shown as spaces).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ..models import Finding, line_starts
from . import LintError, Result, code_counts, severity_counts, sorted_findings

TAB_WIDTH = 4
#: Longest source excerpt shown, in columns; longer lines are cut around the span with "…".
MAX_EXCERPT_WIDTH = 100

_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "suggestion": "\x1b[1;36m",
            "bold": "\x1b[1m", "dim": "\x1b[2m", "help": "\x1b[1;32m"}
_RESET = "\x1b[0m"


def char_width(ch: str) -> int:
    """Terminal columns taken by ``ch``."""
    if ch == "\t":
        return TAB_WIDTH
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Terminal columns taken by ``text``."""
    return sum(char_width(ch) for ch in text)


def _shown(text: str) -> str:
    return text.replace("\t", " " * TAB_WIDTH)


def excerpt(line: str, start: int, end: int, max_width: int = MAX_EXCERPT_WIDTH) -> tuple[str, str]:
    """The line as shown and the caret line under ``line[start:end]`` (character indices in the line;
    ``end`` is clipped to the line). A zero-width span gets one caret. A line wider than ``max_width``
    is cut to a window around the span, marked with "…"."""
    end = max(start, min(end, len(line)))
    lo, hi = 0, len(line)
    if text_width(line) > max_width:
        # Keep some context before the span, then as much as fits after it.
        lo = start
        budget = max_width // 4
        while lo > 0 and budget - char_width(line[lo - 1]) >= 0:
            budget -= char_width(line[lo - 1])
            lo -= 1
        width = text_width(line[lo:start])
        hi = start
        while hi < len(line) and width + char_width(line[hi]) <= max_width - 2:
            width += char_width(line[hi])
            hi += 1
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(line) else ""
    shown = head + _shown(line[lo:hi]) + tail
    pad = text_width(head) + text_width(line[lo:start])
    carets = max(1, text_width(line[start:min(end, hi)]))
    return shown, " " * pad + "^" * carets


class _Paint:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, style: str, text: str) -> str:
        return f"{_COLOURS[style]}{text}{_RESET}" if self.enabled else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def render_finding(path: str, text: str, starts: list[int], finding: Finding,
                   paint: _Paint | None = None) -> str:
    """One finding: header, source excerpt with carets, and ``help:`` line when there is a fix."""
    paint = paint or _Paint(False)
    span = finding.span
    where = f"{path}:" if finding.scope == "document" else f"{path}:{span.line}:{span.column}:"
    header = (f"{paint('bold', where)} "
              f"{paint(finding.severity, finding.code)} [{finding.severity}] {finding.message}")
    lines = [header]
    line_no = span.line
    if finding.scope != "document" and line_no - 1 < len(starts):
        lo = starts[line_no - 1]
        hi = starts[line_no] if line_no < len(starts) else len(text)
        line = text[lo:hi].rstrip("\r\n")
        if line.strip() or span.end > span.start:
            shown, carets = excerpt(line, span.start - lo, span.end - lo)
            gutter = " " * len(str(line_no))
            lines.append(f"{gutter} {paint('dim', '|')}")
            lines.append(f"{paint('dim', f'{line_no} |')} {shown}")
            lines.append(f"{gutter} {paint('dim', '|')} {paint(finding.severity, carets)}")
    if finding.fix:
        lines.append(f"{paint('help', 'help:')} {finding.fix}")
    return "\n".join(lines)


def render(results: Sequence[Result], errors: Sequence[LintError], *, color: bool = False,
           statistics: bool = False, **_: object) -> str:
    """The text report: every finding (or, with ``statistics``, counts per code), the errors, and a
    summary line. ``color`` adds ANSI colours (the caller decides: a terminal and no NO_COLOR)."""
    paint = _Paint(color)
    blocks: list[str] = []
    if statistics:
        rows = code_counts(results)
        width = max((len(str(n)) for *_, n in rows), default=1)
        blocks.extend(f"{n:>{width}}  {paint(sev, code)}  [{sev}]  {name}" for code, name, sev, n in rows)
    else:
        for path, evaluation in results:
            text = evaluation.document.text
            starts = line_starts(text)
            for finding in sorted_findings(evaluation):
                blocks.append(render_finding(path, text, starts, finding, paint) + "\n")
    for err in errors:
        blocks.append(f"{paint('bold', err.path + ':')} {paint('error', 'error:')} {err.message}")
    house = sorted({f for _, ev in results for f in ev.explanation.status_rules})
    if house:
        blocks.append("Status rules: house policy " + ", ".join(house) + " (not the default matrix).")
    blocks.append(summary(results, errors))
    return "\n".join(blocks) + "\n"


def summary(results: Sequence[Result], errors: Sequence[LintError]) -> str:
    """One line: findings by severity, files checked, files that could not be read."""
    counts = severity_counts(results)
    total = sum(counts.values())
    with_findings = sum(1 for _, ev in results if ev.findings)
    checked = _plural(len(results), "file")
    if total:
        parts = ", ".join(_plural(counts.get(s, 0), s) for s in ("error", "warning", "suggestion"))
        line = (f"Found {_plural(total, 'problem')} ({parts}) in {with_findings} of {checked} "
                "checked.")
    else:
        line = f"No problems found in {checked} checked."
    if errors:
        line += f" {_plural(len(errors), 'input')} could not be checked (see the errors above)."
    return line
