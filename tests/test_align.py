"""Alignment: the DP core on small cases, then the seed's acceptance values and its variants."""

import re

import pytest
from conftest import resolution
from docx_build import SEED_TEXT

from wtsa_extract.align import dp
from wtsa_extract.export.json import document_dict
from wtsa_extract.pipeline import extract_bytes


def table_score(pairs):
    return lambda i, j: pairs.get((i, j))


def test_dp_missing_extra_and_monotonic():
    # entries 0,1,2 ; resolutions 0..3; entry 1 fits 1 or 3 but order forces 1 given 2->2
    score = table_score({(0, 0): 1.0, (1, 1): 0.5, (1, 3): 0.6, (2, 2): 1.0})
    matches, ambiguous = dp.align(3, 4, score)
    assert matches == {0: 0, 1: 1, 2: 2} and ambiguous == {}


def test_dp_one_missing_row_does_not_shift_the_rest():
    # four resolutions with distinct titles, the second has no entry
    score = table_score({(0, 0): 1.0, (1, 2): 1.0, (2, 3): 1.0, (1, 1): 0.2, (2, 2): 0.2})
    matches, _ = dp.align(3, 4, score)
    assert matches == {0: 0, 1: 2, 2: 3}


def test_dp_tie_is_ambiguous_and_unassigned():
    score = table_score({(0, 0): 0.2, (0, 1): 0.2})
    matches, ambiguous = dp.align(1, 2, score)
    assert matches == {} and ambiguous == {0: [0, 1]}


def test_dp_nothing_allowed():
    assert dp.align(2, 2, lambda i, j: None) == ({}, {})


SEED = SEED_TEXT.read_bytes().decode("utf-8")
EXPECTED_STATUS = ["new"] * 10 + [None, None, None, "revised", "revised", "revised", "revised", "revised",
                                  "unchanged", "revised", "revised", None, "revised", "revised", "revised", "revised"]


def test_seed_status_titles_and_summaries(seed_doc):
    assert [r.status for r in seed_doc.resolutions] == EXPECTED_STATUS
    no_title_ar = [r.key for r in seed_doc.resolutions if r.title_ar is None]
    assert no_title_ar == ["NEW-3", "NEW-4", "R70"]
    assert all(r.summary_ar for r in seed_doc.resolutions)
    assert resolution(seed_doc, "R50").title_ar == "الأمن السيبراني"
    assert resolution(seed_doc, "NEW-7").title_ar == "تيسير تنفيذ إعلان إفريقيا الذكية"
    assert resolution(seed_doc, "NEW-3").summary_ar.startswith("قرار جديد بشأن التجوال الدولي المتنقل (IMR)")
    assert [(r.key, r.status_source) for r in seed_doc.resolutions[2:4]] == [("NEW-3", "annex"), ("NEW-4", "annex")]


def test_seed_matches_record_method_and_confidence(seed_doc):
    r50 = {m.part: m for m in resolution(seed_doc, "R50").matches}
    assert (r50["table1"].by, r50["table1"].confidence, r50["table1"].loc.line) == ("number", 1.0, 56)
    new7 = {m.part: m for m in resolution(seed_doc, "NEW-7").matches}
    assert new7["table1"].by == "title" and 0.5 < new7["table1"].confidence <= 1
    r2 = {m.part: m for m in resolution(seed_doc, "R2").matches}
    assert r2["table1"].by == "title"  # its row has no number cell


def test_seed_findings(seed_doc):
    found = {(d.code, d.resolution) for d in seed_doc.diagnostics}
    assert ("missing-in-table1", "R70") in found
    assert {("ambiguous-match", "NEW-3"), ("ambiguous-match", "NEW-4")} <= found
    assert ("count-mismatch", None) in found
    assert ("verb-mismatch", "R2") in found
    assert not [d for d in seed_doc.diagnostics if d.code == "missing-in-table2"]


def aligned(text: str | bytes):
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    doc = document_dict(extract_bytes(data, "seed"))
    return [(r["key"], r["status"], r["title_ar"], r["summary_ar"], [(m["part"], m["by"]) for m in r["matches"]])
            for r in doc["resolutions"]]


@pytest.fixture(scope="module")
def reference():
    return aligned(SEED)


def arabic_indic(text: str) -> str:
    head, sep, tail = text.partition(" Annex")
    return head.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) + sep + tail


