"""Clause labels: recognise every ITU/UN label convention, split glued clauses, and give each
clause its parent.

Conventions (data/labels.json): a counter — decimal, Arabic-Indic digits, a letter, a Roman numeral,
or outline decimals `1.1.1` — in a form `x)`, `(x)`, `x.` or bare (or UN Arabic's `’1‘` for `(i)`), with an optional ordinal suffix
(`1bis`, `1 bis`, `c bis)`, `b)bis`), then a TAB, or a space where the form cannot be running text.
Dashes and bullets open an unlabelled item. A label is written as found, less one trailing '.'.
"""

import re
from functools import cache, lru_cache
from typing import NamedTuple

from wtsa_extract.normalize import ARABIC_LETTER
from wtsa_extract.vocabulary import load


class Labelled(NamedTuple):
    label: str | None
    text: str
    bullet: bool = False
    spaced_number: bool = False  # a bare number then a space ('1 to …'): a label only in sequence


class _Grammar(NamedTuple):
    suffix: re.Pattern[str]  # an ordinal suffix at the end of a counter
    label: re.Pattern[str]
    bullet: re.Pattern[str]
    glued: re.Pattern[str]
    not_after_bare: frozenset[str]
    max_bare: int


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


@cache
def grammar() -> _Grammar:
    data = load("labels.json")
    suffix = "(?:" + "|".join(data["suffixes"]) + ")"
    sfx = rf"(?:[ \u00a0]?{suffix})?"
    number = r"(?:\d{1,3}|[٠-٩]{1,3})"
    counter = rf"(?:{number}|[ivxlcIVXLC]{{2,6}}|[a-zA-Z]|هـ|[{data['arabic_letters']}])"
    outline = rf"\d{{1,3}}{sfx}(?:\.\d{{1,3}}{sfx}){{1,8}}"
    # Forms, most specific first. Each alternative names its own group so the terminator rule knows it.
    forms = (
        rf"(?P<quoted>’{number}‘|‘{number}’)"  # UN Arabic for (i), (ii): ’1‘, shown right to left as ‘1’
        rf"|(?P<paren>\({counter}{sfx}\))"
        rf"|(?P<close>{counter}{sfx}\)(?:[ \u00a0]?{suffix})?)"
        rf"|(?P<outline>{outline})\.?"
        rf"|(?P<dot>{counter}{sfx})\."
        rf"|(?P<bare>{number}{sfx})"
    )
    # the end: a TAB (spaces typed before it are a slip, as in ITU's own files: '5.5 <TAB>The Director'),
    # or spaces before the text
    label = re.compile(rf"^[ \u00a0]*(?:{forms})(?P<end>[ \u00a0]*\t+|[ \u00a0]+(?=\S))")
    bullets = "".join(re.escape(b) for b in data["bullets"]) + "".join(f"{low}-{high}" for low, high in data["symbol_font_bullets"])
    bullet = re.compile(rf"^[ \u00a0]*[{bullets}](?:\t+|[ \u00a0]+(?=\S))")
    glued = re.compile(rf"(?<=[^\d\s][;:.,])[ \u00a0]*(?=(?:{outline}|{number}{sfx}|{counter}{sfx}\)|\({counter}{sfx}\))\t)")
    return _Grammar(re.compile(rf"[ \u00a0]?{suffix}$"), label, bullet, glued, frozenset(w.lower() for w in data["not_after_bare_number"]),
                    data["max_bare_number"])


def _bare_ok(label: str, rest: str) -> bool:
    """Is a bare number followed by a space a label? Not '10 per cent of…', '2022 was…'."""
    g = grammar()
    digits = re.match(r"\d+", label.translate(_DIGITS))
    if digits is None or int(digits.group(0)) > g.max_bare:
        return False
    words = rest.split(None, 2)
    if not words or not (words[0][:1].islower() or ARABIC_LETTER.match(words[0])):
        return False
    first = words[0].rstrip(",;:.").lower()
    two = " ".join(words[:2]).lower()
    return first not in g.not_after_bare and two not in g.not_after_bare


def _outline_ok(label: str, rest: str) -> bool:
    """Is '1.1' followed by a space a label? Not '2.5 GHz band'; '2.3.1 Member States' is (two dots
    make no quantity; an address such as '10.0.0.1' has zeros, which outline numbers never have)."""
    words = rest.split(None, 1)
    if not words or not words[0][:1].isalpha():
        return False
    parts = label.split(".")
    counted = len(parts) >= 3 and all(p[:1] not in ("0", "") for p in parts)  # not '10.0.0.1'
    return counted or words[0].rstrip(",;:.").lower() not in grammar().not_after_bare


def _normal(label: str) -> str:
    return " ".join(label.replace("\u00a0", " ").split())


