"""Arabic Tables 1 and 2: each quirk of the seed, and small synthetic tables."""

from conftest import resolution

from wtsa_extract.model import Block, Location
from wtsa_extract.normalize import arabic_key
from wtsa_extract.parse.arabic import classify, parse_summary, parse_table1, parse_table2
from wtsa_extract.readers.text import blocks_from_text


def test_classify_cells():
    assert classify("جديد") == ("status", "new")
    assert classify("مُراجع") == ("status", "revised")
    assert classify("مراجَع") == ("status", "revised")  # other diacritics, same word
    assert classify("لا\u00a0تغيير") == ("status", "unchanged")
    assert classify("مُلغى") == ("status", "suppressed")
    assert classify("يُحدد لاحقاً") == ("tbd", None)
    assert classify("يحدد لاحقا") == ("tbd", None)
    assert classify("٥٠") == ("number", 50)
    assert classify("۵۰") == ("number", 50)
    assert classify(" 44 ") == ("number", 44)
    assert classify("الحالة") == ("header", None)
    assert classify("الأمن السيبراني") == ("title", "الأمن السيبراني")
    assert classify("\t") == ("empty", None)


def table(rows: list[list[str]]) -> list[Block]:
    out = []
    for r, cells in enumerate(rows, start=1):
        for c, text in enumerate(cells, start=1):
            out.append(Block(text, Location(table=1, row=r, cell=c, paragraph=1), rtl=True))
    return out


def test_columns_found_by_content_in_another_order():
    # This document orders its columns title | number | status; one row lacks its title.
    rows = parse_table1(table([["العنوان", "الرقم", "الحالة"], ["الأمن السيبراني", "٥٠", "مُراجع"],
                               ["تقييم تنفيذ القرارات", "يُحدد لاحقاً", "جديد"], ["52", "لا تغيير"],
                               ["مكافحة الرسائل", "54", "مُراجع"]]))
    got = [(r.status, r.number, r.not_yet_numbered, r.title) for r in rows.value]
    assert got == [("revised", 50, False, "الأمن السيبراني"), ("new", None, True, "تقييم تنفيذ القرارات"),
                   ("unchanged", 52, False, None), ("revised", 54, False, "مكافحة الرسائل")]
    assert [m.code for m in rows.messages] == ["table1-missing-title"]


def test_damaged_rows_are_reported_not_invented():
    rows = parse_table1(table([["جديد", "يُحدد لاحقاً", "عنوان أول"], ["يُحدد لاحقاً", "جديد"],
                               ["مسؤوليات لجان الدراسات"], ["18", "مبادئ"], ["مُراجع", "50", "الأمن"]]))
    got = [(r.status, r.number, r.title) for r in rows.value]
    assert got == [("new", None, "عنوان أول"), ("new", None, None), (None, None, "مسؤوليات لجان الدراسات"),
                   (None, 18, "مبادئ"), ("revised", 50, "الأمن")]
    codes = [(m.code, m.loc.row) for m in rows.messages]
    assert codes == [("table1-missing-title", 2), ("table1-missing-status", 3), ("table1-missing-number", 3),
                     ("table1-missing-status", 4)]


def test_rows_glued_by_the_converter_are_split_by_content():
    # One Tika row holding three Word rows: status/number/title, then number+status (no title), then a full row.
    blocks = blocks_from_text("\tجديد\n\tيُحدد لاحقاً\n\tعنوان أ\n \tيُحدد لاحقاً\n \tجديد\n \tجديد\n\tيُحدد لاحقاً\n\tعنوان ب\n")
    got = [(r.status, r.not_yet_numbered, r.title) for r in parse_table1(blocks).value]
    assert got == [("new", True, "عنوان أ"), ("new", True, None), ("new", True, "عنوان ب")]


def test_summary_fields():
    s = parse_summary("القرار 72 بشأن مشاكل القياس والتقييم المتعلقة بالتعرض البشري للمجالات الكهرمغنطيسية يقرر أن "
                      "يدعو قطاع تقييس الاتصالات، ويكلف مدير مكتب تقييس الاتصالات، بالتعاون الوثيق مع مديري "
                      "المكتبين الآخرين", Location(line=1))
    assert (s.number, s.new) == (72, False)
    assert s.title == arabic_key("مشاكل القياس والتقييم المتعلقة بالتعرض البشري للمجالات الكهرمغنطيسية")
    assert s.verbs == (arabic_key("يقرر أن يدعو"), arabic_key("ويكلف"))  # matching keys, for messages
    assert s.families == ("resolve", "invite", "instruct")
    assert s.bureaux == ("TSB", "BDT", "BR")


def test_summary_title_stops_at_relative_clause_and_digits_are_read():
    s = parse_summary("القرار ٢ بشأن مسؤوليات لجان الدراسات، الذي يحدد الاختصاصات. ويطلب من لجنتي الدراسات",
                      Location(line=1))
    assert (s.number, s.title, s.families) == (2, arabic_key("مسؤوليات لجان الدراسات"), ("request",))
    assert parse_summary("نص آخر", Location(line=1)) is None


def test_summary_keeps_arabic_continuation_but_not_english():
    blocks = blocks_from_text("\tقرار جديد بشأن تقييم تنفيذ القرارات يكلف مدير مكتب تقييس الاتصالات\n"
                              "فقرة ثانية\nAnnex\n")
    (s,) = parse_table2(blocks).value
    assert s.text.endswith("فقرة ثانية") and "Annex" not in s.text


def test_seed_table1_quirks(seed_doc):
    codes = [(d.code, d.loc.line) for d in seed_doc.diagnostics if d.code.startswith("table1-")]
    assert codes == [("table1-missing-title", 17), ("table1-missing-status", 42), ("table1-missing-number", 42),
                     ("table1-missing-status", 43), ("table1-missing-status", 45)]
    r2 = resolution(seed_doc, "R2")
    assert (r2.status, r2.title_ar) == (None, "مسؤوليات لجان دراسات قطاع تقييس الاتصالات واختصاصاتها")


def test_seed_merged_status_cells_in_docx_apply_to_each_row(seed_docx_path):
    from wtsa_extract.pipeline import extract

    doc = extract(seed_docx_path)
    assert [r.status for r in doc.resolutions[:10]] == ["new"] * 10
    assert resolution(doc, "R50").status == "revised"

