"""The data model: frozen dataclasses shared by every stage.

Readers produce `Block`s, parsers produce `Resolution`s; exporters turn a
`Document` into JSON or CSV. Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

T = TypeVar("T")

Level = Literal["error", "warning", "info"]
SectionKind = Literal["operative", "preambular", "mandate", "provisions"]


@dataclass(frozen=True, slots=True)
class Location:
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


@dataclass(frozen=True, slots=True)
class Footnote:
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of the input, body or table cell, in reading order."""

    text: str
    loc: Location
    style: str | None = None
    footnotes: tuple[Footnote, ...] = ()
    rtl: bool = False
    level: int | None = None  # list level from Word numbering, if any
    merged: bool = False  # a copy of a vertically merged cell's value: not new content

    @property
    def in_table(self) -> bool:
        return self.loc.table is not None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    level: Level
    code: str
    message: str
    loc: Location | None = None


@dataclass(frozen=True, slots=True)
class Result(Generic[T]):
    """A value plus the messages produced while computing it (after python-mammoth)."""

    value: T
    messages: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True, slots=True)
class Clause:
    label: str | None
    parent: str | None
    text: str
    verb: str | None
    bureaux: tuple[str, ...]
    with_bureaux: tuple[str, ...]
    assignee: str | None
    loc: Location


@dataclass(frozen=True, slots=True)
class Section:
    verb: str | None
    kind: SectionKind
    heading: str  # the phrase or heading exactly as written
    addressee: str | None
    bureaux: tuple[str, ...]
    with_bureaux: tuple[str, ...]
    assignee: str | None
    clauses: tuple[Clause, ...]
    loc: Location


@dataclass(frozen=True, slots=True)
class Resolution:
    key: str
    number: int | None
    status: str | None
    title_en: str | None
    title_ar: str | None
    summary_ar: str | None
    footnotes: tuple[Footnote, ...]
    intro: tuple[str, ...]
    sections: tuple[Section, ...]
    loc: Location


@dataclass(frozen=True, slots=True)
class SourceInfo:
    name: str
    format: Literal["docx", "text"]
    encoding: str | None
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class Document:
    source: SourceInfo
    resolutions: tuple[Resolution, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=())
