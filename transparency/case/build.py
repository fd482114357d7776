"""Write a closure case folder from plain Python data (tests, notebooks, and tools that export cases).

The folder written is exactly what :func:`transparency.case.load.load_case` reads, so a case built in
memory goes through the same validation as one a task force writes by hand.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from .load import CLIENT_COLUMNS, COMMUNICATION_COLUMNS, FOLLOWUP_COLUMNS, Column


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _write_table(path: Path, columns: tuple[Column, ...], records: Sequence[Mapping[str, Any]]) -> None:
    fields = [c.field for c in columns if c.required or any(c.field in r for r in records)]
    unknown = {k for r in records for k in r} - {c.field for c in columns}
    if unknown:
        raise ValueError(f"{path.name}: unknown field(s) {sorted(unknown)}")
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(fields)
        for r in records:
            w.writerow([_cell(r.get(f)) for f in fields])


def write_case(folder: str | Path, closure: Mapping[str, Any], clients: Sequence[Mapping[str, Any]],
               communications: Sequence[Mapping[str, Any]] = (),
               followups: Sequence[Mapping[str, Any]] | None = None,
               documents: Mapping[str, str] | None = None) -> Path:
    """Write ``closure.yaml``, ``clients.csv``, ``communications.csv``, ``followup.csv`` (when given)
    and the documents (``{relative path: text}``) into ``folder``; returns the folder."""
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    plain = {k: _cell(v) if hasattr(v, "isoformat") else v for k, v in closure.items()}
    (root / "closure.yaml").write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")
    _write_table(root / "clients.csv", CLIENT_COLUMNS, clients)
    _write_table(root / "communications.csv", COMMUNICATION_COLUMNS, communications)
    if followups is not None:
        _write_table(root / "followup.csv", FOLLOWUP_COLUMNS, followups)
    for rel, text in (documents or {}).items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root
