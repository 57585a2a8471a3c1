"""Arabic resolution texts (parse/arabic_text.py) beyond the corpus: what the Arabic parser must read
as the English one does (annexes, decisions, proposals, contents, unknown phrases, continuations,
note marks), and reports_to in both languages."""

import sys
from pathlib import Path

import pytest


def test_arabic_reports_to():
    """The bodies an Arabic clause reports to, by their English names: after إلى or with the clitic ل;
    a body after another preposition (عن أعمال المجلس) is not the recipient."""
    from wtsa_extract.parse.arabic_text import reports_to

    assert reports_to("بأن يقدم تقريراً سنوياً إلى الفريق الاستشاري لتقييس الاتصالات عن التقدم", "ITU-T") == ("TSAG",)
    assert reports_to("أن يقدم تقريراً للمجلس", None) == ("Council",)
    assert reports_to("أن يقدم تقريراً عن أعمال المجلس", None) == ()
    assert reports_to("تقديم تقرير إلى لجنة الدراسات 2 وإلى المؤتمر العالمي لتنمية الاتصالات", "ITU-D") == \
        ("ITU-D Study Group 2", "WTDC")
    assert reports_to("أن يتعاون مع المجلس", None) == ()  # no report
    assert reports_to("بأن يأخذ في الحسبان تقرير الفريق الاستشاري لتقييس الاتصالات", "ITU-T") == ()  # its author
    assert reports_to("أن يقدم تقريراً عن نتائج الدورة الأخيرة للمجلس إلى الفريق الاستشاري لتقييس الاتصالات",
                      "ITU-T") == ("TSAG",)  # للمجلس: of the Council
    assert reports_to("أن يقدم تقريراً إلى المجلس عن أعمال القطاع وإلى مؤتمر المندوبين المفوضين", None) == \
        ("Council", "Plenipotentiary Conference")
    assert reports_to("أن يقدم تقريراً إلى لجنة الدراسات 17 التابعة لقطاع تقييس الاتصالات", "ITU-D") == \
        ("ITU-T Study Group 17",)


def test_english_reports_to_names_the_sector_of_a_study_group():
    from wtsa_extract.parse.reporting import reports_to

    assert reports_to("to report to Study Group 2 on progress", "ITU-D") == ("ITU-D Study Group 2",)
    assert reports_to("to report to ITU-R Study Group 5 and to TDAG", "ITU-D") == ("ITU-R Study Group 5", "TDAG")
    assert reports_to("to report to the Radiocommunication Advisory Group", "ITU-R") == ("RAG",)
    assert reports_to("to report to Study Group 17 of ITU-T", "ITU-D") == ("ITU-T Study Group 17",)
    assert reports_to("to report to Study Group 2", None) == ("Study Group 2",)  # no Sector known: none invented


def test_the_next_conference_is_the_resolutions_own():
    """'to report to the next conference' in a WRC resolution is the WRC; said in a WTSA resolution
    (an assembly) it names nothing; English and Arabic alike."""
    from wtsa_extract.parse.arabic_text import reports_to as arabic
    from wtsa_extract.parse.reporting import reports_to as english

    assert english("to report to the next conference on the experience gained", "ITU-R", "WRC") == ("WRC",)
    assert english("to report to the next conference", "ITU-D", "PP") == ("Plenipotentiary Conference",)
    assert english("to report to the next conference", "ITU-T", "WTSA") == ()
    assert english("TSAG to report to the next assembly", "ITU-T", "WTSA") == ("WTSA",)
    assert english("to report to the next assembly", None, None) == ()
    assert arabic("بأن يقدم تقريراً إلى المؤتمر القادم عن الخبرة المكتسبة", "ITU-R", "WRC") == ("WRC",)
    assert arabic("أن يقدم تقريراً إلى الجمعية القادمة بشأن تطبيق هذه القواعد", "ITU-T", "WTSA") == ("WTSA",)


