"""Raw WordprocessingML access: the one module (with its stylesheet walk.xsl) that knows `w:` names.

Opens the zip package, parses parts with a locked-down lxml parser (no entities,
no DTD, no network), walks the body and the footnotes with walk.xsl (libxslt, in C: the
Python loop over lxml elements it replaced was six times slower) into plain records, and
reads styles and numbering.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from functools import partial
from pathlib import Path
from typing import NamedTuple

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
OFFICE_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


PPR, FOOTNOTE_REF, ENDNOTE_REF, VAL = w("pPr"), w("footnoteReference"), w("endnoteReference"), w("val")


class PackageError(Exception):
    """The package is not a readable Word document; str() is one line."""


_PARSER: etree.XMLParser | None = None


def xml_parser() -> etree.XMLParser:
    """The locked-down parser, made once (a parser keeps no state between documents; making one per
    part cost more than parsing a small style)."""
    global _PARSER
    if _PARSER is None:
        _PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                                  huge_tree=False, remove_comments=True, remove_pis=True)
    return _PARSER


class Package:
    """The parts of a .docx that the reader needs, each read on first use; styles.xml (often the
    largest part, mostly styles the text never uses) is read style by style (see StyleIndex)."""

    def __init__(self, document: etree._Element, read, parts: dict[str, str | None]) -> None:
        self.document = document
        self._read = read
        self._parts = parts
        self._parsed: dict[str, etree._Element | None] = {}
        self._styles: StyleIndex | None = None

    def _get(self, kind: str) -> etree._Element | None:
        if kind not in self._parsed:
            self._parsed[kind] = self._read(self._parts.get(kind))
        return self._parsed[kind]

    @property
    def styles(self) -> StyleIndex:
        if self._styles is None:
            name = self._parts.get("styles")
            # partial, not a lambda over self: the index is kept by the package, and a lambda would
            # make the two a reference cycle (freed only by a cycle collection, not on last use).
            self._styles = StyleIndex(self._read(name, parsed=False), partial(self._read, name))
        return self._styles

    @property
    def numbering(self) -> etree._Element | None:
        return self._get("numbering")

    @property
    def footnotes(self) -> etree._Element | None:
        return self._get("footnotes")


_STYLE_ID = re.compile(rb"""\sw:styleId\s*=\s*(["'])(.*?)\1""", re.S)
# An entity or a white-space character (which XML turns into a space) in an id: the bytes are not the id.
_ENTITY_IN_ID = re.compile(rb"""styleId\s*=\s*(?:"[^"]*[&\t\n\r]|'[^']*[&\t\n\r])""")
_W_NS = W_NS.encode()


_MARKUP = re.compile(rb"<[!?]")  # comments, CDATA, DOCTYPE, processing instructions


def _plain_styles(raw: bytes, root: bytes, end: int) -> bool:
    """Whether styles.xml (its root's start tag `root` ending at `end`) is written plainly enough to
    be read style by style (see StyleIndex). C scans of the bytes decide; single-byte ones (memchr)
    settle the usual case."""
    head = end - len(root)
    if not (is_utf8(raw) and root.count(b"xmlns:w=") == 1 and root.count(_W_NS) == 1
            and (b'xmlns:w="' + _W_NS + b'"' in root or b"xmlns:w='" + _W_NS + b"'" in root)
            and raw.count(b"<?", 0, head) <= 1 and b"<!" not in raw[:head]):
        return False
    if raw.find(_W_NS, end) >= 0 or raw.find(b"xmlns:w=", end) >= 0:
        return False  # the namespace bound again, to `w` or to another prefix
    if all(raw.find(byte, end) < 0 for byte in (b"!", b"?", b"&", b"\t", b"\n", b"\r")):
        return True  # no comment, CDATA, PI, entity, nor white space that an attribute would fold
    return _MARKUP.search(raw, end) is None and _ENTITY_IN_ID.search(raw) is None


class StyleIndex:
    """w:style elements of styles.xml by id, each parsed only when asked for.

    A style is found in the bytes (`w:styleId="ID"` inside a `<w:style …>` start tag; or, when the
    part writes attributes otherwise, by cutting the bytes at every `<w:style …>…</w:style>`), and
    parsed alone inside a copy of the root's start tag (which declares the namespaces). Only a part
    written the plain way Word writes it is read so: UTF-8; `w` the one prefix of the WordprocessingML
    namespace, declared once on the root; no comments, CDATA or processing instructions; no entity
    in a style id. Anything else, or a piece that does not parse or names another id, makes it parse
    the whole part instead. Two leniencies against a whole parse: damage in styles the document never
    uses goes unnoticed, and a w:style nested below another element (which Word never writes) counts."""

    def __init__(self, raw: bytes | None, parse_whole) -> None:
        self._raw = raw or b""
        self._parse_whole = parse_whole
        self._whole: etree._Element | None = None
        self._parsed: dict[str, list[etree._Element]] = {}
        self._pieces: dict[str, list[bytes]] | None = None  # every piece by id, cut when first needed
        self._index: dict[str | None, list[etree._Element]] | None = None  # by id, when the whole part is read
        self._root, self._root_end = self._root_tag()
        self._by_pieces = raw is None or (self._root is not None
                                          and _plain_styles(self._raw, self._root, self._root_end))
        # Finding `w:styleId="ID"` is exact only when every styleId attribute is written that way
        # (two byte counts: cheaper than a regex that stopped at every styleId to look behind it).
        self._direct = self._by_pieces and self._raw.count(b"w:styleId") == self._raw.count(b'w:styleId="')

    def _root_tag(self) -> tuple[bytes | None, int]:
        """The root's start tag `<w:styles …>` and where it ends; (None, -1) if it is not there."""
        raw = self._raw
        head = raw.find(b"<w:styles")
        if head < 0 or head > 1024 or raw[head + 9:head + 10] not in (b" ", b"\n", b"\r", b"\t", b">"):
            return None, -1
        end = raw.find(b">", head) + 1
        return raw[head:end], end

    def _piece_end(self, start: int) -> int:
        """End of the w:style element whose start tag begins at `start`; -1 if there is none."""
        tag_end = self._raw.find(b">", start)
        if tag_end < 0 or self._raw[tag_end - 1:tag_end] == b"/":
            return tag_end + 1 if tag_end >= 0 else -1
        end = self._raw.find(b"</w:style>", tag_end)
        return end + 10 if end >= 0 else -1

    def _find(self, style_id: str) -> list[bytes] | None:
        """The pieces with this id, found directly; None when that cannot be done exactly."""
        if not self._direct or any(ch in style_id for ch in "&<>\"'"):
            return None
        raw, key, out = self._raw, b'w:styleId="' + style_id.encode("utf-8") + b'"', []
        pos = raw.find(key)
        while pos >= 0:
            start = raw.rfind(b"<w:style", 0, pos)
            if start < 0 or raw.find(b">", start, pos) >= 0 or (end := self._piece_end(start)) < 0:
                return None
            out.append(raw[start:end])
            pos = raw.find(key, end)
        return out

    def _cut(self) -> dict[str, list[bytes]] | None:
        raw, pieces = self._raw, {}
        if self._root is None or self._root.endswith(b"/>"):
            return pieces if self._root is not None else None
        pos = self._root_end
        while (start := raw.find(b"<w:style", pos)) >= 0:
            if raw[start + 8:start + 9] not in (b" ", b"\n", b"\r", b"\t", b">", b"/"):
                pos = start + 8  # <w:styles…> or another tag beginning the same way
                continue
            if (end := self._piece_end(start)) < 0:
                return None
            m = _STYLE_ID.search(raw, start, raw.find(b">", start))
            if m is None:  # no id, or a '>' inside an attribute value: read the whole part
                return None
            pieces.setdefault(m.group(2).decode("utf-8", "replace"), []).append(raw[start:end])
            pos = end
        return pieces

    def _whole_part(self) -> etree._Element | None:
        if self._whole is None:
            self._by_pieces = False
            self._whole = self._parse_whole()
        return self._whole

    def _whole_index(self) -> dict[str | None, list[etree._Element]]:
        """The whole part's styles by id (direct children of the root, as Word reads them)."""
        if self._index is None:
            whole = self._whole_part()
            self._index = {}
            for el in whole.iterchildren(w("style")) if whole is not None else ():
                self._index.setdefault(el.get(w("styleId")), []).append(el)
        return self._index

    def _pieces_of(self, style_id: str) -> list[bytes] | None:
        """The byte pieces holding this id; None when the whole part must be read instead."""
        if not self._by_pieces:
            return None
        pieces = self._find(style_id)
        if pieces is None:
            if self._pieces is None:
                self._pieces = self._cut()
            pieces = None if self._pieces is None else self._pieces.get(style_id, [])
        return pieces

    def get(self, style_id: str) -> list[etree._Element]:
        """Every w:style with this id, in document order (usually one)."""
        if style_id in self._parsed:
            return self._parsed[style_id]
        pieces = self._pieces_of(style_id)
        if pieces is None:
            found = self._whole_index().get(style_id, [])
        else:
            found = []
            for piece in pieces:
                try:
                    el = etree.fromstring(self._root + piece + b"</w:styles>", xml_parser())[0]
                except (etree.XMLSyntaxError, IndexError):
                    el = None
                if el is None or el.tag != w("style") or el.get(w("styleId")) != style_id:
                    self._parsed.clear()  # the pieces mislead: read the whole part from now on
                    self._whole_part()
                    return self.get(style_id)
                found.append(el)
        self._parsed[style_id] = found
        return found


_RUN_STYLES = etree.XPath("//w:r/w:rPr/w:rStyle/@w:val", namespaces={"w": W_NS}, smart_strings=False)
_NOTE_MARK_NAMES = {"footnote reference", "endnote reference"}
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


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

    def checked(name: str, whole: bool) -> bytes:
        """A part's bytes, refused before parsing when they hold a DTD or (for a whole parse; a style
        parsed alone is small) too many tags."""
        raw = _read_member(zf, name, limits.max_xml_mb)
        if b"<!DOCTYPE" in raw[:4096].upper():
            raise PackageError(f"{name} declares a DTD, which Word never writes (an entity trick?)")
        if whole and (tags := raw.count(b"<")) > limits.max_xml_elements:
            raise PackageError(f"{name} holds {tags:,} XML tags, over the {limits.max_xml_elements:,} limit "
                               "(raise it with --limit max_xml_elements=N)")
        return raw

    def read(name: str | None, parsed: bool = True) -> etree._Element | bytes | None:
        """A part, parsed (or its checked bytes when `parsed` is false); None when it is absent."""
        if not name or name not in names:
            return None
        try:
            raw = checked(name, parsed)
            if not parsed:
                return raw
            raw, tree_too = sanitise(raw)
            root = etree.fromstring(raw, xml_parser())
            if tree_too:
                _sanitise_tree(root)
            return root
        except etree.XMLSyntaxError as error:
            raise _xml_error(name, error) from None
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError, ValueError) as error:
            raise PackageError(f"cannot unpack {name}: {' '.join(str(error).split())}") from None

    document = read(main)
    if document is None or document.find(w("body")) is None:
        raise PackageError("not a Word document (word/document.xml has no body)")
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    return Package(document, read, {"styles": rels.get(rel + "styles"), "numbering": rels.get(rel + "numbering"),
                                     "footnotes": rels.get(FOOTNOTES_REL)})


