"""Required substrings of a regular expression: a cheap test that rules a text out before the regex runs.

`needles(pattern)` returns a set of literal strings such that every match of `pattern` contains at
least one of them, or None when it cannot tell. `in` on a string is a C scan; a regex with many
alternatives starting at `\\b` tries them all at every position, so most paragraphs, which name
none of the vocabulary, are decided far faster. Read from the pattern's parse tree (re._parser)."""

from __future__ import annotations

import re
from re import _compiler, _parser
from re import _constants as c


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
                sub = _required(arg[-1])
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


class Screened:
    """A compiled pattern behind its needles test, with re.Pattern's search, finditer and sub."""

    __slots__ = ("pattern", "source", "needles", "fold")

    def __init__(self, source: str, flags: int = 0) -> None:
        parsed = _parser.parse(source, flags)  # parsed once, for the needles and for the compiler
        found = needles(parsed)
        self.pattern: re.Pattern[str] = _compiler.compile(parsed, flags)
        self.source = source
        self.fold = bool(self.pattern.flags & re.IGNORECASE)  # then needles and text are compared case-folded
        self.needles = frozenset(n.casefold() for n in found) if found and self.fold else found

    def possible(self, text: str, folded: str | None = None) -> bool:
        """False only when no match can exist in `text` (`folded`: its casefold(), if already made)."""
        if self.needles is None:
            return True
        if self.fold:
            text = folded if folded is not None else text.casefold()
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


def screened(pattern: str, flags: int = 0) -> Screened:
    return Screened(pattern, flags)
