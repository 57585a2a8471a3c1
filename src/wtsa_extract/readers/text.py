"""Text reader: plain text, Apache Tika's dump of a Word file, and pandoc's plain text.

Tika's conventions (see samples/README.md): a line starting with a TAB opens a
table cell, further lines until a blank line are paragraphs of that cell, a blank
line ends the row. `[bookmark: …]` and `[footnoteRef:N]` markers are dropped and
`[N: <TAB>text]` becomes a footnote of the paragraph. Text without leading TABs
is read one paragraph per line, unless its paragraphs were wrapped at a fixed width
(pandoc's plain output: readers/wrapped.py joins their lines). pandoc's notes (`[1]`
in the text, `[1] text` paragraphs ending it) become footnotes. Text converted from
PDF (a form feed ending every page) is flagged `page-breaks` and read a line at a time.
"""

from __future__ import annotations

import codecs
import re

from wtsa_extract.model import Block, Diagnostic, Footnote, Location, Result
from wtsa_extract.readers.wrapped import paragraphs, wrap_width

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LINE_END = re.compile(r"\r\n|\r|\n")
_BOOKMARK = re.compile(r"\[bookmark: [^\]\n]{0,300}\]")
_FOOTNOTE_REF = re.compile(r"\[footnoteRef:\d{1,6}\]")
_FOOTNOTE_START = re.compile(r"\[(\d{1,6}):[ \t]*")
MAX_NOTES_PER_PARAGRAPH = 100
_CELL_START = re.compile(r"^ {0,3}\t")
_ARABIC = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")  # letters: Arabic-Indic digits alone are not Arabic text


class TextError(Exception):
    """The bytes are not text we can read; str() is one line."""


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    return bool(sample) and len(_CONTROL.findall(sample)) > 0.02 * len(sample)


MAX_WESTERN_SHARE = 0.2  # of the characters, non-ASCII in a Western text (French: some 4%)


def _windows_1252(data: bytes, as_utf8: str) -> str | None:
    """The text of a Western Windows file (Word's and Notepad's "ANSI" on Western systems: curly
    quotes, dashes, accents), or None: bytes Windows-1252 leaves undefined, non-ASCII characters
    too many for prose, or UTF-8 with damage rather than another encoding (`as_utf8`, decoded with
    replacement, holds valid non-ASCII characters)."""
    if any(ord(ch) >= 0x80 and ch != "\ufffd" for ch in as_utf8):
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = sum(1 for ch in text if ord(ch) >= 0x80)
    return text if non_ascii <= MAX_WESTERN_SHARE * len(text) and not _looks_binary(text) else None