@lru_cache(maxsize=8192)  # the parser asks about one paragraph several times (section start, title, phrase…)
def split_label(text: str) -> Labelled:
    """Separate a leading clause label (or bullet) from the text."""
    g = grammar()
    m = g.label.match(text)
    if m:
        kind = m.lastgroup if m.lastgroup != "end" else next(k for k in ("quoted", "paren", "close", "outline", "dot", "bare")
                                                           if m.group(k))
        found = m.group(kind)
        rest = text[m.end():]
        space = "\t" not in m.group("end")
        if not (space and kind == "bare" and not _bare_ok(found, rest)) \
                and not (space and kind == "outline" and not _outline_ok(found, rest)) \
                and not (space and kind == "quoted" and not ARABIC_LETTER.match(rest)):  # ‘3’ should read ‘4’
            return Labelled(_normal(found), rest, spaced_number=space and kind == "bare")
    b = g.bullet.match(text)
    if b:
        return Labelled(None, text[b.end():], bullet=True)
    return Labelled(None, text)


def split_glued(text: str) -> list[str]:
    """Split a paragraph holding several labelled clauses ('…devices;4<TAB>to provide …')."""
    lead = grammar().label.match(text)
    offset = lead.end() if lead else 0
    if "\t" not in text[offset:]:  # a glued label is always followed by a TAB: most paragraphs end here
        return [text]
    cuts = [m.start() for m in grammar().glued.finditer(text, offset) if m.start() > offset]
    if not cuts:
        return [text]
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


# --- the hierarchy ------------------------------------------------------------------------------------

_ROMAN = re.compile(r"^(?:[ivxlc]+|[IVXLC]+)$")


class _Scheme(NamedTuple):
    kind: str  # outline / decimal / lower-letter / upper-letter / lower-roman / upper-roman
    form: str  # '(x)', 'x)', 'x.', 'x'
    depth: int = 1


def _core(label: str) -> tuple[str, str]:
    """(counter, form) of a label: '(a)' -> ('a', '(x)'); 'b)bis' -> ('b', 'x)'); '1.2' -> ('1.2', 'x')."""
    core = label.strip()
    if core[:1] in "’‘":
        form, core = "’x‘", core.strip("’‘")
    elif core.startswith("("):
        form, core = "(x)", core.strip("()")
    elif ")" in core:
        form, core = "x)", core.split(")")[0]
    else:
        form = "x"
    core = grammar().suffix.sub("", core) or core
    core = core.split(" ")[0]
    return core.translate(_DIGITS), form


def _letter_before(a: str, b: str) -> bool:
    return len(a) == 1 and len(b) == 1 and ord(b) == ord(a) + 1


class Hierarchy:
    """The labels seen so far in one section, to give each clause its parent: a stack of open list
    schemes for typed labels (a scheme seen again closes those opened after it), outline numbers by
    their prefix, and Word's list levels by level."""

    def __init__(self) -> None:
        self.stack: list[tuple[_Scheme, str, str]] = []  # (scheme, label, counter)
        self.seen_outline: set[str] = set()
        self.levels: dict[int, str] = {}  # Word list level -> its last label

    def scheme(self, label: str) -> _Scheme:
        core, form = _core(label)
        if core[:1].isdigit():
            if form == "x":  # '1', '1.', '1.1': outline numbering, nested by depth
                return _Scheme("outline", form, core.count(".") + 1)
            return _Scheme("decimal", form)
        upper = core[:1].isupper()
        letter = _Scheme("upper-letter" if upper else "lower-letter", form)
        roman = _Scheme("upper-roman" if upper else "lower-roman", form)
        if len(core) > 1:
            return roman if _ROMAN.match(core) else letter
        if core.lower() not in "ivx":
            return letter
        for s, _, counter in reversed(self.stack):
            if s == letter and _letter_before(counter, core):
                return letter  # 'i)' after 'h)'
            if s == roman:
                return roman
        return roman

    def top(self) -> str | None:
        return self.stack[-1][1] if self.stack else None

    def parent_of(self, label: str | None, nested: bool = False, level: int | None = None) -> str | None:
        """Parent of the next clause; updates the state. `level` is Word's list level for a clause
        numbered (or bulleted) by Word. Unlabelled clauses have a parent only when `nested`."""
        if level is not None:  # Word's list: the item of the level above; else as a typed label would be
            parent = next((self.levels[k] for k in sorted(self.levels, reverse=True) if k < level), None)
            for k in [k for k in self.levels if k >= level]:
                del self.levels[k]
            if label is not None:
                self.levels[level] = label
            if parent is not None:
                return parent
            if label is None:
                return self.top()
            return self._typed(label)
        if label is None:
            return self.top() if nested else None
        return self._typed(label)

    def _typed(self, label: str) -> str | None:
        scheme = self.scheme(label)
        core, _ = _core(label)
        if scheme.kind == "outline":
            while self.stack and not (self.stack[-1][0].kind == "outline" and self.stack[-1][0].depth < scheme.depth):
                self.stack.pop()
            prefix = label.rsplit(".", 1)[0] if "." in label else None
            parent = prefix if prefix in self.seen_outline else None
            self.seen_outline.add(label)
        else:
            same = next((i for i, (s, _, _) in enumerate(self.stack) if s == scheme), None)
            if same is not None:
                del self.stack[same:]
            parent = self.top()
        self.stack.append((scheme, label, core))
        return parent
