"""The Word package: the zip opened within limits, its parts found through their relationships and
parsed with a locked-down lxml parser (no entities, no DTD, no network), each part when first used."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOC_REL = REL + "officeDocument"
PARTS = ("styles", "numbering", "footnotes")  # the parts read besides the main document, by relationship
# Strict Open XML (ISO/IEC 29500 Strict, Word's "Strict Open XML Document"): the same markup under other
# namespace names, read as the transitional names Word writes by default.
STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_STRICT_DECLARATION = re.compile(rb"""(xmlns(?::[A-Za-z_][\w.-]*)?\s*=\s*["'])""" + re.escape(STRICT_W_NS) + rb"""(?=["'])""")
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships/"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


VAL = w("val")


class PackageError(Exception):
    """The package is not a readable Word document; str() is one line."""


_PARSER: etree.XMLParser | None = None


def xml_parser() -> etree.XMLParser:
    """The locked-down parser, made once (a parser keeps no state between documents)."""
    global _PARSER
    if _PARSER is None:
        _PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                                  huge_tree=False, remove_comments=True, remove_pis=True)
    return _PARSER


class Package:
    """The main document and, parsed on first use, the other parts the reader needs (`part(name)`
    for a name of PARTS; None when the document has none)."""

    def __init__(self, document: etree._Element, read, parts: dict[str, str | None]) -> None:
        self.document = document
        self._read = read
        self._parts = parts
        self._parsed: dict[str, etree._Element | None] = {}

    def part(self, kind: str) -> etree._Element | None:
        if kind not in self._parsed:
            self._parsed[kind] = self._read(self._parts.get(kind))
        return self._parsed[kind]

    def raw(self, kind: str) -> bytes | None:
        """A part's bytes, checked as for parsing and with the walker's delimiters made U+FFFD, not
        parsed (styles.py reads styles.xml style by style)."""
        return self._read(self._parts.get(kind), parsed=False)


# The body walker's delimiters are the noncharacters U+FDD0..U+FDDF (body.py): a document's own are
# made U+FFFD before it runs.
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
        kind = rel.get("Type", "")
        out.setdefault(REL + kind[len(STRICT_REL):] if kind.startswith(STRICT_REL) else kind, name)
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
    """The package of a .docx's bytes, its main document parsed; raises PackageError."""
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

    def read(name: str | None, parsed: bool = True) -> etree._Element | bytes | None:
        """A part, parsed (or its checked bytes); None when it is absent. Refused before parsing
        when it holds a DTD or too many tags."""
        if not name or name not in names:
            return None
        try:
            raw = _read_member(zf, name, limits.max_xml_mb)
            if b"<!DOCTYPE" in raw[:4096].upper():
                raise PackageError(f"{name} declares a DTD, which Word never writes (an entity trick?)")
            if (tags := raw.count(b"<")) > limits.max_xml_elements:
                raise PackageError(f"{name} holds {tags:,} XML tags, over the {limits.max_xml_elements:,} limit "
                                   "(raise it with --limit max_xml_elements=N)")
            raw, tree_too = sanitise(raw)
            if STRICT_W_NS in raw:  # its namespace declarations only: text naming it stays as written
                raw = _STRICT_DECLARATION.sub(rb"\g<1>" + W_NS.encode(), raw)
            if not parsed:
                return raw
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
    return Package(document, read, {kind: rels.get(REL + kind) for kind in PARTS})