_HEAD = "القرار 99 (المراجَع في نيودلهي، 2024)\nأعمال التقييس بشأن الأمن\nإن الجمعية العالمية لتقييس الاتصالات (نيودلهي، 2024)،\n"


def _clauses(text: str) -> list[tuple]:
    from wtsa_extract.pipeline import extract_bytes

    doc = extract_bytes(text.encode("utf-8"), "ar.txt")
    return [(r.key, s.kind, c.label, c.parent) for r in doc.resolutions for s in r.sections for c in s.clauses]


def test_an_annex_heading_but_not_a_sentence_citing_an_annex():
    """الملحق 2 بالقرار 1 (…) الذي يحدد …، is a recalled text, not a heading; المرفق 1 and التذييل 1
    (بالملحق ألف) are headings whose items are provisions."""
    cited = _HEAD + ("إذ تشير إلى\nالقرار 50 (المراجَع في جنيف، 2022) بشأن الأمن السيبراني،\n"
                     "الملحق 2 بالقرار 1 (المراجَع في جنيف، 2022) الذي يحدد أساليب عمل لجان الدراسات،\n"
                     "القرار 130 (المراجَع في بوخارست، 2022) لمؤتمر المندوبين المفوضين،\n")
    assert [kind for _, kind, _, _ in _clauses(cited)] == ["preambular"] * 3
    annexed = _HEAD + ("تقرر\n1\tأن يواصل القطاع دراساته.\nالتذييل 1 (بالملحق ألف)\n1\tتُقدَّم الطلبات إلى المكتب.\n"
                       "المرفق 1\n1\tقائمة المشاركين.\n")
    assert [(kind, label) for _, kind, label, _ in _clauses(annexed)] == \
        [("operative", "1"), ("provisions", "1"), ("provisions", "1")]


def test_an_arabic_continuation_follows_a_full_stop_only():
    items = _HEAD + ("تكلف مدير مكتب تقييس الاتصالات\n1\tبأن يدعم لجان الدراسات؛\n2\tبأن يساعد الدول الأعضاء؛\n"
                     "تقديم تقرير سنوي إلى الفريق الاستشاري لتقييس الاتصالات.\n")
    assert [(label, parent) for *_, label, parent in _clauses(items)] == [("1", None), ("2", None), (None, None)]
    sentence = items.replace("الأعضاء؛", "الأعضاء.").replace("تقديم تقرير", "وينبغي تقديم تقرير")
    assert [(label, parent) for *_, label, parent in _clauses(sentence)] == [("1", None), ("2", None), (None, "2")]


def test_an_arabic_header_with_a_note_mark():
    text = _HEAD + "تقرر\n1\tأن يواصل القطاع دراساته.\nالقرار 100 (المراجَع في نيودلهي، 2024)¹\nعنوان آخر\nتقرر\n1\tأن يعمل.\n"
    assert sorted({key for key, *_ in _clauses(text)}) == ["R100", "R99"]


def test_an_arabic_decision_ends_the_resolution_before_it():
    """المقرر 5 (…) between two resolutions: its text is left out of the data with a warning, never
    taken into the resolution before it (it was: its 'يقرر' became R71's section)."""
    text = ("القرار 71 (المراجَع في الدوحة، 2026)\nالخطة الاستراتيجية\nيكلف الأمين العام\n1\tبأن يقدم تقريراً.\n"
            "المقرر 5 (المراجَع في الدوحة، 2026)\nإيرادات الاتحاد ونفقاته\nيقرر\n1\tأن تُعد الميزانية.\n"
            "القرار 140 (المراجَع في الدوحة، 2026)\nدور الاتحاد\nيكلف مديري المكاتب الثلاثة\n1\tبأن يواصلوا العمل.\n")
    from wtsa_extract.pipeline import extract_bytes

    doc = extract_bytes(text.encode("utf-8"), "ar.txt")
    assert [(r.key, [s.verb for s in r.sections]) for r in doc.resolutions] == \
        [("R71", ["instructs"]), ("R140", ["instructs"])]
    assert [d.code for d in doc.diagnostics if d.level == "warning"] == ["not-a-resolution"]
    assert sum(d.code == "unparsed" for d in doc.diagnostics) == 4


