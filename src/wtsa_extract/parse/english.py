"""English parser: blocks -> resolutions, sections and clauses with who must act.

A resolution starts at a header paragraph (parse/identity.py: `RESOLUTION 76 (Rev. Geneva, 2022)`,
`RESOLUTION ITU-R 9-6`, `DRAFT NEW RESOLUTION [ACP-2]`, ITU's `ResNo` style…) and ends at the next
header, or at the header of another instrument (`DECISION 5`, `RECOMMENDATION 7`). Its title
follows, then the preamble line and the sections. A section starts at a paragraph that opens with an
operative or preambular phrase (data/phrases.json), whatever follows it, at a study-group mandate
(`ITU-T SG 13`) or at a heading of rules or annexes (`SECTION 1`, `ANNEX`); a numbered paragraph
that opens with a capitalised phrase (`2. Requests the Secretary-General to …`, the UN manner) is
a section of its own. An addressed phrase's addressee may follow on the same paragraph, on the next
one, or span several. Layout vocabulary is data (data/english.json). Everything that cannot be
placed with confidence becomes a diagnostic with its location.
"""

import re
from collections import Counter
from functools import cache
from typing import NamedTuple

from wtsa_extract.model import Block, Clause, Diagnostic, Footnote, Location, Resolution, Result, Section
from wtsa_extract.normalize import clean, fold
from wtsa_extract.parse import actors as act
from wtsa_extract.parse import identity as ident
from wtsa_extract.parse.furniture import SENTENCE_END, contents_entry, set_aside
from wtsa_extract.parse.labels import Hierarchy, Labelled, split_glued, split_label
from wtsa_extract.parse.reporting import reports_to
from wtsa_extract.vocabulary import load, phrases

SUSPECT_MARK = re.compile(r"\b[a-z]{4,}[1-9]\b(?![-/.]\d)")
DIGITS = re.compile(r"\d+")
LIKELY_PHRASE = re.compile(r"^[a-z]+(?: [a-z]+){0,3}$")


class _Layout(NamedTuple):
    header_styles: frozenset[str]
    title_styles: frozenset[str]
    section_styles: frozenset[str]
    section_title_styles: frozenset[str]
    call_styles: frozenset[str]
    nested: re.Pattern[str]
    toc: re.Pattern[str]
    mandate: re.Pattern[str]
    rules_heading: re.Pattern[str]
    other_instrument: re.Pattern[str]
    unread_header: re.Pattern[str]
    noun_after: frozenset[str]
    reference_line: re.Pattern[str]
    not_own_addressee: re.Pattern[str]
    editorial_note: re.Pattern[str]


@cache
def layout() -> _Layout:
    data = load("english.json")
    styles = data["styles"]
    return _Layout(
        frozenset(styles["header"]), frozenset(styles["title"]), frozenset(styles["section"]),
        frozenset(styles["section_title"]), frozenset(styles["call"]), re.compile(styles["nested"], re.IGNORECASE),
        re.compile(styles["toc"], re.IGNORECASE), re.compile(data["mandate"]), re.compile(data["rules_heading"]),
        re.compile(data["other_instrument"]), re.compile(data["unread_header"]), frozenset(data["noun_after"]),
        re.compile(data["reference_line"]),
        re.compile(data["not_own_addressee"]), re.compile(data["editorial_note"]),
    )


class _Start:
    """How a section opens (a plain class: `heading` grows when a rules title follows)."""

    __slots__ = ("kind", "verb", "heading", "rest", "variant", "addressed")

    def __init__(self, kind: str, verb: str | None, heading: str, rest: str = "", variant: str | None = None,
                 addressed: bool = False) -> None:
        self.kind, self.verb, self.heading, self.variant, self.addressed = kind, verb, heading, variant, addressed
        self.rest = rest  # what follows the phrase on its paragraph


