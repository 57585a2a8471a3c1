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
