"""A cheap test before a regular expression: literals one of which every match must contain.

The glossary holds some two hundred English terms, each a small pattern, and the aligner looks for
all of them in every title; most titles name few. Likewise the thirty assignee patterns against
every clause. `Prefiltered` compiles a pattern only when a text
first holds one of its literals, and runs it only on such texts (measured in docs/performance.md).
The literals are read from the pattern's source with plain string scanning, conservatively: a
pattern not written in the simple form read here (see `required_literals`) gets none, and always
runs. tests/test_prefilter.py checks that a screen never hides a match."""

from __future__ import annotations

import re

_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")  # (?i), (?x)…: they change how the source reads
_ESCAPE_LENGTH = {"x": 2, "u": 4, "U": 8}  # \xhh, \uhhhh, \Uhhhhhhhh
_REPEAT = re.compile(r"\{\d*(?:,\d*)?\}")  # {m}, {m,n}, {,n}, {m,}: a '{' otherwise is a character


_STRUCTURE = re.compile(r"[\\\[()|]")  # what the bracket walk stops at: an escape, a class, ( ) |
_PLAIN_RUN = re.compile(r"[^\\{?*(\[.^$+]+")  # characters _requirements takes as they are


def _structure(source: str, i: int = 0):
    """(index, character) of each '(', ')' and '|' from `i` outside escapes and character classes;
    a last (index, None) when a class does not close. The text between is skipped by one regex
    search (in C): the walk runs over every vocabulary pattern in every process."""
    while (m := _STRUCTURE.search(source, i)) is not None:
        j = m.start()
        ch = source[j]
        if ch == "\\":
            i = j + 2
        elif ch == "[":
            i = _class_end(source, j)
            if i < 0:
                yield i, None
                return
        else:
            yield j, ch
            i = j + 1


def _top_level(source: str) -> list[str] | None:
    """The source split at its top-level '|'; None when brackets do not balance."""
    parts, depth, start = [], 0, 0
    for i, ch in _structure(source):
        if ch is None:
            return None
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
    return None if depth else [*parts, source[start:]]


def _class_end(source: str, i: int) -> int:
    """Index after the character class opening at `i`; -1 when it does not close."""
    j = i + 1
    if j < len(source) and source[j] == "^":
        j += 1
    if j < len(source) and source[j] == "]":
        j += 1  # a ']' first is a member
    while j < len(source):
        if source[j] == "\\":
            j += 2
        elif source[j] == "]":
            return j + 1
        else:
            j += 1
    return -1


def _group_end(source: str, i: int) -> int:
    """Index after the group opening at `i` (whose brackets _top_level found balanced)."""
    depth = 0
    for j, ch in _structure(source, i):
        if ch is None:
            break
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            return j + 1
    return len(source)


def _requirements(alternative: str) -> list[frozenset[str]]:
    """What every match of one alternative contains, as sets of literals one of which is there: a
    run of plain characters and escaped punctuation is a set of one; a group that must match
    (not followed by ?, * or {…}) gives the set of its alternatives' best requirements. A class,
    dot, anchor or escape class ends a run, and a character made optional by ?, * or {…} is left
    out of it."""
    found: list[frozenset[str]] = []
    run = ""

    def end_run() -> None:
        nonlocal run
        if run:
            found.append(frozenset({run}))
        run = ""

    i = 0
    while i < len(alternative):
        ch = alternative[i]
        if ch == "\\" and i + 1 < len(alternative):
            nxt = alternative[i + 1]
            if nxt.isalnum():  # \b, \s, \d, \u2011, \012, \1…: not a plain character
                end_run()
                i += 2 + _ESCAPE_LENGTH.get(nxt, 0)
                while nxt.isdigit() and i < len(alternative) and alternative[i].isdigit():
                    i += 1  # octal escapes and back-references run on over digits
                continue
            run += nxt
            i += 2
            continue
        if ch == "{" and not _REPEAT.match(alternative, i):
            return []  # a '{' that repeats nothing: not the plain form
        if ch in "?*{":
            run = run[:-1]  # the character before is optional (or repeated from none)
            end_run()
            i = alternative.find("}", i) + 1 if ch == "{" else i + 1
            continue
        if ch == "(":
            end_run()
            j = _group_end(alternative, i)
            optional = j < len(alternative) and alternative[j] in "?*{"
            inner = alternative[i + 1:j - 1]
            if inner.startswith("?:"):
                inner = inner[2:]
            elif inner.startswith("?P<"):
                inner = inner[inner.find(">") + 1:]
            elif inner.startswith("?"):  # lookaround, comment, back-reference: requires nothing here
                inner = None
            if inner is not None and not optional and (sub := _best(inner)) is not None:
                found.append(sub)
            i = j
            continue
        if ch in "[.^$+":
            end_run()
            if ch == "[":
                i = _class_end(alternative, i)
                if i < 0:
                    return []
            else:
                i += 1
            continue
        m = _PLAIN_RUN.match(alternative, i)  # this character and the plain ones after it
        if m is None:  # a backslash ending the source
            run += ch
            i += 1
        else:
            run += m.group()
            i = m.end()
    end_run()
    return found


