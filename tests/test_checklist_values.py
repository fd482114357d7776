"""Cell readers: amounts, deadlines, dates, yes/no, dispute clauses."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transparency.checklist import values
from transparency.checklist.values import CellError


@pytest.mark.parametrize("cell, expected", [
    ("1,250万", 12_500_000), ("3.5亿", 350_000_000), ("¥1,250,000", 1_250_000), ("￥1,250,000元", 1_250_000),
    ("120万元", 1_200_000), (1250000, 1_250_000), (12.5, 12.5), ("0", 0), ("RMB 800", 800),
    ("2,500,000,000", 2_500_000_000), ("", None), (None, None)])
def test_amounts_are_read(cell, expected) -> None:
    assert values.amount(cell) == expected


@pytest.mark.parametrize("cell", ["-5", -5, "-1,250万", "约100万", "一百万", "abc", True, float("nan"), "1.2.3"])
def test_bad_amounts_are_errors(cell) -> None:
    with pytest.raises(CellError):
        values.amount(cell)


def test_negative_amount_message_says_negative() -> None:
    with pytest.raises(CellError, match="negative"):
        values.amount("-5")


@pytest.mark.parametrize("cell, kind, days, anchor", [
    ("停业后30日内", "period", 30, "closure"), ("停业后三十日内", "period", 30, "closure"),
    ("within 30 days of closure", "period", 30, "closure"), ("签约后15日内", "period", 15, "other"),
    ("停业后20个工作日内", "period", 28, "closure"), ("停业后3个月内", "period", 90, "closure"),
    ("近期", "vague", None, None), ("尽快", "vague", None, None), ("soon", "vague", None, None),
    ("另行通知", "vague", None, None), ("2024年X月X日", "placeholder", None, None),
    ("【日期】", "placeholder", None, None), ("", "absent", None, None)])
def test_deadlines(cell, kind, days, anchor) -> None:
    d = values.deadline(cell)
    assert (d.kind, d.days, d.anchor) == (kind, days, anchor)
    assert d.text == cell


@pytest.mark.parametrize("cell", ["2024-03-31", "2024/3/31", "2024年3月31日", "2024.03.31", "2024年3月31日前",
                                  dt.date(2024, 3, 31), dt.datetime(2024, 3, 31, 0, 0)])
def test_deadline_dates(cell) -> None:
    d = values.deadline(cell)
    assert d.kind == "date" and d.date == dt.date(2024, 3, 31)


@pytest.mark.parametrize("cell", ["2024-02-30", "2023年2月29日", "2024-13-01", "2024/04/31"])
def test_impossible_dates_are_errors(cell) -> None:
    with pytest.raises(CellError, match="impossible date"):
        values.deadline(cell)
    with pytest.raises(CellError):
        values.date(cell)


@pytest.mark.parametrize("cell, expected", [("是", True), ("否", False), ("yes", True), ("No", False),
                                            ("TRUE", True), (1, True), (0, False), (None, None), ("", None)])
def test_booleans(cell, expected) -> None:
    assert values.boolean(cell) is expected


def test_unknown_boolean_is_an_error() -> None:
    with pytest.raises(CellError, match="yes/no"):
        values.boolean("也许")


@pytest.mark.parametrize("cell, kind", [
    ("提交上海仲裁委员会仲裁", "arbitration_named"), ("上海国际仲裁中心", "arbitration_named"),
    ("arbitration by the Shanghai International Arbitration Center", "arbitration_named"),
    ("提交仲裁委员会仲裁", "arbitration_vague"), ("提交有关仲裁委员会仲裁", "arbitration_vague"),
    ("仲裁解决", "arbitration_vague"), ("by arbitration", "arbitration_vague"),
    ("上海市崇明区人民法院", "court"), ("协商不成的，向被告所在地法院起诉", "court"),
    ("双方友好协商解决", "none"), (None, "none")])
def test_dispute_clauses(cell, kind) -> None:
    assert values.dispute(cell).kind == kind


@pytest.mark.parametrize("cell, expected", [("土地款退还", "land_refund"), ("land_refund", "land_refund"),
                                            ("扶持奖励", "subsidy"), ("保证金", "deposit"), ("其他", "other")])
def test_kinds(cell, expected) -> None:
    assert values.choice(cell, "kind") == expected


def test_unknown_kind_lists_the_choices() -> None:
    with pytest.raises(CellError, match="land_refund"):
        values.choice("土地", "kind")


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
                 st.dates(), st.datetimes()))
def test_readers_raise_only_cell_errors(cell) -> None:
    for reader in (values.amount, values.deadline, values.date, values.boolean, values.currency, values.text,
                   values.dispute, lambda v: values.choice(v, "kind")):
        try:
            reader(cell)
        except CellError:
            pass
