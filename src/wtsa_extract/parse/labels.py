"""Clause labels: recognise `1`, `2bis`, `1.11.1`, `a)`, `b)bis`, `iv)`, `V)` and split glued clauses."""

from __future__ import annotations

import re
from typing import NamedTuple

_NUMERIC = r"\d{1,3}(?:bis|ter|quater)?(?:\.\d{1,3}(?:bis|ter)?){0,8}"  # bounded: linear on long lines
_PAREN = r"(?:[a-z]|[A-Z]|[ivxlc]{1,7}|[IVXLC]{1,7})\)(?:bis|ter)?"
# A label then a TAB; or a ')' label then a space; or a number then a space and a lower-case word.
LABEL = re.compile(
    rf"^\s*(?:(?P<a>{_NUMERIC}|{_PAREN})\.?\t+|(?P<b>{_PAREN})[ \u00a0]+(?=\S)|(?P<c>{_NUMERIC})[ \u00a0]+(?=[a-z]))"
)
_BULLET = re.compile(r"^\s*[\u2022\u2013\u2014\u2212\u25aa\u25cf\u00b7o\-]\t+")
# A label glued to the end of the previous clause: ';4<TAB>to provide'.
GLUED = re.compile(rf"(?<=[^\d\s][;:.,])[ \u00a0]*(?=(?:{_NUMERIC}|{_PAREN})\t)")
_ROMAN_ONLY = re.compile(r"^[ivxlc]+$", re.IGNORECASE)

RANK_NUMERIC, RANK_ALPHA, RANK_ROMAN = 0, 1, 2


class Labelled(NamedTuple):
    label: str | None
    text: str
    bullet: bool = False


def split_label(text: str) -> Labelled:
    """Separate a leading clause label (or bullet) from the text."""
    m = LABEL.match(text)
    if m:
        label = m.group("a") or m.group("b") or m.group("c")
        return Labelled(label, text[m.end():])
    b = _BULLET.match(text)
    if b:
        return Labelled(None, text[b.end():], bullet=True)
    return Labelled(None, text)


def split_glued(text: str) -> list[str]:
    """Split a paragraph holding several labelled clauses ('…devices;4<TAB>to provide …')."""
    lead = LABEL.match(text)
    offset = lead.end() if lead else 0
    if "\t" not in text[offset:]:  # a glued label is always followed by a TAB: most paragraphs end here
        return [text]
    cuts = [m.start() for m in GLUED.finditer(text, offset) if m.start() > offset]
    if not cuts:
        return [text]
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


class Hierarchy:
    """Tracks labels within a section to give each clause its parent label."""

    def __init__(self) -> None:
        self.numeric: str | None = None
        self.seen_numeric: set[str] = set()
        self.alpha: str | None = None
        self.roman: str | None = None
        self.last: str | None = None

    def rank(self, label: str) -> int:
        core = label.split(")")[0]
        if core[:1].isdigit():
            return RANK_NUMERIC
        if len(core) == 1 and core in "ivxIVX":
            prev = self.alpha.split(")")[0] if self.alpha else None
            if prev and len(prev) == 1 and ord(core) == ord(prev) + 1:
                return RANK_ALPHA
            return RANK_ROMAN
        if len(core) == 1:
            return RANK_ALPHA
        return RANK_ROMAN if _ROMAN_ONLY.match(core) else RANK_ALPHA

    def parent_of(self, label: str | None, nested: bool = False) -> str | None:
        """Parent of the next clause; updates the state. Unlabelled clauses have a parent only
        when `nested` (an indented list item in Word)."""
        if label is None:
            return self.last if nested else None
        rank = self.rank(label)
        if rank == RANK_NUMERIC:
            parent = None
            if "." in label:
                prefix = label.rsplit(".", 1)[0]
                parent = prefix if prefix in self.seen_numeric else None
            self.numeric, self.alpha, self.roman = label, None, None
            self.seen_numeric.add(label)
        elif rank == RANK_ALPHA:
            parent = self.numeric
            self.alpha, self.roman = label, None
        else:
            parent = self.alpha or self.numeric
            self.roman = label
        self.last = label
        return parent
