"""Arabic overview parser: Table 1 (status / number / title) and Table 2 (one summary per resolution).

Table 1 is found by its content (status words, numbers, 'to be determined'); its columns are told
apart by what each cell holds, not by position, so damaged rows (missing cells, rows glued together
by a converter, reversed cells) still give one record per resolution, with a diagnostic for every
missing value. Table 2 summaries are found by their opening (`قرار جديد بشأن …`, `مشروع قرار جديد بشأن …`,
`القرار 50 بشأن …`, `القرار رقم 50 بشأن …`, `القرار 50 (المراجَع في جنيف، 2022) بشأن …`, or a colon for
`بشأن`). Status words, 'to be determined' and the openings, in their variants, are data
(`data/arabic.json`), matched through `arabic_key` (diacritics, hamza forms, digits do not matter).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from itertools import islice

from wtsa_extract.model import Block, Diagnostic, Location, Overview, Result, Summary, Table1Row
from wtsa_extract.normalize import arabic_key, clean
from wtsa_extract.parse.english import header_number
from wtsa_extract.vocabulary import arabic

_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u0671-\u06d3]")
MAX_WORD_CELL = 200
MAX_VERBS = 100  # a summary names a handful; the cap keeps hostile paragraphs cheap
OPENING = 200  # characters of a paragraph that can hold a summary's opening


class _Cell:
    __slots__ = ("text", "loc", "merged")

    def __init__(self, text: str, loc: Location, merged: bool) -> None:
        self.text, self.loc, self.merged = text, loc, merged


def _cells(blocks: list[Block]) -> dict[int, list[tuple[int, list[_Cell]]]]:
    """table -> [(row, [cells in order])], each cell's paragraphs joined."""
    grouped: dict[int, dict[int, dict[int, _Cell]]] = defaultdict(lambda: defaultdict(dict))
    for b in blocks:
        if b.loc.table is None:
            continue
        cells = grouped[b.loc.table][b.loc.row]
        cell = cells.get(b.loc.cell)
        if cell is None:
            cells[b.loc.cell] = _Cell(b.text, b.loc, b.merged)
        elif clean(b.text):
            cell.text = f"{cell.text}\n{b.text}" if clean(cell.text) else b.text
            if not clean(cell.text):
                cell.loc = b.loc
    return {t: [(r, [rows[r][c] for c in sorted(rows[r])]) for r in sorted(rows)] for t, rows in grouped.items()}


@lru_cache(maxsize=8192)  # Table 1 is scanned more than once
def classify(text: str) -> tuple[str, object]:
    """('status', code) | ('tbd', None) | ('number', n) | ('header', None) | ('title', text) | ('empty'|'other', None)."""
    if len(text) > MAX_WORD_CELL:  # too long for a status, number or header: only a title can be this long
        return ("title", clean(text)) if _ARABIC_LETTER.search(text[:1000]) else ("other", None)
    key = arabic_key(text)
    vocab = arabic()
    if not key:
        return "empty", None
    if key in vocab.status_by_key:
        return "status", vocab.status_by_key[key]
    if key in vocab.not_yet_numbered:
        return "tbd", None
    m = vocab.number_cell.match(key)
    if m:
        return "number", _number(m)
    if key in vocab.headers:
        return "header", None
    if _ARABIC_LETTER.search(text):
        return "title", clean(text)
    return "other", None


def _number(m: re.Match[str]) -> int | None:
    """The resolution number of a number cell or Table 2 opening: the number alone ('num') or that of
    an ITU-R designation ('ra': ITU-R 11-5 -> 11)."""
    n = m.group("num") or m.group("ra")
    return int(n) if n else None


def _score_table(rows) -> int:
    return sum(1 for _, cells in rows for c in cells if classify(c.text)[0] in ("status", "tbd", "number"))


def _slot(kind: str) -> str | None:
    return {"status": "status", "number": "number", "tbd": "number", "title": "title"}.get(kind)


