"""English parser: blocks -> resolutions, sections and clauses with who must act.

A resolution starts at a header paragraph (parse/identity.py: `RESOLUTION 76 (Rev. Geneva, 2022)`,
`RESOLUTION ITU-R 9-6`, `DRAFT NEW RESOLUTION [ACP-2]`, ITU's `ResNo` style…); its title follows,
then the preamble line and the sections. A section starts at a paragraph that opens with an
operative or preambular phrase (data/phrases.json), whatever follows it, at a study-group mandate
(`ITU-T SG 13`) or at a heading of rules (`SECTION 1`). An addressed phrase's addressee may follow
on the same paragraph, on the next one, or span two. Everything that cannot be placed with
confidence becomes a diagnostic with its location.
"""

from __future__ import annotations

import re
from collections import Counter

from wtsa_extract.model import Block, Clause, Diagnostic, Edition, Footnote, Location, Resolution, Result, Section
from wtsa_extract.normalize import clean, fold
from wtsa_extract.parse import actors as act
from wtsa_extract.parse import identity as ident
from wtsa_extract.parse.labels import Hierarchy, split_glued, split_label
from wtsa_extract.vocabulary import phrases

HEADER_STYLES = ident.HEADER_STYLES
TITLE_STYLES = {"Restitle", "Res_title", "ResTitle"}
SECTION_STYLES = {"SectionNo", "Section_No", "AppendixNo", "Appendix_No", "AnnexNo", "Annex_No"}
SECTION_TITLE_STYLES = {"Sectiontitle", "Section_title", "Appendixtitle", "Appendix_title", "Annextitle", "Annex_title"}
CALL_STYLES = {"Call"}
TOC_STYLE = re.compile(r"^toc\s*\d|^TOC", re.IGNORECASE)
NESTED_STYLES = re.compile(r"^enumlev\d", re.IGNORECASE)
MANDATE = re.compile(r"^(?:ITU-[TDR]\s+)?(?:SG|Study\s+Group)\s*\d{1,2}$")
RULES_HEADING = re.compile(r"^(?:SECTION|Section|ANNEX|Annex|APPENDIX|Appendix)\s+[0-9A-Z][0-9A-Za-z]*\b")
SUSPECT_MARK = re.compile(r"\b[a-z]{4,}[1-9]\b(?![-/.]\d)")
REFERENCE_LINE = re.compile(r"^\((?P<inner>[^()]{3,200})\)$")  # '(Geneva, 2022)', '(Kyoto, 1994; Busan, 2014)'
PAGE_LINE = re.compile(r"^[-–—\s]*\d{1,4}[-–—\s]*$")  # '- 12 -', '12'
PAGE_MARK = re.compile(r"^[-–—]\s*\d{1,4}\s*[-–—]$")  # '- 12 -'
UNREAD_HEADER = re.compile(r"^(?:DRAFT\s+|NEW\s+)*RESOLUTION\b(?!S)")
# A phrase followed by one of these words is a noun, not a phrase: 'Requests for assistance shall…'.
NOUN_AFTER = frozenset("for from of made are is was were shall should must will received submitted".split())
TOC_ENTRY_LINES = 4  # a table-of-contents entry: header, title (maybe two lines), page
NO_ACTOR_OK = {"resolves", "resolves further", "decides", "decides further"}


class _Start:
    """How a section opens (a plain class: `heading` grows when a rules title follows)."""

    __slots__ = ("kind", "verb", "heading", "rest", "variant", "addressed")

    def __init__(self, kind: str, verb: str | None, heading: str, rest: str = "", variant: str | None = None,
                 addressed: bool = False) -> None:
        self.kind, self.verb, self.heading, self.variant, self.addressed = kind, verb, heading, variant, addressed
        self.rest = rest  # what follows the phrase on its paragraph


