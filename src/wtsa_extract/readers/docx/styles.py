"""Styles (styles.xml): the list numbering a paragraph style carries or inherits, and which character
styles mark footnote references. Read when a paragraph first needs a style, and then style by style
where the part is written plainly (`Styles`)."""

import re
from typing import NamedTuple

from lxml import etree

from wtsa_extract.readers.docx.package import VAL, W_NS, Package, is_utf8, w, xml_parser

NOTE_MARK_STYLES = frozenset({"FootnoteReference", "EndnoteReference", "footnotereference", "endnotereference"})
_NOTE_MARK_NAMES = {"footnote reference", "endnote reference",
                    "footnote characters", "endnote characters"}  # Word's names; LibreOffice's
_RUN_STYLES = etree.XPath("//w:r/w:rPr/w:rStyle/@w:val", namespaces={"w": W_NS}, smart_strings=False)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class Style(NamedTuple):
    style_id: str
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None


_W_NS = W_NS.encode()
_MARKUP = re.compile(rb"<[!?]")  # comments, CDATA, DOCTYPE, processing instructions


def _positions(raw: bytes, key: bytes):
    """Every offset of `key` in `raw`."""
    at = raw.find(key)
    while at >= 0:
        yield at
        at = raw.find(key, at + 1)


def _root_tag(raw: bytes) -> bytes | None:
    """The start tag of a styles part written `<w:styles …>` (within its first 1 KiB), or None."""
    head = raw.find(b"<w:styles")
    if head < 0 or head > 1024 or raw[head + 9:head + 10] not in (b" ", b"\n", b"\r", b"\t", b">"):
        return None
    end = raw.find(b">", head) + 1
    return raw[head:end] if end > 0 and not raw[head:end].endswith(b"/>") else None


def _plain(raw: bytes, root: bytes) -> bool:
    """Whether styles.xml is written the plain way Word writes it, so that a style can be found by
    its `w:styleId="ID"` bytes: UTF-8; nothing before the root but the XML declaration; `w` bound
    once, on the root, to WordprocessingML; no comment, CDATA, processing instruction, DOCTYPE or
    character reference after it; every styleId written with double quotes and free of entities and
    white-space characters (XML would change what they say); every end tag `</w:style>`."""
    head = raw.find(root)
    end = head + len(root)
    return (is_utf8(raw) and raw.count(b"<?", 0, head) <= 1 and b"<!" not in raw[:head]
            and root.count(b"xmlns:w=") == 1 and root.count(_W_NS) == 1
            and (b'xmlns:w="' + _W_NS + b'"' in root or b"xmlns:w='" + _W_NS + b"'" in root)
            and raw.find(b"xmlns:w=", end) < 0 and raw.find(_W_NS, end) < 0 and _MARKUP.search(raw, end) is None
            and raw.find(b"&#", end) < 0
            and all(raw.find(b"</w:style" + space) < 0 for space in (b" ", b"\t", b"\n", b"\r"))
            and raw.count(b"w:styleId") == raw.count(b'w:styleId="')
            and re.search(rb'w:styleId="[^"]*[&\t\n\r]', raw) is None)


