"""needles(): the literals it names must occur in every match, or the screen would hide real matches."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from wtsa_extract.needles import Screened, needles
from wtsa_extract.vocabulary import assignees, bureaux, glossary


def test_scoped_ignorecase_and_dotless_i_are_not_hidden():
    assert Screened("(?i:study groups)").search("Study Groups")
    assert Screened(r"internet of things|\bIoT\b", re.IGNORECASE).search("the \u0131ot x")
    assert Screened(r"assist", re.IGNORECASE).search("to ASS\u0130ST")


def test_case_blind_patterns():
    from wtsa_extract.needles import case_blind

    assert case_blind(r"\bin\s+(?:close\s+)?collaboration\b[^;:]{0,80}?with")
    assert not case_blind(r"x[ -`]y") and not case_blind(r"\x41bc") and not case_blind("(?i:abc)")


def test_needles_of_simple_patterns():
    assert needles(r"standardi[sz]ation") == {"standardi"}
    assert needles(r"\bstudy groups?\b") == {"study group"}
    assert needles(r"\b(?:to\s+)?(?:assist|support|help)(?:ing)?\b") == {"assist", "support", "help"}
    assert needles(r"x*|y") is None  # nothing is required


SCREENS = [bureaux().mention, bureaux().partner_cue, *(e.pattern for e in assignees().entities),
           *(t.en for t in glossary())]
WORDS = sorted({w for s in SCREENS for n in (s.needles or ()) for w in (n, n.upper(), n.capitalize())}
               | {"the", "of", "Bureau", "in", "to", " ", ",", ";", "Study Group 5", "\u017f", "\u212a", "\u0130",
                  "\u0131", "\u0131ot", "ass\u0131st", "\u0130OT"})


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=3), max_size=12).map(" ".join))
def test_the_screen_never_hides_a_match(text):
    for screen in SCREENS:
        if screen.pattern.search(text):
            assert screen.possible(text), (screen.source, text)


def test_screen_answers_as_the_pattern():
    screen = Screened(r"\bTSB\b|Telecommunication\s+Bureau", re.IGNORECASE)
    assert screen.search("nothing here") is None
    assert screen.search("the tsb will").group(0) == "tsb"
    assert [m.group(0) for m in screen.finditer("TSB and telecommunication  bureau")] == ["TSB", "telecommunication  bureau"]
    assert screen.sub("#", "a TSB b") == "a # b"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["IN COLLABORATION WITH", "Assist", "Between", "co-operation", "liaise"])
                | st.text(alphabet="abcwithASSIST ,;-", max_size=6), max_size=12).map(" ".join))
def test_partner_cues_on_lowered_ascii_text_are_the_same_matches(text):
    from wtsa_extract.parse.actors import _cues

    vocab = bureaux()
    expected = [m.span() for m in vocab.partner_cue.pattern.finditer(text)]
    assert [m.span() for m in _cues(text)] == expected


def test_arabic_bureau_literals_match_as_their_regex():
    from wtsa_extract.vocabulary import arabic

    literals = arabic().bureaux
    regex = re.compile(literals.pattern())
    pieces = sorted({lit for lit, _ in literals.alternatives} | {w for lit, _ in literals.alternatives
                                                                  for w in lit.split()})

    @settings(max_examples=500, deadline=None)
    @given(st.lists(st.sampled_from(pieces + [" ", "و", "x"]), max_size=14).map("".join))
    def same(text):
        assert [(h.start(), h.end(), h.lastgroup) for h in literals.finditer(text)] == \
            [(m.start(), m.end(), m.lastgroup) for m in regex.finditer(text)]

    same()