def _column_order(rows) -> tuple[str, ...]:
    """The table's column order, learnt from its rows (the most common order of status, number and
    title among rows that hold all three); status, number, title when no row does."""
    counts: dict[tuple[str, ...], int] = {}
    for _row, cells in rows:
        slots = [s for c in cells if (s := _slot(classify(c.text)[0]))]
        if len(slots) >= 3 and len(set(slots[:3])) == 3:
            counts[tuple(slots[:3])] = counts.get(tuple(slots[:3]), 0) + 1
    return max(counts, key=counts.get) if counts else ("status", "number", "title")


class _Record:
    __slots__ = ("loc", "status", "status_loc", "number", "tbd", "title", "has")

    def __init__(self, loc: Location) -> None:
        self.loc = loc
        self.status: str | None = None
        self.status_loc: Location | None = None
        self.number: int | None = None
        self.tbd = False
        self.title: str | None = None
        self.has: set[str] = set()


def parse_table1(blocks: list[Block]) -> Result[list[Table1Row]]:
    """Find Table 1 by content and read one record per resolution row (consumed: its cells). Only
    tables with Arabic in them are candidates."""
    arabic_tables = {b.loc.table for b in blocks if b.rtl and b.loc.table is not None}
    tables = _cells([b for b in blocks if b.loc.table in arabic_tables])
    scored = sorted(((_score_table(rows), t) for t, rows in tables.items()), reverse=True)
    if not scored or scored[0][0] < 3:
        return Result([], (Diagnostic("warning", "table1-not-found",
                                      "no Arabic Table 1 (status / number / title) found"),))
    table = scored[0][1]
    consumed = frozenset(b.loc for b in blocks if b.loc.table == table and not b.merged)
    last_slot = _column_order(tables[table])[-1]
    messages: list[Diagnostic] = []
    records: list[_Record] = []
    current: _Record | None = None
    for _row, cells in tables[table]:
        current = None  # a new table row always starts a new record
        for cell in cells:
            kind, value = classify(cell.text)
            if kind in ("empty",):
                continue
            if kind in ("header", "other"):
                if kind == "other":
                    messages.append(Diagnostic("info", "table1-unrecognised-cell",
                                               f"Table 1 cell not understood: {clean(cell.text)[:40]!r}", cell.loc))
                current = None
                continue
            slot = "number" if kind in ("number", "tbd") else kind
            # A record ends when a value repeats, or after the last column's value: rows that a
            # converter glued together come apart, while a row whose cells are reversed stays whole.
            if current is None or slot in current.has or last_slot in current.has:
                current = _Record(cell.loc)
                records.append(current)
            current.has.add(slot)
            if kind == "status":
                current.status, current.status_loc = value, cell.loc
            elif kind == "number":
                current.number = value
            elif kind == "tbd":
                current.tbd = True
            else:
                current.title = value
    rows = []
    for r in records:
        what = "Table 1 row" + (f" for Resolution {r.number}" if r.number is not None else "")
        if "status" not in r.has:
            messages.append(Diagnostic("warning", "table1-missing-status", f"{what} has no status cell", r.loc))
        if "number" not in r.has:
            messages.append(Diagnostic("warning", "table1-missing-number", f"{what} has no number cell", r.loc))
        if "title" not in r.has:
            messages.append(Diagnostic("warning", "table1-missing-title", f"{what} has no title", r.loc))
        rows.append(Table1Row(r.status, r.number, r.tbd, r.title, r.loc, r.status_loc))
    return Result(rows, tuple(messages), consumed)


_TITLE_END = re.compile(r",\s*(?:الذي|التي)|\.\s")  # on the key: the Arabic comma is folded to ","


