"""The .docx reader: a Word package to `Block`s, paragraphs and table cells in reading order.

Adds what python-docx leaves out: Word's automatic list labels (numbering.py), tracked changes
resolved and footnotes attached (body.py), vertically merged cells given their value (here). Its
modules, the only code that knows WordprocessingML: package.py (zip, limits, parts), styles.py,
numbering.py, body.py with walk.xsl (the body walk and its record format).
"""

from __future__ import annotations

from wtsa_extract.model import Block, Diagnostic, Footnote, Location, Result
from wtsa_extract.readers.docx.body import Para, body_records, footnote_texts
from wtsa_extract.readers.docx.numbering import Numberer, Numbering, list_label
from wtsa_extract.readers.docx.package import PackageError, open_package
from wtsa_extract.readers.docx.styles import Styles, note_mark_styles

__all__ = ["PackageError", "read_docx"]


def read_docx(data: bytes, limits=None) -> Result[list[Block]]:
    """Read a .docx; raises PackageError when it is not a usable Word package."""
    pkg = open_package(data, limits)
    styles = Styles(pkg)
    marks = note_mark_styles(pkg, styles)
    notes = footnote_texts(pkg, marks)
    numberer = Numberer(Numbering(pkg.part("numbering")), styles)
    records = body_records(pkg, marks)
    blocks: list[Block] = []
    messages: list[Diagnostic] = []
    counts = {"paragraph": 0, "table": 0}

    default = styles.default_paragraph()

    def style_of(para: Para) -> str | None:
        """The paragraph's style id; None for no style or the default paragraph style."""
        return None if para.style == default else para.style

    def make(para: Para, loc: Location, rtl_default: bool = False, merged: bool = False) -> Block:
        label, level = numberer.label(para) if not merged else ("", None)
        footnotes = []
        for fid in para.footnote_ids:
            if fid in notes:
                footnotes.append(Footnote(fid, notes[fid]))
            else:
                messages.append(Diagnostic("warning", "footnote-missing",
                                           f"footnote {fid} is referenced but not in footnotes.xml", loc))
        return Block(para.text, loc, style_of(para), tuple(footnotes), para.rtl or rtl_default, level, merged,
                     list_label(label))

    def skip_cell(i: int) -> int:
        """Index of the record after the cell whose content starts at `i` (nested tables included)."""
        depth = 0
        while i < len(records):
            kind = records[i][0]
            if depth == 0 and kind in ("C", "R", "E"):
                return i
            depth += kind == "T"
            depth -= kind == "E"
            i += 1
        return i

    def table(i: int, rtl: bool) -> int:
        """Blocks of the table whose records start at `i` (just after its "T"); the index after its "E"."""
        counts["table"] += 1
        t = counts["table"]
        above: dict[int, list[tuple[int, Para]]] = {}  # grid column -> paragraphs of a vertical merge's first cell
        row = cell = column = 0
        while i < len(records):
            kind, value = records[i]
            i += 1
            if kind == "E":
                return i
            if kind == "R":
                row, cell, column = row + 1, 0, 0
                continue
            if kind != "C":  # content outside any cell: not something Word writes; skipped
                continue
            cell += 1
            merge, span = value
            if merge == "continue" and column in above:
                for n, para in above[column]:
                    blocks.append(make(para, Location(paragraph=n, table=t, row=row, cell=cell), rtl, merged=True))
                i = skip_cell(i)
            else:
                first: list[tuple[int, Para]] = []
                if merge == "restart":
                    above[column] = first
                else:
                    above.pop(column, None)
                n = 0
                while i < len(records) and records[i][0] not in ("C", "R", "E"):
                    kind, value = records[i]
                    n += 1
                    if kind == "T":
                        i = table(i + 1, value)
                        continue
                    first.append((n, value))
                    blocks.append(make(value, Location(paragraph=n, table=t, row=row, cell=cell), rtl))
                    i += 1
            column += span
        return i

    i = 0
    try:
        while i < len(records):
            kind, value = records[i]
            i += 1
            if kind == "T":
                i = table(i, value)
            elif kind in ("P", "X"):
                counts["paragraph"] += 1
                blocks.append(make(value, Location(paragraph=counts["paragraph"])))
    finally:
        # `table` calls itself, so its closure refers to it: a reference cycle that would keep the
        # package, its parsed parts and every record alive until the next cycle collection.
        # Unbinding it lets reference counting free them all as soon as this function returns.
        table = None  # noqa: F841
    return Result(blocks, tuple(messages))
