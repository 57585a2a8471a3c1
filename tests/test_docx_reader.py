import pytest
from docx_build import minimal_docx

from wtsa_extract.readers.docx import PackageError, read_docx


def p(inner: str, ppr: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr>{inner}</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def texts(data: bytes):
    return [b.text for b in read_docx(data).value]


def test_tab_break_and_non_breaking_hyphen():
    body = p('<w:r><w:t>ITU</w:t><w:noBreakHyphen/><w:t>T</w:t><w:tab/><w:t>a</w:t><w:br/><w:t>b</w:t></w:r>')
    assert texts(minimal_docx(body)) == ["ITU\u2011T\ta\nb"]


def test_soft_hyphen_dropped_and_bookmarks_ignored():
    body = p('<w:bookmarkStart w:id="1" w:name="x"/>' + r("stand") + "<w:r><w:softHyphen/></w:r>" + r("ard")
             + '<w:bookmarkEnd w:id="1"/>')
    assert texts(minimal_docx(body)) == ["standard"]


def test_tracked_changes_accepted():
    body = p(r("keep ") + '<w:ins w:id="1" w:author="a">' + r("inserted ") + "</w:ins>"
             + '<w:del w:id="2" w:author="a"><w:r><w:delText>deleted </w:delText></w:r></w:del>' + r("end"))
    assert texts(minimal_docx(body)) == ["keep inserted end"]


def test_footnote_attached_and_mark_removed():
    body = p(r("developing") + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
             '<w:footnoteReference w:id="1"/></w:r>' + r(" countries"))
    notes = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/>'
             '</w:r><w:r><w:t xml:space="preserve"> These include LDCs.</w:t></w:r></w:p></w:footnote>')
    (block,) = read_docx(minimal_docx(body, footnotes=notes)).value
    assert block.text == "developing countries"
    assert [(f.id, f.text) for f in block.footnotes] == [("1", "These include LDCs.")]


def test_custom_footnote_mark_removed():
    body = p(r("(Hammamet, 2016)") + '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>1</w:t></w:r>')
    notes = '<w:footnote w:id="1"><w:p><w:r><w:t>Previously published.</w:t></w:r></w:p></w:footnote>'
    (block,) = read_docx(minimal_docx(body, footnotes=notes)).value
    assert block.text == "(Hammamet, 2016)"
    assert block.footnotes[0].text == "Previously published."


def test_libreoffice_footnote_characters_style_marks_a_repeated_reference():
    # LibreOffice names the mark's character style 'Footnote Characters' (Word: 'Footnote Reference'),
    # and writes a second reference to the same note as a run in that style holding the number.
    styles = ('<w:style w:type="character" w:styleId="FootnoteCharacters"><w:name w:val="Footnote Characters"/>'
              '</w:style>')
    body = p(r("the study group") + '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="4"/><w:t>2</w:t></w:r>'
             + r(", and the chairman of the study group")
             + '<w:r><w:rPr><w:rStyle w:val="FootnoteCharacters"/></w:rPr><w:t>2</w:t></w:r>' + r(". In this case"))
    notes = '<w:footnote w:id="4"><w:p><w:r><w:t>In special cases.</w:t></w:r></w:p></w:footnote>'
    (block,) = read_docx(minimal_docx(body, footnotes=notes, styles=styles)).value
    assert block.text == "the study group, and the chairman of the study group. In this case"


def test_missing_footnote_is_a_diagnostic():
    body = p(r("x") + '<w:r><w:footnoteReference w:id="9"/></w:r>')
    result = read_docx(minimal_docx(body))
    assert [m.code for m in result.messages] == ["footnote-missing"]


NUMBERING = (
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%2)"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%3"/>'
    '<w:suff w:val="space"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>'
    '</w:abstractNum>'
    '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>'
)


