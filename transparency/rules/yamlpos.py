"""Safe YAML loading that remembers where each mapping key and list item came from.

``yaml.safe_load`` forgets line numbers; rule-file errors must name them. :func:`load_with_lines`
returns plain dicts and lists (subclasses carrying ``line`` and per-key / per-item lines), built by
PyYAML's SafeLoader, so nothing but safe YAML types can appear.
"""

from __future__ import annotations

from typing import Any

import yaml


class LineDict(dict):
    """A dict from YAML with the 1-based line of the mapping and of each key."""

    line: int = 0
    key_lines: dict[Any, int]


class LineList(list):
    """A list from YAML with the 1-based line of the sequence and of each item."""

    line: int = 0
    item_lines: list[int]


# The C parser (libyaml) when PyYAML was built with it: same safe semantics and marks, ~6x faster,
# which matters because every `transparency lint` process loads the whole catalogue.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc,valid-type]
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark) from None
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_with_lines(text: str) -> Any:
    """Parse YAML text safely, keeping line numbers on mappings and sequences."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from a safe loader


def line_of(root: Any, loc: tuple[Any, ...]) -> int | None:
    """The line of the deepest node of ``root`` reachable along ``loc`` (a pydantic error location)."""
    node, line = root, getattr(root, "line", None)
    for part in loc:
        if isinstance(node, LineDict) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line
