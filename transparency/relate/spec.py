"""``matrices/relations.yaml``: the relations between pieces of evidence, declared as data.

A *class* is a named list of fact patterns (the same pattern syntax as rule files); an item of
evidence is a member when it matches any of them. A *relation* sets a boolean attribute on every
member of its ``of`` class: true when some member of its ``to`` class (not the item itself) lies within
``scope`` of it. ``reverse`` names an attribute set on the ``to`` members that some ``of`` member is
related to. ``defaults`` gives boolean attributes that extraction leaves out when false. Relations are
computed in file order, so a class may test an attribute that an earlier relation set.

Everything is validated at load time against the fact catalogue; every problem names file and line.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..data import matrices_dir
from ..errors import ConfigError, Problem
from ..facts import FactKind, base_kinds_for
from .layout import SCOPES
from .properties import PROPERTIES

RELATIONS_FILE = "relations.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RelationSpec(_Strict):
    name: str = Field(description="the boolean attribute set on the members of `of`")
    of: str
    to: str
    scope: str
    reverse: str | None = None
    doc: str = Field(min_length=1, description="why the relation matters")


class RelationsFile(_Strict):
    defaults: dict[str, dict[str, bool]] = Field(default_factory=dict)
    classes: dict[str, list[dict[str, Any]]]
    relations: list[RelationSpec]


class Relations:
    """The validated relations: classes as compiled patterns, relations in order, attributes by kind."""

    def __init__(self, spec: RelationsFile, classes: dict[str, tuple], attrs: dict[str, set[str]]) -> None:
        self.defaults = spec.defaults
        self.classes = classes          # name -> tuple of IR patterns
        self.relations = spec.relations
        self.attrs = attrs              # fact kind -> relation and property attributes it may carry

    def class_kinds(self, name: str) -> set[str]:
        return {p.fact for p in self.classes[name]}


def load_relations(path: Path) -> Relations:
    """Load and validate a relations file; raise :class:`ConfigError` with every problem."""
    from ..datafile import load_data_file_with_lines
    from ..rules.compiler import compile_pattern
    from ..rules.loader import check_pattern
    from ..rules.schema import Pattern

    spec, raw = load_data_file_with_lines(path, RelationsFile, "the relations")
    problems: list[Problem] = []
    kinds = dict(base_kinds_for("document"))
    attrs: dict[str, set[str]] = {}

    def add_attr(kind: str, attr: str) -> None:
        k = kinds[kind]
        kinds[kind] = FactKind(k.name, k.target, k.doc, {**k.attrs, attr: "bool"}, k.subkinds, k.evidence)
        attrs.setdefault(kind, set()).add(attr)

    for name, (on_kinds, _) in PROPERTIES.items():
        for kind in on_kinds:
            add_attr(kind, name)
    for kind, values in spec.defaults.items():
        line = raw["defaults"].key_lines[kind]
        if kind not in kinds:
            problems.append(Problem(str(path), line, f"defaults: unknown fact kind {kind!r}"))
            continue
        for attr in values:
            if kinds[kind].attributes().get(attr) != "bool":
                problems.append(Problem(str(path), line, f"defaults: {kind}.{attr} is not a boolean attribute"))

    classes: dict[str, tuple] = {}
    class_lines = raw["classes"].key_lines

    def compile_class(name: str) -> None:
        patterns = []
        raw_list = raw["classes"][name]
        for j, pat in enumerate(raw_list):
            line = raw_list.item_lines[j]
            before = len(problems)
            check_pattern(str(path), f"class {name}", pat, line, kinds, problems)
            if len(problems) == before:
                patterns.append(compile_pattern(Pattern.model_validate(dict(pat))))
        if not raw_list:
            problems.append(Problem(str(path), class_lines[name], f"class {name}: no patterns"))
        classes[name] = tuple(patterns)

    # Classes are compiled when first used, so that they may test attributes of earlier relations.
    for i, rel in enumerate(spec.relations):
        line = raw["relations"].item_lines[i]
        for end in (rel.of, rel.to):
            if end not in spec.classes:
                problems.append(Problem(str(path), line, f"relation {rel.name}: unknown class {end!r}; "
                                                         f"known: {', '.join(sorted(spec.classes))}"))
            elif end not in classes:
                compile_class(end)
        if rel.scope not in SCOPES:
            problems.append(Problem(str(path), line, f"relation {rel.name}: unknown scope {rel.scope!r}; "
                                                     f"expected one of {', '.join(SCOPES)}"))
        if rel.of in classes and rel.to in classes:
            for kind in {p.fact for p in classes[rel.of]}:
                if rel.name in kinds[kind].attributes():
                    problems.append(Problem(str(path), line, f"relation {rel.name}: {kind} already has "
                                                             f"an attribute {rel.name!r}"))
                else:
                    add_attr(kind, rel.name)
            if rel.reverse:
                for kind in {p.fact for p in classes[rel.to]}:
                    if rel.reverse not in kinds[kind].attributes():
                        add_attr(kind, rel.reverse)
    for name in spec.classes:
        if name not in classes:
            problems.append(Problem(str(path), class_lines[name], f"class {name} is used by no relation"))
    if problems:
        raise ConfigError(problems)
    return Relations(spec, classes, attrs)


@lru_cache(maxsize=1)
def default_relations() -> Relations:
    """The bundled ``matrices/relations.yaml``, loaded once per process."""
    return load_relations(matrices_dir() / RELATIONS_FILE)