_OFF = ("0", "false", "off")
# Symbol-font code points (w:sym in the F000 private range) that have a plain Unicode twin.
_SYMBOL_FONT = {0xD2: "\u00ae", 0xD3: "\u00a9", 0xD4: "\u2122", 0xE2: "\u00ae", 0xE3: "\u00a9", 0xE4: "\u2122",
                0xB7: "\u2022", 0x2D: "\u2212", 0xB1: "\u00b1", 0xB4: "\u00d7", 0xAE: "\u2192", 0xAC: "\u2190"}
NOTE_MARK_STYLES = frozenset({"FootnoteReference", "EndnoteReference", "footnotereference", "endnotereference"})

# The walker's delimiters (see walk.xsl): Unicode noncharacters, which documents do not carry.
REC, SEP, NOTE, END, SYM_START = "\ufdd0", "\ufdd1", "\ufdd2", "\ufdd3", "\ufdd4"
_MARKS_IN_TEXT = re.compile("\ufdd2([^\ufdd3]*)\ufdd3|\ufdd4([^\ufdd1]*)\ufdd1([^\ufdd3]*)\ufdd3")
_NONCHAR_UTF8 = re.compile(rb"\xef\xb7[\x90-\x9f]")  # U+FDD0..U+FDDF in UTF-8
_NONCHAR_REF = re.compile(rb"&#(?:x0*[fF][dD][dD][0-9a-fA-F]|0*649(?:7[6-9]|8[0-9]|9[01]));")
_NONCHARS = {cp: "\ufffd" for cp in range(0xFDD0, 0xFDE0)}
_DECLARED = re.compile(rb"""^(?:\xef\xbb\xbf)?<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def is_utf8(raw: bytes) -> bool:
    """True when an XML part is UTF-8 (no UTF-16/32 byte-order mark or NUL bytes at its start, and
    no other encoding declared)."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in raw[:4]:
        return False
    declared = _DECLARED.match(raw[:200])
    return declared is None or declared.group(1).lower().replace(b"_", b"-") in (b"utf-8", b"utf8")


def sanitise(raw: bytes) -> tuple[bytes, bool]:
    """The walker's delimiters (noncharacters U+FDD0..U+FDDF, which a document never means as text:
    left in, they would cut records apart) as U+FFFD. A UTF-8 part written literally is fixed in its
    bytes (one memchr scan decides); the bool says the parsed tree must be cleaned too: another
    encoding, or a character reference to one (cleaned in the tree, where CDATA is told apart)."""
    if not is_utf8(raw):
        return raw, True
    if b"\xef\xb7" in raw:
        raw = _NONCHAR_UTF8.sub("\ufffd".encode(), raw)
    return raw, b"&#" in raw and _NONCHAR_REF.search(raw) is not None


def _sanitise_tree(root: etree._Element) -> None:
    """The same on a parsed part, element by element (rare, so slow is fine)."""
    for el in root.iter():
        if el.text:
            el.text = el.text.translate(_NONCHARS)
        if el.tail:
            el.tail = el.tail.translate(_NONCHARS)
        for key, value in el.attrib.items():
            el.set(key, value.translate(_NONCHARS))


_walker: etree.XSLT | None = None


def _walk(root: etree._Element, marks: frozenset[str]) -> str:
    """Run walk.xsl over a parsed part: its records as one string."""
    global _walker
    if _walker is None:  # a plain path, as for data/*.json: importlib.resources costs ~10 ms of start-up
        xsl = etree.fromstring((Path(__file__).parent / "walk.xsl").read_bytes(), xml_parser())
        _walker = etree.XSLT(xsl, access_control=etree.XSLTAccessControl.DENY_ALL)
    try:
        return str(_walker(root.getroottree(), marks=etree.XSLT.strparam(SEP + SEP.join(sorted(marks)) + SEP)))
    except etree.XSLTApplyError as error:
        raise PackageError(f"cannot read the document body: {' '.join(str(error).split())}") from None


class Para(NamedTuple):
    """A paragraph as the walker gives it: properties, visible text, footnote references in order."""

    style: str | None
    rtl: bool
    num_id: str | None
    ilvl: int | None
    text: str
    footnote_ids: tuple[str, ...]


_new_para = partial(tuple.__new__, Para)  # made in C: no Python-level constructor call per paragraph


def _symbol(char: str, font: str) -> str:
    try:
        value = int(char, 16)
    except ValueError:
        return ""
    value = value - 0xF000 if value >= 0xF000 else value
    if "symbol" in font.lower() and value in _SYMBOL_FONT:
        return _SYMBOL_FONT[value]
    return chr(value) if 0 <= value < 0x110000 and not 0xD800 <= value < 0xE000 else "\ufffd"


def _para(fields: str) -> Para:
    style, bidi, num, level, text = fields.split(SEP, 4)
    notes: list[str] = []
    if NOTE in text or SYM_START in text:
        def mark(m: re.Match) -> str:
            if m.group(1) is not None:
                notes.append(m.group(1))
                return ""
            return _symbol(m.group(2), m.group(3))

        text = _MARKS_IN_TEXT.sub(mark, text)
    return _new_para((style[1:] if style else None, bool(bidi) and bidi[1:] not in _OFF, num[1:] if num else None,
                      int(level[1:]) if level[1:].isdecimal() else None, text, tuple(notes)))


def _span(value: str) -> int:
    if not value:  # most cells span one column and say nothing (an exception per cell was costly)
        return 1
    try:
        return max(1, int(value))
    except ValueError:
        return 1


def body_records(pkg: Package, marks: frozenset[str]) -> list[tuple]:
    """The body in reading order, as (kind, value) records:
    ("P", Para) a paragraph, ("X", Para) a text-box paragraph of the body paragraph before it,
    ("T", right_to_left) a table starts, ("R", None) a row, ("C", (vmerge, grid_span)) a cell,
    ("E", None) the table ends. vmerge is None, "restart" or "continue" (Word's default)."""
    out: list[tuple] = []
    for record in _walk(pkg.document, marks).split(REC)[1:]:
        kind, rest = record[0], record[1:]
        if kind == "P" or kind == "X":
            out.append((kind, _para(rest)))
        elif kind == "C":
            merge, span = rest.split(SEP, 1)
            out.append(("C", ((merge[1:] or "continue") if merge else None, _span(span))))
        elif kind == "T":
            out.append(("T", rest == "1"))
        else:
            out.append((kind, None))
    return out


def note_mark_styles(pkg: Package) -> frozenset[str]:
    """Character style ids used for footnote/endnote marks (their runs are marks, not text). Only
    looked up when the document has notes at all."""
    found = set(NOTE_MARK_STYLES)
    if pkg.document.find(f".//{FOOTNOTE_REF}") is None and pkg.document.find(f".//{ENDNOTE_REF}") is None:
        return frozenset(found)
    # Only the character styles that runs use can matter: those few are looked up, by id.
    used = set(_RUN_STYLES(pkg.document))
    if pkg.footnotes is not None:
        used.update(_RUN_STYLES(pkg.footnotes))
    for sid in sorted(used - found):
        for el in pkg.styles.get(sid):
            name = el.find(w("name"))
            if name is not None and name.get(VAL, "").translate(_ASCII_LOWER) in _NOTE_MARK_NAMES:
                found.add(sid)
    return frozenset(found)


def footnote_texts(pkg: Package, marks: frozenset[str]) -> dict[str, str]:
    """Footnote id -> its text (paragraphs joined by a space), separators skipped."""
    if pkg.footnotes is None:
        return {}
    out: dict[str, str] = {}
    note_id, texts = None, []
    for record in [*_walk(pkg.footnotes, marks).split(REC)[1:], "N"]:
        if record[0] == "N":
            if note_id is not None:
                out[note_id] = " ".join(" ".join(texts).split())
            note_id, texts = record[1:], []
        elif note_id is not None:
            texts.append(_para(record[1:]).text.strip())
    return out


class Style(NamedTuple):
    style_id: str
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None


def style(pkg: Package, style_id: str) -> Style | None:
    """A paragraph style that carries list numbering or may inherit it (the last such definition of
    `style_id`); None for any other style."""
    out = None
    for st in pkg.styles.get(style_id):
        if st.get(w("type"), "paragraph") != "paragraph":
            continue
        name_el, based = st.find(w("name")), st.find(w("basedOn"))
        num = st.find(f"{PPR}/{w('numPr')}")
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


class Level(NamedTuple):
    start: int
    fmt: str
    text: str
    suffix: str


class Numbering:
    """numId -> (abstractNumId, levels, start overrides), each list definition read when first asked
    for (numbering.xml often defines a hundred lists for the few a document uses)."""

    def __init__(self, root: etree._Element | None) -> None:
        self._nums: dict[str, etree._Element] = {}
        self._abstracts: dict[str, etree._Element] = {}
        if root is not None:
            for an in root.iter(w("abstractNum")):
                self._abstracts[an.get(w("abstractNumId"), "")] = an
            for num in root.iter(w("num")):
                self._nums[num.get(w("numId"), "")] = num
        self._read: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}

    def __bool__(self) -> bool:
        return bool(self._nums)

    def __contains__(self, num_id: str) -> bool:
        return num_id in self._nums

    def __getitem__(self, num_id: str) -> tuple[str, dict[int, Level], dict[int, int]]:
        if num_id not in self._read:
            num = self._nums[num_id]
            ref = num.find(w("abstractNumId"))
            aid = ref.get(VAL, "") if ref is not None else ""
            overrides = {}
            for ov in num.iter(w("lvlOverride")):
                so = ov.find(w("startOverride"))
                level = ov.get(w("ilvl"), "0")
                if so is not None and so.get(VAL, "").isdecimal() and level.isdecimal():
                    overrides[int(level)] = int(so.get(VAL))
            self._read[num_id] = (aid, _levels(self._abstracts.get(aid)), overrides)
        return self._read[num_id]


def _levels(an: etree._Element | None) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for lvl in an.iter(w("lvl")) if an is not None else ():
        try:
            ilvl = int(lvl.get(w("ilvl"), "0"))
        except ValueError:
            continue
        start, fmt, text, suff = lvl.find(w("start")), lvl.find(w("numFmt")), lvl.find(w("lvlText")), lvl.find(w("suff"))
        levels[ilvl] = Level(
            start=int(start.get(VAL, "1")) if start is not None and start.get(VAL, "1").lstrip("-").isdecimal() else 1,
            fmt=fmt.get(VAL, "decimal") if fmt is not None else "decimal",
            text=text.get(VAL, "") if text is not None else "",
            suffix={"space": " ", "nothing": ""}.get(suff.get(VAL) if suff is not None else "tab", "\t"),
        )
    return levels


def numbering(pkg: Package) -> Numbering:
    return Numbering(pkg.numbering)
