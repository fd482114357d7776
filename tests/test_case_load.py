"""Case folders: every problem is reported with file, row and column; nothing is dropped; tiers follow
annual output."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from transparency.case import CaseError, load_case, tier_for
from transparency.case.build import write_case
from transparency.case.load import parse_amount

CLOSURE = {"company": "崇明智造有限公司", "board_resolution_at": "2024-03-01T09:00+08:00",
           "closure_date": "2024-03-31", "legal_status": "unit_closure"}


def _case(tmp_path: Path, **kw) -> Path:
    args = dict(closure=CLOSURE, clients=[{"client_id": "K1", "client_name": "甲", "annual_output": "12亿"}],
                communications=[{"client_id": "K1", "path": "k1.txt", "kind": "letter", "channel": "letter",
                                 "sent_at": "2024-03-01T15:00+08:00", "lead_role": "senior_leader"}],
                documents={"communications/k1.txt": "致客户的信"})
    args.update(kw)
    return write_case(tmp_path / "case", **args)


def _problems(folder: Path) -> list:
    with pytest.raises(CaseError) as exc:
        load_case(folder)
    return exc.value.problems


def test_a_valid_folder_loads_with_documents_resolved_in_communications(tmp_path):
    case = load_case(_case(tmp_path))
    assert case.closure.company == "崇明智造有限公司"
    assert case.closure.board_resolution_at.utcoffset().total_seconds() == 8 * 3600
    assert case.communications[0].path == "communications/k1.txt"
    assert case.document_path(case.communications[0]).read_text(encoding="utf-8") == "致客户的信"
    assert case.clients[0].tier == "core" and case.clients[0].tier_source == "annual_output"


def test_every_bad_cell_is_reported_with_file_row_and_column(tmp_path):
    folder = _case(tmp_path, communications=[
        {"client_id": "K1", "path": "", "kind": "letter", "channel": "pigeon",
         "sent_at": "2024-03-01T15:00", "lead_role": "officer"},
        {"client_id": "K9", "path": "nope.txt", "kind": "memo", "channel": "letter",
         "sent_at": "2024-03-01T15:00+08:00", "lead_role": "officer"}])
    found = {(p.path, p.row, p.column) for p in _problems(folder)}
    assert ("communications.csv", 2, "channel") in found
    assert ("communications.csv", 2, "sent_at") in found      # no UTC offset
    assert ("communications.csv", 3, "kind") in found
    messages = " ".join(str(p) for p in _problems(folder))
    assert "no UTC offset" in messages and "pigeon" in messages


def test_unknown_client_and_missing_document_are_errors(tmp_path):
    folder = _case(tmp_path, communications=[
        {"client_id": "K9", "path": "k1.txt", "kind": "letter", "channel": "letter",
         "sent_at": "2024-03-01T15:00+08:00", "lead_role": "officer"},
        {"client_id": "K1", "path": "../secret.txt", "kind": "letter", "channel": "letter",
         "sent_at": "2024-03-01T15:00+08:00", "lead_role": "officer"},
        {"client_id": "K1", "path": "missing.txt", "kind": "letter", "channel": "letter",
         "sent_at": "2024-03-01T15:00+08:00", "lead_role": "officer"}])
    found = {(p.row, p.column): p.message for p in _problems(folder)}
    assert "not in clients.csv" in found[(2, "client_id")]
    assert "inside the case folder" in found[(3, "path")]
    assert "not found" in found[(4, "path")]


def test_unknown_columns_and_keys_are_errors_naming_the_file(tmp_path):
    folder = _case(tmp_path)
    (folder / "clients.csv").write_text("client_id,client_name,colour\nK1,甲,red\n", encoding="utf-8")
    (folder / "closure.yaml").write_text((folder / "closure.yaml").read_text(encoding="utf-8")
                                         + "ceo: 王总\n", encoding="utf-8")
    problems = _problems(folder)
    assert any(p.path == "clients.csv" and p.column == "colour" and p.row == 1 for p in problems)
    assert any(p.path == "closure.yaml" and p.column == "ceo" for p in problems)


def test_missing_files_and_duplicate_clients_are_reported_together(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "clients.csv").write_text("client_id,annual_output\nK1,1亿\nK1,2亿\n", encoding="utf-8")
    problems = _problems(folder)
    paths = {p.path for p in problems}
    assert {"closure.yaml", "communications.csv", "clients.csv"} <= paths
    dup = next(p for p in problems if p.path == "clients.csv")
    assert dup.row == 3 and "already on row 2" in dup.message


def test_chinese_headers_and_an_xlsx_client_table(tmp_path):
    from openpyxl import Workbook

    folder = _case(tmp_path)
    (folder / "clients.csv").unlink()
    wb = Workbook()
    ws = wb.active
    ws.append(["客户编号", "客户名称", "年产值", "产业链关键环节", "远程客户"])
    ws.append(["K1", "甲", 500_000_000, "否", "是"])
    wb.save(folder / "clients.xlsx")
    case = load_case(folder)
    (client,) = case.clients
    assert (client.tier, client.remote, client.annual_output) == ("key", True, 5e8)


def test_a_naive_board_resolution_is_rejected(tmp_path):
    folder = _case(tmp_path, closure={**CLOSURE, "board_resolution_at": "2024-03-01T09:00"})
    (p,) = _problems(folder)
    assert p.path == "closure.yaml" and p.column == "board_resolution_at" and "offset" in p.message


@pytest.mark.parametrize("output,chain,tier", [
    (1_200_000_000, False, "core"), (1_000_000_000, False, "key"), (100_000_000, False, "key"),
    (99_999_999, False, "ordinary"), (5_000_000, True, "core"), (None, False, "ordinary")])
def test_tiers_follow_the_seed_thresholds(output, chain, tier):
    assert tier_for(output, chain)[0] == tier


@settings(max_examples=60)
@given(st.floats(min_value=0, max_value=1e12, allow_nan=False))
def test_tier_is_monotonic_in_annual_output(x):
    order = {"ordinary": 0, "key": 1, "core": 2}
    assert order[tier_for(x)[0]] <= order[tier_for(x * 2 + 1)[0]]


@settings(max_examples=60)
@given(st.integers(min_value=0, max_value=10**12))
def test_amounts_parse_with_separators_and_units(n):
    assert parse_amount(f"{n:,}") == n
    assert parse_amount(f"{n}万元") == n * 1e4
    with pytest.raises(ValueError):
        parse_amount(f"about {n}")


OFFSETS = st.sampled_from(["+08:00", "+00:00", "-05:00", "+05:30"])
COMM_ROWS = st.lists(st.fixed_dictionaries({
    "client_id": st.sampled_from(["K1", "K2"]),
    "kind": st.sampled_from(["letter", "faq", "meeting_script", "notice", "wechat"]),
    "channel": st.sampled_from(["on_site_visit", "letter", "wechat_group", "online_meeting", "video_meeting",
                                "email", "express_mail", "phone"]),
    "minute": st.integers(0, 60 * 24 * 10), "offset": OFFSETS,
    "lead_role": st.sampled_from(["senior_leader", "regional_head", "officer"])}), max_size=12)


@settings(max_examples=25, deadline=None)
@given(rows=COMM_ROWS, data=st.data())
def test_every_valid_row_is_kept_and_every_bad_row_is_named(rows, data, tmp_path_factory):
    from datetime import datetime, timedelta

    base = datetime(2024, 3, 1, 9, 0)
    comms = [{"client_id": r["client_id"], "path": "", "kind": r["kind"], "channel": r["channel"],
              "sent_at": (base + timedelta(minutes=r["minute"])).isoformat() + r["offset"],
              "lead_role": r["lead_role"]} for r in rows]
    bad = data.draw(st.sets(st.integers(0, max(0, len(comms) - 1)), max_size=3)) if comms else set()
    for i in bad:
        comms[i]["sent_at"] = comms[i]["sent_at"][:-6]  # drop the offset
    folder = write_case(tmp_path_factory.mktemp("c"), CLOSURE,
                        [{"client_id": "K1", "annual_output": "2亿"}, {"client_id": "K2"}], comms)
    if bad:
        with pytest.raises(CaseError) as exc:
            load_case(folder)
        assert {(p.row, p.column) for p in exc.value.problems} == {(i + 2, "sent_at") for i in bad}
    else:
        case = load_case(folder)
        assert len(case.communications) == len(comms)
        assert [c.row for c in case.communications] == list(range(2, len(comms) + 2))
        for c, r in zip(case.communications, rows):
            expected = base + timedelta(minutes=r["minute"])
            assert c.sent_at.replace(tzinfo=None) == expected and c.sent_at.utcoffset() is not None
