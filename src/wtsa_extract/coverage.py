"""Nothing lost: every non-empty paragraph or cell is in the model or in an `unparsed` diagnostic."""

from __future__ import annotations

from wtsa_extract.model import Block, Coverage, Diagnostic, Location
from wtsa_extract.normalize import clean


def account(blocks: list[Block], used: frozenset[Location] | set[Location], footnotes_kept: set[str],
            noted: frozenset[Location] | set[Location] = frozenset()) -> tuple[Coverage, list[Diagnostic]]:
    """Report each block not in `used` as `unparsed` (with its first words) and count characters.
    Blocks in `noted` were already reported, with their whole text, by the parser that set them aside
    (page furniture, a proposal's apparatus): they count as in diagnostics, without a second note.

    Copies of merged cells are not new content and are not counted. A used block's footnotes count as
    in the model when their ids are in `footnotes_kept`; other footnotes are reported."""
    messages: list[Diagnostic] = []
    total = in_model = in_diagnostics = 0
    for b in blocks:
        if b.merged:
            continue
        text = clean(b.text)
        total += len(text)
        if text:
            if b.loc in used:
                in_model += len(text)
            else:
                in_diagnostics += len(text)
                if b.loc not in noted:
                    messages.append(Diagnostic("info", "unparsed", f"not part of the data: {_first_words(text)!r}",
                                               b.loc))
        for note in b.footnotes:
            size = len(clean(note.text))
            total += size
            if b.loc in used and note.id in footnotes_kept:
                in_model += size
            else:
                in_diagnostics += size
                messages.append(Diagnostic("info", "unparsed", f"footnote {note.id} not kept: "
                                           f"{_first_words(note.text)!r}", b.loc))
    return Coverage(total, in_model, in_diagnostics), messages


def _first_words(text: str, count: int = 8) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")
