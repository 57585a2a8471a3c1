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


_ARABIC_ALPHA = "أبتثجحخدذرزسشصضطظعغفقكلمنهوي"
_ARABIC_ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"


def format_number(n: int, fmt: str) -> str:
    """One counter in a Word number format (decimal, lowerLetter, upperRoman, arabicAbjad, …)."""
    if fmt in ("arabicAlpha", "arabicAbjad") and n > 0:
        letters = _ARABIC_ALPHA if fmt == "arabicAlpha" else _ARABIC_ABJAD
        return letters[(n - 1) % len(letters)] * ((n - 1) // len(letters) + 1)
    if fmt == "hindiNumbers":
        return str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
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
        self._chains: dict[str | None, tuple[str | None, int | None]] = {}
        self.counters: dict[str, dict[int, int]] = {}  # abstractNumId -> level -> current value

    def _style_numbering(self, style: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph style gives, through its basedOn chain (remembered per style)."""
        if style in self._chains:
            return self._chains[style]
        found: tuple[str | None, int | None] = (None, None)
        seen, current = set(), style
        while current and current not in seen:
            seen.add(current)
            st = oxml.style(self.pkg, current)  # styles.xml is read only if a style may carry numbering
            if st is None:
                break
            if st.num_id is not None:
                found = (st.num_id, st.ilvl)
                break
            current = st.based_on
        self._chains[style] = found
        return found

    def label(self, para: oxml.Para) -> tuple[str, int | None]:
        """(label as Word shows it, list level) for a paragraph: ('', level) for a bullet or an
        empty label, ('', None) if not numbered."""
        num_id, ilvl, style = para.num_id, para.ilvl, para.style
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
        return text.strip(), ilvl


def list_label(shown: str) -> str | None:
    """The clause label of a Word list label as shown ('1.' -> '1', 'a)' -> 'a)'); None if empty."""
    shown = " ".join(shown.split())
    if shown.endswith(".") and len(shown) > 1:
        shown = shown[:-1]
    return shown or None


def read_docx(data: bytes, limits=None) -> Result[list[Block]]:
    """Read a .docx; raises oxml.PackageError when it is not a usable Word package."""
    pkg = oxml.open_package(data, limits)
    marks = oxml.note_mark_styles(pkg)
    notes = oxml.footnote_texts(pkg, marks)
    numberer = Numberer(pkg)
    records = oxml.body_records(pkg, marks)
    blocks: list[Block] = []
    messages: list[Diagnostic] = []
    counts = {"paragraph": 0, "table": 0}

    def make(para: oxml.Para, loc: Location, rtl_default: bool = False, merged: bool = False) -> Block:
        label, level = numberer.label(para) if not merged else ("", None)
        footnotes = []
        for fid in para.footnote_ids:
            if fid in notes:
                footnotes.append(Footnote(fid, notes[fid]))
            else:
                messages.append(Diagnostic("warning", "footnote-missing",
                                           f"footnote {fid} is referenced but not in footnotes.xml", loc))
        return Block(para.text, loc, para.style, tuple(footnotes), para.rtl or rtl_default, level, merged,
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
        above: dict[int, list[tuple[int, oxml.Para]]] = {}  # grid column -> paragraphs of a vertical merge's first cell
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
                first: list[tuple[int, oxml.Para]] = []
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