class _SectionBuilder:
    __slots__ = ("start", "loc", "addressee", "clauses", "hierarchy", "open_addressee")

    def __init__(self, start: _Start, loc: Location) -> None:
        self.start, self.loc = start, loc
        self.addressee: str | None = None
        self.open_addressee = False  # the addressee ended with ',' : the next paragraph may continue it
        self.clauses: list[tuple[str | None, str | None, str, Location]] = []  # label, parent, text, loc
        self.hierarchy = Hierarchy()


def read_header(block: Block) -> ident.Header | None:
    """The header `block` is, or None."""
    if block.rtl or not ident.looks_like_header(block.text, block.style) or _is_toc(block):
        return None
    return ident.read_header(block.text)


def header_number(block: Block) -> tuple[bool, int | None] | None:
    """(is new, number) if `block` is a resolution header, else None."""
    header = read_header(block)
    return None if header is None else (header.new, header.number)


def _is_toc(block: Block) -> bool:
    return bool(block.style and TOC_STYLE.match(block.style))


def _unreadable_header(block: Block) -> bool:
    """A paragraph that claims to be a header (ResNo style, or RESOLUTION in capitals opening a short
    line) but cannot be read as one."""
    if block.rtl or _is_toc(block) or "\t" in block.text.strip():
        return False
    text = clean(block.text)
    if not text or len(text) > 120:
        return False
    return block.style in HEADER_STYLES or bool(UNREAD_HEADER.match(text))


def _labelled(block: Block) -> bool:
    return block.label is not None or split_label(block.text).label is not None


def section_start(block: Block) -> _Start | None:
    """What kind of section `block` opens, if any."""
    text = clean(block.text)
    if not text or _labelled(block):
        return None
    folded = fold(text)
    if MANDATE.match(folded):
        return _Start("mandate", None, text)
    if block.style in SECTION_STYLES or (block.style is None and RULES_HEADING.match(folded) and len(text) < 120):
        return _Start("provisions", None, text)
    m = phrases().match(folded)
    if m is None:
        if block.style in CALL_STYLES and len(text) < 80:
            return _Start("unknown", None, text)
        return None
    variant, phrase, end = m
    rest = text[end:].strip(" ,:;")
    following = rest.split(None, 1)[0].lower() if rest else ""
    if following in NOUN_AFTER and block.style not in CALL_STYLES:
        return None
    return _Start(phrase.kind, phrase.phrase, text, rest, variant, phrase.addressed)


def _extension(verb: str, text: str) -> tuple[str, str] | None:
    """('resolves to instruct', remainder) when `text` starts with an extension of `verb`."""
    folded = fold(text).lower()
    for key, extended in phrases().extensions.get(verb, {}).items():
        if folded.startswith(key + " ") or folded == key or folded.startswith(key + ","):
            return extended, text[len(key):].strip(" ,:")
    return None


def _clause_like(text: str) -> bool:
    """Text that reads as a clause, not an addressee: 'to …', 'that …'."""
    return fold(text).lower().startswith(("to ", "that ", "in order to "))


LIKELY_PHRASE = re.compile(r"^[a-z]+(?: [a-z]+){0,3}$")


def _bare_phrase(block: Block, following: Block | None, current: _SectionBuilder | None) -> bool:
    """A short lower-case line with no punctuation, between a finished clause (or the preamble) and
    a labelled or 'that …'/'to …' clause, the way ITU writes a phrase: one not in the vocabulary
    ('solemnly declares') rather than text to attach, unannounced, to the section before."""
    text = clean(block.text)
    if following is None or not LIKELY_PHRASE.match(text) or _labelled(block):
        return False
    if current is not None and current.start.kind == "operative" and not current.clauses:
        return False  # an addressee ('administrations') right after its phrase
    if current is not None and current.clauses and not current.clauses[-1][2].rstrip().endswith((";", ".", ",")):
        return False
    return _labelled(following) or _clause_like(clean(following.text))