def parse_summary(text: str, loc: Location) -> Summary | None:
    """Read one Table 2 paragraph; None if it does not open like a summary. The title and verbs are
    read from the matching key (they serve matching and messages); the output keeps `text` itself."""
    vocab = arabic()
    key = arabic_key(text)
    m = vocab.summary_start.match(key[:OPENING])
    if m is None:
        return None
    body = key[m.end():]
    verbs = list(islice(vocab.verbs.finditer(body), MAX_VERBS))
    ends = [verbs[0].start()] if verbs else []
    if (t := _TITLE_END.search(body)) is not None:
        ends.append(t.start())
    title = (body[: min(ends)] if ends else body).strip().rstrip(",. ")
    families: list[str] = []
    for v in verbs:
        for fam in vocab.verb_families[v.group("v")]:
            if fam not in families:
                families.append(fam)
    return Summary(
        number=_number(m),
        new=bool(m.group("new")),
        title=title,
        text=clean(text),
        verbs=tuple(v.group() for v in verbs),
        families=tuple(families),
        bureaux=bureaux_in_key(key),
        loc=loc,
    )


def bureau_mentions(key: str) -> tuple[list[str], bool]:
    """Bureau codes named in Arabic text (given as its `arabic_key`), in order, groups such as 'the
    three Bureaux' expanded; and whether 'the other Bureaux' is said (to be resolved by the caller)."""
    from wtsa_extract.vocabulary import bureaux as bureau_vocab

    named: list[str] = []
    other = False
    for m in arabic().bureaux.finditer(key):
        if m.lastgroup == "ALL":
            named.extend(bureau_vocab().order)
        elif m.lastgroup == "OTHER":
            other = True
        elif m.lastgroup:
            named.append(m.lastgroup)
    return named, other


def bureaux_in_key(key: str) -> tuple[str, ...]:
    """Bureaux named in Arabic text (given as its `arabic_key`); 'the other two' resolved against the
    first Bureau named."""
    from wtsa_extract.parse.actors import order
    from wtsa_extract.vocabulary import bureaux as bureau_vocab

    named, other = bureau_mentions(key)
    if other and named:
        named.extend(c for c in bureau_vocab().order if c != named[0])
    return order(named)


def parse_table2(blocks: list[Block]) -> Result[list[Summary]]:
    """Every Table 2 summary, in document order; its Arabic continuation paragraphs are kept
    (consumed: the paragraphs it took)."""
    used: set[Location] = set()
    summaries: list[Summary] = []
    messages: list[Diagnostic] = []
    pending: tuple[str, Location, tuple] | None = None

    def flush():
        if pending is not None:
            text, loc, _cell = pending
            s = parse_summary(text, loc)
            if s is not None:
                summaries.append(s)

    for b in blocks:
        if b.merged or header_number(b) is not None:
            continue
        cell = (b.loc.table, b.loc.row, b.loc.cell)
        if b.rtl and arabic().summary_start.match(arabic_key(b.text[:OPENING])):
            flush()
            pending = (b.text, b.loc, cell)
            used.add(b.loc)
        elif pending is not None and cell == pending[2] and b.loc.table is not None and b.rtl and clean(b.text):
            pending = (pending[0] + "\n" + b.text, pending[1], cell)
            used.add(b.loc)
        elif pending is not None and cell != pending[2]:
            flush()
            pending = None
    flush()
    if not summaries:
        messages.append(Diagnostic("warning", "table2-not-found", "no Arabic Table 2 summaries found"))
    for s in summaries:
        if not s.families:
            messages.append(Diagnostic("info", "table2-no-verb", "summary names no operative verb", s.loc))
    return Result(summaries, tuple(messages), frozenset(used))


def parse_overview(blocks: list[Block]) -> Result[Overview]:
    """The Arabic overview: Table 1 and Table 2. A document with no Arabic has none (and no finding)."""
    if not any(b.rtl for b in blocks):
        return Result(Overview((), ()))
    t1, t2 = parse_table1(blocks), parse_table2(blocks)
    return Result(Overview(tuple(t1.value), tuple(t2.value)), t1.messages + t2.messages, t1.consumed | t2.consumed)
