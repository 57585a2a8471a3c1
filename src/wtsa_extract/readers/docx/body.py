"""The body and footnotes walked by walk.xsl (libxslt, in C: the Python loop over lxml elements it
replaced was some six times slower, as every element touched from Python becomes a proxy object) into
flat records, read back here.

The record format, written by walk.xsl and read only by this module. Delimiters are Unicode
noncharacters, which no document means as text (package.sanitise makes a document's own,
U+FDD0-U+FDDF, U+FFFD before the walk):

    REC kind FIELD*            a record: kind, then its fields, each SEP name=value
    P FIELD* TEXT text         a paragraph, body or cell; fields named in PARA_FIELDS
    X FIELD* TEXT text         a paragraph of a text box anchored in the body paragraph before it
    T [bidiVisual=1]           a table starts;    R  a row starts;    E  the table ends
    C [vMerge=v] [gridSpan=n]  a cell starts
    N id                       a footnote; its paragraphs follow as P records

Inside paragraph text, NOTE id END is a footnote reference and SYM char SEP font END a w:sym. Adding
a paragraph property is one more field in walk.xsl and one entry in PARA_FIELDS (and a field with a
default in `Para`); nothing is positional."""

import re
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from wtsa_extract.readers.docx.package import Package, PackageError, xml_parser

REC, SEP, NOTE, END, SYM, TEXT = "\ufdd0", "\ufdd1", "\ufdd2", "\ufdd3", "\ufdd4", "\ufdd5"
_MARKS_IN_TEXT = re.compile(f"{NOTE}([^{END}]*){END}|{SYM}([^{SEP}]*){SEP}([^{END}]*){END}")
_OFF = ("0", "false", "off")
# Symbol-font code points (w:sym in the F000 private range) that have a plain Unicode twin.
_SYMBOL_FONT = {0xD2: "\u00ae", 0xD3: "\u00a9", 0xD4: "\u2122", 0xE2: "\u00ae", 0xE3: "\u00a9", 0xE4: "\u2122",
                0xB7: "\u2022", 0x2D: "\u2212", 0xB1: "\u00b1", 0xB4: "\u00d7", 0xAE: "\u2192", 0xAC: "\u2190"}


class Para(NamedTuple):
    """A paragraph as the walker gives it: properties, visible text, footnote references in order."""

    style: str | None = None
    rtl: bool = False
    num_id: str | None = None
    ilvl: int | None = None
    text: str = ""
    footnote_ids: tuple[str, ...] = ()


def _level(value: str) -> int | None:
    return int(value) if value.isdecimal() else None


# walk.xsl's paragraph fields: name in the record -> (Para field, how its value is read)
PARA_FIELDS = {"style": ("style", str), "bidi": ("rtl", lambda v: v not in _OFF), "numId": ("num_id", str),
               "ilvl": ("ilvl", _level)}


def _fields(head: str) -> dict[str, str]:
    """A record's `SEP name=value` fields."""
    fields = {}
    for field in head.split(SEP)[1:]:
        name, _, value = field.partition("=")
        fields[name] = value
    return fields


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


def _symbol(char: str, font: str) -> str:
    try:
        value = int(char, 16)
    except ValueError:
        return ""
    value = value - 0xF000 if value >= 0xF000 else value
    if "symbol" in font.lower() and value in _SYMBOL_FONT:
        return _SYMBOL_FONT[value]
    return chr(value) if 0 <= value < 0x110000 and not 0xD800 <= value < 0xE000 else "\ufffd"


def _para(record: str) -> Para:
    """A P or X record's fields and text (after the kind)."""
    head, text = record.split(TEXT, 1)
    values = {}
    if head:  # most paragraphs have no properties
        for name, value in _fields(head).items():
            field, read = PARA_FIELDS[name]
            values[field] = read(value)
    notes: list[str] = []
    if NOTE in text or SYM in text:
        def mark(m: re.Match) -> str:
            if m.group(1) is not None:
                notes.append(m.group(1))
                return ""
            return _symbol(m.group(2), m.group(3))

        text = _MARKS_IN_TEXT.sub(mark, text)
    return Para(text=text, footnote_ids=tuple(notes), **values)


def _span(value: str) -> int:
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
            fields = _fields(rest) if rest else {}
            merge = fields.get("vMerge")
            out.append(("C", (None if merge is None else merge or "continue", _span(fields.get("gridSpan", "1")))))
        elif kind == "T":
            out.append(("T", bool(rest)))
        else:
            out.append((kind, None))
    return out


def footnote_texts(pkg: Package, marks: frozenset[str]) -> dict[str, str]:
    """Footnote id -> its text (paragraphs joined by a space), separators skipped."""
    notes = pkg.part("footnotes")
    if notes is None:
        return {}
    out: dict[str, str] = {}
    note_id, texts = None, []
    for record in [*_walk(notes, marks).split(REC)[1:], "N"]:
        if record[0] == "N":
            if note_id is not None:
                out[note_id] = " ".join(" ".join(texts).split())
            note_id, texts = record[1:], []
        elif note_id is not None:
            texts.append(_para(record[1:]).text.strip())
    return out