class _SectionBuilder:
    __slots__ = ("start", "loc", "parts", "clauses", "hierarchy", "open_addressee", "bare")

    def __init__(self, start: _Start, loc: Location) -> None:
        self.start, self.loc = start, loc
        self.parts: list[str] = []  # the addressee as written, paragraph by paragraph
        self.open_addressee = False  # the next paragraph may continue the addressee
        self.clauses: list[tuple[str | None, str | None, str, Location]] = []  # label, parent, text, loc
        self.hierarchy = Hierarchy()
        self.bare = 0  # the last bare number read as a label ('1 to …'), for the sequence test

    @property
    def addressee(self) -> str | None:
        return clean(" ".join(self.parts)).strip(" ,:;") or None if self.parts else None


# --- what a paragraph is -------------------------------------------------------------------------------

def _is_toc(block: Block) -> bool:
    return bool(block.style and layout().toc.match(block.style))


def read_header(block: Block) -> ident.Header | None:
    """The resolution header `block` is, or None."""
    if block.rtl or not ident.looks_like_header(block.text, block.style) or _is_toc(block):
        return None
    return ident.read_header(block.text)


def header_number(block: Block) -> tuple[bool, int | None] | None:
    """(is new, number) if `block` is a resolution header, else None."""
    header = read_header(block)
    return None if header is None else (header.new, header.number)


def call_styles() -> frozenset[str]:
    """The paragraph styles of a phrase (Call …), for the Arabic parser too."""
    return layout().call_styles


def _other_instrument(block: Block) -> bool:
    """A decision's, recommendation's or opinion's header: it ends the resolution before it."""
    text = clean(block.text)
    return not block.rtl and len(text) <= 120 and bool(layout().other_instrument.match(fold(text)))


def _unreadable_header(block: Block) -> bool:
    """A paragraph that claims to be a header (ResNo style, or RESOLUTION in capitals opening a short
    line) but cannot be read as one."""
    return not block.rtl and _short_header_line(block) \
        and (block.style in layout().header_styles or bool(layout().unread_header.match(clean(block.text))))


def header_styled(block: Block) -> bool:
    """A short paragraph in a resolution header's style (ResNo …), no contents line: a header, read or
    not (the Arabic parser asks it too)."""
    return block.style in layout().header_styles and _short_header_line(block)


def _short_header_line(block: Block) -> bool:
    """Short, no contents line, and not a parenthesis alone: '(Rev. Doha, 2026)' in the header's style
    under 'RESOLUTION 71' is the rest of that header, read as its edition."""
    text = clean(block.text)
    return not _is_toc(block) and "\t" not in block.text.strip() and 0 < len(text) <= 120 \
        and not layout().reference_line.match(text)


def _labelled(block: Block) -> bool:
    return block.label is not None or split_label(block.text).label is not None


def _content(block: Block) -> bool:
    """A header, phrase or label: never page furniture, however often it comes."""
    return read_header(block) is not None or section_start(block) is not None or _labelled(block)


def _rules_heading(block: Block, text: str) -> bool:
    return block.style in layout().section_styles or (len(text) < 120 and bool(layout().rules_heading.match(fold(text))))


def _phrase_start(text: str, call: bool = False) -> _Start | None:
    """The phrase that opens `text`, if any (the noun guard: 'Requests for assistance shall…')."""
    folded = fold(text)
    m = phrases().match(folded)
    if m is None:
        return None
    variant, phrase, end = m
    rest = text[end:].lstrip(" ,:;").rstrip()
    following = rest.split(None, 1)[0].lower() if rest else ""
    if following in layout().noun_after and not call:
        return None
    return _Start(phrase.kind, phrase.phrase, clean(text), rest, variant, phrase.addressed)


def section_start(block: Block, after_operative: bool = False) -> _Start | None:
    """What kind of section `block` opens, if any. `after_operative`: an operative section came
    before, so a preambular phrase followed by text is running text ('Noting the difficulties above,
    the Director shall…'), not a section."""
    text = clean(block.text)
    if not text or _labelled(block):
        return None
    folded = fold(text)
    if layout().mandate.match(folded):
        return _Start("mandate", None, text)
    if _rules_heading(block, text):
        return _Start("provisions", None, text)
    call = block.style in layout().call_styles
    start = _phrase_start(text, call)
    if start is None:
        if call and len(text) < 80 and not act.is_addressee_start(text) and not act.starts_with_cue(text) \
                and not _clause_like(text):
            return _Start("unknown", None, text)
        return None
    if start.kind == "preambular" and after_operative and start.rest and not call:
        return None
    return start


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


