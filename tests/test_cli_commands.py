"""`transparency rules`, `explain`, `schema` and the CLI's exit codes on errors."""

import json

import pytest

from transparency import cli
from transparency.rules.loader import default_ruleset


def test_rules_json_lists_every_rule_with_its_documented_keys(capsys):
    assert cli.main(["rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["code"] for r in rows} == set(default_ruleset().by_code)
    for row in rows:
        assert {"code", "name", "dimension", "severity", "message", "source"} <= set(row)
        assert row["message"] and row["source"]


def test_rules_table_and_target_filter(capsys):
    assert cli.main(["rules", "--target", "checklist"]) == 0
    out = capsys.readouterr().out
    assert "CK001" in out and "TM001" not in out


def test_explain_shows_documentation_and_examples(capsys):
    assert cli.main(["explain", "TM002"]) == 0
    out = capsys.readouterr().out
    for part in ("boilerplate-reason", "why:", "source:", "bad (zh)", "better (en)", "由于种种原因"):
        assert part in out
    assert cli.main(["explain", "time-absent"]) == 0


def test_explain_shows_a_status_rule_with_its_condition_and_examples(capsys):
    assert cli.main(["explain", "SR301"]) == 0
    out = capsys.readouterr().out
    for part in ("responsibility-named-party-with-channel", "responsibility is concrete when", "near_channel",
                 "why:", "holds (zh)", "does not hold (en)"):
        assert part in out
    assert cli.main(["explain", "owner-unidentified"]) == 0
    assert "SR602" in capsys.readouterr().out


def test_explain_unknown_code_suggests_close_ones(capsys):
    assert cli.main(["explain", "TM0O2"]) == 2
    assert "TM002" in capsys.readouterr().err


def test_schema_rules_is_a_json_schema_naming_the_primitives(capsys):
    assert cli.main(["schema", "rules"]) == 0
    schema = json.loads(capsys.readouterr().out)
    text = json.dumps(schema)
    for primitive in ("requires", "forbids", "all_of", "any_of", "none_of", "context"):
        assert primitive in text
    assert schema["additionalProperties"] is False


def test_schema_facts_lists_fact_kinds_per_target(capsys):
    assert cli.main(["schema", "facts"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert "subkind" in facts["document"]["time"]["attributes"]
    assert "item" in facts["checklist"]


def test_an_internal_error_exits_2_not_1(monkeypatch, capsys, tmp_path):
    from transparency.commands import rules

    def boom(args):
        raise RuntimeError("boom")

    monkeypatch.setattr(rules, "run", boom)
    assert cli.main(["rules"]) == 2
    assert "internal error" in capsys.readouterr().err


def test_no_command_prints_help_and_exits_2(capsys):
    assert cli.main([]) == 2


@pytest.mark.parametrize("argv", [["rules", "--rules", "missing.yaml"], ["explain", "TM001", "--rules", "missing.yaml"]])
def test_a_bad_extra_rule_file_exits_2_naming_it(argv, capsys):
    assert cli.main(argv) == 2
    assert "missing.yaml" in capsys.readouterr().err
