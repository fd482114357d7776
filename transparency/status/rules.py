"""Load, validate and compile status rules; every problem names its file and line.

The bundled ``matrices/statuses.yaml`` comes first; house files (configuration ``status-rules``) add
rules, replace a default rule by using its code, drop default rules (``disable``) or all of them
(``replace: true``). Dimensions are decided in layers: a dimension whose rules test another's
``status`` fact is decided after it (owner after plan); a cycle is an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ..data import matrices_dir
from ..errors import ConfigError, Problem
from ..models import FORMULA_PARTS, MATRIX_DIMENSIONS
from ..rules.compiler import CompileError, compile_condition
from ..rules.ir import IRProgram, IRRule
from ..rules.yamlpos import line_of
from .spec import DimensionSpec, StatusFile, StatusRuleSpec

COLUMNS = MATRIX_DIMENSIONS + FORMULA_PARTS  # every dimension a status rule decides

STATUS_FILE = "statuses.yaml"


class StatusRuleError(ConfigError):
    """A status-rule file that does not validate."""


@dataclass(frozen=True)
class StatusRule:
    """A validated status rule with where it came from."""

    spec: StatusRuleSpec
    path: str
    line: int

    @property
    def code(self) -> str:
        return self.spec.code

    @property
    def dimension(self) -> str:
        return self.spec.dimension

    @property
    def status(self) -> str:
        return self.spec.status


@dataclass
class StatusRules:
    """The status rules in force, their dimensions' settings, and the compiled programs by layer."""

    rules: list[StatusRule]
    dimensions: dict[str, DimensionSpec]
    files: list[str] = field(default_factory=list)
    #: house files applied on top of (or instead of) the bundled rules; empty: the default matrix
    house_files: list[str] = field(default_factory=list)

    @property
    def is_default(self) -> bool:
        return not self.house_files

    @cached_property
    def by_code(self) -> dict[str, StatusRule]:
        return {r.code: r for r in self.rules}

    @cached_property
    def compiled(self) -> dict[str, IRRule]:
        return {r.code: compile_condition(r.code, r.spec.when) for r in self.rules}

    def depends_on(self, dimension: str) -> set[str]:
        """The dimensions whose status the rules of ``dimension`` test."""
        deps: set[str] = set()
        for r in self.rules:
            if r.dimension != dimension:
                continue
            for conj in self.compiled[r.code].conjunctions:
                for p in conj.exists + conj.absent:
                    if p.fact == "status":
                        for t in p.tests:
                            if t.attr == "dimension":
                                deps.update(t.value if isinstance(t.value, tuple) else (t.value,))
        return deps

    @cached_property
    def layers(self) -> list[tuple[tuple[str, ...], IRProgram]]:
        """Dimensions decided by rules, in dependency order, each layer with its compiled program."""
        todo = [c for c in COLUMNS if not self.dimensions.get(c, DimensionSpec()).same_as]
        done: set[str] = set()
        out = []
        while todo:
            ready = tuple(c for c in todo if self.depends_on(c) <= done)
            if not ready:
                raise StatusRuleError([Problem(self.files[0] if self.files else STATUS_FILE, None,
                                               f"status rules depend on each other in a cycle: {', '.join(todo)}")])
            rules = tuple(self.compiled[r.code] for r in self.rules if r.dimension in ready)
            out.append((ready, IRProgram(target="document", marker="document", rules=rules)))
            done.update(ready)
            todo = [c for c in todo if c not in ready]
        return out



def _load_file(path: Path, problems: list[Problem]) -> tuple[StatusFile | None, Any]:
    from ..datafile import load_data_file_with_lines
    from ..rules.loader import _check_condition

    where = str(path)
    try:
        spec, raw = load_data_file_with_lines(path, StatusFile, "the status rules")
    except ConfigError as exc:  # every file's problems are reported together
        problems.extend(exc.problems)
        return None, None
    for i, rule in enumerate(spec.rules):
        raw_rule = raw["rules"][i]
        before = len(problems)
        _check_condition(where, rule.code, raw_rule["when"], raw_rule.key_lines["when"], "document", "when",
                         problems)
        if len(problems) == before:
            try:
                compile_condition(rule.code, rule.when)
            except CompileError as exc:
                problems.append(Problem(where, raw_rule.key_lines["when"], f"{rule.code}: {exc}"))
    return spec, raw


def load_status_rules(paths: Sequence[Path | str] = (), *, include_default: bool = True) -> StatusRules:
    """The bundled status rules (unless ``include_default`` is false) with ``paths`` applied in order."""
    files = ([matrices_dir() / STATUS_FILE] if include_default else []) + [Path(p) for p in paths]
    problems: list[Problem] = []
    rules: list[StatusRule] = []
    dimensions: dict[str, DimensionSpec] = {}
    for n, path in enumerate(files):
        spec, raw = _load_file(path, problems)
        if spec is None:
            continue
        where = str(path)
        if spec.replace:
            rules = []
        for code in spec.disable:
            if not any(r.code == code for r in rules):
                problems.append(Problem(where, line_of(raw, ("disable",)),
                                        f"disable: no status rule {code!r} to disable"))
            rules = [r for r in rules if r.code != code]
        for dim, d in spec.dimensions.items():
            dimensions[dim] = d
        seen_here: dict[str, int] = {}
        for i, rule in enumerate(spec.rules):
            line = raw["rules"].item_lines[i]
            if rule.code in seen_here:
                problems.append(Problem(where, line, f"{rule.code} is defined twice in this file "
                                                     f"(also line {seen_here[rule.code]})"))
                continue
            seen_here[rule.code] = line
            new = StatusRule(rule, where, line)
            at = next((k for k, r in enumerate(rules) if r.code == rule.code), None)
            if at is None:
                clash = next((r for r in rules if r.spec.name == rule.name), None)
                if clash:
                    problems.append(Problem(where, line, f"name {rule.name!r} is already used by "
                                                         f"{clash.code} ({clash.path}:{clash.line})"))
                rules.append(new)
            else:
                rules[at] = new  # a house rule with a default rule's code replaces it
    for column in COLUMNS:
        d = dimensions.get(column)
        if d is None or (d.same_as is None and d.looked_for is None):
            problems.append(Problem(str(files[0]) if files else STATUS_FILE, None,
                                    f"dimension {column}: give `looked_for` (vague, absent) or `same_as`"))
        elif d.same_as and dimensions.get(d.same_as, DimensionSpec()).same_as:
            problems.append(Problem(str(files[0]), None, f"dimension {column}: same_as a dimension that "
                                                         "is itself same_as another"))
    if problems:
        raise StatusRuleError(problems)
    house = [str(Path(p)) for p in paths] if include_default else [str(f) for f in files]
    result = StatusRules(rules, dimensions, [str(f) for f in files], house_files=house)
    result.layers  # noqa: B018 - a dependency cycle is a load error, not a first-document error
    return result


@lru_cache(maxsize=1)
def default_status_rules() -> StatusRules:
    """The bundled ``matrices/statuses.yaml``, loaded once per process."""
    return load_status_rules()
