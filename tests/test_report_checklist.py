"""The checklist area of the gap report: rows per client and rule dimension; rejected rows and unknown
clients are reported in the notes, never dropped."""

from __future__ import annotations

from transparency.case import load_case
from transparency.report import build_gap_report

from test_report_gap import acceptance_case, keyword_evaluator

HEADER = "客户编号,客户名称,事项,类型,金额,币种,截止日期,方式,责任主体,联系人,联系方式,承接方式\n"


def test_checklist_rows_per_client_and_notes(tmp_path):
    folder = acceptance_case(tmp_path)
    (folder / "checklist.csv").write_text(
        HEADER
        + "K1,东海电池,保证金退还,deposit,30万,CNY,2024-04-30,原路退回,崇明智造有限公司,张伟,021-5968 1234,none\n"
        + "K2,瀛东材料,保证金退还,deposit,10万,CNY,近期,,崇明智造有限公司,,,none\n"
        + "K2,瀛东材料,土地款,land_refund,abc,CNY,2024-04-30,原路退回,崇明智造有限公司,王芳,021-1,none\n"
        + "Z9,别家,保证金退还,deposit,1万,CNY,2024-04-30,原路退回,某公司,李四,021-5968 0000,none\n",
        encoding="utf-8")
    report = build_gap_report(load_case(folder), evaluator=keyword_evaluator)
    rows = {(r.client_id, r.dimension): r for r in report.rows if r.area == "checklist"}
    assert rows[("K1", "time")].status == "ok"
    assert rows[("K2", "time")].status == "insufficient" and rows[("K2", "time")].finding_codes
    assert "row 3" in rows[("K2", "time")].evidence
    assert rows[("K4", "responsibility")].status == "missing"
    notes = " ".join(report.notes)
    assert "row 4" in notes and "rejected" in notes          # the bad amount is named, not dropped
    assert "'Z9'" in notes                                   # a client the case does not know
