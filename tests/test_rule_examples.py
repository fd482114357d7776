"""Every document rule's examples run: each `bad` text triggers the rule, each `better` text does not.
A meta-test fails any rule without documentation or examples in each language it supports."""

from __future__ import annotations

import re

import pytest

from transparency import evaluate
from transparency.rules.loader import default_ruleset

RULES = default_ruleset().rules
DOCUMENT_RULES = [r for r in RULES if r.target == "document"]


def _cases():
    for rule in DOCUMENT_RULES:
        for lang, ex in rule.doc_examples().items():
            for label, items in (("bad", ex.bad), ("better", ex.better)):
                for i, item in enumerate(items):
                    yield pytest.param(rule, lang, label, item, id=f"{rule.code}-{lang}-{label}-{i}")


def _run(lang, item):
    if isinstance(item, str):
        return evaluate(item, language=lang)
    client = {"tier": item.tier, "remote": item.remote} if item.tier or item.remote else None
    return evaluate(item.text, language=lang, kind=item.kind, client=client, legal_status=item.legal_status)


@pytest.mark.parametrize(("rule", "lang", "label", "item"), list(_cases()))
def test_example(rule, lang, label, item):
    evaluation = _run(lang, item)
    codes = {f.code for f in evaluation.findings}
    if label == "bad":
        assert rule.code in codes, (
            f"{rule.code} did not fire on its bad example; statuses {evaluation.statuses}; "
            f"evidence {[(e.kind, e.subkind, e.quality, e.span.text) for e in evaluation.evidence]}")
        for f in evaluation.findings:
            if f.code == rule.code:
                assert not re.search(r"\{(text|value\.\w+|attr\.\w+)\}", f.message + (f.fix or "")), (
                    f"unfilled placeholder in {f.message!r} / {f.fix!r}")
    else:
        assert rule.code not in codes, (
            f"{rule.code} fired on its better example: "
            f"{[f.message for f in evaluation.findings if f.code == rule.code]}")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_is_documented(rule):
    assert rule.why.strip() and rule.source.strip(), f"{rule.code} lacks why or source"
    if rule.target == "document":
        assert rule.languages, f"{rule.code} has no examples"
        for lang in rule.languages:
            assert rule.message_in(lang).strip()
            if isinstance(rule.message, dict):
                assert lang in rule.message, f"{rule.code} has examples in {lang} but no {lang} message"
            if isinstance(rule.fix, dict):
                assert lang in rule.fix, f"{rule.code} has examples in {lang} but no {lang} fix"
    else:
        assert rule.examples["bad"] and rule.examples["better"]


def test_the_catalogue_has_at_least_40_rules_with_unique_codes_and_names():
    assert len(RULES) >= 40
    assert len({r.code for r in RULES}) == len(RULES) == len({r.name for r in RULES})