def _subject(text: str) -> bool:
    """'that ITU regional offices' before items that complete it ('1 be engaged …'): the subject of
    a phrase that speaks to nobody (resolves further), read as its addressee. Only a bare name: a
    'that …' clause with a verb ('that ITU-T shall continue') is a clause."""
    if not fold(text).lower().startswith("that ") or len(text) > 60 or text.rstrip()[-1:] in ",;.:":
        return False
    body = text[5:]
    return act.is_addressee_start(body) and not act.split_addressee(body)[1] and \
        not re.search(r"\b(?:shall|should|will|may|must|is|are|continue[sd]?)\b", body)


def _addressee_like(text: str) -> bool:
    """The next paragraph after an addressed phrase names who is addressed, rather than being the
    first clause: a known addressee, or a short line that does not end as a clause does."""
    if _clause_like(text):
        return False
    if act.is_addressee_start(text):
        return True
    addressee, remainder = act.split_addressee(text)
    if remainder:
        return True
    # No infinitive: an addressee only if it names someone, or is a short line that does not end as
    # a clause does ('encourages' / 'the development of regional centres,' is the clause itself).
    named = act.actors_of_addressee(addressee)
    return bool(named.bureaux or named.assignee) or (len(text) <= 80 and text.rstrip()[-1:] not in ";.,")


def _bare_phrase(block: Block, following: Block | None, current: _SectionBuilder | None) -> bool:
    """A phrase outside the vocabulary, the way ITU writes one: a short lower-case line, or one word
    ending in -s followed by an addressee ('tasks Study Group 17'), between a finished clause (or the
    preamble) and what it introduces: labelled items, a 'that …'/'to …' clause or an addressee."""
    text = clean(block.text)
    if _labelled(block) or not text:
        return False
    first, _, rest = text.partition(" ")
    verb_like = first.isalpha() and first.lower().endswith("s") and len(first) > 3
    shaped = LIKELY_PHRASE.match(text) or (verb_like and rest and act.is_addressee_start(rest))
    if not shaped:
        return False
    if current is not None and current.start.kind == "operative" and not current.clauses:
        return False  # an addressee ('administrations') right after its phrase
    if current is not None and current.clauses and not current.clauses[-1][2].rstrip().endswith((";", ".", ",", ":")):
        return False
    if rest and not LIKELY_PHRASE.match(text):
        return True  # 'supports the Director of BDT': the addressee is on the line
    if following is None:
        return False
    follow = clean(following.text)
    return _labelled(following) or _clause_like(follow) or act.is_addressee_start(follow)


def provisions_title(block: Block) -> bool:
    """The title under a rules heading ('ANNEX 1' / 'Working methods of …', الملحق / اختصاصات …): a
    title style, or a short line without final punctuation that is no list item (labelled, or a
    bullet's). The Arabic parser asks it too."""
    if block.style in layout().section_title_styles:
        return True
    text = clean(block.text)
    return block.style is None and len(text) < 150 and not _labelled(block) and not split_label(block.text).bullet \
        and not text.endswith(SENTENCE_END)


def _with_label(block: Block) -> str:
    text = clean(block.text)
    return f"{block.label} {text}" if block.label else text


# --- the parser ----------------------------------------------------------------------------------------

