"""`transparency report CASE_DIR`: JSON to stdout, exports with --out, exit codes 0 / 1 / 2."""

from __future__ import annotations

import json

from transparency.case.build import write_case
from transparency.cli import main

CLOSURE = {"company": "Example Co.", "board_resolution_at": "2024-03-01T09:00:00+08:00",
           "closure_date": "2024-03-31", "legal_status": "unit_closure"}
FULL_PLAN = [{"client_id": "P1", "planned_at": d, "kind": k} for d, k in (
    ("2024-04-10", "refund"), ("2024-05-10", "policy_advice"), ("2024-06-20", "salon"),
    ("2024-06-29", "revisit"), ("2024-09-27", "revisit"), ("2025-03-31", "revisit"),
    ("2024-06-10", "greeting"), ("2024-07-01", "birthday_call"), ("2024-05-01", "briefing"))]


def _case(tmp_path, communications, followups=FULL_PLAN):
    # No document paths: the text evaluator is not needed for timing, channel and follow-up.
    return write_case(tmp_path / "case", CLOSURE, [{"client_id": "P1", "client_name": "明珠印务", "annual_output": "3000万"}],
                      communications, followups)


GOOD = [{"client_id": "P1", "path": "", "kind": "letter", "channel": "letter", "sent_at": "2024-03-01T14:00:00+08:00",
         "lead_role": "officer"},
        {"client_id": "P1", "path": "", "kind": "meeting_script", "channel": "online_meeting",
         "sent_at": "2024-03-01T16:00:00+08:00", "lead_role": "officer"}]


def test_a_clean_case_exits_0_and_prints_the_json_contract(tmp_path, capsys):
    folder = _case(tmp_path, GOOD)
    assert main(["report", str(folder), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema_version"] == "1" and doc["case"]["company"] == "Example Co."
    timing = [r for r in doc["rows"] if r["area"] == "timing"]
    assert {r["status"] for r in timing} == {"ok"}


def test_a_report_exits_0_unless_fail_on_is_given_and_out_writes_three_files(tmp_path, capsys):
    folder = _case(tmp_path, [{**GOOD[0], "sent_at": "2024-03-02T15:00:00+08:00"}], followups=[])
    out = tmp_path / "out"
    assert main(["report", str(folder), "--out", str(out)]) == 0  # an analysis, not a gate
    printed = capsys.readouterr().out
    for name in ("gap-report.xlsx", "gap-report.csv", "gap-report.html"):
        assert (out / name).is_file() and name in printed
    assert main(["report", str(folder), "--fail-on", "error"]) == 1  # gaps at the threshold
    capsys.readouterr()
    assert main(["report", str(folder), "--fail-on", "never"]) == 0
    text = capsys.readouterr().out
    assert "timing/first_contact: late [TL001,TL009]" in text and "does not say why it is late" in text


def test_an_input_error_exits_2_naming_file_row_and_column(tmp_path, capsys):
    folder = _case(tmp_path, [{**GOOD[0], "sent_at": "yesterday"}])
    assert main(["report", str(folder), "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert "communications.csv, row 2, column sent_at" in captured.err
    doc = json.loads(captured.out)
    assert doc["errors"][0] == {"path": "communications.csv", "row": 2, "column": "sent_at",
                                "message": doc["errors"][0]["message"]}
    assert main(["report", str(tmp_path / "nowhere")]) == 2

