"""Tell what a file is from its first bytes, so that non-documents get a precise message."""

from __future__ import annotations

import re

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGIC = [
    (b"%PDF", "a PDF file, not a Word or text document (convert it to .docx first)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image, not a document"),
    (b"\xff\xd8\xff", "a JPEG image, not a document"),
    (b"GIF87a", "a GIF image, not a document"),
    (b"GIF89a", "a GIF image, not a document"),
    (b"II*\x00", "a TIFF image, not a document"),
    (b"MM\x00*", "a TIFF image, not a document"),
    (b"{\\rtf", "an RTF file: save it as .docx first"),
    (b"\x1f\x8b", "a gzip archive, not a document"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive, not a document"),
    (b"Rar!", "a RAR archive, not a document"),
]


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def ole_kind(data: bytes) -> str:
    """What an OLE compound file holds, by the stream names in its directory."""
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        return ("an encrypted or rights-protected Word file (remove the password or protection in Word, "
                "then save again)")
    if _utf16("WordDocument") in data:
        return "a legacy Word 97-2003 .doc file: save it as .docx (Word, LibreOffice: soffice --convert-to docx)"
    return "an OLE compound file (an old Office format), not a .docx or text document"


# OpenDocument (ODF 1.2, 3.3): the zip's first entry is 'mimetype', stored, so its name and value
# come at fixed offsets.
_ODF = b"PK\x03\x04"
_ODF_MIMETYPE = b"application/vnd.oasis.opendocument."


def odf_kind(data: bytes) -> str | None:
    """The message for an OpenDocument file, or None."""
    if not (data.startswith(_ODF) and data[30:38] == b"mimetype" and data[38:].startswith(_ODF_MIMETYPE)):
        return None
    if data[38 + len(_ODF_MIMETYPE):].startswith(b"text"):
        return "an OpenDocument text (.odt), not a .docx: save it as .docx (LibreOffice: soffice --convert-to docx)"
    return "an OpenDocument file (spreadsheet, presentation or drawing), not a Word or text document"


def markup_kind(data: bytes) -> str | None:
    """The message for an HTML page or an XML file (Word's XML formats among them), or None. Text
    that is a document never opens with markup."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    html = re.compile(rb"<(?:!doctype\s+html|html)[\s>]")
    if html.match(head) and (head.startswith(b"<!") or b"<head" in head or b"<body" in head):
        return "an HTML page, not a Word or text document: save it as .docx, or as plain text"
    if re.match(rb"<\?xml[\s?]", head):
        if b"word.document" in head or b"<w:worddocument" in head or b"<pkg:package" in head:
            return "a Word XML document (Word 2003 XML or Flat OPC): save it as .docx"
        if html.search(head):
            return "an HTML page (XHTML), not a Word or text document: save it as .docx, or as plain text"
        return "an XML file, not a Word or text document"
    return None


def unusable(data: bytes) -> str | None:
    """A one-line reason why `data` is not a document we read, or None if it may be one."""
    if data.startswith(OLE_MAGIC):
        return ole_kind(data)
    if (odf := odf_kind(data)) is not None:
        return odf
    if data[:1] in (b"<", b"\xef", b" ", b"\n", b"\r", b"\t") and (markup := markup_kind(data)) is not None:
        return markup
    for magic, message in _MAGIC:
        if data.startswith(magic):
            return message
    return None