class _Parser:
    def __init__(self, assembly: str | None, resumed: set[Location]) -> None:
        """`assembly`: the one the document names before its first header, for resolutions that name
        none; `resumed`: the paragraphs after an omission, which go on with no clause before them."""
        self.messages: list[Diagnostic] = []
        self.used: set[Location] = set()  # locations of the blocks that went into the model
        self.default_assembly = assembly
        self.default_sector = ident.sector_of(assembly)
        self.assembly: str | None = assembly
        self.sector: str | None = self.default_sector
        self.resumed = resumed

    def warn(self, code: str, message: str, loc: Location | None, level: str = "warning", key: str | None = None) -> None:
        self.messages.append(Diagnostic(level, code, message, loc, key))

    def resolution(self, blocks: list[Block], key: str, header: ident.Header | None) -> Resolution:
        head = blocks[0]
        footnotes = footnotes_of(blocks)
        body = [b for b in blocks[1:] if clean(b.text) and not b.rtl]  # Arabic is the overview's business
        self.used.add(head.loc)
        self.used.update(b.loc for b in body)
        edition = header.edition if header else None
        if header is not None and header.edition_text:
            self.warn("edition-unreadable", f"{key}: edition {header.edition_text!r} not understood", head.loc, "info", key)
        i = 0
        intro: list[str] = []
        lay = layout()
        # A reference line right after the header: '(Rev. Geneva, 2022)' or the edition history.
        if i < len(body) and lay.reference_line.match(clean(body[i].text)) and body[i].style not in lay.title_styles:
            if edition is None:
                edition = ident.read_edition(lay.reference_line.match(clean(body[i].text)).group("inner"))
            intro.append(clean(body[i].text))
            i += 1
        title_parts: list[str] = []
        if i < len(body) and body[i].style in lay.title_styles:
            while i < len(body) and body[i].style in lay.title_styles:
                title_parts.append(body[i].text)
                i += 1
        elif i < len(body) and _title_like(body[i]):
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
        self.assembly = (edition.assembly if edition else None) or self.default_assembly
        self.sector = ident.sector_of(edition.assembly if edition else None) or self.default_sector
        operative = False
        for n, b in enumerate(rest):
            start = section_start(b, operative)
            if start is None and _bare_phrase(b, rest[n + 1] if n + 1 < len(rest) else None, current):
                start = _Start("unknown", None, clean(b.text), addressed=True)
            numbered = None if start is not None else _numbered_phrase(b)
            if numbered is not None:  # '2. Requests the Secretary-General to …': a section of its own
                start = numbered[1]
            if start is not None and not (start.kind == "provisions" and current is not None
                                          and current.start.kind == "provisions" and not current.clauses
                                          and b.style in lay.section_title_styles):
                current = _SectionBuilder(start, b.loc)
                sections.append(current)
                operative = operative or start.kind == "operative"
                self._announce(key, start, b.loc)
                self._open(current, b.loc, numbered[0] if numbered else None)
                continue
            if current is None:
                text = clean(b.text)
                if _labelled(b):
                    self.warn("clause-outside-section", f"{key}: a labelled paragraph before any operative or "
                              f"preambular phrase is kept in the intro: {text[:60]!r}", b.loc, key=key)
                intro.append(_with_label(b))
                continue
            if current.start.kind == "provisions" and not current.clauses and provisions_title(b):
                current.start.heading = f"{current.start.heading} – {clean(b.text)}"
                continue
            self._line(current, b)
        if not sections:
            self.warn("no-sections", f"{key}: no operative or preambular phrase found", head.loc, key=key)
        return Resolution(
            key=key, number=header.number if header else None, header=clean(head.text), status=None, title_en=title,
            title_ar=None, summary_ar=None, footnotes=footnotes, intro=tuple(intro),
            sections=tuple(self._finish(key, s) for s in sections), loc=head.loc,
            designation=header.designation if header else None, edition=edition,
        )

    def _announce(self, key: str, start: _Start, loc: Location) -> None:
        if start.kind == "unknown":
            self.warn("unknown-phrase", f"{key}: {start.heading!r} reads as an operative or preambular phrase "
                      "that is not in the vocabulary; its clauses are kept under it with no verb", loc, key=key)
        elif start.variant and " ".join(start.variant.lower().split()) != start.verb:
            self.warn("phrase-normalised", f"{key}: phrase {start.variant!r} read as {start.verb!r}", loc, "info", key)

    def _open(self, builder: _SectionBuilder, loc: Location, label: str | None = None) -> None:
        """What follows the phrase on its paragraph: an addressee, a clause, or both."""
        start = builder.start
        if start.kind == "mandate":
            builder.parts.append(start.heading)
            return
        if start.kind == "unknown" and " " in start.heading:  # 'supports the Director of BDT'
            verb, _, addressee = start.heading.partition(" ")
            start.heading, start.addressed = verb, True
            self._take_addressee(builder, addressee, loc)
            return
        if start.rest:
            self._after_phrase(builder, start.rest, loc, label, first=True)
            if builder.clauses:  # the heading is the phrase (and addressee); the clause is not part of it
                clause = builder.clauses[-1][2]
                cut = start.heading.rfind(clause)
                start.heading = clean(start.heading[:cut]).rstrip(" ,:;") if cut > 0 else start.variant or start.heading

    def _after_phrase(self, builder: _SectionBuilder, text: str, loc: Location, label: str | None = None,
                      first: bool = False) -> bool:
        """Read `text`, which follows an operative phrase with no addressee yet: an extension of the
        verb ('to instruct …'), the addressee and the clause after it. True when it took the text."""
        start = builder.start
        if start.kind in ("operative", "unknown"):
            ext = _extension(start.verb or "", text)
            if ext:
                start.verb, text = ext
                start.addressed = True
                if not text:
                    return True
            if (start.addressed and _addressee_like(text)) or _subject(text):
                self._take_addressee(builder, text, loc, label)
                return True
        if not first:
            return False
        builder.clauses.append((label, None, clean(text), loc))  # 'considering that …': the phrase, then a clause
        return True

    def _take_addressee(self, builder: _SectionBuilder, text: str, loc: Location, label: str | None = None) -> None:
        """Record (or continue) the addressee at the start of `text`; what follows it is a clause."""
        addressee, remainder = act.split_addressee(text)
        # Whole when the addressee goes on (its ',' kept for the next part), else up to the clause.
        builder.parts.append(addressee if remainder else text)
        if fold(builder.parts[0]).lower().startswith("that "):
            builder.parts[0] = builder.parts[0][5:]
        builder.open_addressee = not remainder
        if remainder:
            builder.clauses.append((label, None, remainder, loc))

    def _line(self, builder: _SectionBuilder, block: Block) -> None:
        start = builder.start
        if block.label is not None:  # Word numbering: the label is structure, the text is all clause
            pieces = [block.text]
        else:
            pieces = split_glued(block.text)
            if len(pieces) > 1:
                self.warn("glued-clauses", f"{len(pieces)} clauses were glued in one paragraph; split", block.loc, "info")
        for piece in pieces:
            labelled = split_label(piece) if block.label is None else Labelled(block.label, piece)
            label, text = self._checked_label(builder, labelled, piece)
            text = clean(text)
            if not text:
                continue
            if start.kind in ("operative", "unknown") and label is None and block.level is None and not builder.clauses:
                if not builder.parts and self._after_phrase(builder, text, block.loc):
                    continue
                if builder.open_addressee and _continues_addressee(text):
                    self._take_addressee(builder, text.lstrip(" ,"), block.loc)
                    continue
            builder.open_addressee = False
            nested = labelled.bullet or bool(block.style and layout().nested.match(block.style)) \
                or (_continuation(builder, label, text) and block.loc not in self.resumed)
            parent = builder.hierarchy.parent_of(label, nested, block.level)
            builder.clauses.append((label, parent, text, block.loc))

    @staticmethod
    def _checked_label(builder: _SectionBuilder, labelled: Labelled, piece: str) -> tuple[str | None, str]:
        """A bare number followed by a space ('12 study groups exist …') is a label only where it
        continues the section's numbering (1, or one more than the last)."""
        lead = DIGITS.match(labelled.label or "")
        number = int(lead.group(0)) if lead else None
        if labelled.spaced_number and number not in (1, builder.bare, builder.bare + 1):
            return None, piece
        if number is not None and "." not in (labelled.label or ""):
            builder.bare = number
        return labelled.label, labelled.text

    def _finish(self, key: str, builder: _SectionBuilder) -> Section:
        start = builder.start
        addressee = builder.addressee
        if start.kind in ("operative", "unknown") and addressee:
            section_actors = act.actors_of_addressee(addressee, self.sector)
            if section_actors.unresolved_other:
                self.warn("other-bureaux-unresolved", f"{key}: 'the other Bureaux' with no lead Bureau in "
                          f"{addressee!r}", builder.loc, key=key)
            if not section_actors.bureaux and not section_actors.assignee and start.kind == "operative":
                self.warn("addressee-unresolved", f"{key}: nobody recognised in the addressee "
                          f"{addressee!r} of {start.verb!r}", builder.loc, key=key)
        elif start.kind == "mandate":
            section_actors = act.Actors((), (), "; ".join(act.assignee_names(start.heading, self.sector)) or None)
        else:
            section_actors = act.NOBODY
        clauses = []
        # Partners named by a clause ending in ':' hold for the items it introduces: its children, or
        # (an unlabelled lead-in) the top-level items after it.
        carried: dict[str | None, tuple[str, ...]] = {}
        for label, parent, text, loc in builder.clauses:
            note = bool(layout().editorial_note.match(text))  # 'NOTE – …': nobody acts on an editorial note
            clause_actors = act.NOBODY if note else self._clause_actors(start, section_actors, text)
            if parent in carried and (parent is not None or label is not None):
                clause_actors = act.Actors(clause_actors.bureaux,
                                           act.order(set(clause_actors.with_bureaux) | set(carried[parent])),
                                           clause_actors.assignee)
            if label is None and parent is None:
                carried.pop(None, None)
            if text.rstrip().endswith(":") and (label is not None or parent is None):
                carried[label] = clause_actors.with_bureaux
            if start.kind == "operative" and start.addressed and not note and not clause_actors.bureaux \
                    and not clause_actors.assignee:
                self.warn("no-actor", f"{key}: clause {label or '(unlabelled)'} under {start.verb!r} names nobody to act",
                          loc, key=key)
            clauses.append(Clause(label, parent, text, start.verb, clause_actors.bureaux, clause_actors.with_bureaux,
                                  clause_actors.assignee, loc,
                                  reports_to=reports_to(text, self.sector, self.assembly)
                                  if start.kind == "operative" and not note else ()))
        if not clauses:
            self.warn("empty-section", f"{key}: {start.heading!r} has no clause", builder.loc, key=key)
        return Section(start.verb, start.kind, start.heading, addressee, section_actors.bureaux,
                       section_actors.with_bureaux, section_actors.assignee, tuple(clauses), builder.loc)

    def _clause_actors(self, start: _Start, section: act.Actors, text: str) -> act.Actors:
        if start.kind not in ("operative", "unknown"):
            return section
        lead = section
        if not _clause_like(text) and act.is_addressee_start(text):
            addressee, remainder = act.split_addressee(text)
            if remainder and not layout().not_own_addressee.search(fold(addressee) + " " + fold(remainder)[:6]) \
                    and len(addressee.split()) <= 25:
                own = act.actors_of_addressee(addressee, self.sector)
                if own.bureaux or own.assignee:
                    lead = own
        extra, _ = act.partners(text, lead.bureaux)
        with_bureaux = act.order(set(lead.with_bureaux) | (set(section.with_bureaux) - set(lead.bureaux)) | extra)
        return act.Actors(lead.bureaux, with_bureaux, lead.assignee)


