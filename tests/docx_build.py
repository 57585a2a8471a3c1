"""Test helpers that build .docx files: a minimal package from raw XML, and the seed as Word."""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "samples" / "000_4ba82f9e94ba416a.txt"
ITU_DOCX = ROOT / "samples" / "T-RES-T.1-2016-MSW-E.docx"

_CT_HEAD = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
"""
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def _content_types(parts) -> str:
    """[Content_Types].xml naming every part the package holds (Word and python-docx need them)."""
    overrides = "".join(f'<Override PartName="/{name}" ContentType="{_WML}{name[5:-4]}+xml"/>\n'
                        for name in parts if name != "word/document.xml")
    return _CT_HEAD + overrides + "</Types>"
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""


def minimal_docx(body: str, numbering: str | None = None, footnotes: str | None = None,
                 styles: str | None = None) -> bytes:
    """A .docx whose body is `body` (raw WordprocessingML), with optional parts (inner XML only)."""
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    parts = {"word/document.xml": f'<w:document {NS}><w:body>{body}</w:body></w:document>'}
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    for rid, (name, rel, inner, root) in enumerate([
        ("numbering.xml", "numbering", numbering, "numbering"),
        ("footnotes.xml", "footnotes", footnotes, "footnotes"),
        ("styles.xml", "styles", styles, "styles"),
    ], start=1):
        if inner is not None:
            parts[f"word/{name}"] = f"<w:{root} {NS}>{inner}</w:{root}>"
            rels.append(f'<Relationship Id="rId{rid}" Type="{base}{rel}" Target="{name}"/>')
    rels.append("</Relationships>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", _content_types(parts))
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/_rels/document.xml.rels", "\n".join(rels))
        for name, xml in parts.items():
            zf.writestr(name, xml)
    return buf.getvalue()


# --- the seed document rebuilt as Word, with python-docx -------------------------------------------------

NUMBERED_KEY = "NEW-5"  # its clauses 1-4 get Word automatic numbering instead of typed labels
TRACKED_LINE = "to identify best practices to establish CIRTs;"  # written with an insertion and a deletion


def _add_text(paragraph, text: str, wrap: str | None = None) -> None:
    """Append `text` as runs; U+2011 becomes w:noBreakHyphen, TAB w:tab; `wrap` = 'ins' wraps in w:ins."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    for i, piece in enumerate(text.split("\u2011")):
        if i:
            run.append(OxmlElement("w:noBreakHyphen"))
        for j, chunk in enumerate(piece.split("\t")):
            if j:
                run.append(OxmlElement("w:tab"))
            if chunk:
                t = OxmlElement("w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = chunk
                run.append(t)
    if wrap:
        box = OxmlElement(f"w:{wrap}")
        box.set(qn("w:id"), "90")
        box.set(qn("w:author"), "test")
        box.append(run)
        paragraph._p.append(box)
    else:
        paragraph._p.append(run)


def _deleted(paragraph, text: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    box = OxmlElement("w:del")
    box.set(qn("w:id"), "91")
    box.set(qn("w:author"), "test")
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText")
    t.text = text
    run.append(t)
    box.append(run)
    paragraph._p.append(box)


def _set_bidi(paragraph) -> None:
    from docx.oxml import OxmlElement

    paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))


def _footnote_ref(paragraph, note_id: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "FootnoteReference")
    rpr.append(style)
    run.append(rpr)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(note_id))
    run.append(ref)
    paragraph._p.append(run)


