"""Raw WordprocessingML access: the one module that knows `w:` names.

Opens the zip package, parses parts with a locked-down lxml parser (no entities,
no DTD, no network), and offers small helpers over paragraphs, runs, tables,
styles, numbering and footnotes.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import NamedTuple

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
OFFICE_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


P, TBL, TR, TC, R, T = w("p"), w("tbl"), w("tr"), w("tc"), w("r"), w("t")
TAB, BR, CR, NB_HYPHEN, SOFT_HYPHEN, SYM = w("tab"), w("br"), w("cr"), w("noBreakHyphen"), w("softHyphen"), w("sym")
DEL, MOVE_FROM, INS, MOVE_TO = w("del"), w("moveFrom"), w("ins"), w("moveTo")
PPR, RPR, DEL_TEXT, INSTR_TEXT = w("pPr"), w("rPr"), w("delText"), w("instrText")
FOOTNOTE_REF, ENDNOTE_REF, TXBX = w("footnoteReference"), w("endnoteReference"), w("txbxContent")
SDT, SDT_CONTENT, SMART_TAG, HYPERLINK, FLD_SIMPLE = w("sdt"), w("sdtContent"), w("smartTag"), w("hyperlink"), w("fldSimple")
CUSTOM_XML = w("customXml")
MC_ALT, MC_CHOICE, MC_FALLBACK = f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice", f"{{{MC_NS}}}Fallback"
VAL = w("val")

# Containers whose children are read as if they were in the parent.
_TRANSPARENT = {INS, MOVE_TO, SDT, SDT_CONTENT, SMART_TAG, HYPERLINK, FLD_SIMPLE, CUSTOM_XML, MC_ALT, MC_CHOICE}
# Subtrees that never contribute text.
_SKIP = {DEL, MOVE_FROM, PPR, RPR, DEL_TEXT, INSTR_TEXT, MC_FALLBACK, w("commentReference"),
         w("proofErr"), w("bookmarkStart"), w("bookmarkEnd"), w("lastRenderedPageBreak")}


class PackageError(Exception):
    """The package is not a readable Word document; str() is one line."""


def xml_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


class Package:
    """The parts of a .docx that the reader needs, each parsed on first use (styles.xml is often
    the largest part and is needed only for style-borne numbering and note-mark styles)."""

    def __init__(self, document: etree._Element, parse, parts: dict[str, str | None]) -> None:
        self.document = document
        self._parse = parse
        self._parts = parts
        self._parsed: dict[str, etree._Element | None] = {}

    def _get(self, kind: str) -> etree._Element | None:
        if kind not in self._parsed:
            self._parsed[kind] = self._parse(self._parts.get(kind))
        return self._parsed[kind]

    @property
    def styles(self) -> etree._Element | None:
        return self._get("styles")

    @property
    def numbering(self) -> etree._Element | None:
        return self._get("numbering")

    @property
    def footnotes(self) -> etree._Element | None:
        return self._get("footnotes")


def _rels_targets(zf: zipfile.ZipFile, rels_name: str, base: str) -> dict[str, str]:
    """Relationship type -> part name, from a .rels part (missing part: empty)."""
    try:
        root = etree.fromstring(_read_member(zf, rels_name, 1), xml_parser())
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, EOFError, OSError, NotImplementedError,
            RuntimeError, ValueError):
        return {}
    out = {}
    for rel in root.iter(f"{{{REL_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        out.setdefault(rel.get("Type", ""), name)
    return out


def _check_zip(zf: zipfile.ZipFile, limits) -> None:
    """Refuse zip bombs and oddities before anything is decompressed."""
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise PackageError(f"the zip holds {len(infos)} entries, over the {limits.max_members} limit")
    total = sum(i.file_size for i in infos)
    if total > limits.max_unzipped_mb * 2**20:
        raise PackageError(f"the zip unpacks to {total / 2**20:.0f} MiB, over the {limits.max_unzipped_mb} MiB "
                           "limit (a zip bomb?)")
    for i in infos:
        if i.flag_bits & 0x1:
            raise PackageError("the zip is password-protected")
        if i.file_size > 2**20 and i.file_size > limits.max_ratio * max(i.compress_size, 1):
            raise PackageError(f"{i.filename} expands {i.file_size // max(i.compress_size, 1)} times, over the "
                               f"{limits.max_ratio}x limit (a zip bomb?)")


def _read_member(zf: zipfile.ZipFile, name: str, limit_mb: int) -> bytes:
    """A member's bytes, never more than the limit (the header's sizes are not trusted)."""
    cap = limit_mb * 2**20
    with zf.open(name) as handle:
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise PackageError(f"{name} is over the {limit_mb} MiB limit for one XML part")
    return data


def _xml_error(name: str, error: etree.XMLSyntaxError) -> PackageError:
    text = " ".join(str(error).split())  # libxml2 messages span lines; ours are one
    if "depth" in text.lower() or "nest" in text.lower():
        return PackageError(f"{name} is nested too deeply to be a real document")
    return PackageError(f"damaged XML in {name}: {text}")


def open_package(data: bytes, limits=None) -> Package:
    from wtsa_extract.limits import DEFAULT

    limits = limits or DEFAULT
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise PackageError("not a valid .docx (the zip container is damaged or truncated)") from None
    _check_zip(zf, limits)
    names = zf.namelist()
    main = _rels_targets(zf, "_rels/.rels", "").get(OFFICE_DOC_REL, "word/document.xml")
    if main not in names:
        raise PackageError("not a Word document (the zip holds no word/document.xml)")
    base = posixpath.dirname(main)
    rels = _rels_targets(zf, posixpath.join(base, "_rels", posixpath.basename(main) + ".rels"), base)

    def parse(name: str | None) -> etree._Element | None:
        if not name or name not in names:
            return None
        try:
            raw = _read_member(zf, name, limits.max_xml_mb)
            if b"<!DOCTYPE" in raw[:4096].upper():
                raise PackageError(f"{name} declares a DTD, which Word never writes (an entity trick?)")
            if (tags := raw.count(b"<")) > limits.max_xml_elements:
                raise PackageError(f"{name} holds {tags:,} XML tags, over the {limits.max_xml_elements:,} limit "
                                   "(raise it with --limit max_xml_elements=N)")
            return etree.fromstring(raw, xml_parser())
        except etree.XMLSyntaxError as error:
            raise _xml_error(name, error) from None
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError, ValueError) as error:
            raise PackageError(f"cannot unpack {name}: {' '.join(str(error).split())}") from None

    document = parse(main)
    if document is None or document.find(w("body")) is None:
        raise PackageError("not a Word document (word/document.xml has no body)")
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    return Package(document, parse, {"styles": rels.get(rel + "styles"), "numbering": rels.get(rel + "numbering"),
                                     "footnotes": rels.get(FOOTNOTES_REL)})


def body(pkg: Package) -> etree._Element:
    return pkg.document.find(w("body"))


def iter_block_items(parent: etree._Element):
    """Paragraphs and tables directly in `parent`, in order, looking through sdt/customXml wrappers."""
    for child in parent:
        if child.tag in (P, TBL):
            yield child
        elif child.tag in (SDT, SDT_CONTENT, CUSTOM_XML, INS, MOVE_TO):
            inner = child.find(SDT_CONTENT) if child.tag == SDT else child
            yield from iter_block_items(inner if inner is not None else child)


def _children(parent: etree._Element, tag: str):
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in (SDT, SDT_CONTENT, CUSTOM_XML, INS):
            yield from _children(child, tag)


def rows(tbl: etree._Element) -> list[etree._Element]:
    return list(_children(tbl, TR))


def cells(tr: etree._Element) -> list[etree._Element]:
    return list(_children(tr, TC))


_VMERGE, _GRIDSPAN, _BIDI_VISUAL = f"{w('tcPr')}/{w('vMerge')}", f"{w('tcPr')}/{w('gridSpan')}", f"{w('tblPr')}/{w('bidiVisual')}"
_PSTYLE, _BIDI, _NUMPR, _NUMID, _ILVL, _RSTYLE = w("pStyle"), w("bidi"), w("numPr"), w("numId"), w("ilvl"), w("rStyle")
_RUN_STYLE = f"{RPR}/{_RSTYLE}"
_OFF = ("0", "false", "off")


def vmerge(tc: etree._Element) -> str | None:
    """'restart', 'continue' or None for a table cell."""
    el = tc.find(_VMERGE)
    if el is None:
        return None
    return el.get(VAL) or "continue"


def grid_span(tc: etree._Element) -> int:
    el = tc.find(_GRIDSPAN)
    try:
        return max(1, int(el.get(VAL))) if el is not None else 1
    except (TypeError, ValueError):
        return 1


def table_is_rtl(tbl: etree._Element) -> bool:
    return tbl.find(_BIDI_VISUAL) is not None


class ParagraphProps:
    """What w:pPr says of a paragraph (a plain class: made once per paragraph, on the hot path)."""

    __slots__ = ("style", "rtl", "num_id", "ilvl")

    def __init__(self) -> None:
        self.style: str | None = None
        self.rtl = False
        self.num_id: str | None = None
        self.ilvl: int | None = None


_PLAIN = ParagraphProps()


def paragraph_props(p: etree._Element) -> ParagraphProps:
    """Style id, right-to-left flag and direct list numbering of a paragraph, from one look at w:pPr."""
    ppr = p.find(PPR)
    if ppr is None:
        return _PLAIN
    props = ParagraphProps()
    for child in ppr:
        tag = child.tag
        if tag == _PSTYLE:
            props.style = child.get(VAL)
        elif tag == _BIDI:
            props.rtl = child.get(VAL, "1") not in _OFF
        elif tag == _NUMPR:
            nid, lvl = child.find(_NUMID), child.find(_ILVL)
            props.num_id = nid.get(VAL) if nid is not None else None
            level = lvl.get(VAL, "0") if lvl is not None else None
            props.ilvl = int(level) if level is not None and level.isdigit() else None
    return props


class ParagraphText(NamedTuple):
    text: str
    footnote_ids: list[str]


# Symbol-font code points (w:sym in the F000 private range) that have a plain Unicode twin.
_SYMBOL_FONT = {0xD2: "\u00ae", 0xD3: "\u00a9", 0xD4: "\u2122", 0xE2: "\u00ae", 0xE3: "\u00a9", 0xE4: "\u2122",
                0xB7: "\u2022", 0x2D: "\u2212", 0xB1: "\u00b1", 0xB4: "\u00d7", 0xAE: "\u2192", 0xAC: "\u2190"}
NOTE_MARK_STYLES = frozenset({"FootnoteReference", "EndnoteReference", "footnotereference", "endnotereference"})


def _run_style(r: etree._Element) -> str | None:
    el = r.find(_RUN_STYLE)
    return el.get(VAL) if el is not None else None


def paragraph_text(p: etree._Element, mark_styles: frozenset[str] = NOTE_MARK_STYLES) -> ParagraphText:
    """The visible text of a paragraph: insertions kept, deletions dropped, tabs and breaks kept.

    Footnote references are collected, and their marks (runs in a note-reference
    character style, or custom marks) are left out of the text.
    """
    parts: list[str] = []
    notes: list[str] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == R:
                ref = child.find(FOOTNOTE_REF)
                if ref is not None:
                    notes.append(ref.get(w("id"), ""))
                    continue
                if _run_style(child) in mark_styles:
                    continue
                walk(child)
            elif tag == T:
                parts.append(child.text or "")
            elif tag == TAB:
                parts.append("\t")
            elif tag in (BR, CR):
                parts.append("\n")
            elif tag == NB_HYPHEN:
                parts.append("\u2011")
            elif tag == SYM:
                try:
                    value = int(child.get(w("char"), ""), 16)
                except ValueError:
                    continue
                value = value - 0xF000 if value >= 0xF000 else value
                parts.append(_SYMBOL_FONT.get(value, chr(value)) if "symbol" in child.get(w("font"), "").lower()
                             else chr(value))
            elif tag == P or tag == TXBX or tag == TBL:
                continue  # nested content (text boxes) is read separately
            elif tag in _TRANSPARENT or tag == w("smartTag"):
                walk(child)
            elif tag == w("fldChar") or tag == SOFT_HYPHEN:
                continue
            else:
                walk(child)

    walk(p)
    return ParagraphText("".join(parts), notes)


def text_boxes(p: etree._Element) -> list[etree._Element]:
    """Paragraphs inside text boxes anchored in `p` (the Fallback copy is ignored)."""
    out = []
    for box in p.iter(TXBX):
        if any(a.tag == MC_FALLBACK for a in box.iterancestors()):
            continue
        out.extend(box.iter(P))
    return out


def note_mark_styles(pkg: Package) -> frozenset[str]:
    """Character style ids used for footnote/endnote marks (their runs are marks, not text). Only
    looked up when the document has notes at all."""
    found = set(NOTE_MARK_STYLES)
    if pkg.document.find(f".//{FOOTNOTE_REF}") is None and pkg.document.find(f".//{ENDNOTE_REF}") is None:
        return frozenset(found)
    if pkg.styles is not None:
        names = "translate(w:name/@w:val, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
        found.update(pkg.styles.xpath(f"w:style[{names}='footnote reference' or {names}='endnote reference']"
                                      "/@w:styleId", namespaces={"w": W_NS}))
    return frozenset(found)


def footnote_texts(pkg: Package, marks: frozenset[str] | None = None) -> dict[str, str]:
    """Footnote id -> its text (paragraphs joined by a space), separators skipped."""
    if pkg.footnotes is None:
        return {}
    out = {}
    for note in pkg.footnotes.iter(w("footnote")):
        if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        marks = marks if marks is not None else note_mark_styles(pkg)
        text = " ".join(paragraph_text(p, marks).text.strip() for p in note.iter(P))
        out[note.get(w("id"), "")] = " ".join(text.split())
    return out


class Style(NamedTuple):
    style_id: str
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None


def styles(pkg: Package) -> dict[str, Style]:
    out: dict[str, Style] = {}
    if pkg.styles is None:
        return out
    # Only styles that carry numbering, or may inherit it, matter here: one XPath in C picks them.
    for st in pkg.styles.xpath("w:style[(not(@w:type) or @w:type='paragraph') and (w:pPr/w:numPr or w:basedOn)]",
                               namespaces={"w": W_NS}):
        sid = st.get(w("styleId"), "")
        name_el, based = st.find(w("name")), st.find(w("basedOn"))
        num = st.find(f"{PPR}/{w('numPr')}")
        num_id = ilvl = None
        if num is not None:
            nid, lvl = num.find(w("numId")), num.find(w("ilvl"))
            num_id = nid.get(VAL) if nid is not None else None
            ilvl = int(lvl.get(VAL, "0")) if lvl is not None and lvl.get(VAL, "0").isdigit() else None
        out[sid] = Style(sid, name_el.get(VAL) if name_el is not None else sid,
                         based.get(VAL) if based is not None else None, num_id, ilvl)
    return out


class Level(NamedTuple):
    start: int
    fmt: str
    text: str
    suffix: str


def numbering(pkg: Package) -> dict[str, tuple[str, dict[int, Level], dict[int, int]]]:
    """numId -> (abstractNumId, levels, start overrides)."""
    if pkg.numbering is None:
        return {}
    abstract: dict[str, dict[int, Level]] = {}
    for an in pkg.numbering.iter(w("abstractNum")):
        levels = {}
        for lvl in an.iter(w("lvl")):
            try:
                ilvl = int(lvl.get(w("ilvl"), "0"))
            except ValueError:
                continue
            start, fmt, text, suff = lvl.find(w("start")), lvl.find(w("numFmt")), lvl.find(w("lvlText")), lvl.find(w("suff"))
            levels[ilvl] = Level(
                start=int(start.get(VAL, "1")) if start is not None and start.get(VAL, "1").lstrip("-").isdigit() else 1,
                fmt=fmt.get(VAL, "decimal") if fmt is not None else "decimal",
                text=text.get(VAL, "") if text is not None else "",
                suffix={"space": " ", "nothing": ""}.get(suff.get(VAL) if suff is not None else "tab", "\t"),
            )
        abstract[an.get(w("abstractNumId"), "")] = levels
    out = {}
    for num in pkg.numbering.iter(w("num")):
        ref = num.find(w("abstractNumId"))
        aid = ref.get(VAL, "") if ref is not None else ""
        overrides = {}
        for ov in num.iter(w("lvlOverride")):
            so = ov.find(w("startOverride"))
            if so is not None and so.get(VAL, "").isdigit():
                overrides[int(ov.get(w("ilvl"), "0"))] = int(so.get(VAL))
        out[num.get(w("numId"), "")] = (aid, abstract.get(aid, {}), overrides)
    return out
