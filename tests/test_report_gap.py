"""Gap reports: the four-client acceptance case, the contract's rows and JSON, the portfolio summary and
the XLSX / CSV / HTML exports."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from transparency.case import load_case
from transparency.case.build import write_case
from transparency.models import DimensionResult, Document, Evaluation, Formula
from transparency.report import (
    AREAS, ROW_COLUMNS, build_gap_report, gap_report, portfolio_summary, write_all,
)

GOOD = ("因集团战略聚焦新能源赛道，传统制造业务逐步退出，我司董事会于2024年3月1日决议终止崇明基地运营，"
        "最后服务截止日为2024年3月31日。贵司已签约项目由开发区平台公司崇明产业发展有限公司承接，"
        "已支付的保证金30万元将在2024年4月30日前全额退还。您的对接人张伟经理，电话 021-5968 1234。")
VAGUE = "尊敬的客户：由于种种原因，我司将于近期停止运营，相关事宜另行通知，我们会妥善处理。"


def acceptance_case(tmp_path: Path) -> Path:
    """K1 got a good letter in time through all its tier's channels; K2 a vague letter 30 hours late;
    K3 only an e-mail after the news broke; K4 nothing at all."""
    board = "2024-03-01T09:00:00+08:00"
    return write_case(
        tmp_path / "case",
        closure={"company": "崇明智造有限公司", "board_resolution_at": board, "closure_date": "2024-03-31",
                 "legal_status": "unit_closure", "public_disclosure_at": "2024-03-01T20:00:00+08:00"},
        clients=[{"client_id": "K1", "client_name": "东海电池", "annual_output": "15亿"},
                 {"client_id": "K2", "client_name": "瀛东材料", "annual_output": "3亿"},
                 {"client_id": "K3", "client_name": "明珠印务", "annual_output": "2,000,000"},
                 {"client_id": "K4", "client_name": "岛屿机械", "annual_output": "8000万", "industry_chain_key": True}],
        communications=[
            {"client_id": "K1", "path": "", "kind": "meeting_script", "channel": "on_site_visit",
             "sent_at": "2024-03-01T15:00:00+08:00", "lead_role": "senior_leader"},
            {"client_id": "K1", "path": "good.txt", "kind": "letter", "channel": "letter",
             "sent_at": "2024-03-01T15:00:00+08:00", "lead_role": "senior_leader"},
            {"client_id": "K1", "path": "", "kind": "wechat", "channel": "wechat_group",
             "sent_at": "2024-03-01T16:00:00+08:00", "lead_role": "senior_leader"},
            {"client_id": "K2", "path": "vague.txt", "kind": "letter", "channel": "letter",
             "sent_at": "2024-03-02T15:00:00+08:00", "lead_role": "regional_head"},
            {"client_id": "K3", "path": "vague.txt", "kind": "notice", "channel": "email",
             "sent_at": "2024-03-01T22:00:00+08:00", "lead_role": "officer"}],
        followups=[],
        documents={"communications/good.txt": GOOD, "communications/vague.txt": VAGUE})


def keyword_evaluator(path, kind, client, language):
    """A stand-in for the text evaluator so that these tests exercise the report alone: concrete when the
    letter has a date, a phone number and an amount; vague otherwise."""
    text = Path(path).read_text(encoding="utf-8")
    good = "2024年" in text and "021-" in text and "万元" in text
    result = DimensionResult(status="concrete" if good else "vague", score=1.0 if good else 0.5)
    return Evaluation(document=Document(text=text, kind="other" if kind == "wechat" else kind), matrix={
        d: result for d in ("reason", "time", "responsibility", "compensation")},
        formula=Formula(cause=result, plan=result, owner=result), score=100.0 if good else 45.0)


def _statuses(frame: pd.DataFrame, area: str, dimension: str) -> list[str]:
    rows = frame[(frame["area"] == area) & (frame["dimension"] == dimension)].set_index("client_id")
    return [rows.loc[c, "status"] for c in ("K1", "K2", "K3", "K4")]


def test_acceptance_case_timing_channels_and_tiers(tmp_path):
    case = load_case(acceptance_case(tmp_path))
    assert [c.tier for c in case.clients] == ["core", "key", "ordinary", "core"]
    frame = gap_report(case, evaluator=keyword_evaluator)
    assert _statuses(frame, "timing", "first_contact") == ["ok", "late", "late", "missing"]
    assert _statuses(frame, "channel", "channels") == ["ok", "insufficient", "insufficient", "missing"]
    assert _statuses(frame, "matrix", "reason") == ["concrete", "vague", "vague", "absent"]
    k3 = frame[(frame.client_id == "K3") & (frame.area == "timing") & (frame.dimension == "first_contact")].iloc[0]
    assert "TL002" in k3.finding_codes and "after the news became public" in k3.evidence
    k2 = frame[(frame.client_id == "K2") & (frame.area == "channel") & (frame.dimension == "channels")].iloc[0]
    assert "on-site visit" in k2.evidence and k2.fix


@pytest.mark.skipif(importlib.util.find_spec("transparency.extract") is None
                    or importlib.util.find_spec("transparency.io") is None,
                    reason="the text evaluator (transparency.extract, transparency.io) is not in this build yet")
def test_acceptance_case_with_the_real_evaluator(tmp_path):
    frame = gap_report(load_case(acceptance_case(tmp_path)))
    assert _statuses(frame, "timing", "first_contact") == ["ok", "late", "late", "missing"]
    assert _statuses(frame, "channel", "channels") == ["ok", "insufficient", "insufficient", "missing"]
    k1 = frame[(frame.client_id == "K1") & (frame.area == "matrix")]
    k2 = frame[(frame.client_id == "K2") & (frame.area == "matrix")]
    assert k1["score"].mean() > k2["score"].mean()
    assert set(k2["status"]) <= {"vague", "absent"}


def test_rows_and_json_keep_the_contract(tmp_path):
    report = build_gap_report(load_case(acceptance_case(tmp_path)), evaluator=keyword_evaluator)
    frame = gap_report(report)
    assert list(frame.columns) == list(ROW_COLUMNS)
    assert set(frame["area"].astype(str)) <= set(AREAS)
    # every client has every row of every area it is assessed in: nothing dropped
    per_client = frame.groupby("client_id", observed=True).size()
    assert per_client.nunique() == 1
    doc = report.as_json()
    assert doc["schema_version"] == "1"
    assert {"company", "board_resolution_at"} <= set(doc["case"])
    assert all({"client_id", "client_name", "tier", "score"} <= set(c) for c in doc["clients"])
    assert all(list(r) == list(ROW_COLUMNS) for r in doc["rows"])
    statuses = {("timing", r["status"]) for r in doc["rows"] if r["area"] == "timing"}
    assert statuses <= {("timing", s) for s in ("ok", "late", "missing")}
    import json
    json.dumps(doc, ensure_ascii=False)  # serialisable as is


def test_portfolio_summary_adds_up(tmp_path):
    report = build_gap_report(load_case(acceptance_case(tmp_path)), evaluator=keyword_evaluator)
    summary = portfolio_summary(report)
    frame = gap_report(report)
    for area in AREAS:
        part = summary[summary.area == area]
        if part.empty:
            continue
        tiers = part[part.tier != "all"]
        total = part[part.tier == "all"].iloc[0]
        assert tiers["gaps"].sum() == total["gaps"] == int((~frame[frame.area == area]["status"].isin(["ok", "concrete"])).sum())
        assert tiers["rows"].sum() == total["rows"]
    assert summary[(summary.tier == "all") & (summary.area == "timing")].iloc[0]["clients_at_risk"] >= 2


def test_exports_open_and_show_the_heatmap(tmp_path):
    from openpyxl import load_workbook

    report = build_gap_report(load_case(acceptance_case(tmp_path)), evaluator=keyword_evaluator)
    xlsx, csv_path, html_path = write_all(report, tmp_path / "out")
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["Summary", "Clients", "Gaps", "Heatmap"]
    assert wb["Gaps"].freeze_panes == "A2" and wb["Heatmap"].freeze_panes == "D2"
    gaps = wb["Gaps"]
    header = [c.value for c in gaps[1]]
    assert header == list(ROW_COLUMNS)
    status_col = header.index("status") + 1
    fills = {gaps.cell(row=r, column=status_col).value: gaps.cell(row=r, column=status_col).fill.start_color.rgb
             for r in range(2, gaps.max_row + 1)}
    assert fills["ok"].endswith("C6EFCE") and fills["missing"].endswith("FFC7CE")
    frame = pd.read_csv(csv_path)
    assert list(frame.columns) == list(ROW_COLUMNS) and len(frame) == len(report.rows)
    assert set(frame["client_id"]) == {"K1", "K2", "K3", "K4"}
    page = html_path.read_text(encoding="utf-8")
    assert '<table class="heatmap"' in page and "timing:first_contact" in page
    assert "http://" not in page and "https://" not in page and "<script" not in page
    assert "岛屿机械" in page
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]  # no temp files left


def test_importing_the_report_package_does_not_import_pandas():
    import subprocess
    import sys

    code = "import sys, transparency.report, transparency.case; print('pandas' in sys.modules, 'openpyxl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_a_late_letter_that_says_why_is_still_late_but_without_TL009(tmp_path):
    from transparency.models import Evidence, Span

    def explaining(path, kind, client, language):
        ev = keyword_evaluator(path, kind, client, language)
        if "vague" in Path(path).name:
            ev.evidence.append(Evidence(kind="topic", subkind="delay_reason", span=Span.of("延迟的原因", 0, 5)))
        return ev

    case = load_case(acceptance_case(tmp_path))
    plain = gap_report(case, evaluator=keyword_evaluator)
    told = gap_report(case, evaluator=explaining)
    for frame, expected in ((plain, True), (told, False)):
        row = frame[(frame.client_id == "K2") & (frame.dimension == "first_contact")].iloc[0]
        assert row.status == "late" and ("TL009" in row.finding_codes) is expected


def test_a_forbidden_payout_names_the_followup_row(tmp_path):
    folder = write_case(tmp_path / "liq", {"company": "X", "board_resolution_at": "2024-03-01T09:00:00+08:00",
                                           "closure_date": "2024-03-31", "legal_status": "dissolution",
                                           "liquidation_group_formed_at": "2024-03-05T09:00:00+08:00"},
                        [{"client_id": "K1", "annual_output": "5亿"}],
                        [{"client_id": "K1", "path": "", "kind": "letter", "channel": "letter",
                          "sent_at": "2024-03-06T09:00:00+08:00", "lead_role": "regional_head"}],
                        [{"client_id": "K1", "planned_at": "2024-05-01", "kind": "salon"},
                         {"client_id": "K1", "planned_at": "2024-03-20", "kind": "refund"}])
    frame = gap_report(load_case(folder), evaluator=keyword_evaluator)
    row = frame[frame.dimension == "payouts"].iloc[0]
    assert row.status == "violation" and row.finding_codes == ["TL012"]
    assert "followup.csv row 3" in row.evidence
    plan = frame[frame.dimension == "plan_100_days"].iloc[0]
    assert "TL020" not in plan.finding_codes and "liquidation rules come first" in plan.evidence


def test_jupyter_shows_the_heatmap_and_the_page_has_no_nan(tmp_path):
    from transparency.report import render_html

    report = build_gap_report(load_case(acceptance_case(tmp_path)), evaluator=keyword_evaluator)
    cell = report._repr_html_()
    assert cell.startswith('<table class="heatmap"') and cell.count("<tr>") == 1 + 4  # header + clients
    assert ">nan<" not in render_html(report)


def test_exported_files_get_ordinary_permissions(tmp_path):
    import os
    import stat

    report = build_gap_report(load_case(acceptance_case(tmp_path)), evaluator=keyword_evaluator)
    mask = os.umask(0o022)
    try:
        paths = write_all(report, tmp_path / "out")
    finally:
        os.umask(mask)
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in paths)
