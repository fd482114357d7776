"""transparency: lint and score how transparent a company's closure communication to its clients is.

The public API is re-exported here; heavy modules are imported only when used.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .models import (  # noqa: E402
    ClientRef, DimensionResult, Document, Evaluation, Evidence, Finding, Formula, Span,
)

__all__ = [
    "ClientRef", "DimensionResult", "Document", "Evaluation", "Evidence", "Finding", "Formula", "Span",
    "__version__",
]
