"""Process rules (rules/process.yaml): every example runs, bad fires the code and better does not; the
rules agree with the statuses the gap report shows; the liquidation rules override the 100-day plan."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from transparency.case.examples import case_from_example
from transparency.case.plans import channel_table, followup_plan, load_channel_table
from transparency.case.process import assess_client
from transparency.case.rules import RULE_ROWS, run_process_rules
from transparency.errors import ConfigError
from transparency.rules.loader import default_ruleset

RULES = default_ruleset().for_target("case")
EXAMPLES = [(r.code, kind, i, rec) for r in RULES for kind in ("bad", "better")
            for i, rec in enumerate(r.examples[kind])]


def _codes(record) -> set[str]:
    case, client = case_from_example(record)
    return {f.code for f in run_process_rules(assess_client(case, client))}


@pytest.mark.parametrize("code,kind,i,record", EXAMPLES, ids=[f"{c}-{k}-{i}" for c, k, i, _ in EXAMPLES])
def test_rule_examples(code, kind, i, record):
    fired = _codes(record)
    if kind == "bad":
        assert code in fired
    else:
        assert code not in fired


def test_every_process_rule_has_a_row_a_source_and_both_languages():
    assert {r.code for r in RULES} == set(RULE_ROWS)
    for r in RULES:
        assert r.message_in("zh") != r.message_in("en") and r.fix_in("zh") and r.fix_in("en")
        assert "[M]" not in r.source  # never ship an unverified claim as fact


def test_liquidation_overrides_the_urgent_refund_phase():
    plan = [{"kind": "policy_advice", "day": 40}, {"kind": "salon", "day": 80}]
    assert "TL020" in _codes({"followups": plan})
    for status in ("dissolution", "bankruptcy"):
        assert "TL020" not in _codes({"legal_status": status, "followups": plan})
    # ... and a planned refund becomes a finding instead of a fulfilled phase.
    refund = {"legal_status": "dissolution", "liquidation_group_days": 3,
              "communications": [{"channel": "letter", "hours": 100}], "followups": [{"kind": "refund", "day": 3}]}
    assert "TL012" in _codes(refund)
    case, client = case_from_example(refund)
    row = assess_client(case, client).row("followup", "payouts")
    assert row.status == "violation" and "claims period" in row.evidence


COMM = st.fixed_dictionaries({
    "channel": st.sampled_from(["on_site_visit", "letter", "wechat_group", "online_meeting", "video_meeting",
                                "email", "express_mail", "phone"]),
    "kind": st.sampled_from(["letter", "faq", "meeting_script", "notice", "wechat"]),
    "lead_role": st.sampled_from(["senior_leader", "regional_head", "officer"]),
    "hours": st.floats(min_value=-5, max_value=400, allow_nan=False)})
FOLLOW = st.fixed_dictionaries({
    "kind": st.sampled_from(["revisit", "greeting", "birthday_call", "briefing", "salon", "refund", "handover",
                             "resource_matching", "policy_advice", "payout"]),
    "day": st.integers(min_value=-10, max_value=400)})
RECORD = st.fixed_dictionaries({
    "client": st.fixed_dictionaries({"tier": st.sampled_from(["core", "key", "ordinary"]), "remote": st.booleans()}),
    "legal_status": st.sampled_from(["unit_closure", "dissolution", "bankruptcy"]),
    "communications": st.lists(COMM, max_size=4),
    "followups": st.lists(FOLLOW, max_size=5)},
    optional={"disclosure_hours": st.floats(min_value=0, max_value=100, allow_nan=False),
              "liquidation_group_days": st.floats(min_value=0, max_value=30, allow_nan=False)})


@settings(max_examples=80, deadline=None)
@given(RECORD)
def test_a_row_is_ok_exactly_when_no_rule_of_its_row_fired(record):
    case, client = case_from_example(record)
    process = assess_client(case, client)
    fired = {(f.area, f.dimension) for f in run_process_rules(process)}
    for row in process.rows:
        assert (row.status == "ok") == ((row.area, row.dimension) not in fired), (row, fired)
        assert 0.0 <= row.score <= 1.0
        assert (row.score == 1.0) == (row.status == "ok")


def test_bundled_tables_validate_and_a_bad_table_names_the_problem(tmp_path):
    assert channel_table().required_for("core", True) == [
        "video_meeting", "express_documents", "wechat_group", "email_confirmation"]
    assert list(followup_plan().phases) == ["urgent", "transition", "long_term"]
    import yaml

    from transparency.data import matrices_dir

    table = yaml.safe_load((matrices_dir() / "channels.yaml").read_text(encoding="utf-8"))
    del table["tiers"]["key"]
    table["tiers"]["core"]["colour"] = "gold"
    bad = tmp_path / "channels.yaml"
    bad.write_text(yaml.safe_dump(table, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError, match="colour"):
        load_channel_table(bad)
    del table["tiers"]["core"]["colour"]
    bad.write_text(yaml.safe_dump(table, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError, match="tiers must be exactly"):
        load_channel_table(bad)


def _durable_available() -> bool:
    from transparency.engine import get_backend

    try:
        get_backend(default_ruleset().program("case"), "durable")
    except Exception:
        return False
    return True


@pytest.mark.skipif(not _durable_available(), reason="the durable_rules backend is not in this build yet")
@settings(max_examples=40, deadline=None)
@given(RECORD)
def test_durable_and_python_backends_agree_on_case_rules(record):
    from transparency.engine import get_backend

    case, client = case_from_example(record)
    facts = assess_client(case, client).facts
    program = default_ruleset().program("case")
    assert get_backend(program, "durable").run(facts) == get_backend(program, "python").run(facts)
