"""English annex parser: blocks -> resolutions, sections and clauses with who must act.

A resolution starts at a header paragraph (`RESOLUTION 50`, `NEW RESOLUTION`,
ITU's `ResNo` style); its title follows; sections start at an operative or
preambular phrase (vocabulary in data/phrases.json), a study-group mandate
(`ITU-T SG 13`) or a heading of rules (`SECTION 1`, `Appendix I`).
"""

from __future__ import annotations

import re

from wtsa_extract.model import Block, Clause, Diagnostic, Footnote, Location, Resolution, Result, Section
from wtsa_extract.normalize import clean, fold
from wtsa_extract.parse import actors as act
from wtsa_extract.parse.labels import Hierarchy, split_glued, split_label
from wtsa_extract.vocabulary import phrases

HEADER = re.compile(
    r"^\s*(?:DRAFT\s+)?(?P<new>NEW\s+)?RESOLUTION(?:\s+(?P<num>\d{1,4})(?:\s*\[[^\]]*\])?)?"
    r"(?:\s*\((?P<rev>[^()]*(?:\([^()]*\))?[^()]*)\))?\s*$"
)
HEADER_STYLES = {"ResNo", "Res_No"}
TITLE_STYLES = {"Restitle", "Res_title"}
SECTION_STYLES = {"SectionNo", "Section_No", "AppendixNo", "Appendix_No", "AnnexNo", "Annex_No"}
SECTION_TITLE_STYLES = {"Sectiontitle", "Section_title", "Appendixtitle", "Appendix_title", "Annextitle", "Annex_title"}
CALL_STYLES = {"Call"}
NESTED_STYLES = re.compile(r"^enumlev\d", re.IGNORECASE)
MANDATE = re.compile(r"^(?:ITU-T\s+)?(?:SG|Study\s+Group)\s*\d{1,2}$")
RULES_HEADING = re.compile(r"^(?:SECTION|Section|ANNEX|Annex|APPENDIX|Appendix)\s+[0-9A-Z][0-9A-Za-z]*\b")
SUSPECT_MARK = re.compile(r"\b[a-z]{4,}[1-9]\b(?![-/.]\d)")
NO_ACTOR_OK = {"resolves", "resolves further", "decides"}


class _Start:
    """How a section opens (a plain class: `heading` grows when a rules title follows)."""

    __slots__ = ("kind", "verb", "heading", "rest", "variant")

    def __init__(self, kind: str, verb: str | None, heading: str, rest: str, variant: str | None = None) -> None:
        self.kind, self.verb, self.heading, self.variant = kind, verb, heading, variant
        self.rest = rest  # addressee text on the same line as the phrase


class _SectionBuilder:
    __slots__ = ("start", "loc", "addressee", "clauses", "hierarchy")

    def __init__(self, start: _Start, loc: Location, addressee: str | None = None) -> None:
        self.start, self.loc, self.addressee = start, loc, addressee
        self.clauses: list[tuple[str | None, str | None, str, Location]] = []  # label, parent, text, loc
        self.hierarchy = Hierarchy()


def header_number(block: Block) -> tuple[bool, int | None] | None:
    """(is new, number) if `block` is a resolution header, else None."""
    if len(block.text) > 200 or ("RESOLUTION" not in block.text.upper() and block.style not in HEADER_STYLES):
        return None  # a header is one short line: most paragraphs are ruled out without a regex
    text = fold(block.text).strip()
    m = HEADER.match(text)
    if m is None:
        if block.style in HEADER_STYLES and text.upper().startswith(("RESOLUTION", "NEW RESOLUTION", "DRAFT")):
            m = HEADER.match(text.upper())
        if m is None:
            return None
    return bool(m.group("new")), int(m.group("num")) if m.group("num") else None


def section_start(block: Block) -> _Start | None:
    """What kind of section `block` opens, if any."""
    text = clean(block.text)
    if not text or split_label(block.text).label is not None:
        return None
    folded = fold(text)
    if MANDATE.match(folded):
        return _Start("mandate", None, text, "")
    if block.style in SECTION_STYLES or (block.style is None and RULES_HEADING.match(folded) and len(text) < 120):
        return _Start("provisions", None, text, "")
    m = phrases().pattern.match(folded)
    if m is None:
        return None
    variant = m.group("p")
    phrase = phrases().by_variant[" ".join(variant.lower().split())]
    rest = text[m.end():].strip(" ,:;")
    if block.style not in CALL_STYLES and rest:
        if len(text) > 300 or not (act.is_addressee_start(rest) or _extension(phrase.phrase, rest)):
            return None
    return _Start(phrase.kind, phrase.phrase, text, rest, variant)


