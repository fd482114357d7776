"""Where the bundled data lives: `rules/` and `matrices/` at the repository's top level in a source
checkout (and an editable install), `transparency/_data/` inside an installed wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The folder of bundled data called ``name`` (``rules`` or ``matrices``)."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"bundled data folder {name!r} not found beside the transparency package; "
        "reinstall the package (pip install .)")


def rules_dir() -> Path:
    """The bundled rule catalogue."""
    return data_dir("rules")


def matrices_dir() -> Path:
    """The bundled matrices (transparency matrix, tiers, follow-up plan, repealed law)."""
    return data_dir("matrices")
