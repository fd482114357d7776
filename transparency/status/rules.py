"""Load, validate and compile status rules; every problem names its file and line.

The bundled ``matrices/statuses.yaml`` comes first; house files (configuration ``status-rules``) add
rules, replace a default rule by using its code, drop default rules (``disable``) or all of them
(``replace: true``). Dimensions are decided in layers: a dimension whose rules test another's
``status`` fact is decided after it (owner after plan); a cycle is an error.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..data import matrices_dir
from ..errors import ConfigError, Problem
from ..measure.agreement import COLUMNS
from ..rules.compiler import CompileError, compile_program, holds
from ..rules.ir import Conjunction, IRProgram, IRRule
from ..rules.yamlpos import line_of, load_with_lines
from .spec import DimensionSpec, StatusFile, StatusRuleSpec

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
    is_default: bool = True

    @cached_property
    def by_code(self) -> dict[str, StatusRule]:
        return {r.code: r for r in self.rules}

    @cached_property
    def compiled(self) -> dict[str, IRRule]:
        out = {}
        for r in self.rules:
            conjunctions: list[Conjunction] = []
            for literals in holds(r.spec.when):
                ctx = tuple(i for k, i in literals if k == "ctx")
                exists = tuple(dict.fromkeys(i for k, i in literals if k == "exists"))
                absent = tuple(dict.fromkeys(i for k, i in literals if k == "absent"))
                conj = Conjunction(ctx, exists, absent)  # type: ignore[arg-type]
                if conj not in conjunctions:
                    conjunctions.append(conj)
            out[r.code] = IRRule(r.code, tuple(conjunctions))
        return out

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

    @cached_property
    def digest(self) -> str:
        payload = repr([(ready, prog.digest) for ready, prog in self.layers])
        payload += repr(sorted((c, d.model_dump_json()) for c, d in self.dimensions.items()))
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _load_file(path: Path, problems: list[Problem]) -> tuple[StatusFile | None, Any]:
    from ..rules.loader import _check_condition

    where = str(path)
    try:
        raw = load_with_lines(path.read_text(encoding="utf-8"))
    except OSError as exc:
        problems.append(Problem(where, None, f"cannot read the status rules: {exc.strerror}"))
        return None, None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(where, mark.line + 1 if mark else None, f"not valid YAML: {exc}"))
        return None, None
    try:
        spec = StatusFile.model_validate(raw)
    except ValidationError as exc:
        for e in exc.errors():
            problems.append(Problem(where, line_of(raw, tuple(e["loc"])),
                                    f"{'.'.join(map(str, e['loc'])) or '(top)'}: "
                                    f"{str(e['msg']).removeprefix('Value error, ')}"))
        return None, raw
    for i, rule in enumerate(spec.rules):
        raw_rule = raw["rules"][i]
        before = len(problems)
        _check_condition(where, rule.code, raw_rule["when"], raw_rule.key_lines["when"], "document", "when",
                         problems)
        if len(problems) == before:
            try:
                holds(rule.when)
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
    result = StatusRules(rules, dimensions, [str(f) for f in files], is_default=include_default and not paths)
    result.layers  # noqa: B018 - a dependency cycle is a load error, not a first-document error
    return result


@lru_cache(maxsize=1)
def default_status_rules() -> StatusRules:
    """The bundled ``matrices/statuses.yaml``, loaded once per process."""
    return load_status_rules()
