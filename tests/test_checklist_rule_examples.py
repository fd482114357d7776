"""Every checklist rule's examples run through the checklist evaluator: each bad example produces
the rule's code, each better example does not, and a checklist rule without examples fails."""

from __future__ import annotations

import re

import pytest

from transparency.checklist.evaluate import evaluate_checklist
from transparency.checklist.load import records_table
from transparency.rules.loader import default_ruleset

RULES = default_ruleset().for_target("checklist")
ENGINE_RULES = [r for r in RULES if r.builtin is None]


def _run(rows: list[dict]) -> set[str]:
    table = records_table(rows, path="example")
    assert not table.rejected, f"the example itself has an unreadable row: {table.rejected}"
    report = evaluate_checklist(table)
    for finding in report.findings:
        assert not re.search(r"\{[a-z_]+\}", finding.message), f"unfilled placeholder: {finding.message}"
    return {f.code for f in report.findings}


def test_there_are_at_least_ten_checklist_rules() -> None:
    assert len(RULES) >= 10
    assert all(r.code.startswith("CK") for r in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_examples(rule) -> None:
    assert rule.examples.get("bad"), f"{rule.code} has no bad example"
    assert rule.examples.get("better"), f"{rule.code} has no better example"


@pytest.mark.parametrize("rule", ENGINE_RULES, ids=lambda r: r.code)
def test_bad_examples_fire(rule) -> None:
    for example in rule.examples["bad"]:
        assert rule.code in _run(example), f"{rule.code} did not fire on {example}"


@pytest.mark.parametrize("rule", ENGINE_RULES, ids=lambda r: r.code)
def test_better_examples_do_not_fire(rule) -> None:
    for example in rule.examples["better"]:
        assert rule.code not in _run(example), f"{rule.code} fired on its better example {example}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_messages_in_both_languages(rule) -> None:
    assert isinstance(rule.message, dict) and set(rule.message) == {"zh", "en"}
    assert rule.fix is not None

