import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wtsa_extract.readers.text import TextError, blocks_from_text, decode, read_text

TIKA = "Intro line\n\tcell one\ncontinued\n\tcell two\n\n\tnext row\n\t\n\nAfter table\n"


def test_tika_cells_rows_and_continuations():
    blocks = blocks_from_text(TIKA)
    got = [(b.text, b.loc.table, b.loc.row, b.loc.cell, b.loc.paragraph, b.loc.line) for b in blocks]
    assert got == [
        ("Intro line", None, None, None, None, 1),
        ("cell one", 1, 1, 1, 1, 2),
        ("continued", 1, 1, 1, 2, 3),
        ("cell two", 1, 1, 2, 1, 4),
        ("next row", 1, 2, 1, 1, 6),
        ("", 1, 2, 2, 1, 7),  # an empty cell is a line holding only a TAB
        ("After table", None, None, None, None, 9),
    ]


def test_second_table_gets_a_new_index():
    blocks = blocks_from_text("\ta\n\nbody\n\tb\n")
    assert [(b.text, b.loc.table, b.loc.row) for b in blocks] == [("a", 1, 1), ("body", None, None), ("b", 2, 1)]


def test_markers_removed_and_footnote_attached():
    line = "\t[bookmark: lt_1]Bridging developing[footnoteRef:1] and developed [1: \tThese include LDCs.] "
    (block,) = blocks_from_text(line)
    assert block.text.rstrip() == "Bridging developing and developed"
    assert [(f.id, f.text) for f in block.footnotes] == [("1", "These include LDCs.")]


def test_brackets_that_are_not_markers_are_kept():
    (block,) = blocks_from_text("modalities in [Resolutions 44 (Rev. Hammamet, 2016)] and [76]")
    assert block.text == "modalities in [Resolutions 44 (Rev. Hammamet, 2016)] and [76]"


def test_plain_text_one_paragraph_per_line():
    blocks = blocks_from_text("RESOLUTION 50\nCybersecurity\ninstructs\n1 to continue")
    assert [b.text for b in blocks] == ["RESOLUTION 50", "Cybersecurity", "instructs", "1 to continue"]
    assert all(b.loc.table is None for b in blocks)


def test_crlf_and_cr_line_ends():
    assert [b.text for b in blocks_from_text("a\r\nb\rc\n")] == ["a", "b", "c"]
    assert [b.loc.line for b in blocks_from_text("a\r\nb\rc\n")] == [1, 2, 3]


ARABIC = "جديد يُحدد لاحقاً\nRESOLUTION 50\n"


def test_encodings_detected():
    for data, expected in [
        (ARABIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8 (BOM)"),
        (ARABIC.encode("utf-16"), "utf-16 (BOM)"),
        (ARABIC.encode("cp1256"), "windows-1256"),
        (ARABIC.encode("utf-16-le"), "utf-16-le"),
    ]:
        text, encoding, messages = decode(data)
        assert (text.lstrip("\ufeff"), encoding, messages) == (ARABIC, expected, [])


WESTERN = ("RESOLUTION 1 (Rev. Hammamet, 2016)\nRules of procedure of the ITU\u2019s Sector \u2013 "
           "Union internationale des t\u00e9l\u00e9communications\nresolves\n1\tthat \u201cthe rules\u201d apply;\n")


def test_western_windows_text_is_read():
    # Word's and Notepad's "ANSI" on a Western system: curly quotes, dashes and accents in Windows-1252
    text, encoding, messages = decode(WESTERN.encode("cp1252"))
    assert (text, encoding, messages) == (WESTERN, "windows-1252", [])


def test_damaged_utf8_is_not_taken_for_windows_1252():
    # valid UTF-8 (Arabic) with many bad bytes: damage, not another encoding
    data = (ARABIC + "\n").encode("utf-8") * 3 + b"\x92 \x96 " * 20
    with pytest.raises(TextError, match="Windows-1252"):
        decode(data)


def test_a_few_bad_bytes_in_utf8_are_replaced_with_a_warning():
    data = ("RESOLUTION 1\nالأمن السيبراني " * 20).encode("utf-8") + b"\xff tail"
    encoding, result = read_text(data)
    assert encoding == "utf-8"
    assert [m.code for m in result.messages] == ["undecodable-bytes"]
    assert result.value[0].text == "RESOLUTION 1"


@pytest.mark.parametrize("data,message", [
    (b"\x00\x01\x02binary\x00" * 50, "binary"),
    (bytes(range(128, 256)) * 40, "not text in UTF-8"),
    (b"RESOLUTION 1\n" + b"\x01\x02\x03\x04\x05" * 100, "binary"),
])
def test_binary_and_undecodable_data_raise_text_error(data, message):
    with pytest.raises(TextError, match=message):
        read_text(data)


def test_bom_is_not_part_of_the_first_block():
    _, result = read_text(codecs.BOM_UTF8 + b"RESOLUTION 1")
    assert result.value[0].text == "RESOLUTION 1"


@given(st.binary(max_size=2000))
def test_reader_raises_only_its_own_error(data):
    try:
        encoding, result = read_text(data)
    except TextError as error:
        assert "\n" not in str(error)
        return
    assert isinstance(encoding, str)
    assert all(isinstance(b.text, str) for b in result.value)


@given(st.text(alphabet=st.sampled_from(list("ab\t\n\r [],:1جد")), max_size=300))
def test_reader_never_raises_on_text_and_keeps_lines(text):
    blocks = blocks_from_text(text)
    lines = [b.loc.line for b in blocks]
    assert lines == sorted(lines)


# pdftotext's shape: a clause broken at the page width, its label on a line of its own, a page number
# and a form feed at the end of each page.
PDF_TEXT = ("RESOLUTION 64 (Rev. Geneva, 2022)\nresolves\n1\nto instruct Study Group 2 to continue its study of"
            "\nthe allocation of IP addresses;\n\n7\n\f2\nto report to the next assembly.\n\n8\n\f")


def test_text_from_pdf_is_flagged_where_its_first_page_ends():
    _, result = read_text(PDF_TEXT.encode())
    assert [(m.level, m.code, m.loc.line) for m in result.messages] == [("warning", "page-breaks", 8)]
    assert "ends its 2 pages with form feeds" in result.messages[0].message
    # the lines are still all read, one block each (nothing is joined or dropped)
    assert [b.text for b in result.value][:3] == ["RESOLUTION 64 (Rev. Geneva, 2022)", "resolves", "1"]


def test_a_form_feed_inside_other_text_is_not_pdf():
    # Word's plain-text export writes a page or section break as a form feed; a PDF converter ends
    # every page with one, so its text ends with one.
    text = "RESOLUTION 1\nresolves\n1\tthat the rules apply;\n\fRESOLUTION 2\nresolves\n1\tthat the groups meet;\n"
    _, result = read_text(text.encode())
    assert [m.code for m in result.messages] == []
    assert [b.text for b in result.value][3:5] == ["\fRESOLUTION 2", "resolves"]
    _, result = read_text((text + "\f").encode())
    assert [m.code for m in result.messages] == ["page-breaks"]


@pytest.mark.parametrize("first", ["<html> tags are not used in this text", "<tagged> paragraphs are typed so"])
def test_text_opening_with_a_tag_like_word_is_read(first):
    from wtsa_extract.readers import read_bytes

    kind, _, result = read_bytes(f"{first}\nRESOLUTION 1\nresolves\n1\tthat it is read;\n".encode())
    assert kind == "text" and [b.text for b in result.value][1] == "RESOLUTION 1"
