"""Rule-engine backends behind one interface: which rule codes fired on which facts.

(Interim: the python reference backend only; the durable backend and selection land next.)
"""

from __future__ import annotations

from ..rules.ir import IRProgram
from .base import Backend
from .python import PythonBackend


def get_backend(program: IRProgram, name: str | None = None) -> Backend:
    """A backend for ``program``."""
    if name not in (None, "python"):
        raise ValueError(f"unknown engine backend {name!r}; available: python")
    return PythonBackend(program)
