"""Internals users rely on indirectly: windowed scans equal whole-text scans, the fold keeps lengths,
lexicons are validated with errors naming the file and the group."""

import re

import pytest
from hypothesis import given, settings, strategies as st

from transparency.extract import find_hits, money, times
from transparency.extract.lexicon import LexiconError, fold_table, validate_lexicon
from transparency.extract.text import PhraseIndex, fold

PIECES = st.sampled_from([
    "2024年3月31日", "3月31日", "二〇二四年三月三十一日", "2024-03-31", "2024/3/31", "3/31/2024", "22:00", "下午3点",
    "30天内", "决议通过后8小时内", "停业后3个月、6个月、1年", "每月15日", "2025年", "2024年底", "3月底前",
    "人民币1,250万元", "¥3.5亿", "五十万元", "约50万元", "$18,000", "USD 2.5 million", "年", "月", "后", "内",
    "，", "。", "\n", " ", "元", "号", "路", "8", "十", "X",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(alphabet="0123456789年月日号后内起满点时:-/.元¥$人民币 ", max_size=6)),
                 max_size=16).map("".join)


@settings(max_examples=80, deadline=None)
@given(TEXTS)
def test_windowed_time_scan_equals_a_whole_text_scan(text):
    folded = fold(text, fold_table())
    windowed = sorted(times.find_times(folded, {}))
    saved = dict(times._WINDOWS)
    try:
        times._WINDOWS.clear()
        whole = sorted(times.find_times(folded, {}))
    finally:
        times._WINDOWS.update(saved)
    assert windowed == whole


@settings(max_examples=80, deadline=None)
@given(TEXTS)
def test_windowed_money_scan_equals_a_whole_text_scan(text):
    folded = fold(text, fold_table())
    windowed = sorted(money.find_money(folded))
    pats = money._patterns()
    whole = sorted(h for h in money._amounts_in(folded.lower(), pats, 0, len(folded)))
    vague = [h for h in windowed if h.attrs.get("amount") is None]
    assert sorted(h for h in windowed if h.attrs.get("amount") is not None) == sorted(
        h for h in whole if h.attrs.get("amount") is not None)
    assert all(h.subkind == "vague_amount" for h in vague)


@given(st.text(max_size=80))
def test_fold_keeps_the_length(text):
    assert len(fold(text, fold_table())) == len(text)


def test_fold_maps_traditional_and_full_width():
    assert fold("終止運營，聯繫：０２１", fold_table()) == "终止运营,联系:021"


def test_phrase_index_respects_latin_word_edges():
    index = PhraseIndex({"so": [("t", "so")], "退款": [("t", "refund")], "原因…详见": [("t", "link")]})
    found = index.scan("also so 全额退款 原因请详见公告")
    assert found[("t", "so")] == [(5, 7)]
    assert found[("t", "refund")] == [(10, 12)]
    assert found[("t", "link")] == [(13, 18)]


def test_lexicon_validation_names_the_file_and_the_group():
    with pytest.raises(LexiconError, match=r"lexicons/time.yaml.*unknown group.*colour"):
        validate_lexicon("time", {"vague": ["x"], "vague_relative": [], "concrete_relative": [], "festivals": [],
                                  "colour": ["red"]}, "lexicons/time.yaml")
    with pytest.raises(LexiconError, match=r"missing group"):
        validate_lexicon("time", {"vague": ["x"]}, "lexicons/time.yaml")
    with pytest.raises(LexiconError, match=r"group 'vague' must be a list of non-empty strings"):
        validate_lexicon("time", {"vague": ["x", True], "vague_relative": [], "concrete_relative": [],
                                  "festivals": []}, "lexicons/time.yaml")


def test_bundled_lexicons_all_validate():
    from transparency.extract.lexicon import SCHEMA, lexicon
    for name in SCHEMA:
        assert lexicon(name)


def test_find_hits_offsets_index_the_original_text():
    text = "服務將於２０２４年３月３１日終止，請聯繫張經理。"
    for h in find_hits(text):
        assert 0 <= h.start < h.end <= len(text)
    assert any(text[h.start:h.end] == "２０２４年３月３１日" for h in find_hits(text))
    assert re.search("張經理", text)


def test_sentence_bounds_skip_abbreviations_decimals_and_addresses():
    from transparency.extract.text import sentence_bounds
    text = "Kessler Hydraulik USA Inc. will supply parts. Pay $3.5 million via acme.com now. 好的。Mr. J. Smith left"
    pieces = [text[s:e] for s, e in sentence_bounds(text)]
    assert pieces == ["Kessler Hydraulik USA Inc. will supply parts", " Pay $3.5 million via acme.com now", " 好的",
                      "Mr. J. Smith left"]


def test_a_phrase_listed_twice_in_a_group_is_a_lexicon_error():
    from transparency.extract.lexicon import SCHEMA

    raw = {g: ["x"] for g in SCHEMA["topics"][0]}
    raw["closure"] = ["retiring", "Retiring"]
    with pytest.raises(LexiconError, match="lists 'Retiring' twice"):
        validate_lexicon("topics", raw, "topics.yaml")


def test_a_label_that_is_also_a_checkable_fact_is_a_lexicon_error():
    from transparency.extract.lexicon import SCHEMA

    raw = {g: [f"{g}-x"] for g in SCHEMA["reasons"][0]}
    raw["boilerplate"] = ["规划调整"]
    raw["specific_facts"] = ["规划调整"]
    with pytest.raises(LexiconError, match="both a label"):
        validate_lexicon("reasons", raw, "reasons.yaml")