def reorder_numbered_rows(text: str) -> str:
    """Reverse the order of Table 1's numbered rows (each a blank-line separated chunk)."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line == "\tمُراجع") - 1  # blank line before Resolution 44
    end = next(i for i, line in enumerate(lines) if line == "الجدول 2") - 1
    chunks = "\n".join(lines[start:end]).strip("\n").split("\n\n")
    assert len(chunks) == 12 and all(re.search(r"\t\d+$", c.split("\n")[1]) for c in chunks)
    return "\n".join(lines[:start] + [""] + "\n\n".join(reversed(chunks)).split("\n") + [""] + lines[end:])


@pytest.mark.parametrize("variant", ["cp1256-crlf", "utf-16", "arabic-indic", "reordered"])
def test_variants_give_the_same_alignment(variant, reference):
    if variant == "cp1256-crlf":
        legacy = SEED.replace("\u2011", "-").replace("\u2019", "'")
        assert aligned(legacy.replace("\n", "\r\n").encode("cp1256")) == aligned(legacy)
        assert [r[:2] for r in aligned(legacy)] == [r[:2] for r in reference]
        return
    data = {"utf-16": lambda: SEED.encode("utf-16"), "arabic-indic": lambda: arabic_indic(SEED),
            "reordered": lambda: reorder_numbered_rows(SEED)}[variant]()
    got = aligned(data)
    if variant == "arabic-indic":  # the output keeps the document's own digits: compare them folded
        from wtsa_extract.normalize import arabic_digits

        def fold(rows):
            return [(k, s, t and arabic_digits(t), a and arabic_digits(a), m) for k, s, t, a, m in rows]

        assert fold(got) == fold(reference)
    else:
        assert got == reference


SMALL = """الجدول 1
\tمُراجع
\t50
\tالأمن السيبراني

\tجديد
\t52
\tمكافحة الرسائل الاقتحامية والتصدي لها

\tمُراجع
\t99
\tموضوع لا يوجد في الملحق

\tجديد
\tيُحدد لاحقاً
\tتيسير تنفيذ إعلان إفريقيا الذكية

الجدول 2
\tالقرار 50 بشأن الأمن السيبراني يدعو مدير مكتب تقييس الاتصالات بالتعاون مع مدير مكتب الاتصالات الراديوية
\tالقرار 52 بشأن مكافحة الرسائل الاقتحامية يكلف لجان الدراسات
\tالقرار 52 بشأن مكافحة الرسائل الاقتحامية يكلف لجان الدراسات

RESOLUTION 50
Cybersecurity
instructs
the Director of the Telecommunication Standardization Bureau, in collaboration with the Director of BDT
1\tto continue;
RESOLUTION 52
Countering and combating spam
resolves to instruct the relevant study groups
1\tto continue;
NEW RESOLUTION
Facilitating the implementation of the Smart Africa Manifesto
instructs
the Director of TSB
1\tto establish mechanisms;
"""


def test_small_document_findings():
    doc = extract_bytes(SMALL.encode("utf-8"), "small.txt")
    found = {(d.code, d.resolution) for d in doc.diagnostics}
    assert ("missing-in-annex", None) in found  # Table 1 row 99: extra entry
    assert ("status-mismatch", "R52") in found  # Table 1 says new, the annex numbers it
    assert ("table2-duplicate-number", None) in found
    assert ("verb-mismatch", "R50") in found  # Table 2 says يدعو, the annex instructs
    assert ("bureaux-mismatch", "R50") in found  # BR in Arabic, BDT in English
    assert ("missing-in-table2", "NEW-1") in found
    assert [r.status for r in doc.resolutions] == ["revised", "new", "new"]
    new = doc.resolutions[2]
    assert (new.title_ar, [m.by for m in new.matches]) == ("تيسير تنفيذ إعلان إفريقيا الذكية", ["title"])


def test_number_mismatch_matched_by_title():
    text = SMALL.replace("\t52\n\tمكافحة", "\t53\n\tمكافحة")
    doc = extract_bytes(text.encode("utf-8"), "small.txt")
    found = {(d.code, d.resolution) for d in doc.diagnostics}
    assert ("number-mismatch", "R52") in found
    r52 = doc.resolutions[1]
    assert {m.part: m.by for m in r52.matches}["table1"] == "title"
