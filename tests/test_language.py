"""Language detection: Chinese when ideographs carry a fair share of the text."""

from hypothesis import given, strategies as st

from transparency.language import detect_language


def test_clear_cases():
    assert detect_language("我司将于2024年3月31日停业") == "zh"
    assert detect_language("We will close on March 31, 2024.") == "en"
    assert detect_language("Dear client, 您好 we are closing the service on March 31.") == "en"
    assert detect_language("Apple公司的服务将于近期终止，请联系support@apple.com") == "zh"
    assert detect_language("") == "zh" and detect_language("2024-03-31", default="en") == "en"
    assert detect_language("終止服務，請聯繫客服專線") == "zh"


@given(st.text(max_size=80))
def test_always_one_of_the_two_languages(text):
    assert detect_language(text) in ("zh", "en")