def _subject(text: str) -> bool:
    """'that ITU regional offices' before items that complete it ('1 be engaged …'): the subject of
    a phrase that speaks to nobody (resolves further), read as its addressee."""
    if not fold(text).lower().startswith("that ") or len(text) > 150:
        return False
    return act.is_addressee_start(text[5:]) and not act.split_addressee(text)[1]


def _masked(text: str) -> str:
    return DIGITS.sub("#", text)


DIGITS = re.compile(r"\d+")


def _furniture(paras: list[Block]) -> set[int]:
    """Indexes of page furniture: page numbers ('- 12 -'; a bare number only outside tables) and
    running headers: a short line that comes again and again (digits masked: 'PP-22 – Resolution 71'),
    mostly next to a page number, where a page break put it."""
    pages = {i for i, b in enumerate(paras) if not b.rtl and (text := clean(b.text))
             and (PAGE_MARK.match(text) or (not b.in_table and PAGE_LINE.match(text)))}
    seen: dict[str, list[int]] = {}
    for i, b in enumerate(paras):
        text = clean(b.text)
        if text and len(text) <= 80 and not b.rtl and i not in pages:
            seen.setdefault(_masked(text), []).append(i)
    out = set(pages)
    for places in seen.values():
        if len(places) < 2:
            continue
        near = [i for i in places if _next_to_page(paras, i, pages)]
        if len(near) >= 2 and 2 * len(near) >= len(places):
            b = paras[places[0]]
            if read_header(b) is None and section_start(b) is None and not _labelled(b):
                out.update(places)
    return out


def _next_to_page(paras: list[Block], i: int, pages: set[int]) -> bool:
    """Is paragraph `i` next to a page number, empty paragraphs aside?"""
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(paras) and not clean(paras[k].text):
            k += step
        if k in pages:
            return True
    return False


