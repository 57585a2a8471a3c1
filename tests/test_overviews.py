"""The Arabic overview beyond the founding document: overviews of other assemblies
(tests/corpus/overview-*.txt, hand-written expectations in overview-*.expect.json), the status
words and Table 2 openings in their variants, and title similarity on general ITU vocabulary.

The overviews share no title with the founding document, so their new (unnumbered) resolutions can
only be tied by the vocabulary a title and its translation share, acronyms and numbers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wtsa_extract.align.similarity import concepts_ar, concepts_en, similarity
from wtsa_extract.model import Location
from wtsa_extract.normalize import arabic_key
from wtsa_extract.parse.arabic import classify, parse_summary
from wtsa_extract.pipeline import extract, extract_bytes
from wtsa_extract.vocabulary import glossary

CORPUS = Path(__file__).parent / "corpus"
OVERVIEWS = sorted(p.name[: -len(".expect.json")] for p in CORPUS.glob("overview-*.expect.json"))
# Findings that say an Arabic entry or an English resolution was left without its partner.
UNMATCHED = {"ambiguous-match", "missing-in-annex", "missing-in-table1", "missing-in-table2", "count-mismatch",
             "number-mismatch", "status-mismatch", "table1-not-found", "table2-not-found", "table1-duplicate-number",
             "table2-duplicate-number", "table1-missing-status", "table1-missing-number", "table1-missing-title",
             "table1-unrecognised-cell"}


def expected(name: str) -> dict:
    return json.loads((CORPUS / f"{name}.expect.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=OVERVIEWS)
def overview(request):
    return request.param, extract(CORPUS / f"{request.param}.txt")


def test_there_are_overviews_of_other_assemblies():
    """Several overviews, with enough new (unnumbered) resolutions among them that tying by title is
    exercised (each overview has two or more)."""
    assert len(OVERVIEWS) >= 3
    assert sum(w["number"] is None for name in OVERVIEWS for w in expected(name)["alignment"]) >= 10


def test_every_resolution_gets_its_status_title_and_summary(overview):
    name, doc = overview
    want = expected(name)["alignment"]
    assert len(doc.resolutions) == len(want), name
    for r, w in zip(doc.resolutions, want, strict=True):
        where = f"{name} {r.key}"
        assert r.title_en.startswith(w["english_title_starts"]), where
        assert (r.number, r.status) == (w["number"], w["status"]), where
        assert r.title_ar and r.title_ar.startswith(w["title_ar_starts"]), where
        assert r.summary_ar and r.summary_ar.startswith(w["summary_ar_starts"]), where
        if "matched_by" in w:
            assert {m.part: m.by for m in r.matches} == w["matched_by"], where
    assert sum(r.number is None for r in doc.resolutions) >= 2  # new resolutions, tied by title


def test_no_entry_is_left_unmatched_or_ambiguous_but_those_expected(overview):
    """Every finding that leaves an entry without its partner is one the expectation lists
    ('findings': [code, the start of its message]), in order; most overviews list none."""
    name, doc = overview
    found = [(d.code, d.message) for d in doc.diagnostics if d.code in UNMATCHED]
    want = expected(name).get("findings", [])
    assert [code for code, _ in found] == [code for code, _ in want], (name, found)
    for (_, message), (_, starts) in zip(found, want, strict=True):
        assert message.startswith(starts), (name, message)


def test_the_overviews_share_no_title_with_the_founding_document(overview, seed_doc):
    name, doc = overview
    seed_en = {r.title_en for r in seed_doc.resolutions}
    seed_ar = {arabic_key(r.title_ar) for r in seed_doc.resolutions if r.title_ar}
    assert not {r.title_en for r in doc.resolutions} & seed_en, name
    assert not {arabic_key(r.title_ar) for r in doc.resolutions if r.title_ar} & seed_ar, name


def test_each_new_title_is_closest_to_its_own_translation(overview):
    """Document order aside: among the new resolutions, each Arabic title (Table 1 and Table 2) is
    most similar to its own English title, and to no other as much."""
    name, doc = overview
    new = [r for r in doc.resolutions if r.number is None]
    for r in new:
        summary_title = parse_summary(r.summary_ar, Location(line=1)).title
        for title in (r.title_ar, summary_title):
            scores = {o.key: similarity(title, o.title_en) for o in new}
            best = max(scores.values())
            assert best > 0 and [k for k, s in scores.items() if s == best] == [r.key], (name, r.key, scores)


def _without_table1_row(text: str, title_ar: str) -> str:
    return "\n\n".join(c for c in text.split("\n\n") if f"\t{title_ar}\n" not in c + "\n")


@pytest.mark.parametrize("name", OVERVIEWS)
def test_new_rows_are_placed_by_title_when_order_cannot_place_them(name):
    """With one new row missing from Table 1, document order alone cannot tell which resolution
    each remaining new row belongs to (the first glossary alone left 18 such rows ambiguous across
    the two overviews): every remaining row must still find its own resolution, by title."""
    path = CORPUS / f"{name}.txt"
    reference = extract(path)
    new = [r for r in reference.resolutions if r.number is None]
    text = path.read_text(encoding="utf-8")
    for gone in new:
        doc = extract_bytes(_without_table1_row(text, gone.title_ar).encode("utf-8"), path.name)
        got = {r.key: r for r in doc.resolutions}
        for r in new:
            if r.key == gone.key:
                assert got[r.key].title_ar is None
            else:
                assert got[r.key].title_ar == r.title_ar, (name, gone.key, r.key)
                assert {m.part: m.by for m in got[r.key].matches}["table1"] == "title"
        assert not [d for d in doc.diagnostics if d.code == "ambiguous-match"], (name, gone.key)


# --- status words ----------------------------------------------------------------------------------

@pytest.mark.parametrize("word, status", [
    ("جديد", "new"), ("جديدة", "new"), ("قرار جديد", "new"), ("مشروع قرار جديد", "new"),
    ("مُراجَع", "revised"), ("مراجع", "revised"), ("منقح", "revised"), ("مُنقّح", "revised"),
    ("معدّل", "revised"), ("مُعدَّل", "revised"), ("مـعـدل", "revised"),  # tatweel
    ("دون تغيير", "unchanged"), ("لم يتغير", "unchanged"), ("بدون تغيير", "unchanged"),
    ("بلا تغيير", "unchanged"), ("لا تغيير", "unchanged"), ("لا\u00a0تغيير", "unchanged"),
    ("مُلغى", "suppressed"), ("ألغي", "suppressed"), ("أُلغي", "suppressed"), ("إلغاء", "suppressed"),
    ("يُلغى", "suppressed"), ("ملغاة", "suppressed"), ("مُلغاة", "suppressed"), ("حُذف", "suppressed"),
])
def test_status_words_in_their_variants(word, status):
    assert classify(word) == ("status", status)


@pytest.mark.parametrize("a, b", [("مُعدَّل", "معدل"), ("أُلغي", "ألغي"), ("إلغاء", "الغاء"), ("ملغاة", "ملغاه"),
                                  ("مُلغى", "ملغي"), ("آلية", "الية"), ("مسؤولية", "مسوولية"), ("٢٠٢٢", "2022")])
def test_arabic_key_folds_diacritics_hamza_and_digits(a, b):
    assert arabic_key(a) == arabic_key(b)


@pytest.mark.parametrize("cell", ["لم يُحدَّد بعد", "سيُحدَّد لاحقاً", "يحدد لاحقا", "لم يُرقَّم بعد"])
def test_not_yet_numbered_variants(cell):
    assert classify(cell) == ("tbd", None)


@pytest.mark.parametrize("cell, number", [("50", 50), ("٥٠", 50), ("القرار 50", 50), ("رقم 133", 133),
                                          ("ITU-R 11-5", 11), ("ITU\u2011R 11\u20115", 11), ("القرار ITU-R 66", 66),
                                          ("\u200eITU-R ٥٥-٤\u200e", 55)])
def test_table1_number_cells(cell, number):
    """A number cell: the number alone or after القرار / رقم, or an ITU-R designation (an RA overview's)."""
    assert classify(cell) == ("number", number)


@pytest.mark.parametrize("cell", ["2023-2027", "2023-24", "1-3", "11-5", "ITU-T 1", "ITU-R", "12345", "القرار", "RA-23"])
def test_what_is_not_a_number_cell(cell):
    assert classify(cell)[0] != "number"


# --- Table 2 openings ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, number, new, title", [
    ("القرار 50 بشأن الأمن السيبراني يكلف مدير مكتب تقييس الاتصالات", 50, False, "الأمن السيبراني"),
    ("القرار رقم 50 بشأن الأمن السيبراني يكلف مدير مكتب تقييس الاتصالات", 50, False, "الأمن السيبراني"),
    ("القرار 50 (المراجَع في جنيف، 2022) بشأن الأمن السيبراني يكلف مدير", 50, False, "الأمن السيبراني"),
    ("القرار 50 (المراجَع في الحمامات، 2016): الأمن السيبراني. يكلف مدير", 50, False, "الأمن السيبراني"),
    ("القرار 50 (المراجَع في الحمامات، 2016) : بشأن الأمن السيبراني، الذي يكلف", 50, False, "الأمن السيبراني"),
    ("القرار ٥٠ بشأن الأمن السيبراني يكلف", 50, False, "الأمن السيبراني"),
    ("القرار رقم ١٣٣ (المراجَع في دبي، ٢٠١٨): أسماء الميادين. يكلف", 133, False, "أسماء الميادين"),
    ("قرار جديد بشأن الذكاء الاصطناعي يدعو الدول الأعضاء", None, True, "الذكاء الاصطناعي"),
    ("مشروع قرار جديد بشأن الذكاء الاصطناعي يدعو الدول الأعضاء", None, True, "الذكاء الاصطناعي"),
    ("قرار جديد: الذكاء الاصطناعي. يدعو الدول الأعضاء", None, True, "الذكاء الاصطناعي"),
    ("القرار الجديد بشأن الذكاء الاصطناعي يدعو الدول الأعضاء", None, True, "الذكاء الاصطناعي"),
    ("القرار ITU-R 7-4 (المراجَع في دبي، 2023) بشأن تنمية الاتصالات، الذي يقرر", 7, False, "تنمية الاتصالات"),
    ("القرار رقم ITU\u2011R 11\u20115 بشأن إدارة الطيف يكلف", 11, False, "إدارة الطيف"),
    ("القرار \u200eITU-R ٥٥-٤\u200f (المراجَع في دبي، ٢٠٢٣): الكوارث. يقرر", 55, False, "الكوارث"),
])
def test_table2_openings(text, number, new, title):
    s = parse_summary(text, Location(line=1))
    assert s is not None, text
    assert (s.number, s.new, s.title) == (number, new, arabic_key(title))
    assert s.text == text


