"""Legal citations and the repealed-law table."""

import pytest

from test_extract_helpers import first, spans
from transparency.errors import ConfigError
from transparency.extract.citations import load_law_table


@pytest.mark.parametrize("text, law, article, status, current", [
    ("根据《合同法》第94条，", "合同法", 94, "repealed", ("民法典", [563])),
    ("《民法典》第五百六十三条", "民法典", 563, "current", None),
    ("依据合同法第九十四条", "合同法", 94, "repealed", ("民法典", [563])),
    ("Article 577 of the Civil Code", "民法典", 577, "current", None),
    ("the Contract Law, Article 107", "合同法", 107, "repealed", ("民法典", [577])),
    ("《公司法》第185条", "公司法", 185, "renumbered", ("公司法", [235])),
    ("《担保法》第89条", "担保法", 89, "repealed", ("民法典", [586, 587])),
    ("《合同法》第40条", "合同法", 40, "repealed", ("民法典", [497])),
    ("根據《合同法》第94條", "合同法", 94, "repealed", ("民法典", [563])),
])
def test_citations(text, law, article, status, current):
    e = first(text, "citation")
    assert (e.attrs["law"], e.attrs["article"], e.attrs["status"]) == (law, article, status)
    if current:
        assert (e.value["current_law"], e.value["current_articles"]) == current


def test_versioned_company_law_citation_is_current():
    assert first("《公司法》（2023年修订）第235条", "citation").attrs["status"] == "current"


def test_a_list_of_articles_gives_one_citation_each():
    found = [e.attrs["article"] for e in __import__("test_extract_helpers").evidence("《合同法》第94条、第96条")
             if e.kind == "citation"]
    assert found == [94, 96]


def test_unknown_law_and_non_laws():
    assert first("《某某管理条例》第3条", "citation").attrs["status"] == "unknown"
    assert spans("按照《国有建设用地使用权出让合同》约定", "citation") == []
    assert spans("请查看《客户FAQ手册》", "citation") == []


def test_bare_repealed_law_without_article():
    e = first("依据合同法规定", "citation")
    assert e.attrs["status"] == "repealed" and "article" not in e.attrs


def test_table_rejects_unknown_keys(tmp_path):
    bad = tmp_path / "repealed_law.yaml"
    bad.write_text("laws:\n  民法典: {status: current, colour: red}\narticles: []\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_law_table(bad)
    assert "repealed_law.yaml" in str(info.value) and "colour" in str(info.value)


def test_table_rejects_rows_for_unlisted_laws(tmp_path):
    bad = tmp_path / "repealed_law.yaml"
    bad.write_text("laws:\n  民法典: {status: current}\narticles:\n"
                   "  - {law: 合同法, articles: '94', current_law: 民法典, current_articles: '563', status: repealed}\n",
                   encoding="utf-8")
    with pytest.raises(ConfigError, match="合同法"):
        load_law_table(bad)


def test_bundled_table_loads():
    table = load_law_table()
    assert table.check("合同法", 94)["current_articles"] == [563]
