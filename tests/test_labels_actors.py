from hypothesis import given
from hypothesis import strategies as st

from wtsa_extract.parse import actors
from wtsa_extract.parse.english import parse_english
from wtsa_extract.parse.labels import Hierarchy, split_glued, split_label
from wtsa_extract.readers.text import blocks_from_text


def test_labels():
    cases = {"1\tto continue": ("1", "to continue"), "16\tx": ("16", "x"), "2bis\tx": ("2bis", "x"),
             "i)\tassist": ("i)", "assist"), "V) cooperation": ("V)", "cooperation"), "1 to identify": ("1", "to identify"),
             "b)bis\tthat": ("b)bis", "that"), "1bis.1.1.1\tTexts": ("1bis.1.1.1", "Texts"), "e)\tongoing": ("e)", "ongoing"),
             "2020 world": (None, "2020 world"), "Resolution 1": (None, "Resolution 1"),
             # spaces typed before the TAB (ITU Res. 1's own file: '5.5 <TAB>The Director')
             "5.5 \tThe Director": ("5.5", "The Director"), "5.4bis \tThe": ("5.4bis", "The"), "a)  \tthat": ("a)", "that"),
             "2.3.1 Member States shall": ("2.3.1", "Member States shall"), "2.5 million people": (None, "2.5 million people"),
             "10.0.0.1 is reserved": (None, "10.0.0.1 is reserved")}
    for text, expected in cases.items():
        got = split_label(text)
        assert (got.label, got.text) == expected, text


def test_symbol_font_glyphs_open_bullet_items():
    # Word writes a Symbol-font bullet as w:sym; LibreOffice and others write the glyph's private-use
    # code point as text: U+F02D (Symbol's minus), U+F0B7 (Symbol's bullet), U+F0D8 (a Wingdings arrow).
    for glyph in ("\uf02d", "\uf0b7", "\uf0d8", "\uf0a7"):
        got = split_label(glyph + "\tto accept proposals")
        assert (got.label, got.text, got.bullet) == (None, "to accept proposals", True), hex(ord(glyph))
    assert split_label("\ue000\tprivate use outside the symbol fonts").bullet is False
    assert split_label("\uf031\tSymbol's digit one").bullet is False  # Symbol's digits are not bullets


def test_glued_split_keeps_leading_dotted_label():
    assert split_glued("devices;4\tto provide") == ["devices;", "4\tto provide"]
    assert split_glued("1bis.1\tGeneral principles") == ["1bis.1\tGeneral principles"]


def test_hierarchy_letters_versus_roman():
    h = Hierarchy()
    assert [h.parent_of(x) for x in ["h)", "i)", "1.3", "a)", "b)", "i)", "ii)", "1.3.1"]] == [
        None, None, None, "1.3", "1.3", "b)", "b)", "1.3"]


def test_actors_of_addressees():
    a = actors.actors_of_addressee("the Director of TSB in close collaboration with the BDT and BR Directors")
    assert (a.bureaux, a.with_bureaux, a.assignee) == (("TSB",), ("BDT", "BR"), None)
    a = actors.actors_of_addressee("the Directors of the three Bureaux")
    assert a.bureaux == ("TSB", "BDT", "BR")
    a = actors.actors_of_addressee("Directors of the other Bureaux")
    assert a.unresolved_other
    assert actors.actors_of_addressee("ITU\u2011T, in particular Study Group 5").assignee == "ITU-T Study Group 5"


def test_partners_need_a_cue():
    assert actors.partners("existing and planned BDT activities", ("TSB",)) == (set(), False)
    assert actors.partners("to assist the Director of BDT", ("TSB",)) == ({"BDT"}, False)
    assert actors.partners("in cooperation with BR and BDT", ("TSB",)) == ({"BDT", "BR"}, False)


@given(st.text(max_size=200))
def test_label_splitter_never_raises(text):
    got = split_label(text)
    assert got.text in text or got.label is None
    assert "".join(split_glued(text)) == text or not text.strip()


@given(st.lists(st.sampled_from(["RESOLUTION 5", "NEW RESOLUTION", "instructs", "the Director of TSB",
                                 "1\tto do; 2\tto go", "i)\tx", "resolves", "to instruct the study groups",
                                 "noting", "\tcell", "", "ITU-T SG 13", "text with BDT", "that ITU"]), max_size=40))
def test_parser_never_raises(lines):
    blocks = blocks_from_text("\n".join(lines))
    result = parse_english(blocks)
    for r in result.value:
        for s in r.sections:
            for c in s.clauses:
                assert set(c.bureaux) <= {"TSB", "BDT", "BR"}
                assert not set(c.with_bureaux) & set(c.bureaux)


def test_un_arabic_quoted_numbers_are_labels_in_arabic_only():
    """’1‘ for (i) in UN Arabic texts: a label before a TAB, or a space and Arabic text; quoted numbers
    in running English text are not."""
    from wtsa_extract.parse.labels import split_label

    assert split_label("’1‘\tجرد الأصول").label == "’1‘"
    assert split_label("’2‘ تخطيط عمليات الانتقال").label == "’2‘"
    assert split_label("‘3’ should be read as ‘4’ throughout").label is None