@pytest.mark.parametrize("text", ["القرار 50 يكلف مدير مكتب تقييس الاتصالات", "نص آخر بشأن الأمن السيبراني",
                                  "ويشير القرار 50 بشأن الأمن السيبراني إلى", "قرارات جديدة بشأن الأمن"])
def test_what_is_not_a_table2_opening(text):
    assert parse_summary(text, Location(line=1)) is None


# --- similarity on general vocabulary ----------------------------------------------------------------

def test_the_general_vocabulary_is_general():
    """At least 80 general terms, none of them a title of the founding document (but for a title that
    is itself a general term of two words, like Resolution 50's الأمن السيبراني, cybersecurity)."""
    from docx_build import SEED_TEXT

    general = [t for t in glossary() if t.tier == 2]
    assert len(general) >= 80
    seed = extract(SEED_TEXT)
    titles = {arabic_key(r.title_ar) for r in seed.resolutions if r.title_ar}
    shared = {form for t in general for form in t.ar} & titles
    assert all(len(form.split()) <= 2 for form in shared), shared


@pytest.mark.parametrize("ar, en", [
    ("سد الفجوة الرقمية", "Bridging the digital divide"),
    ("دور قطاع تقييس الاتصالات في بناء القدرات", "The role of ITU-T in capacity building"),
    ("تسهيل نشر الإصدار السادس لبروتوكول الإنترنت (IPv6)", "Facilitating IPv6 deployment"),
    ("إنترنت الأشياء (IoT) من أجل الزراعة", "IoT for agriculture"),
    ("تكنولوجيا المعلومات والاتصالات (ICT) وأهداف التنمية المستدامة", "ICTs and the SDGs"),
    ("المساواة بين الجنسين في لجان الدراسات", "Gender equality in study groups"),
])
def test_translations_name_the_same_concepts(ar, en):
    assert concepts_ar(ar).every == concepts_en(en).every
    assert similarity(ar, en) > 0  # (on the first glossary when the titles share one of its concepts)


def test_a_sector_name_is_one_concept():
    # 'قطاع تقييس الاتصالات' is ITU-T, not also 'standardization' (which ITU-T does not spell out)
    assert concepts_ar("دور قطاع تقييس الاتصالات").every == concepts_en("Role of ITU-T").every


def test_short_forms_match_whole_words_only():
    assert concepts_ar("الدورات التدريبية").every.isdisjoint(concepts_ar("دور").every)
    assert concepts_ar("ودورها").every == concepts_ar("دور").every  # a clitic and a suffix are still the word


def test_unrelated_titles_share_nothing():
    assert similarity("التوصيلية الساتلية للمجتمعات الريفية", "Gender equality in study groups") == 0.0
