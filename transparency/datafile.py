"""Validated YAML data files (matrices, tiers, channels, vocabularies): one loader for all of them.

Every problem names the file and, where the YAML gives it, the line of the offending key, so that a
user editing ``matrices/*.yaml`` is pointed at the exact place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import ConfigError, Problem
from .rules.yamlpos import line_of, load_with_lines

M = TypeVar("M", bound=BaseModel)


def load_data_file(path: Path, model: type[M], what: str) -> M:
    """Parse ``path`` (safe YAML) and validate it as ``model``; raise :class:`ConfigError` naming the
    file, line and key of every problem. ``what`` names the file's role in messages ("the tiers")."""
    return load_data_file_with_lines(path, model, what)[0]


def load_data_file_with_lines(path: Path, model: type[M], what: str) -> tuple[M, Any]:
    """As :func:`load_data_file`, and the parsed tree with its line numbers, for checks that pydantic
    cannot make (rule conditions against the fact catalogue) and still name the line."""
    try:
        raw = load_with_lines(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([Problem(str(path), None, f"cannot read {what}: {exc}")]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError([Problem(str(path), mark.line + 1 if mark else None,
                                   f"{what} is not valid YAML: {getattr(exc, 'problem', None) or exc}")]) from exc
    try:
        return model.model_validate(raw), raw
    except ValidationError as exc:
        raise ConfigError([
            Problem(str(path), line_of(raw, tuple(e["loc"])),
                    f"{'.'.join(map(str, e['loc'])) or '(top)'}: {str(e['msg']).removeprefix('Value error, ')}")
            for e in exc.errors()]) from exc
