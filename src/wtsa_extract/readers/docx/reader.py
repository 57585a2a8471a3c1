"""Walk a .docx body into `Block`s: paragraphs and table cells in reading order.

Adds what python-docx leaves out: Word's automatic list labels, tracked changes
resolved, footnotes attached, vertically merged cells given their value.
"""

from __future__ import annotations

from wtsa_extract.model import Block, Diagnostic, Footnote, Location, Result
from wtsa_extract.readers.docx import oxml


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + digits, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def format_number(n: int, fmt: str) -> str:
    """One counter in a Word number format (decimal, lowerLetter, upperRoman, …)."""
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class Numberer:
    """Renders Word's automatic list labels the way Word shows them."""

    def __init__(self, pkg: oxml.Package):
        self.defs = oxml.numbering(pkg)
        self.pkg = pkg
        self._styles: dict[str, oxml.Style] | None = None  # read only if a style may carry numbering
        self.counters: dict[str, dict[int, int]] = {}  # abstractNumId -> level -> current value

    @property
    def styles(self) -> dict[str, oxml.Style]:
        if self._styles is None:
            self._styles = oxml.styles(self.pkg)
        return self._styles

    def _style_numbering(self, style: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while style and style not in seen:
            seen.add(style)
            st = self.styles.get(style)
            if st is None:
                break
            if st.num_id is not None:
                return st.num_id, st.ilvl
            style = st.based_on
        return None, None

    def label(self, props: oxml.ParagraphProps) -> tuple[str, int | None]:
        """(label text including its suffix, list level) for a paragraph; ('', None) if not numbered."""
        num_id, ilvl, style = props.num_id, props.ilvl, props.style
        if num_id is None and (style is None or not self.defs):
            return "", None
        if num_id is None:
            num_id, style_lvl = self._style_numbering(style)
            ilvl = ilvl if ilvl is not None else style_lvl
        if num_id is None or num_id == "0" or num_id not in self.defs:
            return "", None
        ilvl = ilvl or 0
        abstract_id, levels, overrides = self.defs[num_id]
        level = levels.get(ilvl)
        if level is None:
            return "", ilvl
        counters = self.counters.setdefault(f"{abstract_id}/{num_id}" if overrides else abstract_id, {})
        start = overrides.get(ilvl, level.start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return "", ilvl
        text = level.text
        for k in range(ilvl, -1, -1):
            lvl_k = levels.get(k)
            value = counters.get(k, lvl_k.start if lvl_k else 1)
            text = text.replace(f"%{k + 1}", format_number(value, lvl_k.fmt if lvl_k else "decimal"))
        return text + level.suffix, ilvl


def read_docx(data: bytes, limits=None) -> Result[list[Block]]:
    """Read a .docx; raises oxml.PackageError when it is not a usable Word package."""
    pkg = oxml.open_package(data, limits)
    marks = oxml.note_mark_styles(pkg)
    notes = oxml.footnote_texts(pkg, marks)
    numberer = Numberer(pkg)
    blocks: list[Block] = []
    messages: list[Diagnostic] = []
    counts = {"paragraph": 0, "table": 0}

    def make(p, loc: Location, rtl_default: bool = False, merged: bool = False) -> Block:
        props = oxml.paragraph_props(p)
        content = oxml.paragraph_text(p, marks)
        label, level = numberer.label(props) if not merged else ("", None)
        footnotes = []
        for fid in content.footnote_ids:
            if fid in notes:
                footnotes.append(Footnote(fid, notes[fid]))
            else:
                messages.append(Diagnostic("warning", "footnote-missing",
                                           f"footnote {fid} is referenced but not in footnotes.xml", loc))
        return Block(label + content.text, loc, style=props.style, footnotes=tuple(footnotes),
                     rtl=props.rtl or rtl_default, level=level, merged=merged)

    def paragraph(p, loc_for) -> None:
        counts["paragraph"] += 1
        blocks.append(make(p, loc_for(counts["paragraph"])))
        for inner in oxml.text_boxes(p):
            counts["paragraph"] += 1
            blocks.append(make(inner, loc_for(counts["paragraph"])))

    def table(tbl) -> None:
        counts["table"] += 1
        t = counts["table"]
        rtl = oxml.table_is_rtl(tbl)
        above: dict[int, list] = {}  # grid column -> paragraphs of the cell that started a vertical merge
        for r, tr in enumerate(oxml.rows(tbl), start=1):
            column = 0
            for c, tc in enumerate(oxml.cells(tr), start=1):
                merge = oxml.vmerge(tc)
                items = list(oxml.iter_block_items(tc))
                if merge == "continue" and column in above:
                    source = above[column]
                    for i, p in enumerate(source, start=1):
                        if p.tag == oxml.P:
                            blocks.append(make(p, Location(table=t, row=r, cell=c, paragraph=i), rtl, merged=True))
                else:
                    above[column] = items if merge == "restart" else above.pop(column, None) and items
                    if merge != "restart":
                        above.pop(column, None)
                    for i, item in enumerate(items, start=1):
                        if item.tag == oxml.TBL:
                            table(item)
                        else:
                            blocks.append(make(item, Location(table=t, row=r, cell=c, paragraph=i), rtl))
                column += oxml.grid_span(tc)

    for item in oxml.iter_block_items(oxml.body(pkg)):
        if item.tag == oxml.TBL:
            table(item)
        else:
            paragraph(item, lambda n: Location(paragraph=n))
    return Result(blocks, tuple(messages))