def test_an_arabic_header_styled_so_but_unreadable_is_kept_apart():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent / "corpus"))
    from build import build

    from wtsa_extract.pipeline import extract_bytes

    markup = ("[ResNo rtl] القرار 71 (المراجَع في الدوحة، 2026)\n[Restitle rtl] الخطة الاستراتيجية\n[Call rtl] يكلف الأمين العام\n"
              "[Normal rtl] 1\tبأن يقدم تقريراً.\n[ResNo rtl] القرار السبعون بعد المائة\n[Restitle rtl] عنوان\n"
              "[Call rtl] يقرر\n[Normal rtl] 1\tأن يعمل.\n")
    doc = extract_bytes(build(markup), "ar.docx")
    assert [r.key for r in doc.resolutions] == ["R71", "UNREAD-1"]
    assert [d.code for d in doc.diagnostics if d.level == "warning"] == ["header-unreadable"]


def test_arabic_proposals_and_contents():
    """An Arabic proposals document: MOD lines and الأسباب: are never clauses (they were taken into
    the section before), and a contents list's entries are not resolutions (they were R71, then the
    proposal R71-2)."""
    from wtsa_extract.pipeline import extract_bytes

    head = "القرار {n} (المراجَع في الدوحة، 2026)\n{t}\n"
    text = ("المحتويات\n" + head.format(n=71, t="الخطة الاستراتيجية") + "5\n" + head.format(n=140, t="دور الاتحاد") + "9\n"
            "MOD\tACP/45A3/1\n" + head.format(n=71, t="الخطة الاستراتيجية")
            + "يكلف الأمين العام\n1\tبأن يقدم تقريراً؛\n2\tبأن يعد مشروع الخطة.\nالأسباب:\tلتحديث الخطة.\n"
            "MOD\tACP/45A3/2\n" + head.format(n=140, t="دور الاتحاد") + "يكلف مديري المكاتب الثلاثة\n1\tبأن يواصلوا.\n"
            "الأسباب:\tللتوضيح.\n")
    doc = extract_bytes(text.encode("utf-8"), "ar.txt")
    assert [(r.key, [c.label for s in r.sections for c in s.clauses]) for r in doc.resolutions] == \
        [("R71", ["1", "2"]), ("R140", ["1"])]
    codes = [d.code for d in doc.diagnostics]
    assert (codes.count("toc-entry"), codes.count("proposal-mark"), codes.count("proposal-reasons")) == (2, 2, 2)
    assert "warning" not in {d.level for d in doc.diagnostics}


def test_an_arabic_phrase_outside_the_vocabulary_opens_a_section_of_its_own():
    """يستنكر (deplores; not in arabic_text.json) before labelled items: an 'unknown' section with a warning;
    its items were clauses of the section before, silently. A short verb-led clause is no phrase."""
    base = _HEAD + "يكلف الأمين العام\n1\tبأن يقدم تقريراً سنوياً؛\n2\tبأن يعد مشروع الخطة.\n"
    doc_clauses = _clauses(base + "يستنكر\n1\tالتأخر في التنفيذ؛\n2\tنقص الموارد.\n")
    assert [kind for _, kind, _, _ in doc_clauses] == ["operative", "operative", "unknown", "unknown"]
    assert [kind for _, kind, _, _ in _clauses(base.replace("الخطة.", "الخطة؛") + "يتولى المكتب ذلك\n")] == \
        ["operative"] * 3