def decode(data: bytes) -> tuple[str, str, list[Diagnostic]]:
    """Decode bytes: BOM, UTF-16 without BOM, UTF-8 (a few bad bytes replaced, with a warning),
    Windows-1256 (only if it gives Arabic), Windows-1252 (Western prose). Raises TextError for binary
    or undecodable data."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                raise TextError(f"starts with a {name} byte-order mark but is not valid {name}") from None
            if _looks_binary(text):
                raise TextError("is binary data, not text")
            return text, name.replace("-sig", "") + " (BOM)", []
    sample = data[:4096]
    # UTF-16 without a BOM: every other byte is the high byte of Latin (00) or Arabic (06) letters.
    # (NUL is valid UTF-8, so this is checked before UTF-8.)
    if len(sample) >= 4 and len(data) % 2 == 0:
        for name, highs in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
            if sum(1 for b in highs if b in (0x00, 0x06)) >= 0.9 * len(highs) and 0x00 in highs:
                try:
                    text = data.decode(name)
                except UnicodeDecodeError:
                    continue
                if not _looks_binary(text):
                    return text, name, []
    if b"\x00" in sample:
        raise TextError("is binary data, not text (it holds NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        high = sum(1 for b in data if b >= 0x80) or 1
        if bad <= 16 and bad < 0.01 * high:
            if _looks_binary(text):
                raise TextError("is binary data, not text") from None
            return text, "utf-8", [Diagnostic("warning", "undecodable-bytes",
                                              f"{bad} byte sequences are not valid UTF-8; replaced by U+FFFD")]
        legacy = data.decode("cp1256", errors="replace")
        non_ascii = [ch for ch in legacy if ord(ch) >= 0x80]
        arabic = sum(1 for ch in non_ascii if "\u0621" <= ch <= "\u064a")
        if non_ascii and arabic >= 0.6 * len(non_ascii) and not _looks_binary(legacy):
            return legacy, "windows-1256", []
        if (western := _windows_1252(data, text)) is not None:
            return western, "windows-1252", []
        raise TextError("is not text in UTF-8, UTF-16, Windows-1256 or Windows-1252 (binary data, or an unknown "
                        "encoding)") from None
    if _looks_binary(text):
        raise TextError("is binary data, not text")
    return text, "utf-8", []


def _strip_markers(text: str) -> tuple[str, tuple[Footnote, ...]]:
    """Drop Tika's bookmark and footnote-reference markers; take `[N: text]` footnotes off the end.

    Footnote texts are peeled from the end of the paragraph (where Tika writes them), each from the
    last `[N:` before the closing bracket, so the work stays linear on long lines."""
    if "[" not in text:
        return text, ()
    text = _BOOKMARK.sub("", text)
    text = _FOOTNOTE_REF.sub("", text)
    starts = list(_FOOTNOTE_START.finditer(text))
    notes: list[Footnote] = []
    end = len(text.rstrip())
    while starts and end and text[end - 1] == "]" and len(notes) < MAX_NOTES_PER_PARAGRAPH:
        m = starts.pop()
        if m.start() >= end:
            continue
        notes.append(Footnote(m.group(1), text[m.end(): end - 1].strip()))
        end = len(text[: m.start()].rstrip())
    if notes:
        text = text[:end]
    return text, tuple(reversed(notes))


def _block(content: str, loc: Location) -> Block:
    """A paragraph of text as a Block: Tika's markers taken out, its footnotes attached."""
    body, notes = _strip_markers(content)
    return Block(body, loc, footnotes=notes, rtl=bool(_ARABIC.search(body)))


def blocks_from_text(text: str) -> list[Block]:
    """Split decoded text into blocks, following Tika's table conventions."""
    return _blocks_from_lines(_LINE_END.split(text))


def _blocks_from_lines(lines: list[str]) -> list[Block]:
    """blocks_from_text, on the text's lines."""
    blocks: list[Block] = []
    table = row = cell = para = 0
    in_row = False  # inside a table row: non-TAB lines continue the current cell
    after_row = False  # the previous row ended with a blank line: a TAB line continues the table
    for number, line in enumerate(lines, start=1):
        if not line.strip(" \u00a0") and "\t" not in line:
            after_row = in_row
            in_row = False
            continue
        if _CELL_START.match(line):
            if not in_row:
                if after_row:
                    row += 1
                else:
                    table, row = table + 1, 1
                cell = 0
                in_row = True
            cell, para = cell + 1, 1
            content = line.split("\t", 1)[1]
        elif in_row:
            para += 1
            content = line
        else:
            after_row = False
            blocks.append(_block(line, Location(line=number)))
            continue
        blocks.append(_block(content, Location(line=number, table=table, row=row, cell=cell, paragraph=para)))
    return blocks


def page_breaks(text: str) -> Diagnostic | None:
    """A warning for text converted from PDF: pdftotext and pdfminer end every page with a form feed,
    so such text ends with one. It is broken into lines, which this reader does not join back into
    paragraphs (a clause's lines, or a label and its text, come out as separate paragraphs). A form
    feed inside other text (Word's plain-text export writes page breaks so) is not this."""
    if not text.rstrip("\r\n").endswith("\f"):
        return None
    pages = text.count("\f")
    line = len(_LINE_END.findall(text, 0, text.find("\f"))) + 1
    return Diagnostic("warning", "page-breaks",
                      f"the text ends its {pages} page{'s' if pages > 1 else ''} with form feeds, as text converted "
                      "from PDF does: its paragraphs are broken into lines, which are read one at a time, so "
                      "clauses may be split and labels parted from their text; read the Word file where there is one",
                      Location(line=line))


