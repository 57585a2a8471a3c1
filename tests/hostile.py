"""Hostile inputs, made by a few lines of Python each (no binary blobs in the repository)."""

from __future__ import annotations

import io
import random
import zipfile

from docx_build import ITU_DOCX, minimal_docx

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole(stream_names: list[str]) -> bytes:
    body = b"".join(name.encode("utf-16-le") + b"\x00\x00" for name in stream_names)
    return OLE + b"\x00" * 504 + body + b"\x00" * 1024


def zip_of(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def opendocument(kind: str) -> bytes:
    """An OpenDocument package: 'mimetype' first and stored, as ODF requires, then its content."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", f"application/vnd.oasis.opendocument.{kind}", compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", b"<office:document-content/>")
    return buf.getvalue()


def docx_with_document_xml(xml: bytes) -> bytes:
    return zip_of({"word/document.xml": xml})


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>RESOLUTION 1 &lol9;</w:t></w:r></w:p></w:body></w:document>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""


def deep_nesting(depth: int = 5000) -> bytes:
    inner = "<w:sdt><w:sdtContent>" * depth + "<w:p/>" + "</w:sdtContent></w:sdt>" * depth
    return (f'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{inner}'
            "</w:body></w:document>").encode()


def zip_bomb(mb: int = 64) -> bytes:
    return docx_with_document_xml(b"<" + b" " * (mb * 2**20) + b"/>")


def garbage(size: int = 4096, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(size))


# name -> (bytes, words expected in the one-line message, extra CLI arguments)
CASES: dict[str, tuple[bytes, str, list[str]]] = {
    "empty": (b"", "is empty", []),
    "not-a-zip-but-named-docx": (b"PK\x03\x04 truncated", "not a valid .docx", []),
    "zip-without-document": (zip_of({"hello.txt": b"hi"}), "no word/document.xml", []),
    "opendocument-text": (opendocument("text"), "OpenDocument text (.odt)", []),
    "html-page": (b"<!DOCTYPE html>\n<html><body><p>RESOLUTION 1</p></body></html>\n", "an HTML page", []),
    "word-2003-xml": (b'<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument/>\n',
                      "Word XML document", []),
    "xml-file": (b'<?xml version="1.0"?>\n<akomaNtoso><act/></akomaNtoso>\n', "an XML file", []),
    "flat-opc": (b'<?xml version="1.0" standalone="yes"?>\n<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/'
                 b'2006/xmlPackage"/>\n', "Word XML document", []),
    "xhtml-page": (b'<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head/></html>\n',
                   "an HTML page (XHTML)", []),
    "opendocument-spreadsheet": (opendocument("spreadsheet"), "not a Word or text document", []),
    "truncated-docx": (ITU_DOCX.read_bytes()[:300_000], "not a valid .docx", []),
    "encrypted-word": (ole(["EncryptionInfo", "EncryptedPackage"]), "encrypted", []),
    "legacy-doc": (ole(["WordDocument", "1Table"]), "legacy Word 97-2003 .doc", []),
    "pdf": (b"%PDF-1.7\n" + garbage(2000), "PDF", []),
    "png": (b"\x89PNG\r\n\x1a\n" + garbage(500), "PNG image", []),
    "jpeg": (b"\xff\xd8\xff\xe0" + garbage(500), "JPEG image", []),
    "binary-garbage": (garbage(8192), "binary", []),
    "undecodable-text": (bytes(range(0x80, 0x100)) * 64, "not text in UTF-8", []),
    "text-without-resolution": (b"Minutes of the meeting\nNothing was decided.\n", "no resolution found", []),
    "docx-without-resolution": (minimal_docx("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>"), "no resolution found", []),
    "zip-bomb": (zip_bomb(), "zip bomb", []),
    "billion-laughs": (docx_with_document_xml(BILLION_LAUGHS), "declares a DTD", []),
    "external-entity": (docx_with_document_xml(EXTERNAL_ENTITY), "declares a DTD", []),
    "deep-nesting": (docx_with_document_xml(deep_nesting()), "nested too deeply", []),
    "too-large": (b"RESOLUTION 1\n" + b"x" * (2 * 2**20), "over the 1 MiB limit", ["--limit", "max_input_mb=1"]),
    "too-many-xml-elements": (docx_with_document_xml(
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + b"<w:p/>" * 3_100_000 + b"</w:body></w:document>"), "XML tags, over the 3,000,000 limit",
        ["--limit", "max_ratio=100000"]),  # past the zip-bomb guard, to reach this one
    "too-many-paragraphs": (b"RESOLUTION 1\nTitle\n" + b"p\n" * 100, "paragraphs, over the 50 limit",
                            ["--limit", "max_paragraphs=50"]),
}
