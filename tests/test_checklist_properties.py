"""Invariants: nothing disappears (read = evaluated + rejected) and junk cells never stop a load."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transparency.checklist.evaluate import evaluate_checklist
from transparency.checklist.load import load_checklist, records_table

FIELDS = ["client_id", "item", "kind", "amount", "deadline", "owner", "takeover_mode", "signed", "tier",
          "annual_output", "dispute_resolution"]
GOOD_VALUES = {
    "client_id": st.sampled_from(["C1", "C2", "客户3"]),
    "item": st.sampled_from(["土地款", "保证金", "项目"]),
    "kind": st.sampled_from(["land_refund", "土地款退还", "subsidy", "扶持奖励", "project_handover", "other"]),
    "amount": st.sampled_from(["1,250万", "3.5亿", "¥1,000", "0", "", None, 12.5]),
    "deadline": st.sampled_from(["2024-04-30", "停业后30日内", "近期", "", "2024年X月X日"]),
    "owner": st.sampled_from(["平台公司", "", None]),
    "takeover_mode": st.sampled_from(["平台公司", "none", "", None]),
    "signed": st.sampled_from(["是", "否", "", None]),
    "tier": st.sampled_from(["核心战略", "key", "", None]),
    "annual_output": st.sampled_from(["15亿", "5000万", "", None]),
    "dispute_resolution": st.sampled_from(["提交仲裁委员会仲裁", "上海市崇明区人民法院", "", None]),
}
JUNK = st.one_of(st.text(max_size=12), st.integers(min_value=-10**12, max_value=10**12),
                 st.floats(allow_nan=True, allow_infinity=True), st.booleans(), st.none(),
                 st.sampled_from(["2024-02-30", "-5", "土地", "1.2.3亿", "\x00", "=1+1"]))


def _cell(field: str):
    return st.one_of(GOOD_VALUES[field], JUNK)


ROWS = st.lists(st.fixed_dictionaries({f: _cell(f) for f in FIELDS}), max_size=8)


@settings(max_examples=60, deadline=None)
@given(ROWS)
def test_records_read_equals_evaluated_plus_rejected(rows) -> None:
    table = records_table(rows)
    assert table.rows_read == len(rows) == len(table.items) + len(table.rejected)
    report = evaluate_checklist(table)
    assert report.rows_read == report.rows_evaluated + len(report.rejected)
    assert all(0 <= c.score <= 100 for c in report.clients)
    rows_of = {(i.client_id, i.source.row) for i in table.items}
    assert all((f.client_id, f.row) in rows_of for f in report.findings)


def _csv_text(rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(FIELDS)
    for row in rows:
        writer.writerow(["" if row[f] is None else str(row[f]).replace("\x00", "") for f in FIELDS])
    return out.getvalue()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ROWS)
def test_csv_never_raises_on_junk_cells(tmp_path: Path, rows) -> None:
    path = tmp_path / "c.csv"
    path.write_text(_csv_text(rows), encoding="utf-8")
    if not rows:
        return
    table = load_checklist(path)
    non_blank = sum(1 for r in rows if any(r[f] not in (None, "") and str(r[f]).replace("\x00", "").strip()
                                           for f in FIELDS))
    assert table.rows_read == non_blank == len(table.items) + len(table.rejected)
    for r in table.rejected:
        assert r.row >= 2 and r.message


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ROWS.filter(bool))
def test_xlsx_never_raises_on_junk_cells(tmp_path: Path, rows) -> None:
    import openpyxl
    from openpyxl.utils.exceptions import IllegalCharacterError

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(FIELDS)
    written = 0
    for row in rows:
        cells = [row[f] for f in FIELDS]
        try:
            ws.append(cells)
        except (IllegalCharacterError, ValueError):
            ws.append([None if isinstance(c, str) else c for c in cells])
        written += 1
    path = tmp_path / "c.xlsx"
    wb.save(path)
    table = load_checklist(path)
    assert table.rows_read == len(table.items) + len(table.rejected) <= written