def numbered(text: str, level: int, num: int = 5) -> str:
    return p(r(text), f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')


def test_word_numbering_reaches_the_parser_as_structure():
    body = (numbered("one", 0) + numbered("sub a", 1) + numbered("sub b", 1) + numbered("two", 0)
            + numbered("sub again", 1) + numbered("deep", 2) + numbered("bullet", 0, 6))
    blocks = read_docx(minimal_docx(body, numbering=NUMBERING)).value
    assert [(b.label, b.text) for b in blocks] == [("1", "one"), ("i)", "sub a"), ("ii)", "sub b"), ("2", "two"),
                                                   ("i)", "sub again"), ("2.a", "deep"), (None, "bullet")]
    assert [b.level for b in blocks] == [0, 1, 1, 0, 1, 2, 0]


def test_numbering_through_paragraph_style():
    styles = ('<w:style w:type="paragraph" w:styleId="ListNum"><w:name w:val="List Num"/>'
              '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>')
    body = p(r("first"), '<w:pStyle w:val="ListNum"/>') + p(r("second"), '<w:pStyle w:val="ListNum"/>')
    blocks = read_docx(minimal_docx(body, numbering=NUMBERING, styles=styles)).value
    assert [(b.label, b.text, b.style) for b in blocks] == [("1", "first", "ListNum"), ("2", "second", "ListNum")]


def _replace_part(data: bytes, name: str, change) -> bytes:
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for member in source.namelist():
            zf.writestr(member, change(source.read(member)) if member == name else source.read(member))
    return out.getvalue()


@pytest.mark.parametrize("rewrite", [
    lambda raw: raw,  # read style by style
    lambda raw: raw.replace(b"w:", b"s:").replace(b"xmlns:w=", b"xmlns:s="),  # another prefix
    lambda raw: ('<?xml version="1.0" encoding="UTF-16"?>' + raw.decode()).encode("utf-16"),  # another encoding
    lambda raw: raw.replace(b"<w:name", b"<!-- <w:style w:styleId='ListNum'> --><w:name"),  # a misleading comment
    lambda raw: raw.replace(b'w:styleId="ListNum"', b"w:styleId = 'ListNum'"),  # other quoting: cut into pieces
    lambda raw: raw.replace(b'w:styleId="Base"', b'w:styleId="B&#97;se"'),  # an entity in an id: whole part
    lambda raw: raw.replace(b'w:styleId="Other"', b'w:styleId="Oth\ner"'),  # white space in an id: whole part
    lambda raw: raw.replace(b'<w:style w:type="paragraph" w:styleId="Base">',
                            b'<w:style w:type="paragraph" w:styleId="Base"></w:style><w:style w:styleId="Base">'),
    # found by review: a misleading comment before the root, an end tag written '</w:style >', a
    # character reference (cleaned in a whole parse only)
    lambda raw: raw.replace(b"<w:styles", b"<!-- <w:style w:styleId=\"ListNum\"/> --><w:styles", 1),
    lambda raw: raw.replace(b"</w:style>", b"</w:style >"),
    lambda raw: raw.replace(b'<w:name w:val="Base"/>', b'<w:name w:val="B&#64976;se"/>'),
], ids=["pieces", "prefix", "utf16", "comment", "quoting", "entity", "newline", "defined-twice", "prolog-comment",
        "end-tag-space", "char-reference"])
def test_numbering_through_paragraph_style_however_styles_xml_is_written(rewrite):
    styles = ('<w:style w:type="character" w:styleId="Other"><w:name w:val="Other"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/>'
              '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="ListNum"><w:name w:val="List Num"/><w:basedOn w:val="Base"/>'
              '</w:style>')
    body = p(r("first"), '<w:pStyle w:val="ListNum"/>') + p(r("second"), '<w:pStyle w:val="ListNum"/>')
    data = _replace_part(minimal_docx(body, numbering=NUMBERING, styles=styles), "word/styles.xml", rewrite)
    blocks = read_docx(data).value
    assert [(b.label, b.text, b.style) for b in blocks] == [("1", "first", "ListNum"), ("2", "second", "ListNum")]


def tc(inner: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{inner}</w:tc>"


def test_tables_merged_cells_and_rtl():
    status = 'جديد'
    restart, cont, span = '<w:vMerge w:val="restart"/>', "<w:vMerge/>", '<w:gridSpan w:val="2"/>'
    table = (
        '<w:tbl><w:tblPr><w:bidiVisual/></w:tblPr>'
        f'<w:tr>{tc(p(r(status), "<w:bidi/>"), restart)}{tc(p(r("A")))}</w:tr>'
        f'<w:tr>{tc(p(""), cont)}{tc(p(r("B")))}</w:tr>'
        f'<w:tr>{tc(p(r("wide")), span)}</w:tr>'
        '</w:tbl>'
    )
    blocks = read_docx(minimal_docx(p(r("before")) + table)).value
    got = [(b.text, str(b.loc), b.merged, b.rtl) for b in blocks]
    assert got == [
        ("before", "paragraph 1", False, False),
        (status, "table 1 row 1 cell 1 paragraph 1", False, True),
        ("A", "table 1 row 1 cell 2 paragraph 1", False, True),
        (status, "table 1 row 2 cell 1 paragraph 1", True, True),  # merged value, marked as a copy
        ("B", "table 1 row 2 cell 2 paragraph 1", False, True),
        ("wide", "table 1 row 3 cell 1 paragraph 1", False, True),  # read once despite spanning 2 columns
    ]


def test_styles_exposed():
    body = p(r("RESOLUTION 1"), '<w:pStyle w:val="ResNo"/>') + p(r("considering"), '<w:pStyle w:val="Call"/>')
    assert [b.style for b in read_docx(minimal_docx(body)).value] == ["ResNo", "Call"]


@pytest.mark.parametrize("data,message", [
    (b"PK\x03\x04garbage", "damaged"),
])
def test_bad_package_raises_package_error(data, message):
    with pytest.raises(PackageError, match=message):
        read_docx(data)


def test_zip_without_document_xml():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(PackageError, match="no word/document.xml"):
        read_docx(buf.getvalue())


def test_dtds_are_refused_so_entities_never_expand():
    doc = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "EXPANDED">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>a&x;b</w:t></w:r></w:p></w:body></w:document>')
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", doc)
    with pytest.raises(PackageError, match="declares a DTD"):
        read_docx(buf.getvalue())


def test_itu_docx_reader(itu_doc):
    from docx_build import ITU_DOCX

    blocks = read_docx(ITU_DOCX.read_bytes()).value
    styles = {b.style for b in blocks}
    assert {"ResNo", "Restitle", "Call", "enumlev1"} <= styles
    assert any("ITU\u2011T" in b.text for b in blocks)
    assert not any("ITUT" in b.text for b in blocks)


# --- the body walker (walk.xsl): structures it must read like Word -----------------------------------------

MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def located(data: bytes):
    return [(b.text, str(b.loc), b.merged) for b in read_docx(data).value]


def test_nested_table_inside_a_vertical_merge():
    restart, cont = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    nested = f'<w:tbl><w:tr>{tc(p(r("n1")))}{tc(p(r("n2")))}</w:tr></w:tbl>'
    body = (f'<w:tbl><w:tr>{tc(p(r("a")) + nested + p(r("b")), restart)}{tc(p(r("x")))}</w:tr>'
            f'<w:tr>{tc(p("") + nested, cont)}{tc(p(r("y")))}</w:tr></w:tbl>' + p(r("after")))
    assert located(minimal_docx(body)) == [
        ("a", "table 1 row 1 cell 1 paragraph 1", False),
        ("n1", "table 2 row 1 cell 1 paragraph 1", False),  # the nested table, read in place
        ("n2", "table 2 row 1 cell 2 paragraph 1", False),
        ("b", "table 1 row 1 cell 1 paragraph 3", False),  # the nested table counts as item 2
        ("x", "table 1 row 1 cell 2 paragraph 1", False),
        ("a", "table 1 row 2 cell 1 paragraph 1", True),  # the merge repeats paragraphs, not the nested table
        ("b", "table 1 row 2 cell 1 paragraph 3", True),
        ("y", "table 1 row 2 cell 2 paragraph 1", False),
        ("after", "paragraph 1", False),
    ]


def test_text_box_read_once_after_its_paragraph():
    box = (f'<w:r><mc:AlternateContent {MC}><mc:Choice Requires="wps"><w:drawing><w:txbxContent>{p(r("in box"))}'
           f'</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{p(r("fallback copy"))}'
           '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    body = p(r("anchor") + box + r(" tail")) + p(r("next"))
    assert located(minimal_docx(body)) == [("anchor tail", "paragraph 1", False), ("in box", "paragraph 2", False),
                                           ("next", "paragraph 3", False)]


def test_content_controls_around_blocks_rows_and_cells():
    body = (f'<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>{p(r("in sdt"))}<w:tbl><w:sdt>'
            f'<w:sdtContent><w:tr><w:sdt><w:sdtContent>{tc(p(r("c1")))}</w:sdtContent></w:sdt>{tc(p(r("c2")))}'
            f'</w:tr></w:sdtContent></w:sdt></w:tbl></w:sdtContent></w:sdt><w:customXml>{p(r("custom"))}</w:customXml>')
    assert located(minimal_docx(body)) == [("in sdt", "paragraph 1", False),
                                           ("c1", "table 1 row 1 cell 1 paragraph 1", False),
                                           ("c2", "table 1 row 1 cell 2 paragraph 1", False),
                                           ("custom", "paragraph 2", False)]


def test_fields_links_and_moves():
    body = p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("shown") + '<w:r><w:fldChar w:fldCharType="end"/>'
             '</w:r><w:fldSimple w:instr="PAGE">' + r(" 3") + "</w:fldSimple><w:smartTag>" + r(" smart")
             + "</w:smartTag><w:moveFrom>" + r("moved away") + "</w:moveFrom><w:moveTo>" + r(" moved here")
             + "</w:moveTo>")
    assert texts(minimal_docx(body)) == ["shown 3 smart moved here"]


def test_symbols_including_impossible_code_points():
    body = p(r("a") + '<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:sym w:font="Wingdings" w:char="F0E0"/>'
             '<w:sym w:font="Symbol" w:char="zz"/><w:sym w:char="41"/><w:sym w:char="FFFFFFFF"/>'
             '<w:sym w:char="D800"/></w:r>')
    assert texts(minimal_docx(body)) == ["a\u2022\u00e0A\ufffd\ufffd"]


def test_the_walkers_delimiters_in_a_document_become_replacement_characters():
    body = p(r("a\ufdd0b&#xFDD1;c&#64978;d")) + p(r("next"))
    assert texts(minimal_docx(body)) == ["a\ufffdb\ufffdc\ufffdd", "next"]


def test_utf16_part_without_a_declaration_cannot_inject_records():
    injected = "First.\ufdd0P\ufdd1\ufdd1\ufdd1\ufdd1Injected \ufdd2ZZ\ufdd3"
    data = _replace_part(minimal_docx(p(r(injected))), "word/document.xml",
                         lambda raw: raw.decode().encode("utf-16"))  # a byte-order mark, no declaration
    result = read_docx(data)
    assert [b.text for b in result.value] == ["First.\ufffdP\ufffd\ufffd\ufffd\ufffdInjected \ufffdZZ\ufffd"]
    assert not result.messages


def test_later_paragraph_properties_win_and_text_is_the_w_t_text():
    body = p(r("x"), '<w:pStyle w:val="First"/><w:pStyle w:val="Second"/><w:bidi/><w:bidi w:val="0"/>')
    assert [(b.style, b.rtl) for b in read_docx(minimal_docx(body)).value] == [("Second", False)]


def test_utf16_document_part():
    data = _replace_part(minimal_docx(p(r("utf-16 \ufdd0 text"))), "word/document.xml",
                         lambda raw: ('<?xml version="1.0" encoding="UTF-16"?>' + raw.decode()).encode("utf-16"))
    assert texts(data) == ["utf-16 \ufffd text"]


def test_styles_read_one_by_one_are_those_of_the_whole_part(seed_docx_path):
    """styles.py reads a plainly written styles.xml style by style (a speed device): on ITU's file and
    the seed .docx every style so read is the one a whole parse gives, and the whole part is not parsed."""
    from docx_build import ITU_DOCX
    from lxml import etree

    from wtsa_extract.readers.docx.package import open_package, w
    from wtsa_extract.readers.docx.styles import Styles

    for path in (ITU_DOCX, seed_docx_path):
        pkg = open_package(path.read_bytes())
        ids = [el.get(w("styleId")) for el in pkg.part("styles").iterchildren(w("style"))]
        one_by_one, whole = Styles(open_package(path.read_bytes())), Styles(pkg)
        assert len(ids) > 20
        for style_id in ids:
            assert [etree.tostring(e) for e in one_by_one.get(style_id)] == \
                [etree.tostring(e) for e in whole._whole()[style_id]], style_id
        assert one_by_one._index is None  # found in the bytes, never by parsing the whole part


def test_words_in_a_note_mark_style_are_kept():
    # a run in the mark style is dropped when it holds only a mark ('2', '1, ', '1quater'); words given
    # that style by mistake stay, however Word splits them into runs
    styles = ('<w:style w:type="character" w:styleId="FootnoteCharacters"><w:name w:val="Footnote Characters"/>'
              '</w:style>')

    def marked(text: str, style: str = "FootnoteCharacters") -> str:
        return f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'

    body = (p(r("the study group") + marked("2") + marked(" and ") + marked("its chairman", "FootnoteReference")
              + r(" shall report")) + p(r("(Hammamet, 2016)") + marked("1quater") + marked(", ") + marked("2 bis")
                                        + r(" end")) + p(r("x") + '<w:r><w:footnoteReference w:id="4"/></w:r>'))
    notes = '<w:footnote w:id="4"><w:p><w:r><w:t>A note.</w:t></w:r></w:p></w:footnote>'
    blocks = read_docx(minimal_docx(body, footnotes=notes, styles=styles)).value
    assert [b.text for b in blocks] == ["the study group and its chairman shall report", "(Hammamet, 2016) end", "x"]


def test_a_paragraph_naming_the_default_style_has_no_style():
    # Word leaves the default paragraph style unnamed; LibreOffice names it ('Normal') on each paragraph.
    # Both read alike, so what the parser infers from an unstyled paragraph (an annex's title) holds.
    styles = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Call"><w:name w:val="Call"/></w:style>')
    body = (p(r("ANNEX 1"), '<w:pStyle w:val="Normal"/>') + p(r("Working methods"), '<w:pStyle w:val="Normal"/>')
            + p(r("considering"), '<w:pStyle w:val="Call"/>') + p(r("plain")))
    blocks = read_docx(minimal_docx(body, styles=styles)).value
    assert [b.style for b in blocks] == [None, None, "Call", None]


def test_the_last_default_paragraph_style_is_the_default():
    # ISO/IEC 29500 17.7.4.17: where several paragraph styles say w:default, the last one is the default
    styles = ('<w:style w:type="paragraph" w:default="1" w:styleId="Call"><w:name w:val="Call"/></w:style>'
              '<w:style w:type="character" w:default="1" w:styleId="DefaultFont"><w:name w:val="f"/></w:style>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:default="0" w:styleId="Body"><w:name w:val="Body"/></w:style>')
    body = p(r("considering"), '<w:pStyle w:val="Call"/>') + p(r("text"), '<w:pStyle w:val="Normal"/>') \
        + p(r("body"), '<w:pStyle w:val="Body"/>')
    assert [b.style for b in read_docx(minimal_docx(body, styles=styles)).value] == ["Call", None, "Body"]


def test_text_naming_the_strict_namespace_is_not_changed():
    url = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    (block,) = read_docx(minimal_docx(p(r(f"Strict documents declare {url} instead.")))).value
    assert block.text == f"Strict documents declare {url} instead."
