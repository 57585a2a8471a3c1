from hypothesis import given
from hypothesis import strategies as st

from wtsa_extract.normalize import clean, fold


def test_fold_examples():
    assert fold("ITU\u2011T\u00a0SG") == "ITU-T SG"
    assert clean("  a\t b\n\nc ") == "a b c"


@given(st.text())
def test_fold_keeps_length_so_offsets_apply_to_the_original(text):
    assert len(fold(text)) == len(text)


@given(st.text())
def test_clean_is_idempotent_and_has_no_edge_space(text):
    once = clean(text)
    assert clean(once) == once
    assert once == once.strip(" \t\n\r\f\v")


from wtsa_extract.normalize import arabic_digits, arabic_key  # noqa: E402

ARABIC_LETTERS = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوية أإآىئؤ0123456789")),
                         max_size=60)
MARKS = st.lists(st.sampled_from(["\u064b", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0640"]),
                 max_size=3)


def test_arabic_key_examples():
    assert arabic_key("يُحدد لاحقاً") == arabic_key("يحدد لاحقا")
    assert arabic_key("إفريقيا") == arabic_key("افريقيا")
    assert arabic_key("القرار ٥٠") == "القرار 50"
    assert arabic_key("\u200fمُراجع\u200e") == "مراجع"
    assert arabic_key("[bookmark: x]النفاذ") == "النفاذ"
    assert arabic_key("ﻣﺮﺍﺟﻊ") == "مراجع"  # presentation forms (NFKC)


@given(ARABIC_LETTERS)
def test_arabic_key_idempotent(text):
    assert arabic_key(arabic_key(text)) == arabic_key(text)


@given(ARABIC_LETTERS, st.data())
def test_arabic_key_ignores_diacritics_and_tatweel(text, data):
    decorated = "".join(ch + "".join(data.draw(MARKS)) if ch.strip() else ch for ch in text)
    assert arabic_key(decorated) == arabic_key(text)


@given(st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"))
def test_arabic_digits_are_ascii(text):
    assert arabic_digits(text).isascii()
    assert len(arabic_digits(text)) == len(text)

