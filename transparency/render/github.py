"""GitHub Actions workflow commands: one annotation per finding on the pull request's diff.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message``; warnings and suggestions
become ``::warning`` and ``::notice``. Workflow-command escaping: ``%``, CR and LF in the message;
additionally ``:`` and ``,`` in property values. For .docx and .html files the positions refer to the
extracted text, so the annotation is attached to the file as a whole and the position is in the message.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import LintError, Result, offsets_in_file, sorted_findings

_COMMAND = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(text: str) -> str:
    """Escape a message (the part after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=``, ``title=``…)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: Sequence[Result], errors: Sequence[LintError], **_: Any) -> str:
    """One workflow command per finding and per input error."""
    lines: list[str] = []
    for path, ev in results:
        for f in sorted_findings(ev):
            s = f.span
            props = [f"file={escape_property(path)}"]
            message = f.message
            if f.scope == "document":
                pass  # about the whole file: an annotation on the file, no line
            elif offsets_in_file(path):
                props += [f"line={s.line}", f"col={s.column}", f"endLine={s.end_line}",
                          f"endColumn={s.end_column}"]
            else:
                message += f" (line {s.line}, column {s.column} of the text extracted from the file)"
            props.append(f"title={escape_property(f.code)}")
            if f.fix:
                message += f"\nhelp: {f.fix}"
            lines.append(f"::{_COMMAND[f.severity]} {','.join(props)}::{escape_data(message)}")
    for e in errors:
        lines.append(f"::error file={escape_property(e.path)},title=input error::{escape_data(e.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