class _Parser:
    def __init__(self, sector: str | None) -> None:
        self.messages: list[Diagnostic] = []
        self.used: set[Location] = set()  # locations of the blocks that went into the model
        self.default_sector = sector
        self.sector: str | None = sector

    def warn(self, code: str, message: str, loc: Location | None, level: str = "warning", key: str | None = None) -> None:
        self.messages.append(Diagnostic(level, code, message, loc, key))

    def resolution(self, blocks: list[Block], key: str, header: ident.Header | None) -> Resolution:
        head = blocks[0]
        footnotes: dict[str, Footnote] = {}
        for b in blocks:
            for note in b.footnotes:
                footnotes.setdefault(note.id, note)
        body = [b for b in blocks[1:] if clean(b.text) and not b.rtl]  # Arabic is the overview's business
        self.used.add(head.loc)
        self.used.update(b.loc for b in body)
        edition = header.edition if header else None
        i = 0
        intro: list[str] = []
        # A reference line right after the header: '(Rev. Geneva, 2022)' or the edition history.
        if i < len(body) and REFERENCE_LINE.match(clean(body[i].text)) and body[i].style not in TITLE_STYLES:
            if edition is None:
                edition = ident.read_edition(REFERENCE_LINE.match(clean(body[i].text)).group("inner"))
            intro.append(clean(body[i].text))
            i += 1
        title_parts: list[str] = []
        if i < len(body) and body[i].style in TITLE_STYLES:
            while i < len(body) and body[i].style in TITLE_STYLES:
                title_parts.append(body[i].text)
                i += 1
        elif i < len(body) and section_start(body[i]) is None and not _labelled(body[i]) \
                and ident.read_preamble(body[i].text) is None:
            title_parts.append(body[i].text)
            i += 1
        title = clean(" ".join(title_parts)) or None
        if title is None:
            self.warn("missing-title", f"{key}: no title after the resolution header", head.loc, key=key)
        elif SUSPECT_MARK.search(fold(title)):
            self.warn("footnote-mark-suspected", f"{key}: title has a word glued to a digit "
                      f"({SUSPECT_MARK.search(fold(title)).group(0)!r}); a footnote mark lost by the converter?",
                      head.loc, "info", key)
        sections: list[_SectionBuilder] = []
        current: _SectionBuilder | None = None
        rest = body[i:]
        # The assembly (preamble line) decides whose study groups 'Study Group 5' means: read it first.
        for b in rest:
            if section_start(b) is not None:
                break
            preamble = ident.read_preamble(b.text)
            if preamble is not None:
                edition = ident.with_preamble(edition, preamble)
                break
        self.sector = ident.sector_of(edition.assembly if edition else None) or self.default_sector
        for n, b in enumerate(rest):
            start = section_start(b)
            if start is None and _bare_phrase(b, rest[n + 1] if n + 1 < len(rest) else None, current):
                start = _Start("unknown", None, clean(b.text))
            if start is not None and not (start.kind == "provisions" and current is not None
                                          and current.start.kind == "provisions" and not current.clauses
                                          and b.style in SECTION_TITLE_STYLES):
                current = _SectionBuilder(start, b.loc)
                sections.append(current)
                if start.kind == "unknown":
                    self.warn("unknown-phrase", f"{key}: {start.heading!r} reads as an operative or preambular phrase "
                              "that is not in the vocabulary; its clauses are kept under it with no verb", b.loc, key=key)
                elif start.variant and " ".join(start.variant.lower().split()) != start.verb:
                    self.warn("phrase-normalised", f"{key}: phrase {start.variant!r} read as {start.verb!r}", b.loc,
                              "info", key)
                self._open(current)
                continue
            if current is None:
                text = clean(b.text)
                if _labelled(b):
                    self.warn("clause-outside-section", f"{key}: a labelled paragraph before any operative or "
                              f"preambular phrase is kept in the intro: {text[:60]!r}", b.loc, key=key)
                intro.append(_with_label(b))
                continue
            if current.start.kind == "provisions" and not current.clauses and _provisions_title(b):
                current.start.heading = f"{current.start.heading} – {clean(b.text)}"
                continue
            self._line(current, b)
        if not sections:
            self.warn("no-sections", f"{key}: no operative or preambular phrase found", head.loc, key=key)
        return Resolution(
            key=key, number=header.number if header else None, header=clean(head.text), status=None, title_en=title,
            title_ar=None, summary_ar=None, footnotes=tuple(footnotes.values()), intro=tuple(intro),
            sections=tuple(self._finish(key, s) for s in sections), loc=head.loc,
            designation=header.designation if header else None, edition=edition,
        )

    def _open(self, builder: _SectionBuilder) -> None:
        start = builder.start
        if start.kind == "mandate":
            builder.addressee = start.heading
            return
        rest = start.rest
        if not rest:
            return
        ext = _extension(start.verb or "", rest) if start.kind == "operative" else None
        if ext:
            start.verb, rest = ext
            start.addressed = True
        if not rest:
            return
        if start.kind == "operative" and ((start.addressed and not _clause_like(rest)) or _subject(rest)):
            self._take_addressee(builder, rest, builder.loc)
            return
        if start.heading.endswith(rest):  # the heading is the phrase; what follows it is a clause
            start.heading = clean(start.heading[: len(start.heading) - len(rest)])
        builder.clauses.append((None, None, rest, builder.loc))

    def _take_addressee(self, builder: _SectionBuilder, text: str, loc: Location) -> None:
        """Record (or continue) the addressee at the start of `text`; what follows it is a clause."""
        addressee, remainder = act.split_addressee(text)
        if addressee.lower().startswith("that "):
            addressee = addressee[5:]
        builder.addressee = f"{builder.addressee}, {addressee}" if builder.addressee else addressee
        builder.open_addressee = not remainder
        if remainder:
            builder.clauses.append((None, None, remainder, loc))

    def _line(self, builder: _SectionBuilder, block: Block) -> None:
        start = builder.start
        if block.label is not None:  # Word numbering: the label is structure, the text is all clause
            pieces = [block.text]
        else:
            pieces = split_glued(block.text)
            if len(pieces) > 1:
                self.warn("glued-clauses", f"{len(pieces)} clauses were glued in one paragraph; split", block.loc, "info")
        for piece in pieces:
            labelled = split_label(piece) if block.label is None else None
            label = block.label if labelled is None else labelled.label
            text = clean(piece if labelled is None else labelled.text)
            if not text:
                continue
            if start.kind == "operative" and label is None and block.level is None and not builder.clauses:
                if builder.addressee is None:
                    ext = _extension(start.verb or "", text)
                    if ext:
                        start.verb, text = ext
                        start.addressed = True
                    if text and ((start.addressed and not _clause_like(text)) or _subject(text)):
                        self._take_addressee(builder, text, block.loc)
                        continue
                elif builder.open_addressee and not _clause_like(text) \
                        and (act.starts_with_cue(text) or fold(text).startswith("and ")):
                    self._take_addressee(builder, text.lstrip(" ,"), block.loc)
                    continue
                if not text:
                    continue
            builder.open_addressee = False
            bullet = labelled is not None and labelled.bullet
            nested = bullet or bool(block.style and NESTED_STYLES.match(block.style))
            parent = builder.hierarchy.parent_of(label, nested, block.level)
            builder.clauses.append((label, parent, text, block.loc))

    def _finish(self, key: str, builder: _SectionBuilder) -> Section:
        start = builder.start
        if start.kind == "operative" and builder.addressee:
            section_actors = act.actors_of_addressee(builder.addressee, self.sector)
            if section_actors.unresolved_other:
                self.warn("other-bureaux-unresolved", f"{key}: 'the other Bureaux' with no lead Bureau in "
                          f"{builder.addressee!r}", builder.loc, key=key)
            if not section_actors.bureaux and not section_actors.assignee:
                self.warn("addressee-unresolved", f"{key}: nobody recognised in the addressee "
                          f"{builder.addressee!r} of {start.verb!r}", builder.loc, key=key)
        elif start.kind == "mandate":
            section_actors = act.Actors((), (), "; ".join(act.assignee_names(start.heading, self.sector)) or None)
        else:
            section_actors = act.NOBODY
        clauses = []
        # Partners named by a clause ending in ':' hold for the items it introduces: its children, or
        # (an unlabelled lead-in) the top-level items after it.
        carried: dict[str | None, tuple[str, ...]] = {}
        for label, parent, text, loc in builder.clauses:
            clause_actors = self._clause_actors(start, section_actors, text)
            if parent in carried and (parent is not None or label is not None):
                clause_actors = act.Actors(clause_actors.bureaux,
                                           act.order(set(clause_actors.with_bureaux) | set(carried[parent])),
                                           clause_actors.assignee)
            if label is None and parent is None:
                carried.pop(None, None)
            if text.rstrip().endswith(":") and (label is not None or parent is None):
                carried[label] = clause_actors.with_bureaux
            if start.kind == "operative" and start.verb not in NO_ACTOR_OK and not clause_actors.bureaux \
                    and not clause_actors.assignee and start.addressed:
                self.warn("no-actor", f"{key}: clause {label or '(unlabelled)'} under {start.verb!r} names nobody to act",
                          loc, key=key)
            clauses.append(Clause(label, parent, text, start.verb, clause_actors.bureaux, clause_actors.with_bureaux,
                                  clause_actors.assignee, loc))
        if not clauses:
            self.warn("empty-section", f"{key}: {start.heading!r} has no clause", builder.loc, key=key)
        return Section(start.verb, start.kind, start.heading, builder.addressee, section_actors.bureaux,
                       section_actors.with_bureaux, section_actors.assignee, tuple(clauses), builder.loc)

    def _clause_actors(self, start: _Start, section: act.Actors, text: str) -> act.Actors:
        if start.kind != "operative":
            return section
        lead = section
        folded = fold(text)
        if not folded.startswith(("to ", "that ")) and act.is_addressee_start(text):
            addressee, remainder = act.split_addressee(text)
            if remainder:
                own = act.actors_of_addressee(addressee, self.sector)
                if own.bureaux or own.assignee:
                    lead = own
        extra, _ = act.partners(text, lead.bureaux)
        with_bureaux = act.order(set(lead.with_bureaux) | (set(section.with_bureaux) - set(lead.bureaux)) | extra)
        return act.Actors(lead.bureaux, with_bureaux, lead.assignee)


