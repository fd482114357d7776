"""transparency: lint and score how transparent a company's closure communication to its clients is.

The public API is re-exported here; heavy modules are imported only when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from .models import (  # noqa: E402
    ClientRef, DimensionResult, Document, Evaluation, Evidence, Finding, Formula, Span,
)

if TYPE_CHECKING:  # pragma: no cover
    from .api import evaluate, load_document
    from .checklist.client import evaluate_client
    from .rules.loader import load_ruleset

_LAZY = {
    "evaluate": "transparency.api",
    "load_document": "transparency.api",
    "load_ruleset": "transparency.rules.loader",
    "evaluate_client": "transparency.checklist.client",
}

__all__ = [
    "ClientRef", "DimensionResult", "Document", "Evaluation", "Evidence", "Finding", "Formula", "Span",
    "__version__", *_LAZY,
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'transparency' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
