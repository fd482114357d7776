"""Load rule files: validate every rule, report every problem with its file and line, compile to IR.

``load_ruleset()`` reads the bundled catalogue (``rules/*.yaml``) plus any extra files. All problems in
all files are collected and raised together as one :class:`~transparency.errors.RuleFileError`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..data import rules_dir
from ..errors import Problem, RuleFileError
from ..facts import FactKind, kinds_for
from .builtins import BUILTINS
from .compiler import CompileError, compile_program, compile_rule, fails
from .ir import NUMERIC_OPS, OPS, IRProgram
from .schema import LANGUAGES, PRIMITIVES, RuleFileSpec, RuleSpec, primitive_of
from .yamlpos import LineDict, LineList, line_of, load_with_lines

# The kind of the marker fact each target's subjects carry.
MARKERS: dict[str, str] = {"document": "document", "checklist": "client", "case": "client"}
QUALITIES = ("concrete", "vague", "placeholder")


class Rule(RuleSpec):
    """A validated rule with where it came from."""

    path: str
    line: int
    area: str

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages a document rule applies to (those it has examples for)."""
        if self.target != "document":
            return LANGUAGES
        return tuple(lang for lang in LANGUAGES if lang in self.examples)

    @property
    def builtin(self) -> str | None:
        """The builtin check's name, when the rule is checked by code."""
        return getattr(self.check, "builtin", None)

    @cached_property
    def one_per_document(self) -> bool:
        """True when the rule is broken by something missing rather than by a fact that is there
        (its check has no ``forbids``): it then reports once per document, however many facts its
        ``when`` matched."""
        if self.builtin is not None:
            return False
        return not any(kind == "exists" for conj in fails(self.check) for kind, _ in conj)

    def message_in(self, language: str) -> str:
        """The message in ``language`` (or the other language when only one is given)."""
        return _localized(self.message, language) or ""

    def fix_in(self, language: str) -> str | None:
        """The suggested fix in ``language``, if the rule has one."""
        return _localized(self.fix, language)


