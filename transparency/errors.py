"""Errors a user can act on: each names the file (and line, row or column) and says what to do."""

from __future__ import annotations


class TransparencyError(Exception):
    """Base class of every error this library raises on purpose."""


class Problem:
    """One problem at a place in a file: ``path:line: message``."""

    __slots__ = ("path", "line", "message")

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def __repr__(self) -> str:
        return f"Problem({self.path!r}, {self.line!r}, {self.message!r})"


class ProblemsError(TransparencyError):
    """Several problems found at once (a rule file or configuration that does not validate)."""

    def __init__(self, problems: list[Problem], what: str = "invalid input") -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{what}: {len(problems)} problem(s)\n{lines}")


class RuleFileError(ProblemsError):
    """A rule file that does not validate."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems, "invalid rule file")


class ConfigError(ProblemsError):
    """A configuration file that does not validate."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems, "invalid configuration")


class InputError(TransparencyError):
    """An input file that cannot be read (missing, binary, undecodable, too large)."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}")
