"""Extraction cases kept as data (tests/cases/*.yaml; format in tests/cases/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from transparency.extract import extract
from transparency.judge.statuses import assess
from transparency.models import Document, status_names

CASES = Path(__file__).resolve().parent / "cases"
CASE_KEYS = {"id", "language", "text", "statuses", "evidence", "no_evidence", "provenance", "kind"}
ENTRY_KEYS = {"kind", "subkind", "text"}


def _load() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append((path.name, case))
    return out


ALL = _load()


def test_cases_are_well_formed():
    ids = [c["id"] for _, c in ALL]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    for name, case in ALL:
        unknown = set(case) - CASE_KEYS
        assert not unknown, f"{name} {case.get('id')}: unknown keys {unknown}"
        assert case["language"] in ("zh", "en") and case["text"] and case["provenance"].strip(), case["id"]
        for key in ("evidence", "no_evidence"):
            for entry in case.get(key, []):
                assert set(entry) <= ENTRY_KEYS and "kind" in entry, (case["id"], entry)


def _matches(entry: dict, e) -> bool:  # noqa: ANN001
    return (e.kind == entry["kind"] and entry.get("subkind", e.subkind) == e.subkind
            and entry.get("text", e.span.text) == e.span.text)


@pytest.mark.parametrize("name, case", ALL, ids=[c["id"] for _, c in ALL])
def test_case(name, case):
    doc = Document(text=case["text"], language=case["language"], kind=case.get("kind", "letter"))
    evidence = extract(doc)
    found = [(e.kind, e.subkind, e.span.text) for e in evidence]
    for entry in case.get("evidence", []):
        assert any(_matches(entry, e) for e in evidence), f"{case['id']}: expected {entry}, found {found}"
    for entry in case.get("no_evidence", []):
        assert not any(_matches(entry, e) for e in evidence), f"{case['id']}: unexpected {entry} in {found}"
    if case.get("statuses"):
        got = status_names(*assess(doc, evidence))
        assert {k: got[k] for k in case["statuses"]} == case["statuses"], case["id"]
