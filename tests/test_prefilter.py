"""The prefilter (prefilter.py) of the glossary and the assignees never hides a match: for every pattern, strings that
hypothesis generates from the term's own pattern (any case, any surroundings), and every title and
clause of the samples and the corpus, pass the screen whenever the pattern matches them."""

import re
from pathlib import Path

import pytest
from docx_build import ITU_DOCX, SEED_TEXT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wtsa_extract.normalize import fold
from wtsa_extract.pipeline import extract
from wtsa_extract.prefilter import Prefiltered, required_literals
from wtsa_extract.vocabulary import assignees, bureaux, glossary

CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize(("source", "flags", "literals"), [
    ("study groups?", re.I, {"study group"}),
    ("standardi[sz]ation", 0, {"standardi"}),
    (r"\bITU\b(?![-\u2011]?[TRD]\b)", 0, {"ITU"}),
    (r"internet of things|\bIoT\b", re.I, {"internet of things", "iot"}),
    (r"secretary[-\u2011 ]general", 0, {"secretary"}),
    (r"non.discriminatory", 0, {"discriminatory"}),
    (r"colou?r", 0, {"colo"}),
    (r"a{0,2}bc\.d", 0, {"bc.d"}),
    (r"(?i)ABC", 0, {"abc"}),
    (r"\b(?:Study\s+Groups|SGs)\s+(\d+)", 0, {"Groups", "SGs"}),
    (r"(?P<TSB>Standardization Bureau|\bTSB\b)|(?P<BR>Radio Bureau|\bBR\b)", 0,
     {"Standardization Bureau", "TSB", "Radio Bureau", "BR"}),
    (r"x(?:ab|cd)?yz", 0, {"yz"}),
])
def test_literals_read_from_the_source(source, flags, literals):
    assert required_literals(source, bool(flags & re.I)) == literals


@pytest.mark.parametrize("source", [r"(?x)abc", r"ab|c", r"a|", r"(?=abc)x", r"[abc]+", r"\w+", r"ab(c", r"x{2",
                                    r"a(?i:bc)d"])
def test_no_literals_where_the_source_is_not_the_plain_form(source):
    assert required_literals(source) is None


def texts():
    docs = [extract(SEED_TEXT), extract(ITU_DOCX), *(extract(p) for p in sorted(CORPUS.glob("*.txt")))]
    for doc in docs:
        for r in doc.resolutions:
            yield r.title_en or ""
            yield from (c.text for s in r.sections for c in s.clauses)


def screened_patterns() -> list[Prefiltered]:
    return [t.en for t in glossary()] + [e.pattern for e in assignees().entities] + \
        [bureaux().mention, bureaux().partner_cue]


def test_no_match_hidden_in_real_text():
    terms = screened_patterns()
    screened = 0
    for text in texts():
        folded = fold(text)
        for term in terms:
            if term.pattern.search(folded):
                assert term.possible(folded), (term.source, text[:80])
            screened += not term.possible(folded)
    assert screened > 1000  # the screen does rule texts out


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_no_match_hidden_in_generated_text(data):
    term: Prefiltered = data.draw(st.sampled_from([p for p in screened_patterns() if p.literals is not None]))
    text = data.draw(st.from_regex(term.pattern))
    if term.pattern.search(text):
        assert term.possible(text), (term.source, text)


@pytest.mark.parametrize(("source", "flags", "text"), [
    (r"\101BC", 0, "ABC"),  # octal escapes and two-digit back-references run over digits
    (r"\012ab", 0, "\nab"),
    (r"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)\12xy", 0, "abcdefghijkllxy"),
    (r"a{(b}c)", 0, "a{b}c"),  # a '{' that repeats nothing is a character
    (r"a{[}b]cd", 0, "a{}cd"),
    (r"a b c", re.X, "abc"),  # VERBOSE reads spaces otherwise
    (r"x(?:ab|cd)??yz", 0, "xyz"),
    (r"ab{0,1}c", 0, "ac"),
    (r"ab{,1}c", 0, "ac"),
    (r"[]ab]xyz", 0, "]xyz"),
    (r"(?P<n>ab|cd)ef", 0, "cdef"),
    (r"(?<=ab)cd", 0, "abcd"),
    (r"(x)?(?(1)ab|cd)ef", 0, "cdef"),
    (r"(?i)STRASSE", 0, "strasse"),
    (r"(?:ab){0}cd", 0, "cd"),
    (r"\x41BC", 0, "ABC"),
])
def test_no_match_hidden_in_adversarial_patterns(source, flags, text):
    assert re.search(source, text, flags)
    assert Prefiltered(source, flags).possible(text)