def _provisions_title(block: Block) -> bool:
    """The title under a rules heading ('ANNEX 1' / 'Working methods of …'): a title style, or a
    short unlabelled line without final punctuation."""
    if block.style in SECTION_TITLE_STYLES:
        return True
    text = clean(block.text)
    return block.style is None and len(text) < 150 and not _labelled(block) and not text.endswith((";", ".", ",", ":"))


def _with_label(block: Block) -> str:
    text = clean(block.text)
    return f"{block.label} {text}" if block.label else text


def _has_section(blocks: list[Block]) -> bool:
    return any(section_start(b) is not None for b in blocks[1:] if not b.rtl)


def parse_english(blocks: list[Block]) -> Result[list[Resolution]]:
    """Find every English resolution in `blocks` and parse it (consumed: the blocks it took into the
    model)."""
    paras = [b for b in blocks if not b.merged]
    furniture = _furniture(paras)
    apparatus_messages = []
    for i, b in enumerate(paras):
        code = None if b.rtl else ident.apparatus(b.text)
        if code is not None:
            furniture.add(i)
            apparatus_messages.append(Diagnostic("info", code, f"not a clause: {clean(b.text)[:300]!r}", b.loc))
    heads: list[tuple[int, ident.Header | None]] = []
    for i, b in enumerate(paras):
        if i in furniture:
            continue
        header = read_header(b)
        if header is not None or _unreadable_header(b):
            heads.append((i, header))
    first = heads[0][0] if heads else len(paras)
    assembly = next((a for b in paras[:first] if (a := ident.mentioned_assembly(b.text))), None)
    parser = _Parser(ident.sector_of(assembly))
    segments = []
    for n, (i, header) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(paras)
        segments.append((i, header, [b for k, b in enumerate(paras[i:end], start=i) if k not in furniture]))
    # A header with nothing under it whose resolution comes again later is a table-of-contents entry
    # (or a cross-reference line), not a resolution.
    later: Counter[str] = Counter(ident.base_key(h) for _, h, _ in segments if h is not None)
    resolutions: list[Resolution] = []
    keys: set[str] = set()
    counters: Counter[str] = Counter()
    for i, header, seg in segments:
        if header is not None:
            base = ident.base_key(header)
            later[base] -= 1
            if base != "NEW" and later[base] > 0 and len(seg) <= TOC_ENTRY_LINES and not _has_section(seg):
                parser.warn("toc-entry", f"{clean(seg[0].text)!r} has no text and comes again later: read as a "
                            "table-of-contents entry", seg[0].loc, "info")
                continue
        else:
            base = "UNREAD"
        if base in ("NEW", "UNREAD"):
            counters[base] += 1
            key = f"{base}-{counters[base]}"
        else:
            key = base
        if key in keys:
            parser.warn("duplicate-number", f"resolution {key} appears more than once", seg[0].loc)
            k = 2
            while f"{key}-{k}" in keys:
                k += 1
            key = f"{key}-{k}"
        keys.add(key)
        if header is None:
            parser.warn("header-unreadable", f"{clean(seg[0].text)!r} looks like a resolution header but cannot be "
                        f"read; what follows is kept apart as {key}", seg[0].loc, key=key)
        resolutions.append(parser.resolution(seg, key, header))
    if not resolutions:
        parser.warn("no-resolutions", "no English resolution header (RESOLUTION N / NEW RESOLUTION) found", None, "error")
    return Result(resolutions, tuple(parser.messages) + tuple(apparatus_messages), frozenset(parser.used))