class Styles:
    """The w:style elements of a package by id (direct children of the root, as Word reads them).

    styles.xml is often the largest part (python-docx's template: 430 KB, 8 ms to parse; reading it style by
    style saves 9% of the seed .docx's instructions, bench/devices.md) and mostly styles no paragraph uses. Where it is written plainly (`_plain`), each style
    asked for is found by its id in the bytes and parsed alone, inside a copy of the root's start
    tag; anything else, or a piece that does not parse as that one style, reads the whole part.
    Two leniencies against a whole parse, in what Word never writes: damage in styles the document
    does not use goes unnoticed (the document is read, not refused), and a w:style nested below
    another element counts."""

    def __init__(self, pkg: Package) -> None:
        self._pkg = pkg
        self._index: dict[str | None, list[etree._Element]] | None = None
        self._found: dict[str, list[etree._Element]] = {}
        self._raw: bytes | None = None
        self._root: bytes | None = None
        self._default: tuple[str] | None = None

    def get(self, style_id: str) -> list[etree._Element]:
        """Every w:style with this id, in document order (usually one)."""
        if style_id in self._found:
            return self._found[style_id]
        self._load()
        pieces = self._pieces(style_id) if self._index is None and self._root is not None else None
        found = self._whole().get(style_id, []) if pieces is None else pieces
        self._found[style_id] = found
        return found

    def _load(self) -> None:
        """Read styles.xml's bytes once and decide whether they are plain (`_plain`)."""
        if self._index is None and self._raw is None:
            self._raw = self._pkg.raw("styles") or b""
            root = _root_tag(self._raw)
            self._root = root if root is not None and _plain(self._raw, root) else None

    def _alone(self, piece: bytes) -> etree._Element:
        """One w:style written in styles.xml's bytes, parsed inside a copy of the root's start tag
        (its namespaces); raises XMLSyntaxError or IndexError when it is not one element."""
        return etree.fromstring(self._root + piece + b"</w:styles>", xml_parser())[0]

    def _pieces(self, style_id: str) -> list[etree._Element] | None:
        """The styles with this id parsed from their bytes; None when that cannot be done exactly."""
        if any(ch in style_id for ch in "&<>\"'"):
            return None
        raw, key, out = self._raw, b'w:styleId="' + style_id.encode("utf-8") + b'"', []
        pos = raw.find(key)
        while pos >= 0:
            start = raw.rfind(b"<w:style ", 0, pos)
            tag_end = raw.find(b">", start)
            if start < 0 or tag_end < pos:
                return None
            end = tag_end + 1 if raw[tag_end - 1:tag_end] == b"/" else raw.find(b"</w:style>", tag_end) + 10
            if end < 10:
                return None
            try:
                el = self._alone(raw[start:end])
            except (etree.XMLSyntaxError, IndexError):
                return None
            if el.tag != w("style") or el.get(w("styleId")) != style_id:
                return None
            out.append(el)
            pos = raw.find(key, end)
        return out

    def _whole(self) -> dict[str | None, list[etree._Element]]:
        if self._index is None:
            root = self._pkg.part("styles")
            self._index = {}
            for el in root.iterchildren(w("style")) if root is not None else ():
                self._index.setdefault(el.get(w("styleId")), []).append(el)
        return self._index

    def default_paragraph(self) -> str | None:
        """The id of the document's default paragraph style: the last paragraph style marked
        w:default (ISO/IEC 29500, 17.7.4.17). A paragraph naming it is a paragraph with no style, as
        Word writes those (LibreOffice names 'Normal' on each). Found from the few start tags that
        say w:default where styles.xml is written plainly, else from the whole part."""
        if self._default is None:
            self._load()
            styles = self._default_tags() if self._index is None and self._root is not None else None
            if styles is None:
                styles = [st for found in self._whole().values() for st in found]
            ids = [st.get(w("styleId")) for st in styles
                   if st.get(w("type"), "paragraph") == "paragraph" and st.get(w("default")) in ("1", "true", "on")]
            self._default = (ids[-1] if ids else "",)
        return self._default[0] or None

    def _default_tags(self) -> list[etree._Element] | None:
        """The w:style start tags that carry w:default, each parsed alone (without its content), in
        document order; None when one cannot be read so."""
        raw, out = self._raw, []
        for at in _positions(raw, b" w:default="):
            start = raw.rfind(b"<", 0, at)  # the tag holding the attribute ('<' cannot occur inside one)
            if not raw.startswith(b"<w:style ", start):
                continue
            tag = raw[start:raw.find(b">", at) + 1]
            try:
                out.append(self._alone(tag.removesuffix(b"/>").removesuffix(b">") + b"/>"))
            except (etree.XMLSyntaxError, IndexError):
                return None
        return out

    def numbering_style(self, style_id: str) -> Style | None:
        """A paragraph style that carries list numbering or may inherit it (the last such definition
        of `style_id`); None for any other style."""
        out = None
        for st in self.get(style_id):
            if st.get(w("type"), "paragraph") != "paragraph":
                continue
            name_el, based = st.find(w("name")), st.find(w("basedOn"))
            num = st.find(f"{w('pPr')}/{w('numPr')}")
            if num is None and based is None:
                continue
            num_id = ilvl = None
            if num is not None:
                nid, lvl = num.find(w("numId")), num.find(w("ilvl"))
                num_id = nid.get(VAL) if nid is not None else None
                ilvl = int(lvl.get(VAL, "0")) if lvl is not None and lvl.get(VAL, "0").isdecimal() else None
            out = Style(style_id, name_el.get(VAL) if name_el is not None else style_id,
                        based.get(VAL) if based is not None else None, num_id, ilvl)
        return out


def note_mark_styles(pkg: Package, styles: Styles) -> frozenset[str]:
    """Character style ids used for footnote/endnote marks (their runs are marks, not text). Only
    looked up when the document has notes at all."""
    found = set(NOTE_MARK_STYLES)
    if pkg.document.find(f".//{w('footnoteReference')}") is None and \
            pkg.document.find(f".//{w('endnoteReference')}") is None:
        return frozenset(found)
    used = set(_RUN_STYLES(pkg.document))  # only the character styles runs use can matter
    if (notes := pkg.part("footnotes")) is not None:
        used.update(_RUN_STYLES(notes))
    for sid in sorted(used - found):
        for el in styles.get(sid):
            name = el.find(w("name"))
            if name is not None and name.get(VAL, "").translate(_ASCII_LOWER) in _NOTE_MARK_NAMES:
                found.add(sid)
    return frozenset(found)