def _numbering(document) -> str:
    """Add a decimal list ('%1' + TAB, like the seed's typed labels); return its numId."""
    from lxml import etree

    numbering = document.part.numbering_part.element
    abstract = etree.fromstring(
        f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="77"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/>'
        '<w:suff w:val="tab"/></w:lvl></w:abstractNum>')
    numbering.insert(0, abstract)
    numbering.append(etree.fromstring(f'<w:num xmlns:w="{W}" w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    return "77"


def _number_paragraph(paragraph, num_id: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    num_pr = OxmlElement("w:numPr")
    ilvl, nid = OxmlElement("w:ilvl"), OxmlElement("w:numId")
    ilvl.set(qn("w:val"), "0")
    nid.set(qn("w:val"), num_id)
    num_pr.append(ilvl)
    num_pr.append(nid)
    paragraph._p.get_or_add_pPr().append(num_pr)


def _footnotes_part(document, notes: dict[int, str]) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/>'
        f'</w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>' for i, text in notes.items())
    xml = (f'<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
           f'</w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
           f'<w:continuationSeparator/></w:r></w:p></w:footnote>{body}</w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def seed_docx(path: Path) -> Path:
    """Rebuild the seed text as a Word document: RTL Arabic tables with vertically merged status
    cells, ITU styles, one Word-numbered list, a real footnote and tracked changes."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from wtsa_extract.parse.english import section_start
    from wtsa_extract.parse.identity import read_header
    from wtsa_extract.parse.labels import split_label
    from wtsa_extract.readers.text import read_text

    _, result = read_text(SEED_TEXT.read_bytes())
    blocks = result.value
    document = docx.Document()
    for name in ("ResNo", "Restitle", "Call", "enumlev1"):
        document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    num_id = _numbering(document)
    notes: dict[int, str] = {}
    body = document.element.body
    sect = body[-1]

    def write_paragraph(paragraph, block, style=None):
        text = block.text
        if style:
            paragraph.style = document.styles[style]
        if block.rtl:
            _set_bidi(paragraph)
        if TRACKED_LINE in text:
            label, rest = text.split(TRACKED_LINE)
            _add_text(paragraph, label + "to identify ")
            _deleted(paragraph, "worst practices ")
            _add_text(paragraph, "best practices", wrap="ins")
            _add_text(paragraph, " to establish CIRTs;" + rest)
        else:
            _add_text(paragraph, text)
        for note in block.footnotes:
            notes[int(note.id)] = note.text
            _footnote_ref(paragraph, int(note.id))

    # Group table blocks into rows; body blocks stay in order.
    items: list = []
    rows: dict = defaultdict(lambda: defaultdict(list))
    for b in blocks:
        if b.loc.table is None:
            items.append(("p", b))
        else:
            key = (b.loc.table, b.loc.row)
            if not rows[key]:
                items.append(("row", key))
            rows[key][b.loc.cell].append(b)

    state = {"in_res": None, "res_count": 0, "new": 0, "numbered": False}

    def style_for(b, cell_index):
        text = b.text.strip()
        if read_header(text.replace("\u00a0", " ")) is not None:
            state["new"] += text.startswith("NEW")
            state["key"] = f"NEW-{state['new']}" if text.startswith("NEW") else "R"
            state["after_header"] = True
            return "ResNo"
        if state.get("after_header") and text:
            state["after_header"] = False
            return "Restitle"
        if section_start(b) is not None and split_label(b.text).label is None and b.loc.cell and b.loc.cell > 1:
            return "Call"
        return None

    table = None
    table_rows: list = []

    def flush_table():
        nonlocal table, table_rows
        if not table_rows:
            return
        columns = max(len(cells) for cells in table_rows)
        t = document.add_table(rows=len(table_rows), cols=columns)
        arabic = any(b.rtl for cells in table_rows for cell in cells for b in cell)
        if arabic:
            tbl_pr = t._tbl.tblPr
            tbl_pr.append(OxmlElement("w:bidiVisual"))
        previous_status = None
        for r, cells in enumerate(table_rows):
            status = cells[0][0].text.strip() if len(cells) == 3 and cells[0] else None
            for c in range(columns):
                cell = t.cell(r, c)
                first = cell.paragraphs[0]
                content = cells[c] if c < len(cells) else []
                if arabic and c == 0 and status in ("جديد", "مُراجع") and status == previous_status:
                    tc_pr = cell._tc.get_or_add_tcPr()
                    merge = OxmlElement("w:vMerge")  # continue: the value comes from the cell above
                    tc_pr.append(merge)
                    continue
                if arabic and c == 0 and status in ("جديد", "مُراجع") and status != previous_status:
                    tc_pr = cell._tc.get_or_add_tcPr()
                    merge = OxmlElement("w:vMerge")
                    merge.set(qn("w:val"), "restart")
                    tc_pr.append(merge)
                for i, b in enumerate(content):
                    paragraph = first if i == 0 else cell.add_paragraph()
                    style = style_for(b, c + 1)
                    numbered = state.get("key") == NUMBERED_KEY and split_label(b.text).label is not None
                    if numbered:
                        label = split_label(b.text)
                        b = type(b)(label.text, b.loc, b.style, b.footnotes, b.rtl)
                        _number_paragraph(paragraph, num_id)
                    write_paragraph(paragraph, b, style)
            previous_status = status
        body.remove(t._tbl)
        body.insert(body.index(sect), t._tbl)
        table_rows = []

    for kind, value in items:
        if kind == "p":
            flush_table()
            p = document.add_paragraph()
            write_paragraph(p, value)
            continue
        cells = [rows[value][c] for c in sorted(rows[value])]
        # The Tika dump glued the annex heading into the last Arabic row: split it out again.
        split_at = next(((ci, bi) for ci, cell in enumerate(cells) for bi, b in enumerate(cell)
                         if b.text.strip() == "Annex"), None)
        if split_at:
            ci, bi = split_at
            table_rows.append(cells[:ci] + [cells[ci][:bi]])
            flush_table()
            for b in cells[ci][bi:]:
                write_paragraph(document.add_paragraph(), b)
            table_rows.append(cells[ci + 1:])
            continue
        table_rows.append(cells)
    flush_table()
    _footnotes_part(document, notes)
    document.save(path)
    return path
