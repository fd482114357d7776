"""The README's example letters (examples/letters/) get the statuses the corpus README lists for them."""

from pathlib import Path

import pytest

from transparency.extract import extract
from transparency.judge.statuses import assess
from transparency.language import detect_language
from transparency.models import Document

LETTERS = Path(__file__).resolve().parent.parent / "examples" / "letters"
C, V = "concrete", "vague"
EXPECTED = {  # reason, time, responsibility, compensation, plan, owner
    "zh-good-land-refund.txt": (C, C, C, C, C, C),
    "zh-vague-devzone.txt": (V, V, V, V, V, V),
    "en-good-saas-shutdown.txt": (C, C, C, C, C, C),
    "en-vague-saas-shutdown.txt": (V, V, V, V, V, V),
    "zh-repealed-contract-law-placeholder.txt": (C, V, C, C, C, C),
    "zh-hant-game-shutdown-notice.txt": (C, C, V, C, C, C),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_letter_statuses(name):
    path = LETTERS / name
    if not path.exists():
        pytest.skip(f"{path.name} is not in examples/letters")
    text = path.read_text(encoding="utf-8")
    doc = Document(text=text, language=detect_language(text))
    matrix, formula = assess(doc, extract(doc))
    got = tuple(matrix[d].status for d in ("reason", "time", "responsibility", "compensation"))
    got += (formula.plan.status, formula.owner.status)
    assert got == EXPECTED[name]
    assert formula.cause.status == matrix["reason"].status


def test_repealed_citation_in_the_example_is_flagged():
    path = LETTERS / "zh-repealed-contract-law-placeholder.txt"
    if not path.exists():
        pytest.skip("example letter not present")
    doc = Document(text=path.read_text(encoding="utf-8"))
    cites = [e for e in extract(doc) if e.kind == "citation"]
    assert [(e.attrs["law"], e.attrs["article"], e.attrs["status"]) for e in cites] == [("合同法", 94, "repealed")]
    assert cites[0].value["current_law"] == "民法典" and cites[0].value["current_articles"] == [563]