@pytest.mark.parametrize("text, verb, kind", [
    ("يحيط علماً بالتقدم المحرز", "notes", "operative"), ("وإذ تحيط علماً", "taking note", "preambular"),
    ("يرحب بالتقدم", "welcomes", "operative"), ("تؤكد من جديد أن", "reaffirms", "operative"),
    ("يشدد على أهمية", "stresses", "operative"), ("يأذن للأمين العام", "authorizes", "operative"),
    ("وإذ يسترشد بالدستور", "guided by", "preambular"), ("إذ يعرب عن تقديره", "expressing", "preambular"),
])
def test_more_arabic_phrases(text, verb, kind):
    from wtsa_extract.model import Block, Location
    from wtsa_extract.parse.arabic_text import section_start

    start = section_start(Block(text, Location(line=1)))
    assert (start.verb, start.kind) == (verb, kind)


REVIEW = Path(__file__).parent / "corpus" / "ar" / "review"  # a reviewer's adversarial texts


def _sections(name: str) -> list[tuple]:
    """(kind, verb, lead Bureaux, [(label, parent)]) of each section of a review text."""
    from wtsa_extract.pipeline import extract_bytes

    path = REVIEW / name
    if name.endswith(".docx.txt"):
        sys.path.insert(0, str(path.parent.parent.parent))
        from build import build

        data = build(path.read_text(encoding="utf-8"))
    else:
        data = path.read_bytes()
    doc = extract_bytes(data, name)
    return [(s.kind, s.verb, s.bureaux, [(c.label, c.parent) for c in s.clauses])
            for r in doc.resolutions for s in r.sections]


def test_an_annex_title_and_sub_heading_are_no_phrases():
    """توجيهات تنفيذ البرنامج under الملحق is its title; تمويل البرنامج goes on with item 2 (they were
    'unknown' sections: a verbal noun opens like a verb in the present)."""
    assert _sections("a1.ar.txt") == [("operative", "resolves", (), [("1", None)]),
                                      ("provisions", None, (), [("1", None), ("2", None), (None, "2"), ("3", None),
                                                                ("4", None)])]


def test_a_sentence_after_a_finished_clause_stays_in_its_section():
    assert _sections("d1.ar.txt") == [("operative", "instructs", ("TSB",),
                                       [("1", None), (None, "1"), ("2", None), ("3", None), (None, None), ("4", None)])]


def test_sentences_of_an_annex_that_open_with_a_phrase_verb_are_provisions():
    """يعلن الأمين العام أسماء المرشحين … . inside an annex: a provision, not a 'declares' section."""
    assert _sections("c1.ar.txt")[1:] == [("provisions", None, (), [("1", None), (None, "1"), ("2", None), (None, "2"),
                                                                    ("3", None)])]


def test_an_addressee_in_the_call_style_is_the_addressee():
    assert _sections("e1.ar.docx.txt") == [("operative", "instructs", ("TSB",), [("1", None), ("2", None)])]


def test_expresses_appreciation_is_one_phrase():
    assert [(verb, clauses) for _, verb, _, clauses in _sections("b1.ar.txt")] == \
        [("expressing", [("أ)", None), ("ب)", None)]), ("expresses", [(None, None)]), ("notes", [(None, None)])]


def test_a_rapporteur_and_a_cited_recommendation_are_no_instruments():
    """المقرر alone (a rapporteur) and a Recommendation cited alone on its line (English too) end
    nothing; an instrument's header has its number (and a recommendation its edition)."""
    assert [verb for _, verb, _, _ in _sections("i1.ar.txt")] == ["resolves", "instructs"]
    assert [verb for _, verb, _, _ in _sections("f1.ar.txt")] == ["recalling", "instructs"]
    assert [verb for _, verb, _, _ in _sections("f1.en.txt")] == ["recalling", "instructs"]


