"""HTML for Jupyter: the letter with evidence and findings highlighted, the matrix as a small table."""

from __future__ import annotations

from html import escape

from ..models import SEVERITY_RANK, Evaluation

STATUS_COLOURS = {"concrete": "#c8e6c9", "vague": "#fff3c4", "absent": "#ffcdd2"}
SEVERITY_COLOURS = {"error": "#d32f2f", "warning": "#f9a825", "suggestion": "#1976d2"}


def _highlighted_text(evaluation: Evaluation) -> str:
    text = evaluation.document.text
    bounds = {0, len(text)}
    for f in evaluation.findings:
        bounds.update((f.span.start, f.span.end))
    for e in evaluation.evidence:
        bounds.update((e.span.start, e.span.end))
    cuts = sorted(b for b in bounds if 0 <= b <= len(text))
    out = []
    for start, end in zip(cuts, cuts[1:]):
        piece = escape(text[start:end])
        findings = [f for f in evaluation.findings if f.span.start <= start and end <= f.span.end
                    and f.span.end > f.span.start]
        evidence = [e for e in evaluation.evidence if e.span.start <= start and end <= e.span.end]
        style, titles = [], []
        if evidence:
            style.append("background:#e8f0fe")
            titles += [f"{e.kind}/{e.subkind} ({e.quality})" for e in evidence]
        if findings:
            worst = max(findings, key=lambda f: SEVERITY_RANK[f.severity])
            style.append(f"border-bottom:2px solid {SEVERITY_COLOURS[worst.severity]}")
            titles += [f"{f.code} {f.message}" for f in findings]
        if style:
            piece = f'<span style="{";".join(style)}" title="{escape(" | ".join(titles))}">{piece}</span>'
        out.append(piece)
    return "".join(out)


def evaluation_html(evaluation: Evaluation) -> str:
    """A self-contained HTML fragment for one evaluation."""
    rows = []
    parts = list(evaluation.matrix.items())
    if evaluation.formula is not None:
        parts += [(p, getattr(evaluation.formula, p)) for p in ("cause", "plan", "owner")]
    for name, result in parts:
        rows.append(f'<tr><td>{escape(name)}</td><td style="background:{STATUS_COLOURS[result.status]}">'
                    f"{result.status}</td><td>{result.score:.2f}</td>"
                    f"<td>{escape(result.looked_for or '')}</td></tr>")
    findings = "".join(
        f'<li><b style="color:{SEVERITY_COLOURS[f.severity]}">{f.code}</b> '
        f"[{f.severity}] {f.span.line}:{f.span.column} {escape(f.message)}"
        f"{'<br><i>fix: ' + escape(f.fix) + '</i>' if f.fix else ''}</li>"
        for f in evaluation.findings)
    complete = evaluation.formula.complete if evaluation.formula else False
    name = escape(evaluation.document.path or "document")
    return (
        f'<div style="font-family:sans-serif"><h4>{name}: score {evaluation.score:.1f} / 100, '
        f"formula {'complete' if complete else 'incomplete'}</h4>"
        '<table style="border-collapse:collapse"><tr><th>dimension</th><th>status</th><th>score</th>'
        f"<th>looked for</th></tr>{''.join(rows)}</table>"
        f'<pre style="white-space:pre-wrap;line-height:1.7">{_highlighted_text(evaluation)}</pre>'
        f"<ol>{findings}</ol></div>")
