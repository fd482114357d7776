"""``transparency checklist``: output formats and exit codes (0 clean, 1 findings, 2 input errors)."""

from __future__ import annotations

import json
from pathlib import Path

from transparency.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parent.parent
HEADER = "客户编号,事项,类型,金额,截止日期,方式,责任主体,联系人,联系方式,年产值\n"
CLEAN = "C1,保证金退还,保证金,50万,2024-04-30,银行转账,平台公司,张经理,021-59681234,3亿\n"


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(["checklist", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _file(tmp_path: Path, body: str) -> str:
    p = tmp_path / "c.csv"
    p.write_text(HEADER + body, encoding="utf-8")
    return str(p)


def test_registered_in_the_cli() -> None:
    assert COMMANDS["checklist"][0] == "checklist"


def test_clean_checklist_exits_0(tmp_path: Path, capsys) -> None:
    code, out, _ = _run([_file(tmp_path, CLEAN)], capsys)
    assert code == 0 and "score 100.0" in out


def test_warning_exits_0_by_default_and_1_with_fail_on_warning(tmp_path: Path, capsys) -> None:
    path = _file(tmp_path, CLEAN.replace("2024-04-30", "尽快"))
    assert _run([path], capsys)[0] == 0
    assert _run([path, "--fail-on", "warning"], capsys)[0] == 1


def test_error_exits_1_and_json_has_the_contract_keys(tmp_path: Path, capsys) -> None:
    code, out, _ = _run([_file(tmp_path, CLEAN.replace("平台公司", "")), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1
    assert data["rows_read"] == 1 and data["rows_evaluated"] == 1 and data["rejected"] == []
    (f,) = data["findings"]
    assert (f["code"], f["row"], f["column"], f["client_id"]) == ("CK001", 2, "责任主体", "C1")


def test_rejected_row_exits_2_and_is_named_on_stderr(tmp_path: Path, capsys) -> None:
    code, out, err = _run([_file(tmp_path, CLEAN + CLEAN.replace("2024-04-30", "2024-02-30")),
                           "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 2
    assert data["rejected"] == [{"path": str(tmp_path / "c.csv"), "sheet": None, "row": 3, "column": "截止日期",
                                 "message": data["rejected"][0]["message"]}]
    assert "c.csv:3 [截止日期]" in err
    assert _run([str(tmp_path / "c.csv"), "--exit-zero"], capsys)[0] == 0


def test_missing_file_exits_2_and_reads_the_others(tmp_path: Path, capsys) -> None:
    code, out, err = _run([str(tmp_path / "nope.csv"), _file(tmp_path, CLEAN), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 2 and data["rows_evaluated"] == 1
    assert data["errors"][0]["path"].endswith("nope.csv") and "nope.csv" in err


def test_sheet_option_on_a_generated_workbook(tmp_path: Path, capsys) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_xlsx", ROOT / "examples" / "checklists" / "make_xlsx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    xlsx = module.make_xlsx(tmp_path / "rights.xlsx")
    code, out, _ = _run([str(xlsx), "--sheet", "权益清单", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1 and data["rows_read"] == 9
    assert {f["column"] for f in data["findings"] if f["code"] == "CK019"} == {"客户等级"}
    code, _, err = _run([str(xlsx), "--sheet", "nope"], capsys)
    assert code == 2 and "no sheet named" in err


def test_schema_command_prints_the_checklist_schema(capsys) -> None:
    assert main(["schema", "checklist"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"client_id", "item", "kind", "deadline", "takeover_mode", "dispute"} <= set(schema["properties"])
