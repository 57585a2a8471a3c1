"""What a document's paragraphs hold besides resolutions, set aside before they are read (the English
and the Arabic parser alike): page numbers, running headers, an extract's omission marks ('…',
'[...]', after which nothing goes on with the clause before), a proposal's apparatus; and the rule
for table-of-contents entries.

A page number is a line such as '- 12 -' (a bare number only outside tables: a table's cell may
hold a number). A running header is a short line that comes again and again (digits masked:
'PP-22 – Resolution 71'), mostly next to a page number, where a page break put it, and that reads as
no content: no final punctuation, no header, phrase or label (`is_content`), and in English text not
lower-case. The patterns are english.json's `page_mark` and `page_line`."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from wtsa_extract.model import Block, Diagnostic
from wtsa_extract.normalize import clean
from wtsa_extract.parse.identity import apparatus
from wtsa_extract.vocabulary import load

TOC_ENTRY_LINES = 4  # a table-of-contents entry: header, title (maybe two lines), page
_DIGITS = re.compile(r"\d+")
_OMISSION = re.compile(r"[\[(]?\s*(?:…+|(?:\.\s?){3,})\s*[\])]?$")  # '…', '...', '[...]': text an extract leaves out
SENTENCE_END = (".", ",", ";", ":", "،", "؛")  # a paragraph ending so is a sentence, not a header or title


def page_furniture(paras: list[Block], is_content: Callable[[Block], bool], arabic: bool = False) -> set[int]:
    """Indexes of `paras` that are page furniture. In an English document right-to-left paragraphs
    (its Arabic overview) are never furniture; in an Arabic one (`arabic`) any paragraph may be, and
    case says nothing."""
    page_mark, page_line = _page_patterns()
    eligible = [arabic or not b.rtl for b in paras]
    pages = {i for i, b in enumerate(paras) if eligible[i] and (text := clean(b.text))
             and (page_mark.match(text) or (not b.in_table and page_line.match(text)))}
    seen: dict[str, list[int]] = {}
    for i, b in enumerate(paras):
        text = clean(b.text)
        if text and len(text) <= 80 and eligible[i] and i not in pages and not text.endswith(SENTENCE_END) \
                and (arabic or text[0].isupper() or text[0].isdigit()):
            seen.setdefault(_DIGITS.sub("#", text), []).append(i)
    out = set(pages)
    for places in seen.values():
        if len(places) < 2:
            continue
        near = [i for i in places if _next_to_page(paras, i, pages)]
        if len(near) >= 2 and 2 * len(near) >= len(places) and not any(is_content(paras[i]) for i in places):
            out.update(places)
    return out


@cache
def _page_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load("english.json")  # the layout of resolution texts: page numbers are written alike in both languages
    return re.compile(data["page_mark"]), re.compile(data["page_line"])


def _next_to_page(paras: list[Block], i: int, pages: set[int]) -> bool:
    """Is paragraph `i` next to a page number, empty paragraphs aside?"""
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(paras) and not clean(paras[k].text):
            k += step
        if k in pages:
            return True
    return False


def contents_entry(seg: list[Block], base: str, later: int, following: Block | None, proposed: bool,
                   is_content: Callable[[Block], bool]) -> str | None:
    """Why a header with nothing under it is no resolution, or None. `seg` is the header and what
    follows it up to the next one; `is_content` says what a contents entry has not (a phrase, a
    labelled clause, the preamble line), asked of a short `seg` only. Its resolution (`base`) comes
    again `later` times: a table-of-contents entry; or another header (`following`) comes next in
    the same table: a row of a table of resolutions, unless a proposal's mark introduces it
    (`proposed`: a SUP proposal is a header and its title, nothing under them)."""
    if len(seg) > TOC_ENTRY_LINES or any(is_content(b) for b in seg[1:]):
        return None
    if base != "NEW" and later > 0:
        return "comes again later: read as a table-of-contents entry"
    if seg[0].in_table and following is not None and following.loc.table == seg[0].loc.table and not proposed:
        return "is followed by another in the same table: read as a row of a table of resolutions"
    return None


class SetAside(NamedTuple):
    indexes: set[int]  # paragraphs that are never clauses
    notes: list[Diagnostic]  # one per paragraph, with its text: never lost
    proposed: set[int]  # paragraphs right after a proposal's mark (ADD/MOD/SUP ACP/45A3/1)
    resumed: set  # locations of the paragraphs right after an omission: they go on with nothing before


def set_aside(paras: list[Block], is_content: Callable[[Block], bool], arabic: bool = False) -> SetAside:
    """Page furniture, an extract's omission marks ('…', '[...]') and a proposal's apparatus (its mark,
    its Reasons), with an info note each. In an English document right-to-left paragraphs are no
    apparatus."""
    indexes = page_furniture(paras, is_content, arabic)
    notes = [Diagnostic("info", "page-furniture", f"page number or running header: {clean(paras[i].text)!r}",
                        paras[i].loc) for i in sorted(indexes)]
    proposed: set[int] = set()
    resumed = set()
    for i, b in enumerate(paras):
        if i not in indexes and _OMISSION.match(clean(b.text)):
            indexes.add(i)
            notes.append(Diagnostic("info", "omission", f"text left out here by the document (an extract): "
                                    f"{clean(b.text)!r}", b.loc))
            if i + 1 < len(paras):
                resumed.add(paras[i + 1].loc)
            continue
        code = None if (b.rtl and not arabic) or i in indexes else apparatus(b.text)
        if code is not None:
            indexes.add(i)
            notes.append(Diagnostic("info", code, f"not a clause: {clean(b.text)!r}", b.loc))
            if code == "proposal-mark":
                proposed.add(i + 1)
    return SetAside(indexes, notes, proposed, resumed)