def _localized(value: str | dict[str, str] | None, language: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return value.get(language) or next(iter(value.values()), None)  # type: ignore[arg-type]


@dataclass
class RuleSet:
    """Validated rules, by code, with their compiled programs per target."""

    rules: list[Rule]
    paths: list[str] = field(default_factory=list)

    @cached_property
    def by_code(self) -> dict[str, Rule]:
        """Rules by code."""
        return {r.code: r for r in self.rules}

    def program(self, target: str) -> IRProgram:
        """The compiled program of one target (document, checklist, case)."""
        return self._programs[target]

    @cached_property
    def _programs(self) -> dict[str, IRProgram]:
        return {t: compile_program(t, m, [(r.code, r.when, r.check) for r in self.rules if r.target == t])
                for t, m in MARKERS.items()}

    def for_target(self, target: str) -> list[Rule]:
        """The rules of one target."""
        return [r for r in self.rules if r.target == target]


def bundled_rule_files() -> list[Path]:
    """The catalogue's rule files, sorted."""
    return sorted(rules_dir().glob("*.yaml"))


def load_ruleset(paths: Sequence[Path | str] | None = None, *, include_bundled: bool = True) -> RuleSet:
    """Load, validate and compile rule files (the bundled catalogue plus ``paths``)."""
    files = (bundled_rule_files() if include_bundled else []) + [Path(p) for p in paths or ()]
    problems: list[Problem] = []
    rules: list[Rule] = []
    for path in files:
        rules.extend(_load_file(path, problems))
    _check_unique(rules, problems)
    if problems:
        raise RuleFileError(problems)
    return RuleSet(rules=rules, paths=[str(p) for p in files])


_DEFAULT: RuleSet | None = None


def default_ruleset() -> RuleSet:
    """The bundled catalogue, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_ruleset()
    return _DEFAULT


def _load_file(path: Path, problems: list[Problem]) -> list[Rule]:
    name = str(path)
    try:
        raw = load_with_lines(path.read_text(encoding="utf-8"))
    except OSError as exc:
        problems.append(Problem(name, None, f"cannot read the rule file: {exc.strerror or exc}"))
        return []
    except UnicodeDecodeError:
        problems.append(Problem(name, None, "the rule file is not UTF-8 text"))
        return []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problems.append(Problem(name, line, f"not valid YAML: {getattr(exc, 'problem', None) or exc}"))
        return []
    if not isinstance(raw, LineDict) or "rules" not in raw:
        problems.append(Problem(name, getattr(raw, "line", 1),
                                "a rule file is a mapping with a `rules:` list (see docs/rule-format.md)"))
        return []
    for key in raw:
        if key not in RuleFileSpec.model_fields:
            problems.append(Problem(name, raw.key_lines[key],
                                    f"unknown key {key!r} at the top of the file (expected area, rules)"))
    items = raw["rules"]
    if not isinstance(items, LineList) or not items:
        problems.append(Problem(name, raw.key_lines["rules"], "`rules` must be a non-empty list"))
        return []
    area = raw.get("area") if isinstance(raw.get("area"), str) else path.stem
    out: list[Rule] = []
    for index, item in enumerate(items):
        rule = _load_rule(name, item, items.item_lines[index], area, problems)
        if rule is not None:
            out.append(rule)
    return out


def _load_rule(path: str, raw: Any, line: int, area: str, problems: list[Problem]) -> Rule | None:
    if not isinstance(raw, LineDict):
        problems.append(Problem(path, line, "each rule must be a mapping"))
        return None
    label = f"rule {raw.get('code', '?')}"
    before = len(problems)
    target = raw.get("target", "document")
    for key in ("when", "check"):
        if key in raw:
            _check_condition(path, label, raw[key], raw.key_lines[key], target, key, problems)
    if len(problems) > before:
        # Structural errors in conditions are reported; pydantic's messages for a union would only
        # repeat them, so validate the other fields with a neutral check in their place.
        rest = LineDict({k: v for k, v in raw.items() if k != "when"})
        rest.line, rest.key_lines = raw.line, raw.key_lines
        rest["check"] = {"builtin": "-"}
        _validate_spec(path, label, rest, line, problems)
        return None
    spec = _validate_spec(path, label, raw, line, problems)
    if spec is None:
        return None
    rule = Rule(**spec.model_dump(exclude={"when", "check"}), when=spec.when, check=spec.check,
                path=path, line=line, area=area)
    try:
        compile_rule(rule.code, rule.when, rule.check) if rule.builtin is None else None
    except CompileError as exc:
        problems.append(Problem(path, line, f"{label}: {exc}"))
        return None
    return rule


def _validate_spec(path: str, label: str, raw: LineDict, line: int, problems: list[Problem]) -> RuleSpec | None:
    try:
        return RuleSpec.model_validate(raw)
    except ValidationError as exc:
        seen: set[tuple[Any, ...]] = set()
        for err in exc.errors():
            loc = tuple(err["loc"])
            if loc[:1] in seen:
                continue
            seen.add(loc[:1])
            problems.append(Problem(path, line_of(raw, loc) or line,
                                    f"{label}: {_where(loc)}{_message(err)}"))
        return None


def _where(loc: tuple[Any, ...]) -> str:
    return "" if not loc else ".".join(str(p) for p in loc) + ": "


def _message(err: dict[str, Any]) -> str:
    if err["type"] == "extra_forbidden":
        return "unknown key (see docs/rule-format.md for the keys a rule may have)"
    if err["type"] == "missing":
        return "required key is missing"
    return str(err["msg"]).removeprefix("Value error, ")


def _check_condition(path: str, label: str, raw: Any, line: int, target: str, where: str,
                     problems: list[Problem], top: bool = True) -> None:
    """Structural and catalogue checks of one raw condition tree, each problem with its line."""
    line = getattr(raw, "line", line)
    prim = primitive_of(raw)
    if prim is None:
        problems.append(Problem(path, line, f"{label}: a condition is a mapping with exactly one of "
                                            f"{', '.join(PRIMITIVES)}"))
        return
    if prim not in PRIMITIVES:
        problems.append(Problem(path, line, f"{label}: unknown primitive {prim!r}; expected one of "
                                            f"{', '.join(PRIMITIVES)}"))
        return
    value = raw[prim]
    kinds = kinds_for(target) if target in MARKERS else {}
    if prim in ("requires", "forbids"):
        check_pattern(path, label, value, raw.key_lines[prim], kinds, problems)
    elif prim in ("all_of", "any_of", "none_of"):
        if not isinstance(value, LineList) or not value:
            problems.append(Problem(path, raw.key_lines[prim], f"{label}: {prim} takes a non-empty list"))
            return
        for i, sub in enumerate(value):
            _check_condition(path, label, sub, value.item_lines[i], target, where, problems, top=False)
    elif prim == "context":
        marker = kinds.get(MARKERS.get(target, ""))
        if not isinstance(value, LineDict) or not value:
            problems.append(Problem(path, raw.key_lines[prim], f"{label}: context takes a non-empty mapping"))
            return
        if marker is None:
            problems.append(Problem(path, line, f"{label}: target {target!r} has no context facts"))
            return
        for key, spec in value.items():
            _check_attr(path, label, marker, key, spec, value.key_lines[key], problems, context=True)
    elif prim == "builtin":
        if not (top and where == "check"):
            problems.append(Problem(path, line, f"{label}: a builtin can only be the whole `check`"))
        elif value not in BUILTINS:
            problems.append(Problem(path, raw.key_lines[prim], f"{label}: unknown builtin {value!r}; "
                                                               f"known: {', '.join(sorted(BUILTINS))}"))
        elif BUILTINS[value][0] != target:
            problems.append(Problem(path, raw.key_lines[prim],
                                    f"{label}: builtin {value!r} is for target {BUILTINS[value][0]!r}"))


def check_pattern(path: str, label: str, raw: Any, line: int, kinds: dict[str, FactKind],
                   problems: list[Problem]) -> None:
    line = getattr(raw, "line", line)
    if not isinstance(raw, LineDict) or "fact" not in raw:
        problems.append(Problem(path, line, f"{label}: a pattern is a mapping with `fact: KIND` "
                                            "and attribute tests"))
        return
    kind = kinds.get(raw["fact"]) if isinstance(raw["fact"], str) else None
    if kind is None:
        problems.append(Problem(path, raw.key_lines["fact"],
                                f"{label}: unknown fact kind {raw['fact']!r}; known: {', '.join(sorted(kinds))}"))
        return
    for key, spec in raw.items():
        if key != "fact":
            _check_attr(path, label, kind, key, spec, raw.key_lines[key], problems)


def _check_attr(path: str, label: str, kind: FactKind, attr: str, spec: Any, line: int,
                problems: list[Problem], context: bool = False) -> None:
    attrs = kind.attributes()
    what = "context key" if context else f"attribute of {kind.name!r}"
    if attr not in attrs:
        problems.append(Problem(path, line, f"{label}: unknown {what} {attr!r}; known: {', '.join(sorted(attrs))}"))
        return
    typ = attrs[attr]
    if isinstance(spec, LineDict):
        if len(spec) != 1 or next(iter(spec)) not in OPS:
            problems.append(Problem(path, line, f"{label}: {attr}: a comparison is one of "
                                                f"{{{', '.join(OPS)}: value}}"))
            return
        (op, value), = spec.items()
        if op in NUMERIC_OPS and typ != "num":
            problems.append(Problem(path, line, f"{label}: {attr}: {op} compares numbers, but {attr} is {typ}"))
            return
        values = value if op in ("in", "not_in") else [value]
        if op in ("in", "not_in") and (not isinstance(value, list) or not value):
            problems.append(Problem(path, line, f"{label}: {attr}: {op} takes a non-empty list"))
            return
    elif isinstance(spec, list):
        if not spec:
            problems.append(Problem(path, line, f"{label}: {attr}: an empty list matches nothing"))
            return
        values = spec
    else:
        values = [spec]
    for v in values:
        problem = _type_problem(typ, v)
        if problem:
            problems.append(Problem(path, line, f"{label}: {attr}: {problem}"))
            return
        if attr == "subkind" and kind.subkinds and v not in kind.subkinds:
            problems.append(Problem(path, line, f"{label}: unknown subkind {v!r} of {kind.name!r}; "
                                                f"known: {', '.join(kind.subkinds)}"))
        if attr == "quality" and v not in QUALITIES:
            problems.append(Problem(path, line, f"{label}: quality is one of {', '.join(QUALITIES)}"))


def _type_problem(typ: str, value: Any) -> str | None:
    if isinstance(value, (dict, list)) or value is None:
        return "expected a plain value"
    if typ == "num" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return f"expected a number, got {value!r}"
    if typ == "bool" and not isinstance(value, bool):
        return f"expected true or false, got {value!r}"
    if typ == "str" and not isinstance(value, str):
        return f"expected text, got {value!r}"
    return None


def _check_unique(rules: list[Rule], problems: list[Problem]) -> None:
    codes: dict[str, Rule] = {}
    names: dict[str, Rule] = {}
    for rule in rules:
        for table, key, what in ((codes, rule.code, "code"), (names, rule.name, "name")):
            first = table.get(key)
            if first is not None:
                problems.append(Problem(rule.path, rule.line, f"duplicate rule {what} {key!r}: "
                                                              f"already used at {first.path}:{first.line}"))
            else:
                table[key] = rule