def footnotes_of(blocks: list[Block]) -> tuple[Footnote, ...]:
    """The footnotes referenced in a resolution's blocks, each once, in order."""
    found: dict[str, Footnote] = {}
    for b in blocks:
        for note in b.footnotes:
            found.setdefault(note.id, note)
    return tuple(found.values())


def _continuation(builder: _SectionBuilder, label: str | None, text: str) -> bool:
    """An unlabelled sentence after a labelled clause ('These workshops should be held …') goes on
    with that clause: its parent is the clause's label."""
    return label is None and bool(builder.clauses) and builder.clauses[-1][0] is not None \
        and text[:1].isupper() and not _clause_like(text)


def _title_like(block: Block) -> bool:
    """The first paragraph after a header is the title unless it opens a section the ITU way (a
    lower-case phrase, a mandate, a rules heading), is labelled, or is the preamble line."""
    if _labelled(block) or ident.read_preamble(block.text) is not None:
        return False
    start = section_start(block)
    return start is None or (start.kind in ("operative", "preambular") and clean(block.text)[:1].isupper())


def _continues_addressee(text: str) -> bool:
    """A paragraph that goes on with an addressee left open ('instructs the Director of BDT,' /
    'in close collaboration with the Director of BR,'): a cue, 'and …', or more names."""
    if _clause_like(text) or len(text) > 300:
        return False
    folded = fold(text).lstrip(" ,").lower()
    return act.starts_with_cue(text) or folded.startswith("and ") or act.is_addressee_start(text) \
        or bool(act.partner_spans(text)) and text.rstrip()[-1:] in ",:"


