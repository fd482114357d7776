"""Parties: titled persons, organisations, successors, generic parties."""

import pytest

from test_extract_helpers import spans


@pytest.mark.parametrize("text, expected", [
    ("请联系张经理", "张经理"),
    ("王总将于下周一到访", "王总"),
    ("客户服务部李敏负责此事", "李敏"),
    ("联系人：赵敏 电话 138 0013 8000", "赵敏"),
    ("Please contact Jane Doe, Head of Customer Success.", "Jane Doe, Head of Customer Success"),
    ("請聯繫張經理", "張經理"),
])
def test_persons(text, expected):
    assert expected in spans(text, "party", "person", "concrete")


@pytest.mark.parametrize("text, expected, subkind", [
    ("已签约项目由开发区平台公司承接", "开发区平台公司", "successor"),
    ("由开发区产业服务中心协助跟进", "开发区产业服务中心", "organisation"),
    ("客户服务部李敏负责", "客户服务部", "organisation"),
    ("成立客户沟通小组", "客户沟通小组", "team"),
    ("Northwind Labs has agreed to take over your contracts.", "Northwind Labs", "successor"),
    ("Acme Analytics Inc. is closing.", "Acme Analytics Inc.", "organisation"),
    ("Our Customer Success team will call.", "Customer Success team", "team"),
    ("已簽約項目由開發區平台公司承接", "開發區平台公司", "successor"),
])
def test_organisations_and_successors(text, expected, subkind):
    assert expected in spans(text, "party", subkind, "concrete")


@pytest.mark.parametrize("text, expected, subkind", [
    ("请咨询相关部门", "相关部门", "generic"),
    ("有关人员将与您联系", "有关人员", "generic"),
    ("请联系客服", "客服", "support"),
    ("Please reach out to the relevant team.", "the relevant team", "generic"),
    ("Contact customer support for help.", "customer support", "support"),
])
def test_generic_parties_are_vague(text, expected, subkind):
    assert expected in spans(text, "party", subkind, "vague")


@pytest.mark.parametrize("text", ["本公司决定停止服务", "项目经理", "全部款项", "虽然公司停了，情义还在"])
def test_no_named_party(text):
    assert spans(text, "party", quality="concrete") == []


@pytest.mark.parametrize("text, name, role", [
    ("已签约项目由开发区平台公司承接", "开发区平台公司", True),
    ("如有疑问请联系客户服务部", "客户服务部", True),
    ("上海申达智造装备有限公司\n2024年2月27日", "上海申达智造装备有限公司", False),
    ("Your account will be served by our Elm Creek branch.", "Elm Creek branch", True),
])
def test_role_of_named_organisations(text, name, role):
    found = [e for e in __import__("test_extract_helpers").evidence(text) if e.kind == "party" and e.span.text == name]
    assert found and found[0].attrs["role"] is role


@pytest.mark.parametrize("text, expected", [
    ("聯絡窗口：業務部協理 黃建華", "黃建華"),
    ("請洽南京東路分行經理林志明先生", "林志明先生"),
    ("您的客户成功经理：刘畅，电话 0571-8796 2210", "刘畅"),
    ("Your account manager, Daniel Osei, is handling the transition.", "Daniel Osei"),
    ("or Alex Romero (Head of Customer Success) at alex@x-demo.com", "Alex Romero"),
    ("ping Jane Park (jane.park@alpinegear-demo.com)", "Jane Park"),
])
def test_more_person_forms(text, expected):
    assert expected in spans(text, "party", "person", "concrete")


def test_titled_person_with_a_given_name():
    assert spans("贵司对接人：张明经理（开发区产业服务中心）", "party", "person") == ["张明经理"]
    assert spans("请咨询相关部门经理", "party", "person") == []
