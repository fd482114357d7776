"""Renderers: one module per output format, each a function ``render(results, errors, **options)``.

``results`` is a list of ``(path, Evaluation)`` in the order the files were linted; ``errors`` lists the
inputs that could not be read or configured, as :class:`LintError`. A renderer returns the whole output
as one string and never prints, so the command line decides where it goes.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..models import SEVERITY_RANK, Evaluation, Finding

Result = tuple[str, Evaluation]

#: format name -> module under transparency.render (imported only when used)
FORMATS: dict[str, str] = {"text": "text", "json": "json", "sarif": "sarif", "github": "github"}

#: Suffixes whose character offsets are offsets into the file itself; for .docx and .html they are
#: offsets into the extracted text, so line/column regions would point at the wrong place in the file.
_OFFSETS_IN_FILE = (".txt", ".md", ".markdown", ".text")


@dataclass(frozen=True)
class LintError:
    """An input (file or configuration) that could not be used, and why."""

    path: str
    message: str

    @classmethod
    def from_exception(cls, path: str, exc: BaseException) -> "LintError":
        """The error for ``exc``, with the ``path: `` prefix of the exception's text removed."""
        text = str(exc)
        prefix = f"{path}: "
        return cls(path, text[len(prefix):] if text.startswith(prefix) else text)


def renderer(fmt: str) -> Callable[..., str]:
    """The ``render`` function of format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return importlib.import_module(f"{__name__}.{FORMATS[fmt]}").render


def sorted_findings(evaluation: Evaluation) -> list[Finding]:
    """The findings of one document in reading order (then by code), the order every format uses."""
    return sorted(evaluation.findings, key=lambda f: (f.span.start, f.span.end, f.code))


def severity_counts(results: Sequence[Result]) -> Counter[str]:
    """How many findings of each severity."""
    return Counter(f.severity for _, ev in results for f in ev.findings)


def code_counts(results: Sequence[Result]) -> list[tuple[str, str, str, int]]:
    """``(code, name, severity, count)`` per code, most frequent first (then by code)."""
    counts: Counter[str] = Counter()
    meta: dict[str, tuple[str, str]] = {}
    for _, ev in results:
        for f in ev.findings:
            counts[f.code] += 1
            old = meta.get(f.code)
            if old is None or SEVERITY_RANK[f.severity] > SEVERITY_RANK[old[1]]:
                meta[f.code] = (f.name, f.severity)
    return [(code, meta[code][0], meta[code][1], n)
            for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def offsets_in_file(path: str) -> bool:
    """Whether line/column positions of ``path``'s findings are positions in the file itself."""
    return path == "-" or path.lower().endswith(_OFFSETS_IN_FILE)