def _numbered_phrase(block: Block) -> tuple[str, _Start] | None:
    """(label, phrase) for a numbered paragraph that opens with a capitalised phrase: '2. Requests
    the Secretary-General to …' (UN manner; ITU clauses open in lower case)."""
    labelled = split_label(block.text) if block.label is None else Labelled(block.label, block.text)
    if labelled.label is None or not clean(labelled.text)[:1].isupper():
        return None
    start = _phrase_start(clean(labelled.text))
    return None if start is None else (labelled.label, start)


def _under_header(block: Block) -> bool:
    """What a contents entry has not under its header: a phrase, a labelled clause, the preamble line."""
    return not block.rtl and (section_start(block) is not None or _labelled(block)
                              or ident.read_preamble(block.text) is not None)


def parse_english(blocks: list[Block]) -> Result[list[Resolution]]:
    """Find every English resolution in `blocks` and parse it (consumed: the blocks it took into the
    model)."""
    paras = [b for b in blocks if not b.merged]
    furniture, notes, proposed, resumed = set_aside(paras, _content)  # never clauses; each noted, never lost
    heads: list[tuple[int, ident.Header | None | str]] = []  # str: another instrument
    for i, b in enumerate(paras):
        if i in furniture:
            continue
        header = read_header(b)
        if header is not None or _unreadable_header(b):
            heads.append((i, header))
        elif _other_instrument(b):
            heads.append((i, "other"))
    first = heads[0][0] if heads else len(paras)
    assembly = next((a for b in paras[:first] if (a := ident.mentioned_assembly(b.text))), None)
    parser = _Parser(assembly, resumed)
    segments = []
    for n, (i, header) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(paras)
        segments.append((i, header, [b for k, b in enumerate(paras[i:end], start=i) if k not in furniture]))
    later: Counter[str] = Counter(ident.base_key(h) for _, h, _ in segments if isinstance(h, ident.Header))
    resolutions: list[Resolution] = []
    keys: set[str] = set()
    counters: Counter[str] = Counter()
    for n, (start, header, seg) in enumerate(segments):
        if header == "other":
            parser.warn("not-a-resolution", f"{clean(seg[0].text)!r} heads another instrument: it ends the resolution "
                        f"before it, and its {len(seg)} paragraphs are left out of the data", seg[0].loc)
            continue
        if header is not None:
            base = ident.base_key(header)
            later[base] -= 1
            following = paras[segments[n + 1][0]] if n + 1 < len(segments) else None
            why = contents_entry(seg, base, later[base], following, start in proposed, _under_header)
            if why:
                parser.warn("toc-entry", f"{clean(seg[0].text)!r} has no text and {why}", seg[0].loc, "info")
                continue
        else:
            base = "UNREAD"
        if base in ("NEW", "UNREAD"):
            counters[base] += 1
            key = f"{base}-{counters[base]}"
        else:
            key = base
        if key in keys:
            k = 2
            while f"{key}-{k}" in keys:
                k += 1
            parser.warn("duplicate-number", f"resolution {key} appears more than once", seg[0].loc, key=f"{key}-{k}")
            key = f"{key}-{k}"
        keys.add(key)
        if header is None:
            parser.warn("header-unreadable", f"{clean(seg[0].text)!r} looks like a resolution header but cannot be "
                        f"read; what follows is kept apart as {key}", seg[0].loc, key=key)
        resolutions.append(parser.resolution(seg, key, header))
    if not resolutions:
        parser.warn("no-resolutions", "no English resolution header (RESOLUTION N / NEW RESOLUTION) found", None, "error")
    return Result(resolutions, tuple(parser.messages) + tuple(notes), frozenset(parser.used))
