"""Required substrings of a regular expression: a cheap test that rules a text out before the regex runs.

`needles(pattern)` returns a set of literal strings such that every match of `pattern` contains at
least one of them, or None when it cannot tell. `in` on a string is a C scan; a regex with many
alternatives starting at `\\b` tries them all at every position, so most paragraphs, which name
none of the vocabulary, are decided far faster. Read from the pattern's parse tree (re._parser)."""

from __future__ import annotations

import re
from re import _constants as c
from re import _parser
from typing import NamedTuple


def needles(pattern: str | _parser.SubPattern) -> frozenset[str] | None:
    """Literals one of which every match contains; None when the pattern guarantees none."""
    found = _required(_parser.parse(pattern) if isinstance(pattern, str) else pattern)
    return frozenset(found) if found and all(found) else None


def _required(items) -> set[str] | None:
    candidates: list[set[str]] = []
    run = ""

    def flush() -> None:
        nonlocal run
        if run:
            candidates.append({run})
        run = ""

    for op, arg in items:
        if op is c.LITERAL:
            run += chr(arg)
        elif op is c.AT:
            continue  # zero-width: the literal run goes on
        else:
            flush()
            if op is c.SUBPATTERN:
                # A group that switches case-insensitivity on for itself, (?i:…), would need its
                # literals case-folded while the rest are not: it requires nothing here.
                sub = None if arg[1] & re.IGNORECASE else _required(arg[-1])
            elif op is c.BRANCH:
                alternatives = [_required(alt) for alt in arg[1]]
                sub = set().union(*alternatives) if all(alternatives) else None
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] >= 1:
                sub = _required(arg[2])
            else:
                sub = None
            if sub:
                candidates.append(sub)
    flush()
    # The best requirement is the one whose shortest literal is longest (rarest in text).
    return max(candidates, key=lambda s: min(map(len, s)), default=None)


def casefold(text: str) -> str:
    """Case folding as re's IGNORECASE sees it: str.casefold, except that re takes dotless ı and
    dotted İ for i (casefold leaves ı, and makes İ an i followed by a combining dot)."""
    if "\u0130" in text:
        text = text.replace("\u0130", "i")
    text = text.casefold()
    return text.replace("\u0131", "i") if "\u0131" in text else text


class Screened:
    """A compiled pattern behind its needles test, with re.Pattern's search, finditer and sub."""

    __slots__ = ("_pattern", "source", "flags", "needles", "fold")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source, self.flags = source, flags
        self._pattern: re.Pattern[str] | None = None
        parsed = _parser.parse(source, flags)
        self.fold = bool(parsed.state.flags & re.IGNORECASE)  # (inline (?i) too) then needles and text are compared case-folded
        found = needles(parsed)
        self.needles = frozenset(casefold(n) for n in found) if found and self.fold else found

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern, compiled when first needed: most vocabulary entries (the glossary's
        two hundred terms) never pass their screen in a given document, and compiling them all cost
        more than a document's whole alignment."""
        if self._pattern is None:
            self._pattern = re.compile(self.source, self.flags)
        return self._pattern

    def possible(self, text: str, folded: str | None = None) -> bool:
        """False only when no match can exist in `text` (`folded`: its casefold(), if already made)."""
        if self.needles is None:
            return True
        if self.fold:
            text = folded if folded is not None else casefold(text)
        for needle in self.needles:  # a plain loop: cheaper than any() over a generator
            if needle in text:
                return True
        return False

    def search(self, text: str, *args) -> re.Match[str] | None:
        return self.pattern.search(text, *args) if self.possible(text) else None

    def finditer(self, text: str, *args):
        return self.pattern.finditer(text, *args) if self.possible(text) else iter(())

    def sub(self, repl, text: str, count: int = 0) -> str:
        return self.pattern.sub(repl, text, count) if self.possible(text) else text


class Hit(NamedTuple):
    """A match of `Literals`: where, and the name of the group whose literal it is."""

    begin: int
    stop: int
    lastgroup: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop


class Literals:
    """`(?P<A>x|y)|(?P<B>z)|…` made of plain literals, matched with str.find (C scans) instead of a
    regex that tries every alternative at every position. Same matches as re's finditer: leftmost
    first; at one position the first alternative in order; no overlaps."""

    def __init__(self, groups: dict[str, list[str]]) -> None:
        self.alternatives = tuple((lit, name) for name, lits in groups.items() for lit in lits)
        if not all(lit for lit, _ in self.alternatives):
            raise ValueError("an empty literal would match everywhere")

    def pattern(self) -> str:
        """The equivalent regular expression (for tests)."""
        groups: dict[str, list[str]] = {}
        for lit, name in self.alternatives:
            groups.setdefault(name, []).append(re.escape(lit))
        return "|".join(f"(?P<{name}>{'|'.join(lits)})" for name, lits in groups.items())

    def finditer(self, text: str):
        hits = []
        for order, (lit, name) in enumerate(self.alternatives):
            pos = text.find(lit)
            while pos >= 0:
                hits.append((pos, order, pos + len(lit), name))
                pos = text.find(lit, pos + 1)
        hits.sort()
        end = 0
        for pos, _order, stop, name in hits:
            if pos >= end:
                yield Hit(pos, stop, name)
                end = stop


def case_blind(pattern: str) -> bool:
    """True when searching lowered ASCII text case-sensitively finds exactly what searching the text
    with IGNORECASE finds: no upper-case letter anywhere, no character range holding a letter, no
    back-reference or scoped flag (checked on the parse tree, not the source's spelling)."""
    return _case_blind(_parser.parse(pattern))


def _case_blind(items) -> bool:
    for op, arg in items:
        if op in (c.LITERAL, c.NOT_LITERAL):
            if chr(arg).lower() != chr(arg) or not chr(arg).isascii():
                return False
        elif op is c.IN:
            for item_op, item in arg:
                if item_op is c.RANGE and any(chr(x).isalpha() for x in range(item[0], item[1] + 1)):
                    return False
                if item_op is c.LITERAL and (chr(item).lower() != chr(item) or not chr(item).isascii()):
                    return False
                if item_op not in (c.LITERAL, c.RANGE, c.NEGATE, c.CATEGORY):
                    return False
        elif op is c.SUBPATTERN:
            if arg[1] or arg[2] or not _case_blind(arg[-1]):
                return False
        elif op is c.BRANCH:
            if not all(_case_blind(alt) for alt in arg[1]):
                return False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if not _case_blind(arg[2]):
                return False
        elif op in (c.ASSERT, c.ASSERT_NOT):
            if not _case_blind(arg[1]):
                return False
        elif op not in (c.AT, c.ANY):
            return False
    return True