def test_a_table_of_resolutions_reads_alike_in_both_languages(tmp_path):
    """Headers listed in a table's rows, each followed by another in the same table: rows of a table of
    resolutions in Arabic as in English (the Arabic had made each an empty resolution, and check then
    reported one missing)."""
    import docx
    from docx.oxml import OxmlElement

    from wtsa_extract.pipeline import extract

    def make(path, rows, body, rtl):
        d = docx.Document()
        table = d.add_table(rows=len(rows), cols=1)
        for i, text in enumerate(rows):
            paragraph = table.cell(i, 0).paragraphs[0]
            paragraph.text = text
            if rtl:
                paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        for text in body:
            paragraph = d.add_paragraph(text)
            if rtl:
                paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        d.save(path)
        return extract(path)

    ar = make(tmp_path / "ar.docx", ["القرار 12 (المراجَع في بوخارست، 2022)", "الاتصالات في حالات الطوارئ",
                                     "القرار 13 (المراجَع في بوخارست، 2022)", "التعاون الدولي"],
              ["القرار 71 (المراجَع في الدوحة، 2026)", "الخطة الاستراتيجية", "يكلف الأمين العام", "1\tبأن يقدم تقريراً."], True)
    en = make(tmp_path / "en.docx", ["RESOLUTION 12 (REV. BUCHAREST, 2022)", "Emergency telecommunications",
                                     "RESOLUTION 13 (REV. BUCHAREST, 2022)", "International cooperation"],
              ["RESOLUTION 71 (REV. DOHA, 2026)", "Strategic plan", "instructs the Secretary-General", "1\tto report."], False)
    assert [r.key for r in ar.resolutions] == [r.key for r in en.resolutions] == ["R13", "R71"]
    assert [d.code for d in ar.diagnostics if d.code == "toc-entry"] == ["toc-entry"]


def test_a_sector_named_in_full_is_an_assignee_in_both_languages():
    """'invites the ITU Telecommunication Development Sector' / 'يدعو قطاع تنمية الاتصالات بالاتحاد':
    ITU-D, no Bureau (the Arabic took بالاتحاد, 'of the Union', for the start of a clause); a study
    group of a Sector stays one assignee (لجان الدراسات المعنية لقطاع تقييس الاتصالات)."""
    from wtsa_extract.pipeline import extract_bytes

    en = extract_bytes(b"RESOLUTION 250 (WRC-23)\nT\ninvites the ITU Telecommunication Development Sector\n"
                       b"to take into account the guidelines,\n", "en.txt")
    ar = extract_bytes(("القرار 250 (WRC-23)\nعنوان\nيدعو قطاع تنمية الاتصالات بالاتحاد\nإلى أن يأخذ في الاعتبار المبادئ،\n"
                        "يدعو لجان الدراسات المعنية لقطاع تقييس الاتصالات\nإلى المساهمة.\n").encode(), "ar.txt")
    assert [(c.assignee, c.bureaux, c.text[:8]) for s in en.resolutions[0].sections for c in s.clauses] == \
        [("ITU-D", (), "to take ")]
    assert [(c.assignee, c.bureaux) for s in ar.resolutions[0].sections for c in s.clauses] == \
        [("ITU-D", ()), ("relevant ITU-T study groups", ())]


def test_a_header_split_over_two_header_paragraphs(tmp_path):
    """'RESOLUTION 71' / '(Rev. Doha, 2026)', both in the ResNo style: one header, its edition from the
    second paragraph, in both languages (each gave an empty R71 and an UNREAD-1 with the clauses)."""
    sys.path.insert(0, str(Path(__file__).parent / "corpus"))
    from build import build

    from wtsa_extract.pipeline import extract_bytes

    en = extract_bytes(build("[ResNo] RESOLUTION 71\n[ResNo] (Rev. Doha, 2026)\n[Restitle] Strategic plan\n"
                             "[Call] instructs the Secretary-General\n[Normal] 1\tto report.\n"), "en.docx")
    ar = extract_bytes(build("[ResNo rtl] القرار 71\n[ResNo rtl] (المراجَع في الدوحة، 2026)\n[Restitle rtl] الخطة الاستراتيجية\n"
                             "[Call rtl] يكلف الأمين العام\n[Normal rtl] 1\tبأن يقدم تقريراً.\n"), "ar.docx")
    for doc, title in ((en, "Strategic plan"), (ar, "الخطة الاستراتيجية")):
        assert [(r.key, r.title_en or r.title_ar, r.edition.year, r.edition.revised) for r in doc.resolutions] == \
            [("R71", title, 2026, True)]
        assert not [d for d in doc.diagnostics if d.level == "warning"]


