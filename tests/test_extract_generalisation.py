"""Kinds of closure language the extractor must handle beyond the sentences it was first built on.

Each test states one general behaviour (a family of cue words, a clause boundary, a party or channel
shape, a compensation pairing) with new sentences in Simplified Chinese, Traditional Chinese and
English, judged end to end through :func:`transparency.judge.statuses.assess`.
"""

from __future__ import annotations

import pytest

from transparency.extract import extract
from transparency.judge.statuses import assess
from transparency.models import Document


def judged(text: str, language: str = "zh") -> dict[str, str]:
    """Matrix and formula statuses of ``text``."""
    doc = Document(text=text, language=language)
    matrix, formula = assess(doc, extract(doc))
    out = {name: result.status for name, result in matrix.items()}
    out.update(cause=formula.cause.status, plan=formula.plan.status, owner=formula.owner.status)
    return out


@pytest.mark.parametrize("text", [
    "因为商场要重新装修，本舞蹈室5月1日起就不能再上课了。",
    "本茶餐廳因業主收回舖位，將於6月30日結業。",
    "由于所在厂房被列入征收范围，本店暂停营业。",
])
def test_studio_and_shop_closures_tie_a_cause_to_the_closure(text):
    # 不能再上课 / 結業 / 暂停营业 say the business closes, so the cause before them is its reason.
    assert judged(text)["reason"] == "concrete"


@pytest.mark.parametrize("text, language", [
    ("本店因業務重組，將暫停營業。", "zh"),
    ("因组织架构调整，本服务将于年内停止运营。", "zh"),
    ("Following a strategic review, the Company will exit the Nordic market.", "en"),
    ("After careful consideration, we are closing the studio.", "en"),
])
def test_reorganisation_and_review_labels_are_vague_reasons(text, language):
    result = judged(text, language)
    assert result["reason"] == "vague" and result["cause"] == "vague"


def test_an_english_reason_heading_introduces_the_cause():
    text = ("Reason: the only bank that processed our card payments ended its contract with us.\n\n"
            "The shop closes on May 3, 2025.")
    assert judged(text, "en")["reason"] == "concrete"


@pytest.mark.parametrize("text", ["会员卡5.20之后将无法使用。", "本館場地6.15以後停止開放。"])
def test_month_dot_day_followed_by_after_is_a_date(text):
    assert judged(text)["time"] == "concrete"


@pytest.mark.parametrize("text", [
    "We are discontinuing the plug-in. Please email support with anything you need.",
    "The beta ends soon. Reach out to support if something breaks.",
])
def test_a_bare_support_address_is_a_generic_channel(text):
    assert judged(text, "en")["responsibility"] == "vague"