def _best(source: str) -> frozenset[str] | None:
    """One literal per top-level alternative of `source` (the longest of its best requirement),
    so that every match holds one of them; None when some alternative requires no literal of two
    characters."""
    alternatives = _top_level(source)
    if alternatives is None:
        return None
    chosen = set()
    for alternative in alternatives:
        usable = [r for r in _requirements(alternative) if min(map(len, r)) >= 2]
        if not usable:
            return None
        chosen |= max(usable, key=lambda r: min(map(len, r)))  # rarest: its shortest literal longest
    return frozenset(chosen)


def required_literals(source: str, ignore_case: bool = False) -> frozenset[str] | None:
    """Literals one of which every match of `source` contains (case-folded when the pattern ignores
    case: `ignore_case`, or a leading (?i)); None when the source is not read here."""
    if source.startswith("(?i)"):
        source, ignore_case = source[4:], True
    if _INLINE_FLAGS.search(source):
        return None
    found = _best(source)
    if found is None:
        return None
    return frozenset(casefold(x) for x in found) if ignore_case else found


def casefold(text: str) -> str:
    """Case folding as re's IGNORECASE sees it: str.casefold, except that re takes dotless ı and
    dotted İ for i (casefold leaves ı, and makes İ an i followed by a combining dot)."""
    if "\u0130" in text:
        text = text.replace("\u0130", "i")
    text = text.casefold()
    return text.replace("\u0131", "i") if "\u0131" in text else text


class Prefiltered:
    """A pattern behind its literals test, compiled when first needed, with re.Pattern's search,
    finditer and sub."""

    __slots__ = ("source", "flags", "fold", "literals", "_pattern")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source, self.flags = source, flags
        # a plain bool: testing a re.RegexFlag (an enum) on every call cost more than the screen saves
        self.fold = bool(flags & re.IGNORECASE) or source.startswith("(?i)")
        # VERBOSE changes how the source reads (spaces, comments): no literals, the pattern always runs
        self.literals = None if flags & re.VERBOSE else required_literals(source, self.fold)
        self._pattern: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = re.compile(self.source, self.flags)
        return self._pattern

    def possible(self, text: str, folded: str | None = None) -> bool:
        """False only when no match can exist in `text` (`folded`: casefold(text), when the pattern
        ignores case and the caller has it already)."""
        if self.literals is None:
            return True
        if self.fold:
            text = folded if folded is not None else casefold(text)
        for literal in self.literals:  # a plain loop: cheaper than any() over a generator
            if literal in text:
                return True
        return False

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        return self.pattern.search(text) if self.possible(text, folded) else None

    def finditer(self, text: str, folded: str | None = None):
        return self.pattern.finditer(text) if self.possible(text, folded) else iter(())

    def sub(self, repl, text: str, count: int = 0) -> str:
        return self.pattern.sub(repl, text, count) if self.possible(text) else text
