"""Time evidence: dates in every common form, periods, relative, recurring and vague times."""

import pytest

from test_extract_helpers import first, spans


@pytest.mark.parametrize("text, expected, iso", [
    ("最后服务截止日为2024年3月31日。", "2024年3月31日", "2024-03-31"),
    ("服务将于3月31日终止。", "3月31日", "--03-31"),
    ("二〇二四年三月三十一日起停止服务", "二〇二四年三月三十一日起", "2024-03-31"),
    ("截止日期：2024-03-31", "2024-03-31", "2024-03-31"),
    ("截止日期：2024.3.31", "2024.3.31", "2024-03-31"),
    ("截止日期：2024/3/31", "2024/3/31", "2024-03-31"),
    ("The service ends on March 31, 2024.", "March 31, 2024", "2024-03-31"),
    ("The service ends on 31 March 2024.", "31 March 2024", "2024-03-31"),
    ("服務將於2024年3月31日終止。", "2024年3月31日", "2024-03-31"),
    ("最後服務日為２０２４年３月３１日", "２０２４年３月３１日", "2024-03-31"),
])
def test_absolute_dates(text, expected, iso):
    e = first(text, "time", "date")
    assert e.span.text == expected
    assert e.value == iso
    assert e.quality == "concrete"


@pytest.mark.parametrize("text, expected, days", [
    ("我们将在30天内完成退款", "30天内", 30),
    ("三个工作日内答复", "三个工作日内", 3),
    ("决议通过后8小时内启动客户沟通", "决议通过后8小时内", 0.3333),
    ("Refunds are paid within 30 days of this notice.", "within 30 days of this notice", 30),
    ("我們將在30天內完成退款", "30天內", 30),
])
def test_bounded_periods(text, expected, days):
    e = first(text, "time", "period")
    assert e.span.text == expected
    assert e.attrs["days"] == pytest.approx(days, abs=1e-3)


@pytest.mark.parametrize("text, expected", [
    ("请于本月底前提交材料", "本月底前"),
    ("王总将于下周一到访", "下周一"),
    ("We will call you this Friday.", "this Friday"),
])
def test_anchored_relatives_are_concrete(text, expected):
    assert expected in spans(text, "time", "relative", "concrete")


def test_recurring_and_clock_times():
    assert spans("每月15日结算", "time", "recurring") == ["每月15日"]
    assert "22:00" in spans("当日22:00后停止访问", "time", "clock")
    assert spans("热线 9:00 am to 5:00 pm", "time", "clock", language="en") == ["9:00 am", "5:00 pm"]


@pytest.mark.parametrize("text, word", [
    ("我们将于近期停止服务", "近期"),
    ("请尽快联系我们", "尽快"),
    ("适时公布", "适时"),
    ("后续安排另行通知", "另行通知"),
    ("择期举行说明会", "择期"),
    ("The service will close soon.", "soon"),
    ("We will wind down in the coming months.", "in the coming months"),
    ("Access is suspended until further notice.", "until further notice"),
    ("我們將儘快聯繫您", "儘快"),
])
def test_vague_times(text, word):
    assert word in spans(text, "time", "vague", "vague")


def test_a_year_alone_is_vague():
    assert spans("公司计划于2025年退出", "time", "year_only", "vague") == ["2025年"]
    assert spans("We plan to close in 2025.", "time", "year_only", "vague", language="en") == ["in 2025"]


@pytest.mark.parametrize("text", [
    "本公司感谢您的支持",
    "面积为3000平方米",
    "The team worked hard on the product.",
    "电话 021-5968 1234",
    "版本 3.5 已发布",
])
def test_no_time_in_time_free_text(text):
    assert spans(text, "time") == []


def test_anchored_month_end_is_not_reported_as_vague():
    assert spans("请于本月底前提交", "time", "vague") == []
    assert spans("请于3月底前提交", "time", "date") == ["3月底前"]


@pytest.mark.parametrize("text, expected, iso", [
    ("中華民國113年9月30日起停止營業", "民國113年9月30日起", "2024-09-30"),
    ("请于25号前到店办理", "25号前", "----25"),
    ("3.31前完成退款", "3.31", "--03-31"),
    ("Closing on 30/06/2024.", "30/06/2024", "2024-06-30"),
    ("Letzter Tag: 15.10.2024", "15.10.2024", "2024-10-15"),
])
def test_other_date_forms(text, expected, iso):
    found = [e for e in __import__("test_extract_helpers").evidence(text) if e.kind == "time" and e.subkind == "date"]
    assert [(e.span.text, e.value) for e in found] == [(expected, iso)]


@pytest.mark.parametrize("text", ["价格上涨3.5倍", "5号楼3层", "113年的老店", "version 1.2.3"])
def test_no_date_in_numbers_that_are_not_dates(text):
    assert spans(text, "time", "date") == []


def test_a_festival_inside_a_name_is_not_a_time():
    assert spans("由副总经理赵国庆负责", "time") == []


def test_an_anchor_does_not_reach_back_over_a_name():
    assert spans("由上海崇明产业发展有限公司自本函送达之日起30日内退还", "time", "period") == ["自本函送达之日起30日内"]
