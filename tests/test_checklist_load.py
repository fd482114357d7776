"""Checklist loaders: CSV (UTF-8, BOM, GB18030), XLSX, YAML, JSON; rejected rows with row and column."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from transparency.checklist.evaluate import evaluate_checklist
from transparency.checklist.load import load_checklist, load_checklists
from transparency.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "checklists"
HEADER = "客户编号,客户名称,事项,类型,金额,截止日期,方式,责任主体,联系人,联系方式\n"
GOOD = "C001,甲公司,已付土地款退还,土地款退还,\"1,250万\",停业后30日内,银行转账,开发区平台公司,张经理,021-59681234\n"


def _make_xlsx(out: Path) -> Path:
    spec = importlib.util.spec_from_file_location("make_xlsx", EXAMPLES / "make_xlsx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.make_xlsx(out)


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def _findings(report) -> list[tuple]:
    return [(f.code, f.client_id, f.row, f.column, f.message) for f in report.findings]


def test_chinese_csv_and_xlsx_give_the_same_rows_and_findings(tmp_path: Path) -> None:
    csv_table = load_checklist(EXAMPLES / "rights.csv")
    xlsx_table = load_checklist(_make_xlsx(tmp_path / "rights.xlsx"))
    assert csv_table.rows_read == xlsx_table.rows_read == 9
    strip = lambda t: [i.model_dump(exclude={"source": {"path", "sheet"}}) for i in t.items]  # noqa: E731
    assert strip(csv_table) == strip(xlsx_table)
    assert _findings(evaluate_checklist(csv_table)) == _findings(evaluate_checklist(xlsx_table))
    assert any("说明" in w and "skipped" in w for w in xlsx_table.warnings)  # the notes sheet, said aloud
    assert {i.source.sheet for i in xlsx_table.items} == {"权益清单"}


def test_xlsx_typed_cells_dates_and_numbers(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "清单"
    ws.append(["客户编号", "事项", "类型", "金额", "截止日期", "年产值"])
    ws.append([1001, "保证金退还", "保证金", 500000, dt.datetime(2024, 4, 30), 1.5e9])
    ws.append([1002, "保证金退还", "保证金", -1, dt.datetime(2024, 4, 30), None])
    path = tmp_path / "typed.xlsx"
    wb.save(path)
    table = load_checklist(path, sheet="清单")
    assert table.rows_read == 2 and len(table.items) == 1
    item = table.items[0]
    assert (item.client_id, item.amount, item.deadline.date, item.annual_output) == (
        "1001", 500000, dt.date(2024, 4, 30), 1.5e9)
    assert table.rejected[0].model_dump() == {
        "path": str(path), "sheet": "清单", "row": 3, "column": "金额",
        "message": table.rejected[0].message}
    with pytest.raises(InputError, match="no sheet named 'nope'"):
        load_checklist(path, sheet="nope")


def test_impossible_date_and_negative_amount_are_rejected_with_row_and_column(tmp_path: Path) -> None:
    bad_date = GOOD.replace("停业后30日内", "2024-02-30")
    negative = GOOD.replace('"1,250万"', "-5")
    path = _write(tmp_path, "c.csv", HEADER + GOOD + bad_date + negative)
    table = load_checklist(path)
    assert table.rows_read == 3 and len(table.items) == 1
    assert [(r.row, r.column) for r in table.rejected] == [(3, "截止日期"), (4, "金额")]
    assert "impossible date" in table.rejected[0].message
    assert "negative" in table.rejected[1].message
    report = evaluate_checklist(table)
    assert report.rows_read == report.rows_evaluated + len(report.rejected) == 3


@pytest.mark.parametrize("row, column, reason", [
    (",甲公司,已付土地款退还,土地款退还,100,2024-04-30,转账,平台公司,张经理,123\n", "客户编号", "empty"),
    ("C1,甲公司,,土地款退还,100,2024-04-30,转账,平台公司,张经理,123\n", "事项", "empty"),
    ("C1,甲公司,退款,土地,100,2024-04-30,转账,平台公司,张经理,123\n", "类型", "unknown kind"),
    ("C1,甲公司,退款,,100,2024-04-30,转账,平台公司,张经理,123\n", "类型", "empty"),
    ("C1,甲公司,退款,土地款退还,一百,2024-04-30,转账,平台公司,张经理,123\n", "金额", "not an amount"),
    ("C1,甲公司,退款,土地款退还,100,2024-04-30,转账,平台公司,张经理,123,多余\n", None, "beyond"),
])
def test_each_invalid_row_names_its_column(tmp_path: Path, row, column, reason) -> None:
    table = load_checklist(_write(tmp_path, "c.csv", HEADER + GOOD + row))
    assert len(table.items) == 1
    (rejection,) = table.rejected
    assert (rejection.row, rejection.column) == (3, column)
    assert reason in rejection.message


def test_several_bad_cells_in_one_row_are_all_named(tmp_path: Path) -> None:
    row = "C1,甲公司,退款,土地,-3,2024-02-30,转账,平台公司,张经理,123\n"
    (rejection,) = load_checklist(_write(tmp_path, "c.csv", HEADER + row)).rejected
    assert rejection.column == "类型"
    assert "金额" in rejection.message and "截止日期" in rejection.message


def test_unknown_column_is_an_error_naming_it(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", HEADER.replace("责任主体", "负责单位X") + GOOD)
    with pytest.raises(InputError, match="负责单位X"):
        load_checklist(path)


def test_missing_required_column_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", "事项,类型\n退款,土地款退还\n")
    with pytest.raises(InputError, match="client_id"):
        load_checklist(path)


def test_duplicate_column_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", "客户编号,client_id,事项\nC1,C1,退款\n")
    with pytest.raises(InputError, match="twice"):
        load_checklist(path)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_encodings(tmp_path: Path, encoding: str) -> None:
    table = load_checklist(_write(tmp_path, "c.csv", HEADER + GOOD, encoding))
    assert [i.client_name for i in table.items] == ["甲公司"]
    assert table.items[0].source.chinese_headers


def test_english_yaml_example_reads() -> None:
    table = load_checklist(EXAMPLES / "rights.yaml")
    assert table.rows_read == 3 and not table.rejected
    assert table.items[0].amount == 350_000_000
    assert table.items[1].dispute.kind == "arbitration_named"


def test_yaml_impossible_date_is_a_rejected_row_not_a_crash(tmp_path: Path) -> None:
    text = ("- {client_id: C1, item: 退款, kind: land_refund, deadline: 2024-02-30}\n"
            "- {client_id: C1, item: 退款, kind: land_refund, deadline: 2024-03-30}\n"
            "- just text\n")
    table = load_checklist(_write(tmp_path, "c.yaml", text))
    assert table.rows_read == 3 and len(table.items) == 1
    assert [(r.row, r.column) for r in table.rejected] == [(1, "deadline"), (3, None)]


def test_json_records_with_chinese_keys(tmp_path: Path) -> None:
    records = [{"客户编号": "C1", "事项": "保证金", "类型": "保证金", "金额": "50万", "截止日期": "近期"}]
    table = load_checklist(_write(tmp_path, "c.json", json.dumps(records, ensure_ascii=False)))
    assert table.items[0].amount == 500_000 and table.items[0].deadline.kind == "vague"
    report = evaluate_checklist(table)
    assert {f.column for f in report.findings if f.code == "CK005"} == {"截止日期"}


def test_unknown_yaml_key_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="ownr"):
        load_checklist(_write(tmp_path, "c.yaml", "- {client_id: C1, item: x, kind: other, ownr: 某公司}\n"))


@pytest.mark.parametrize("name, content, match", [
    ("c.txt", "x", "unsupported"), ("c.yaml", "a: 1", "list of records"), ("c.json", "{", "not valid JSON"),
    ("c.csv", "", "empty"), ("c.xlsx", "not a zip", "cannot open")])
def test_file_level_errors(tmp_path: Path, name: str, content: str, match: str) -> None:
    with pytest.raises(InputError, match=match):
        load_checklist(_write(tmp_path, name, content))


def test_missing_file_is_reported_and_others_still_read(tmp_path: Path) -> None:
    good = _write(tmp_path, "c.csv", HEADER + GOOD)
    table, errors = load_checklists([tmp_path / "missing.csv", good])
    assert len(table.items) == 1
    assert len(errors) == 1 and "missing.csv" in str(errors[0])


def test_blank_rows_are_not_data(tmp_path: Path) -> None:
    table = load_checklist(_write(tmp_path, "c.csv", HEADER + "\n,,,,,,,,,\n" + GOOD))
    assert table.rows_read == 1 and table.items[0].source.row == 4


def test_xlsx_row_numbers_count_leading_and_gap_rows(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["B3"], ws["C3"], ws["D3"] = "客户编号", "事项", "类型"
    ws["B4"], ws["C4"], ws["D4"] = "C1", "数据移交", "数据"
    ws["B7"], ws["C7"], ws["D7"] = "C2", "订单", "坏"
    path = tmp_path / "gap.xlsx"
    wb.save(path)
    table = load_checklist(path)
    assert [i.source.row for i in table.items] == [4]
    assert [(r.row, r.column) for r in table.rejected] == [(7, "类型")]
