"""The data model: immutable records (typing.NamedTuple) shared by every stage.

Readers produce `Block`s, parsers produce `Resolution`s; exporters write a `Document` in the
output formats. Nothing here does I/O.

NamedTuple rather than frozen dataclasses: the same immutability and typed fields, but cheap to
define and to create (`dataclasses` costs some 45 ms of imports and class generation in every
process, and pipelines start one process per file).
"""

from typing import Generic, Literal, NamedTuple, TypeVar

T = TypeVar("T")

Level = Literal["error", "warning", "info"]
LEVELS = {"error": 0, "warning": 1, "info": 2}  # most serious first: a threshold keeps those <= it
SectionKind = Literal["operative", "preambular", "mandate", "provisions", "unknown"]


class Location(NamedTuple):
    """Where a block came from: a text line, or a docx body paragraph / table cell (all 1-based)."""

    line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None

    def as_dict(self) -> dict[str, int]:
        return {k: v for k in ("line", "table", "row", "cell", "paragraph") if (v := getattr(self, k)) is not None}

    def __str__(self) -> str:
        return " ".join(f"{k} {v}" for k, v in self.as_dict().items())


class Footnote(NamedTuple):
    id: str
    text: str


class Block(NamedTuple):
    """One paragraph of the input, body or table cell, in reading order."""

    text: str
    loc: Location
    style: str | None = None
    footnotes: tuple[Footnote, ...] = ()
    rtl: bool = False
    level: int | None = None  # list level from Word numbering, if any
    merged: bool = False  # a copy of a vertically merged cell's value: not new content
    label: str | None = None  # the label Word's automatic numbering shows ('a)', '1.1'); None if typed or none

    @property
    def in_table(self) -> bool:
        return self.loc.table is not None


class Diagnostic(NamedTuple):
    level: Level
    code: str
    message: str
    loc: Location | None = None
    resolution: str | None = None  # key of the resolution the finding is about, if any


class Result(NamedTuple, Generic[T]):
    """A value plus the messages produced while computing it (after python-mammoth), and for a
    parser, the locations of the blocks it consumed: coverage is computed from these values."""

    value: T
    messages: tuple[Diagnostic, ...] = ()
    consumed: frozenset[Location] = frozenset()


class Clause(NamedTuple):
    label: str | None
    parent: str | None
    text: str
    verb: str | None
    bureaux: tuple[str, ...]
    with_bureaux: tuple[str, ...]
    assignee: str | None
    loc: Location
    verb_ar: str | None = None  # in an Arabic text, the phrase as written (تكلف, وإذ تلاحظ); `verb` is its English
    reports_to: tuple[str, ...] = ()  # bodies an operative clause says to report to (data/reporting.json)

    @property
    def acting_bureaux(self) -> tuple[str, ...]:
        """Every Bureau that acts in the clause: the lead Bureaux, then the partners."""
        return self.bureaux + tuple(b for b in self.with_bureaux if b not in self.bureaux)


class Section(NamedTuple):
    verb: str | None
    kind: SectionKind
    heading: str  # the phrase or heading exactly as written
    addressee: str | None
    bureaux: tuple[str, ...]
    with_bureaux: tuple[str, ...]
    assignee: str | None
    clauses: tuple[Clause, ...]
    loc: Location


class Table1Row(NamedTuple):
    """A row of the Arabic Table 1 (status / number / title); None where the cell is missing."""

    status: str | None  # new / revised / unchanged / suppressed
    number: int | None
    not_yet_numbered: bool  # the number cell says 'to be determined'
    title: str | None
    loc: Location
    status_loc: Location | None = None


class Summary(NamedTuple):
    """A paragraph of the Arabic Table 2: one resolution summarised."""

    number: int | None
    new: bool
    title: str
    text: str
    verbs: tuple[str, ...]  # Arabic verbs as written, in order
    families: tuple[str, ...]  # their English families (instruct, invite, …)
    bureaux: tuple[str, ...]
    loc: Location


class Overview(NamedTuple):
    """The Arabic overview of a preparatory document: Table 1 rows and Table 2 summaries."""

    rows: tuple[Table1Row, ...]
    summaries: tuple[Summary, ...]


class Match(NamedTuple):
    """How one part of the Arabic overview was tied to an English resolution."""

    part: Literal["table1", "table2"]
    by: Literal["number", "title", "order"]
    confidence: float
    loc: Location


class Edition(NamedTuple):
    """Which assembly adopted (or revised) a resolution, where and when: from its header and preamble."""

    assembly: str | None  # WTSA, WTDC, PP, RA, WRC (data/identity.json)
    place: str | None
    year: int | None
    revised: bool


class Resolution(NamedTuple):
    key: str
    number: int | None
    header: str  # the header line as written: 'RESOLUTION 64 (Rev. Hammamet, 2016)'

    status: str | None
    title_en: str | None
    title_ar: str | None
    summary_ar: str | None
    footnotes: tuple[Footnote, ...]
    intro: tuple[str, ...]
    sections: tuple[Section, ...]
    loc: Location
    status_source: Literal["table1", "annex"] | None = None
    matches: tuple[Match, ...] = ()
    designation: str | None = None  # the identifier as written: '76', 'ITU-R 9-6', 'ACP-2'
    edition: Edition | None = None

    def bureaux_named(self) -> set[str]:
        """Every Bureau a clause addresses or names as a partner."""
        return {b for s in self.sections for c in s.clauses for b in (*c.bureaux, *c.with_bureaux)}


class SourceInfo(NamedTuple):
    name: str
    format: Literal["docx", "text"]
    encoding: str | None
    sha256: str
    size: int


class Coverage(NamedTuple):
    """Characters read (non-empty paragraphs and cells, footnotes) and where they went."""

    characters: int
    in_model: int
    in_diagnostics: int

    @property
    def ratio(self) -> float:
        return 1.0 if not self.characters else round((self.in_model + self.in_diagnostics) / self.characters, 6)


Language = Literal["en", "ar", "en+ar"]


class Document(NamedTuple):
    source: SourceInfo
    resolutions: tuple[Resolution, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    coverage: Coverage | None = None
    language: Language = "en"  # of the resolutions' text; en+ar: English resolutions with an Arabic overview

    # The Python API (api.py, docs/api.md): conversions, imported only when called.
    def to_dict(self) -> dict:
        """The JSON output as Python values (equal to json.loads of `wtsa-extract parse`)."""
        from wtsa_extract.api import to_dict

        return to_dict(self)

    def clauses(self):
        """The clause CSV's rows as dicts, in document order."""
        from wtsa_extract.api import clauses

        return clauses(self)

    def to_pandas(self):
        """The clause rows as a pandas DataFrame (needs pandas)."""
        from wtsa_extract.api import to_pandas

        return to_pandas(self)
