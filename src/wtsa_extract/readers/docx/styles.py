"""Styles (styles.xml): the list numbering a paragraph style carries or inherits, and which character
styles mark footnote references. The part is parsed whole, when a paragraph first needs a style."""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from wtsa_extract.readers.docx.package import VAL, W_NS, Package, w

NOTE_MARK_STYLES = frozenset({"FootnoteReference", "EndnoteReference", "footnotereference", "endnotereference"})
_NOTE_MARK_NAMES = {"footnote reference", "endnote reference"}
_RUN_STYLES = etree.XPath("//w:r/w:rPr/w:rStyle/@w:val", namespaces={"w": W_NS}, smart_strings=False)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class Style(NamedTuple):
    style_id: str
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None


class Styles:
    """The w:style elements of a package by id (direct children of the root, as Word reads them),
    indexed when first asked for."""

    def __init__(self, pkg: Package) -> None:
        self._pkg = pkg
        self._index: dict[str | None, list[etree._Element]] | None = None

    def get(self, style_id: str) -> list[etree._Element]:
        """Every w:style with this id, in document order (usually one)."""
        if self._index is None:
            root = self._pkg.part("styles")
            self._index = {}
            for el in root.iterchildren(w("style")) if root is not None else ():
                self._index.setdefault(el.get(w("styleId")), []).append(el)
        return self._index.get(style_id, [])

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
