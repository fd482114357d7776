"""The ``checklist`` area of the gap report: the case's rights checklist, per client.

Kept apart so that the checklist evaluator (``transparency.checklist``) plugs in here alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..case.models import Case
    from .gaps import GapRow


def checklist_available() -> bool:
    """Whether this installation has the checklist evaluator."""
    try:
        import transparency.checklist  # noqa: F401
    except ImportError:
        return False
    return True


def checklist_rows(case: "Case", language: str) -> tuple[list["GapRow"], list[str]]:
    """Rows of the checklist area and notes for the reader (no rows when the case has no checklist)."""
    if case.checklist_path is None:
        return [], []
    if not checklist_available():
        return [], [f"{case.checklist_path.name}: not evaluated (this version has no checklist evaluator)"]
    return [], [f"{case.checklist_path.name}: not evaluated yet"]  # replaced when the evaluator is wired in
