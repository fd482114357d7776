"""The transparency matrix as validated data (``matrices/matrix.yaml``): weights and status scores."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..data import matrices_dir
from ..datafile import load_data_file
from ..models import FORMULA_PARTS, MATRIX_DIMENSIONS


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StatusScores(_Strict):
    concrete: float = Field(ge=0, le=1)
    vague: float = Field(ge=0, le=1)
    absent: float = Field(ge=0, le=1)

    @model_validator(mode="after")
    def _ordered(self) -> "StatusScores":
        if not self.absent <= self.vague <= self.concrete:
            raise ValueError("status scores must satisfy absent <= vague <= concrete")
        return self


class Label(_Strict):
    zh: str
    en: str


class DimensionSpec(_Strict):
    label: Label
    weight: float = Field(1.0, gt=0)
    status_scores: StatusScores


class PartSpec(_Strict):
    label: Label
    status_scores: StatusScores


class FindingPenalty(_Strict):
    error: float = Field(ge=0)
    warning: float = Field(ge=0)
    suggestion: float = Field(ge=0)


class MatrixSpec(_Strict):
    """The whole ``matrix.yaml``."""

    dimensions: dict[str, DimensionSpec]
    formula: dict[str, PartSpec]
    finding_penalty: FindingPenalty

    @model_validator(mode="after")
    def _complete(self) -> "MatrixSpec":
        if set(self.dimensions) != set(MATRIX_DIMENSIONS):
            raise ValueError(f"dimensions must be exactly {list(MATRIX_DIMENSIONS)}")
        if set(self.formula) != set(FORMULA_PARTS):
            raise ValueError(f"formula parts must be exactly {list(FORMULA_PARTS)}")
        return self


def load_matrix(path: Path | None = None) -> MatrixSpec:
    """Load and validate a matrix file (the bundled one by default)."""
    return load_data_file(path or matrices_dir() / "matrix.yaml", MatrixSpec, "the matrix")


@cache
def bundled_matrix() -> MatrixSpec:
    """The bundled matrix, loaded once."""
    return load_matrix()


def status_score(name: str, status: str) -> float:
    """The score of ``status`` for a matrix dimension or formula part ``name``."""
    m = bundled_matrix()
    spec = m.dimensions.get(name) or m.formula.get(name)
    if spec is None:
        raise KeyError(f"unknown dimension or formula part {name!r}")
    return float(getattr(spec.status_scores, status))