_NOTE_AT_END = re.compile(r"\[(\d{1,4})\][ \u00a0]+(\S.*)", re.DOTALL)
_NOTE_REF = re.compile(r"\[(\d{1,4})\]")


def attach_end_notes(blocks: list[Block]) -> list[Block]:
    """pandoc's plain-text notes: paragraphs '[1] text' ending the document (a note's further
    paragraphs indented), numbered from 1, each referred to once ('countries[1]'), in the order of the
    notes. Each note becomes a footnote of the paragraph that refers to it, and its mark leaves the
    text. Anything else (a reference list cited twice, or out of order) is left as it is."""
    tail = len(blocks)
    while tail and not blocks[tail - 1].loc.table and (
            _NOTE_AT_END.fullmatch(blocks[tail - 1].text) or blocks[tail - 1].text.startswith("  ")):
        tail -= 1
    while tail < len(blocks) and not _NOTE_AT_END.fullmatch(blocks[tail].text):
        tail += 1  # indented paragraphs before the first note are not a note's
    return _attach(blocks, tail) if tail < len(blocks) else blocks


def _attach(blocks: list[Block], tail: int) -> list[Block]:
    """attach_end_notes once the ending (blocks[tail:]) is known to be '[n] text' paragraphs and their
    indented further paragraphs."""
    notes: dict[str, list[str]] = {}
    current = None
    for b in blocks[tail:]:
        if (m := _NOTE_AT_END.fullmatch(b.text)) is not None and not b.text.startswith(" "):
            current = m.group(1)
            if current in notes:
                return blocks
            notes[current] = [m.group(2)]
        elif current is None:
            return blocks
        else:
            notes[current].append(b.text.strip())
    if list(notes) != [str(n) for n in range(1, len(notes) + 1)]:
        return blocks
    refs = [(i, m) for i, b in enumerate(blocks[:tail]) if "[" in b.text for m in _NOTE_REF.finditer(b.text)]
    if [m.group(1) for _, m in refs] != list(notes):  # each note referred to once, in order
        return blocks
    out = list(blocks[:tail])
    for i, m in reversed(refs):  # from the end, so earlier offsets in the same paragraph hold
        b = out[i]
        note = Footnote(m.group(1), " ".join(notes[m.group(1)]))
        out[i] = b._replace(text=b.text[:m.start()] + b.text[m.end():], footnotes=(note, *b.footnotes))
    return out


def unwrapped_blocks(raw_lines: list[str]) -> tuple[list[Block], Diagnostic] | None:
    """Blocks of text whose paragraphs are wrapped at a fixed width, each paragraph's lines joined
    (readers/wrapped.py), with a note saying so; None for any other text (Tika's TAB cells too)."""
    lines = [line.rstrip() for line in raw_lines]
    if any(_CELL_START.match(line) for line in lines):
        return None
    width = wrap_width(lines)
    if width is None:
        return None
    blocks = [_block(paragraph, Location(line=number)) for number, paragraph in paragraphs(lines, width)]
    count = sum(1 for line in lines if line.strip())
    return blocks, Diagnostic("info", "wrapped-text", f"lines wrapped at {width} columns joined into paragraphs "
                              f"({count} lines into {len(blocks)} paragraphs)", Location(line=1))


def read_text(data: bytes) -> tuple[str, Result[list[Block]]]:
    text, encoding, messages = decode(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = _LINE_END.split(text)
    unwrapped = None
    if (warning := page_breaks(text)) is not None:
        messages.append(warning)  # from PDF: not wrapped text, whatever its line breaks say
    elif (unwrapped := unwrapped_blocks(lines)) is not None:
        messages.append(unwrapped[1])
    blocks = unwrapped[0] if unwrapped is not None else _blocks_from_lines(lines)
    return encoding, Result(attach_end_notes(blocks), tuple(messages))