def _extension(verb: str, text: str) -> tuple[str, str] | None:
    """('resolves to instruct', remainder) when `text` starts with an extension of `verb`."""
    folded = fold(text).lower()
    for key, extended in phrases().extensions.get(verb, {}).items():
        if folded.startswith(key + " ") or folded == key:
            return extended, text[len(key):].strip(" ,:")
    return None


def _take_addressee(builder: _SectionBuilder, text: str) -> str:
    """Record an addressee at the start of `text`; return what is left as a clause ('' if none)."""
    addressee, remainder = act.split_addressee(text)
    if addressee.lower().startswith("that "):
        addressee = addressee[5:]
    builder.addressee = addressee
    return remainder


class _Parser:
    def __init__(self, used: set[Location]) -> None:
        self.messages: list[Diagnostic] = []
        self.used = used  # locations of the blocks that went into the model

    def warn(self, code: str, message: str, loc: Location | None, level: str = "warning") -> None:
        self.messages.append(Diagnostic(level, code, message, loc))

    def resolution(self, blocks: list[Block], key: str, number: int | None) -> Resolution:
        header = blocks[0]
        footnotes: dict[str, Footnote] = {}
        for b in blocks:
            for note in b.footnotes:
                footnotes.setdefault(note.id, note)
        body = [b for b in blocks[1:] if clean(b.text) and not b.rtl]  # Arabic is the overview's business
        self.used.add(header.loc)
        self.used.update(b.loc for b in body)
        title_parts: list[str] = []
        i = 0
        if body and body[0].style in TITLE_STYLES:
            while i < len(body) and body[i].style in TITLE_STYLES:
                title_parts.append(body[i].text)
                i += 1
        elif body and section_start(body[0]) is None and split_label(body[0].text).label is None:
            title_parts.append(body[0].text)
            i = 1
        title = clean(" ".join(title_parts)) or None
        if title is None:
            self.warn("missing-title", f"{key}: no title after the resolution header", header.loc)
        elif SUSPECT_MARK.search(fold(title)):
            self.warn("footnote-mark-suspected", f"{key}: title has a word glued to a digit "
                      f"({SUSPECT_MARK.search(fold(title)).group(0)!r}); a footnote mark lost by the converter?",
                      header.loc, "info")
        intro: list[str] = []
        sections: list[_SectionBuilder] = []
        current: _SectionBuilder | None = None
        for b in body[i:]:
            start = section_start(b)
            if start is not None and not (start.kind == "provisions" and current is not None
                                          and current.start.kind == "provisions" and not current.clauses
                                          and b.style in SECTION_TITLE_STYLES):
                current = _SectionBuilder(start, b.loc)
                sections.append(current)
                if start.variant and " ".join(start.variant.lower().split()) != start.verb:
                    self.warn("phrase-normalised", f"{key}: phrase {start.variant!r} read as {start.verb!r}", b.loc, "info")
                self._open(current)
                continue
            if current is None:
                intro.append(clean(b.text))
                continue
            if current.start.kind == "provisions" and not current.clauses and b.style in SECTION_TITLE_STYLES:
                current.start.heading = f"{current.start.heading} – {clean(b.text)}"
                continue
            self._line(current, b)
        if not sections:
            self.warn("no-sections", f"{key}: no operative or preambular phrase found", header.loc)
        return Resolution(
            key=key, number=number, header=clean(header.text), status=None, title_en=title, title_ar=None, summary_ar=None,
            footnotes=tuple(footnotes.values()), intro=tuple(intro),
            sections=tuple(self._finish(key, s) for s in sections), loc=header.loc,
        )

    def _open(self, builder: _SectionBuilder) -> None:
        start = builder.start
        if start.kind == "mandate":
            builder.addressee = start.heading
        elif start.kind == "operative" and start.rest:
            rest = start.rest
            ext = _extension(start.verb or "", rest)
            if ext:
                start.verb, rest = ext
            if rest:
                remainder = _take_addressee(builder, rest)
                if remainder:
                    builder.clauses.append((None, None, remainder, builder.loc))

    def _line(self, builder: _SectionBuilder, block: Block) -> None:
        pieces = split_glued(block.text)
        if len(pieces) > 1:
            self.warn("glued-clauses", f"{len(pieces)} clauses were glued in one paragraph; split", block.loc, "info")
        for piece in pieces:
            labelled = split_label(piece)
            text = clean(labelled.text)
            if not text:
                continue
            if builder.start.kind == "operative" and labelled.label is None and not builder.clauses \
                    and builder.addressee is None:
                ext = _extension(builder.start.verb or "", text)
                if ext:
                    builder.start.verb, text = ext
                if text and act.is_addressee_start(text):
                    text = _take_addressee(builder, text)
                if not text:
                    continue
            nested = labelled.bullet or block.level is not None or bool(block.style and NESTED_STYLES.match(block.style))
            parent = builder.hierarchy.parent_of(labelled.label, nested)
            builder.clauses.append((labelled.label, parent, text, block.loc))

    def _finish(self, key: str, builder: _SectionBuilder) -> Section:
        start = builder.start
        if start.kind == "operative" and builder.addressee:
            section_actors = act.actors_of_addressee(builder.addressee)
            if section_actors.unresolved_other:
                self.warn("other-bureaux-unresolved", f"{key}: 'the other Bureaux' with no lead Bureau in "
                          f"{builder.addressee!r}", builder.loc)
        elif start.kind == "mandate":
            section_actors = act.Actors((), (), "; ".join(act.assignee_names(start.heading)) or None)
        else:
            section_actors = act.NOBODY
        clauses = []
        carried: tuple[str, ...] = ()  # partners named by an intro clause ending in ':' apply to its items
        for label, parent, text, loc in builder.clauses:
            clause_actors = self._clause_actors(start, section_actors, text)
            if parent is None and label is not None and builder.hierarchy.rank(label) != 0 and carried:
                clause_actors = act.Actors(clause_actors.bureaux, act.order(set(clause_actors.with_bureaux) | set(carried)),
                                           clause_actors.assignee)
            elif text.rstrip().endswith(":"):
                carried = clause_actors.with_bureaux
            else:
                carried = ()
            if start.kind == "operative" and start.verb not in NO_ACTOR_OK and not clause_actors.bureaux \
                    and not clause_actors.assignee:
                self.warn("no-actor", f"{key}: clause {label or '(unlabelled)'} under {start.verb!r} names nobody to act",
                          loc)
            clauses.append(Clause(label, parent, text, start.verb, clause_actors.bureaux, clause_actors.with_bureaux,
                                  clause_actors.assignee, loc))
        if not clauses:
            self.warn("empty-section", f"{key}: {start.heading!r} has no clause", builder.loc)
        return Section(start.verb, start.kind, start.heading, builder.addressee, section_actors.bureaux,
                       section_actors.with_bureaux, section_actors.assignee, tuple(clauses), builder.loc)

    @staticmethod
    def _clause_actors(start: _Start, section: act.Actors, text: str) -> act.Actors:
        if start.kind != "operative":
            return section
        lead = section
        folded = fold(text)
        if not folded.startswith(("to ", "that ")) and act.is_addressee_start(text):
            addressee, remainder = act.split_addressee(text)
            if remainder:
                own = act.actors_of_addressee(addressee)
                if own.bureaux or own.assignee:
                    lead = own
        extra, _ = act.partners(text, lead.bureaux)
        with_bureaux = act.order(set(lead.with_bureaux) | (set(section.with_bureaux) - set(lead.bureaux)) | extra)
        return act.Actors(lead.bureaux, with_bureaux, lead.assignee)


def parse_english(blocks: list[Block], used: set[Location] | None = None) -> Result[list[Resolution]]:
    """Find every English resolution in `blocks` and parse it; add the locations of the blocks it
    took into the model to `used`."""
    parser = _Parser(used if used is not None else set())
    paras = [b for b in blocks if not b.merged]
    heads = [(i, h) for i, b in enumerate(paras) if (h := header_number(b)) is not None]
    resolutions: list[Resolution] = []
    keys: set[str] = set()
    new_count = 0
    for n, (i, (_is_new, number)) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(paras)
        if number is None:
            new_count += 1
            key = f"NEW-{new_count}"
        else:
            key = f"R{number}"
        if key in keys:
            parser.warn("duplicate-number", f"resolution {number} appears more than once", paras[i].loc)
            k = 2
            while f"{key}-{k}" in keys:
                k += 1
            key = f"{key}-{k}"
        keys.add(key)
        resolutions.append(parser.resolution(paras[i:end], key, number))
    if not resolutions:
        parser.warn("no-resolutions", "no English resolution header (RESOLUTION N / NEW RESOLUTION) found", None, "error")
    return Result(resolutions, tuple(parser.messages))