def _doc(name: str):
    from wtsa_extract.pipeline import extract

    return extract(REVIEW / name)


def test_an_extract_row_with_a_clause_is_no_contents_row():
    """An annex row of an extract (header, title, preamble, '…', a labelled clause), followed by another
    in the same table: a resolution, not a row of a table of resolutions (its clause was dropped)."""
    for name in ("r3_toc2.txt", "r3_toc3.ar.txt"):
        doc = _doc(name)
        assert [r.key for r in doc.resolutions][:2] == ["NEW-1", "R55"], name
        assert not [d for d in doc.diagnostics if d.code == "toc-entry"], name


def test_an_omission_ends_the_clause_before_it():
    """'4 … ,' / '…' / 'These studies shall be regular.': the sentence after an omission does not go
    on with clause 4 (its parent was 4)."""
    clauses = [(c.label, c.parent, c.text[:12]) for r in _doc("r3_om1.txt").resolutions for s in r.sections
               for c in s.clauses]
    assert clauses[5:7] == [("4", None, "that ITU-T s"), (None, None, "These studie")]
    assert ("1", None, "…") in clauses and ("3", None, "...;") in clauses  # a labelled clause whose text is left out stays
    ar = _doc("r3_ar3.ar.txt")  # Arabic: '…', '(...)' and '[…]' alone are omissions too
    assert [c.label for r in ar.resolutions for s in r.sections for c in s.clauses] == ["1", "3", "2"]
    assert sum(d.code == "omission" for d in ar.diagnostics) == 3


def test_sector_members_and_study_groups_of_a_sector_named_in_full():
    en = {s.addressee: s.assignee for r in _doc("r3_sec1.txt").resolutions for s in r.sections if s.addressee}
    assert en["the study groups of the Radiocommunication Sector"] == "ITU-R study groups"
    assert en["Member States and Sector Members of the Radiocommunication Sector"] == "Member States; ITU-R Sector Members"
    assert en["Telecommunication Development Sector Members"] == "ITU-D Sector Members"
    assert en["Study Group 1 of the ITU Telecommunication Development Sector"] == "ITU-D Study Group 1"
    ar = {s.addressee: (s.assignee, [c.text[:12] for c in s.clauses]) for r in _doc("r3_ar1.ar.txt").resolutions
          for s in r.sections if s.addressee}
    assert ar["الدول الأعضاء وأعضاء قطاع تنمية الاتصالات"][0] == "Member States; ITU-D Sector Members"
    assert ar["الدول الأعضاء بالاتحاد"] == ("Member States", ["على المشاركة"])  # على opens the clause


def test_an_editorial_note_assigns_nobody_in_arabic_too():
    """ملاحظة – … after clause 2 of a BDT section: kept under clause 2, no Bureau, no report (it was a
    BDT action), as the English 'NOTE –' (tests/corpus/wtdc_res17_note)."""
    from wtsa_extract.pipeline import extract_bytes

    text = ("القرار 17 (المراجَع في باكو، 2025)\nالمبادرات الإقليمية\nإن المؤتمر العالمي لتنمية الاتصالات (باكو، 2025)،\n"
            "يقرر أن يكلف مدير مكتب تنمية الاتصالات\n1\tبمساعدة المناطق في تنفيذ مبادراتها؛\n"
            "2\tبتقديم تقرير سنوي إلى الفريق الاستشاري لتنمية الاتصالات.\nملاحظة – ترد مبادرات كل منطقة في ملحق هذا القرار.\n")
    doc = extract_bytes(text.encode(), "ar.txt")
    assert [(c.label, c.parent, c.bureaux, c.reports_to) for s in doc.resolutions[0].sections for c in s.clauses] == \
        [("1", None, ("BDT",), ()), ("2", None, ("BDT",), ("TDAG",)), (None, "2", (), ())]
