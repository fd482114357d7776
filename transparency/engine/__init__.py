"""Rule-engine backends behind one interface: which rule codes fired on which facts.

``get_backend(program)`` picks the backend: the argument, else the environment variable
``TRANSPARENCY_ENGINE``, else ``durable``. Where durable_rules cannot be imported the python backend
is used after one warning per process, unless durable was asked for explicitly (then it is an error).
Backends are cached per (program digest, name), so a durable ruleset is created once per process.
"""

from __future__ import annotations

import importlib
import os
import threading
import warnings

from ..errors import TransparencyError
from ..rules.ir import IRProgram
from .base import Backend, EngineError, Fact

__all__ = ["Backend", "EngineError", "EngineUnavailableError", "EngineFallbackWarning", "Fact", "available_backends",
           "get_backend", "BACKENDS", "DEFAULT_BACKEND", "ENV_VAR"]

BACKENDS: tuple[str, ...] = ("durable", "python")
DEFAULT_BACKEND = "durable"
ENV_VAR = "TRANSPARENCY_ENGINE"

_CACHE: dict[tuple[str, str], Backend] = {}
_LOCK = threading.Lock()
_warned = False


class EngineUnavailableError(TransparencyError):
    """The backend asked for explicitly cannot be loaded."""


class EngineFallbackWarning(RuntimeWarning):
    """durable_rules is missing, so the pure-Python backend evaluates the rules instead."""


def _durable_importable() -> ImportError | None:
    try:
        importlib.import_module("durable_rules_engine")
    except ImportError as exc:
        return exc
    return None


def available_backends() -> list[str]:
    """The names of the backends that can run in this process (``python`` always can)."""
    return [n for n in BACKENDS if n != "durable" or _durable_importable() is None]


def _chosen_name(name: str | None) -> tuple[str, bool]:
    """The backend name to use and whether the user chose it explicitly."""
    if name is not None:
        source, explicit = "the engine argument", True
    elif os.environ.get(ENV_VAR, "").strip():
        name, source, explicit = os.environ[ENV_VAR].strip(), f"${ENV_VAR}", True
    else:
        name, source, explicit = DEFAULT_BACKEND, "default", False
    if name not in BACKENDS:
        raise EngineError(f"unknown rule engine {name!r} (from {source}); valid engines: {', '.join(BACKENDS)}")
    return name, explicit


def get_backend(program: IRProgram, name: str | None = None) -> Backend:
    """The backend that evaluates ``program``: ``name`` (``durable`` or ``python``), else
    ``$TRANSPARENCY_ENGINE``, else ``durable``, falling back to ``python`` with one warning per
    process when durable_rules is not importable and was not asked for explicitly."""
    global _warned
    chosen, explicit = _chosen_name(name)
    if chosen == "durable":
        problem = _durable_importable()
        if problem is not None:
            if explicit:
                raise EngineUnavailableError(
                    f"the durable engine was requested but durable_rules cannot be imported ({problem}); "
                    "install durable-rules==2.0.28 (needs a C compiler; Python 3.11 or 3.12) or choose "
                    f"the python engine ({ENV_VAR}=python)")
            if not _warned:
                _warned = True
                warnings.warn(f"durable_rules cannot be imported ({problem}); evaluating rules with the "
                              f"pure-Python engine instead (set {ENV_VAR}=python to silence this)",
                              EngineFallbackWarning, stacklevel=2)
            chosen = "python"
    key = (program.digest, chosen)
    with _LOCK:
        backend = _CACHE.get(key)
        if backend is None:
            backend = _CACHE[key] = _build(program, chosen)
        return backend


def _build(program: IRProgram, name: str) -> Backend:
    if name == "durable":
        from .durable import DurableBackend

        return DurableBackend(program)
    from .python import PythonBackend

    return PythonBackend(program)
