"""Arabic resolution texts (the Arabic versions ITU publishes) -> the same model as the English.

A resolution starts at an Arabic header (`القرار 76 (المراجَع في جنيف، 2022)`, `قرار جديد`,
`مشروع قرار جديد [ACP-2]`); its title follows, then the preamble line (`إن الجمعية العالمية لتقييس
الاتصالات (جنيف، 2022)،`) and the sections. A section starts at a paragraph opening with a phrase of
data/arabic_text.json (يكلف/تكلف, وإذ تلاحظ…, masculine or feminine, with or without و; كذلك/أيضاً
make it the 'further' form): its clauses carry the canonical English `verb` and the phrase as
written in `verb_ar`. Matching is on `normalize.arabic_key` word by word, so the text kept is always
the document's own words.
"""

import re
from collections import Counter
from functools import cache
from typing import NamedTuple

from wtsa_extract.model import Block, Clause, Diagnostic, Edition, Location, Resolution, Result, Section
from wtsa_extract.normalize import ARABIC_LETTER, arabic_key, clean
from wtsa_extract.parse import identity as ident
from wtsa_extract.parse.actors import order
from wtsa_extract.parse.arabic import bureau_mentions, bureaux_in_key
from wtsa_extract.parse.english import call_styles, footnotes_of, header_styled, provisions_title
from wtsa_extract.parse.furniture import SENTENCE_END, contents_entry, set_aside
from wtsa_extract.parse.labels import Hierarchy, split_label
from wtsa_extract.parse.reporting import Target, scan, target
from wtsa_extract.vocabulary import bureaux as bureau_vocab
from wtsa_extract.vocabulary import fill, first_claims, in_order, load


class _Phrase(NamedTuple):
    en: str
    kind: str
    addressed: bool


class _Vocab(NamedTuple):
    header: re.Pattern[str]
    rules_heading: re.Pattern[str]  # on arabic_key: an annex's heading, whose items are provisions
    other_instrument: re.Pattern[str]  # on arabic_key: a decision's, recommendation's or opinion's header
    editorial_note: re.Pattern[str]  # on arabic_key: ملاحظة – …, which assigns nobody
    edition: re.Pattern[str]
    places: dict[str, str]  # arabic_key(place) -> English place of identity's events
    assemblies: tuple[tuple[str, str], ...]  # (arabic_key(name), code)
    phrases: dict[tuple[str, ...], _Phrase]  # word keys -> phrase
    longest: int
    further: tuple[tuple[str, ...], ...]
    further_of: dict[str, str]
    cues: tuple[str, ...]  # arabic_key forms
    clause_start: frozenset[str]
    name_words: frozenset[str]  # ب-words that belong to a name (بالاتحاد), not a clause's start
    all_bureaux: tuple[str, ...]
    assignees: tuple[tuple[str, re.Pattern[str]], ...]  # (English name template, pattern)
    report_cue: re.Pattern[str]
    report_to: frozenset[str]  # إلى, as a key
    report_other: frozenset[str]  # other prepositions, as keys
    report_targets: tuple[tuple[Target, re.Pattern[str]], ...]  # (English name(s), pattern of one written form)


def _words(text: str) -> tuple[str, ...]:
    return tuple(arabic_key(w) for w in text.split())


@cache
def vocab() -> _Vocab:
    data = load("arabic_text.json")
    phrases: dict[tuple[str, ...], _Phrase] = {}
    for entry in data["phrases"]:
        phrase = _Phrase(entry["en"], entry["kind"], entry.get("addressed", False))
        for written in entry["ar"]:
            words = _words(written)
            phrases[words] = phrase
            phrases[("و" + words[0], *words[1:])] = phrase  # with the conjunction
    assignees = []
    for entry in data["assignees"]:
        pattern = re.escape(arabic_key(entry["ar"])).replace(r"\{n\}", r"(\d{1,2})").replace(r"\ ", r"\s+")
        # (name template, pattern): the number is the pattern's one group, {1} for vocabulary.fill
        assignees.append((entry["en"].replace("{n}", "{1}"), re.compile(rf"(?<!\w)(?:[وبل]|ول|لل)?{pattern}(?!\w)")))
    reporting = data["reporting"]
    return _Vocab(
        header=re.compile(data["header"]),
        rules_heading=re.compile(data["rules_heading"]),
        other_instrument=re.compile(data["other_instrument"]),
        editorial_note=re.compile(data["editorial_note"]),
        edition=re.compile(data["edition"]),
        places={arabic_key(k): v for k, v in data["places"].items()},
        assemblies=tuple((arabic_key(n), code) for code, names in data["assemblies"].items() for n in names),
        phrases=phrases,
        longest=max(len(k) for k in phrases),
        further=tuple(sorted((_words(f) for f in data["further"]), key=len, reverse=True)),
        further_of=data["further_of"],
        cues=tuple(sorted((arabic_key(c) for c in data["partner_cues"]), key=len, reverse=True)),
        clause_start=frozenset(arabic_key(w) for w in data["clause_start"]),
        name_words=frozenset(arabic_key(w) for w in data["name_words"]),
        all_bureaux=tuple(arabic_key(w) for w in data["all_bureaux"]),
        assignees=tuple(assignees),
        report_cue=re.compile(reporting["cue"]),
        report_to=frozenset(arabic_key(w) for w in reporting["to"]),
        report_other=frozenset(arabic_key(w) for w in reporting["other"]),
        report_targets=tuple((target(t), _body(form)) for t in reporting["targets"] for form in t["ar"]),
    )


def _body(form: str) -> re.Pattern[str]:
    """A body's written form as a pattern on keys: 'to' holds the clitic ل that makes it the recipient
    (المجلس written للمجلس), 'n' its number."""
    key = arabic_key(form)
    body = re.escape(key).replace(r"\{n\}", r"(?P<n>\d{1,3})").replace(r"\ ", r"\s+")
    body = f"(?:ال|(?P<to>ل)ل){body[2:]}" if key.startswith("ال") else f"(?P<to>ل)?{body}"
    return re.compile(rf"(?<!\w)و?{body}(?!\w)")


# --- identity -----------------------------------------------------------------------------------------

def read_header(block: Block) -> ident.Header | None:
    """The Arabic header `block` is, or None."""
    text = block.text
    if len(text) > 200 or "\t" in text.strip() or not ARABIC_LETTER.search(text):
        return None
    key = arabic_key(text)
    m = vocab().header.match(key)
    if m is None:
        return None
    designation = m.group("designation")
    if designation:
        designation = re.sub(r"\s*مكررا?$", "bis", " ".join(designation.split()))
    elif m.group("tag"):
        designation = clean(m.group("tag"))
    number = None
    if designation and not designation.startswith("ITU-"):
        number = int(re.match(r"\d+", designation).group(0)) if designation[:1].isdigit() else None
    elif designation:
        number = int(re.search(r"\d+", designation[5:]).group(0))
    edition = _edition(m.group("paren"), text) if m.group("paren") else None
    if designation and designation.startswith("ITU-"):
        assembly = ident.identity().designation_assembly.get(designation[:5])
        edition = (edition or Edition(None, None, None, False))._replace(assembly=assembly, revised=True)
    new = bool(m.group("new"))
    return ident.Header(new, None if new else number, designation, edition, None)


def _edition(paren_key: str, text: str) -> Edition | None:
    m = vocab().edition.match(paren_key)
    if m is None:
        return None
    revised = bool(m.group("rev"))
    if m.group("acronym"):
        code = m.group("acronym")
        return Edition(code if code in ident.identity().sectors else None, None, ident.year_of(m.group("yy")), revised)
    year = int(m.group("year"))
    written = re.search(r"\(([^()]*)\)", text)
    place = clean(re.split(r"[،,]", written.group(1))[0]) if written else clean(m.group("place"))
    if revised:  # the place as written, without 'المراجَع في'
        place = " ".join(place.split()[2:]) if len(place.split()) > 2 else place
    english = vocab().places.get(arabic_key(place))
    assembly = ident.identity().events.get((english.lower(), year)) if english else None
    return Edition(assembly, place, year, revised)


def read_preamble(text: str) -> Edition | None:
    """'إن الجمعية العالمية لتقييس الاتصالات (جنيف، 2022)،' -> Edition(WTSA, جنيف, 2022)."""
    key = arabic_key(text)
    if len(key) > 250 or not key.startswith("ان "):
        return None
    code = next((c for name, c in vocab().assemblies if name in key), None)
    if code is None:
        return None
    paren = re.search(r"\(([^()]*)\)", key)
    where = _edition(paren.group(1), text) if paren else None
    return Edition(code, where.place if where else None, where.year if where else None, False)


# --- phrases, addressees, actors ----------------------------------------------------------------------

RULES_HEADING = 120  # characters: an annex's heading is a short line
_HEADER_REST = re.compile(r"^\(([^()]{3,80})\)$")  # '(المراجَع في الدوحة، 2026)' alone


class _Start(NamedTuple):
    verb: str | None  # None for provisions
    kind: str
    addressed: bool
    written: str  # the phrase as written
    rest: str  # what follows it on its paragraph


def section_start(block: Block) -> _Start | None:
    """The section `block` opens, if it begins with an Arabic phrase or is an annex's heading."""
    if block.label is not None or split_label(block.text).label is not None:
        return None
    text = clean(block.text)
    if len(text) < RULES_HEADING and not text.endswith(SENTENCE_END) and vocab().rules_heading.match(arabic_key(text)):
        return _Start(None, "provisions", False, text, "")
    words = text.split()
    keys = [arabic_key(w).rstrip("،,:؛;") for w in words[: vocab().longest + 3]]
    for n in range(min(len(keys), vocab().longest), 0, -1):
        phrase = vocab().phrases.get(tuple(keys[:n]))
        if phrase is None:
            continue
        verb, used = phrase.en, n
        for further in vocab().further:
            if tuple(keys[n:n + len(further)]) == further and verb in vocab().further_of:
                verb, used = vocab().further_of[verb], n + len(further)
                break
        rest = " ".join(words[used:]).strip(" ،,:؛;")
        return _Start(verb, phrase.kind, phrase.addressed, " ".join(words[:used]).rstrip("،,:؛;"), rest)
    return None


_VERB_START = re.compile(r"^(?:و)?(?:اذ\s+)?[يت]\w{2,}")  # on a key: (و)(إذ) يـ / تـ …: a verb in the present, or a noun


def _sentence_in_provisions(start: _Start, block: Block, current: "_Builder | None") -> bool:
    """Within an annex's provisions, a sentence that opens with a phrase's verb (يعلن الأمين العام
    أسماء المرشحين.) is a provision: Arabic sentences open with their verb. A phrase alone on its
    line, or a new heading, still opens a section."""
    return current is not None and current.start.kind == "provisions" and start.kind != "provisions" \
        and bool(start.rest) and clean(block.text).endswith(SENTENCE_END)


def _unknown_phrase(block: Block, following: Block | None, current: "_Builder | None") -> bool:
    """A phrase outside the vocabulary, the way ITU writes one: a paragraph in the phrase (Call) style
    that is no addressee, partner or clause, or a line of at most three words opening like a verb in
    the present (يستنكر، وإذ تعلن) with no final punctuation, after a finished clause and before a
    labelled item. Never inside provisions, whose sentences and sub-headings often open so (تمويل …)."""
    text = clean(block.text)
    if not text or block.label is not None or split_label(block.text).label is not None:
        return False
    if current is not None and current.start.kind == "provisions":
        return False
    awaiting = current is not None and current.start.kind == "operative" and not current.clauses
    if block.style in call_styles():
        return len(text) < 80 and not (awaiting and current.start.addressed) and not _addressee_start(text) \
            and not starts_with_cue(text) and not _clause_like(text)
    if len(text.split()) > 3 or text.endswith(SENTENCE_END) or not _VERB_START.match(arabic_key(text)):
        return False
    if awaiting or current is not None and current.clauses and not current.clauses[-1][2].endswith(SENTENCE_END):
        return False  # an addressee right after its phrase, or a clause that goes on
    return following is not None and (following.label is not None or split_label(following.text).label is not None)


def _continues(builder: "_Builder", text: str) -> bool:
    """An unlabelled sentence after a labelled clause that ended with a full stop (… خلال عام 2025. /
    حيثما أمكن، ينبغي …) goes on with that clause. Arabic has no capitals to tell a new sentence from an
    item of a list (تقديم تقرير … after an item ending with ؛ or ،), so the stop decides; one that opens
    as a clause (أن, بأن, إلى …) or with its own addressee is a clause of its own."""
    if not builder.clauses or builder.clauses[-1][0] is None or not builder.clauses[-1][2].endswith("."):
        return False
    return not _clause_like(text) and not _addressee_start(text)


def reports_to(text: str, sector: str | None, assembly: str | None = None) -> tuple[str, ...]:
    """The bodies an Arabic clause reports to (English names, as reporting.json's), in order."""
    v = vocab()
    return scan(arabic_key(text), v.report_cue, v.report_targets, _recipient, sector, assembly)


def _recipient(window: str, m: re.Match[str]) -> bool:
    """The nearest of إلى and the other prepositions before the body is إلى; with none, the body is
    written with the clitic ل at most one word after the word 'report' (تقريراً سنوياً للمجلس). Not
    تقرير الفريق الاستشاري (its author), not تقريراً عن أعمال المجلس."""
    v = vocab()
    words = window[:m.start()].split()
    for word in reversed(words):
        if word in v.report_to:
            return True
        if word in v.report_other:
            return False
    return bool(m.group("to")) and len(words) <= 1


def _clause_like(text: str) -> bool:
    first = arabic_key(text.split(None, 1)[0]) if text.split() else ""
    two = " ".join(_words(text)[:2])
    return first in vocab().clause_start or two in vocab().clause_start


def split_addressee(text: str) -> tuple[str, str]:
    """'مدير مكتب تقييس الاتصالات أن يواصل …' -> (addressee, clause from its first clause word)."""
    words = text.split()
    for i, word in enumerate(words):
        key = arabic_key(word)
        if i and (key in vocab().clause_start or (key.startswith("ب") and len(key) > 3 and key not in vocab().name_words
                                                  and not starts_with_cue(" ".join(words[i:])))):
            return " ".join(words[:i]).strip(" ،,:؛;"), " ".join(words[i:])
    return text.strip(" ،,:؛;"), ""


def _cue_at(key: str) -> int:
    """Where the first partnership cue is in `key`, or -1."""
    found = [p for cue in vocab().cues if (p := key.find(cue)) >= 0]
    return min(found) if found else -1


def starts_with_cue(text: str) -> bool:
    key = arabic_key(text).lstrip("و ،,")
    return any(key.startswith(cue) for cue in vocab().cues) or _cue_at(arabic_key(text)) == 0


class Actors(NamedTuple):
    bureaux: tuple[str, ...]
    with_bureaux: tuple[str, ...]
    assignee: str | None


def actors(addressee: str, sector: str | None) -> Actors:
    """Lead Bureaux (before the first partnership cue), partner Bureaux and assignees of an addressee."""
    key = arabic_key(addressee)
    cut = _cue_at(key)
    lead_key, rest = (key, "") if cut < 0 else (key[:cut], key[cut:])
    lead = bureaux_in_key(lead_key) or _all_bureaux(lead_key)
    partners = _partners(rest, lead)
    return Actors(lead, partners, "; ".join(_assignees(lead_key, sector)) or None)


def _all_bureaux(key: str) -> tuple[str, ...]:
    """('TSB', 'BDT', 'BR') for 'مديري المكاتب' (not followed by 'الأخرى'), else ()."""
    for form in vocab().all_bureaux:
        at = key.find(form)
        if at >= 0 and (at == 0 or not key[at - 1].isalnum()) and not key[at + len(form):].lstrip().startswith("الاخر"):
            return bureau_vocab().order
    return ()


def _partners(key: str, lead: tuple[str, ...]) -> tuple[str, ...]:
    """Bureaux named after a partnership cue (`key` from the cue on); 'the other Bureaux' are all
    but the lead."""
    if not key:
        return ()
    named, other = bureau_mentions(key)
    partners = set(named)
    if other and lead:
        partners |= set(bureau_vocab().order) - set(lead)
    return order(partners - set(lead))


def _assignees(key: str, sector: str | None) -> list[str]:
    """English names of the non-Bureau addressees named in `key`, in order."""
    return in_order([(m.start(), clean(fill(name, m, sector))) for name, m in first_claims(vocab().assignees, key)])


def _to_addressee(text: str) -> bool:
    """'إلى' then an addressee: the person a request is made to, not a clause ('إلى المساهمة')."""
    words = text.split(None, 1)
    return len(words) == 2 and arabic_key(words[0]) in ("الي", "إلى") and _addressee_start(words[1])


def _addressee_start(text: str) -> bool:
    """Does a clause open with its own addressee ('مدير مكتب تنمية الاتصالات أن يقدم …')?"""
    key = arabic_key(text)
    if _clause_like(text):
        return False
    return key.startswith(("مدير", "مديري")) or any(p.match(key) for _, p in vocab().assignees)


# --- the parser ---------------------------------------------------------------------------------------

class _Builder:
    __slots__ = ("start", "loc", "addressee", "open", "clauses", "hierarchy")

    def __init__(self, start: _Start, loc: Location) -> None:
        self.start, self.loc = start, loc
        self.addressee: str | None = None
        self.open = False
        self.clauses: list[tuple[str | None, str | None, str, Location]] = []
        self.hierarchy = Hierarchy()


class _Parser:
    def __init__(self, resumed: set[Location]) -> None:
        """`resumed`: the paragraphs after an omission, which go on with no clause before them."""
        self.messages: list[Diagnostic] = []
        self.used: set[Location] = set()
        self.sector: str | None = None
        self.assembly: str | None = None
        self.resumed = resumed

    def warn(self, code: str, message: str, loc: Location | None, key: str | None = None, level: str = "warning"):
        self.messages.append(Diagnostic(level, code, message, loc, key))

    def resolution(self, blocks: list[Block], key: str, header: ident.Header | None) -> Resolution:
        head = blocks[0]
        footnotes = footnotes_of(blocks)
        body = [b for b in blocks[1:] if clean(b.text)]
        self.used.add(head.loc)
        self.used.update(b.loc for b in body)
        edition = header.edition if header else None
        title = None
        i = 0
        if body and header is not None and header_styled(head) and body[0].style == head.style \
                and (paren := _HEADER_REST.match(clean(body[0].text))):
            # the header's parenthesis in a paragraph of its own, in the header's style: the rest of the header
            edition, i = edition or _edition(arabic_key(paren.group(1)), body[0].text), 1
        if len(body) > i and section_start(body[i]) is None and read_preamble(body[i].text) is None \
                and split_label(body[i].text).label is None:
            title, i = clean(body[i].text), i + 1
        if title is None:
            self.warn("missing-title", f"{key}: no title after the resolution header", head.loc, key)
        intro: list[str] = []
        sections: list[_Builder] = []
        current: _Builder | None = None
        rest = body[i:]
        for b in rest:
            if section_start(b) is not None:
                break
            preamble = read_preamble(b.text)
            if preamble is not None:
                edition = ident.with_preamble(edition, preamble)
                break
        self.assembly = edition.assembly if edition else None
        self.sector = ident.sector_of(self.assembly)
        for n, b in enumerate(rest):
            start = section_start(b)
            if start is not None and _sentence_in_provisions(start, b, current):
                start = None
            if start is None and _unknown_phrase(b, rest[n + 1] if n + 1 < len(rest) else None, current):
                start = _Start(None, "unknown", False, clean(b.text), "")
                self.warn("unknown-phrase", f"{key}: {start.written!r} reads as an operative or preambular phrase that "
                          "is not in the vocabulary; its clauses are kept under it with no verb", b.loc, key)
            if start is not None:
                current = _Builder(start, b.loc)
                sections.append(current)
                self._open(current, b.loc)
                continue
            if current is None:
                if split_label(b.text).label is not None:
                    self.warn("clause-outside-section", f"{key}: a labelled paragraph before any phrase is kept in "
                              f"the intro: {clean(b.text)[:60]!r}", b.loc, key)
                intro.append(clean(b.text))
                continue
            if current.start.kind == "provisions" and not current.clauses and provisions_title(b):
                current.start = current.start._replace(written=f"{current.start.written} – {clean(b.text)}")
                continue
            self._line(current, b)
        if not sections:
            self.warn("no-sections", f"{key}: no operative or preambular phrase found", head.loc, key)
        return Resolution(
            key=key, number=header.number if header else None, header=clean(head.text), status=None, title_en=None,
            title_ar=title, summary_ar=None, footnotes=footnotes, intro=tuple(intro),
            sections=tuple(self._finish(key, s) for s in sections), loc=head.loc,
            designation=header.designation if header else None, edition=edition,
        )

    def _open(self, builder: _Builder, loc: Location) -> None:
        start = builder.start
        if not start.rest:
            return
        if start.kind == "operative" and start.addressed and not _clause_like(start.rest):
            self._take_addressee(builder, start.rest, loc)
        else:
            builder.clauses.append((None, None, start.rest, loc))

    def _take_addressee(self, builder: _Builder, text: str, loc: Location) -> None:
        addressee, remainder = split_addressee(text)
        builder.addressee = f"{builder.addressee}، {addressee}" if builder.addressee else addressee
        builder.open = not remainder
        if remainder:
            builder.clauses.append((None, None, remainder, loc))

    def _line(self, builder: _Builder, block: Block) -> None:
        start = builder.start
        labelled = split_label(block.text) if block.label is None else None
        label = block.label if labelled is None else labelled.label
        text = clean(block.text if labelled is None else labelled.text)
        if not text:
            return
        if start.kind == "operative" and label is None and block.level is None and not builder.clauses:
            if builder.addressee is None and start.addressed and _to_addressee(text):
                text = text.split(None, 1)[1]  # 'إلى الفريق الاستشاري … أن يقدم': requests (إلى) someone
            if builder.addressee is None and start.addressed and not _clause_like(text):
                self._take_addressee(builder, text, block.loc)
                return
            if builder.addressee is not None and builder.open and starts_with_cue(text):
                self._take_addressee(builder, text, block.loc)
                return
        builder.open = False
        nested = bool(labelled and labelled.bullet) or (label is None and block.level is None and block.loc not in self.resumed
                                                           and _continues(builder, text))
        parent = builder.hierarchy.parent_of(label, nested, block.level)
        builder.clauses.append((label, parent, text, block.loc))

    def _finish(self, key: str, builder: _Builder) -> Section:
        start = builder.start
        section = actors(builder.addressee, self.sector) if start.kind == "operative" and builder.addressee \
            else Actors((), (), None)
        clauses = []
        for label, parent, text, loc in builder.clauses:
            note = bool(vocab().editorial_note.match(arabic_key(text)))  # nobody acts on an editorial note
            own = Actors((), (), None) if note else section
            if start.kind == "operative" and not note:
                if _addressee_start(text):
                    addressee, remainder = split_addressee(text)
                    if remainder:
                        found = actors(addressee, self.sector)
                        if found.bureaux or found.assignee:
                            own = found
                cue = _cue_at(arabic_key(text))
                extra = _partners(arabic_key(text)[cue:], own.bureaux) if cue >= 0 else ()
                own = Actors(own.bureaux, order((set(own.with_bureaux) | set(section.with_bureaux) | set(extra))
                                                - set(own.bureaux)), own.assignee)
            clauses.append(Clause(label, parent, text, start.verb, own.bureaux, own.with_bureaux, own.assignee, loc,
                                  None if start.kind == "provisions" else start.written,
                                  reports_to(text, self.sector, self.assembly) if start.kind == "operative" and not note
                                  else ()))
        if not clauses:
            self.warn("empty-section", f"{key}: {start.written!r} has no clause", builder.loc, key)
        return Section(start.verb, start.kind, start.written, builder.addressee, section.bureaux, section.with_bureaux,
                       section.assignee, tuple(clauses), builder.loc)


def _other_instrument(block: Block) -> bool:
    """A decision's, recommendation's or opinion's header (المقرر 5 (…)): it ends the resolution before it."""
    text = clean(block.text)
    return block.label is None and len(text) <= 120 and bool(vocab().other_instrument.match(arabic_key(text)))


def has_arabic_resolutions(blocks: list[Block]) -> bool:
    return any(read_header(b) is not None for b in blocks if not b.merged)


def parse_arabic_text(blocks: list[Block]) -> Result[list[Resolution]]:
    """Every Arabic resolution in `blocks` (consumed: the blocks it took into the model)."""
    paras = [b for b in blocks if not b.merged]
    furniture, notes, proposed, resumed = set_aside(paras, _content, arabic=True)  # never clauses; each noted
    kept = [i for i in range(len(paras)) if i not in furniture]
    position = {old: new for new, old in enumerate(kept)}
    proposed = {position[i] for i in proposed if i in position}
    paras = [paras[i] for i in kept]
    heads = [(i, h) for i, b in enumerate(paras)
             if (h := read_header(b) or ("other" if _other_instrument(b) else "unread" if header_styled(b) else None))]
    later = Counter(ident.base_key(h) for _, h in heads if isinstance(h, ident.Header))
    parser = _Parser(resumed)
    resolutions: list[Resolution] = []
    keys: set[str] = set()
    new = unread = 0
    for n, (i, header) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(paras)
        if header == "other":
            parser.warn("not-a-resolution", f"{clean(paras[i].text)!r} heads another instrument: it ends the resolution "
                        f"before it, and its {end - i} paragraphs are left out of the data", paras[i].loc)
            continue
        if header == "unread":
            unread += 1
            base = f"UNREAD-{unread}"
            parser.warn("header-unreadable", f"{clean(paras[i].text)!r} is styled as a resolution header but cannot be "
                        f"read; what follows is kept apart as {base}", paras[i].loc, base)
            header = None
        else:
            base = ident.base_key(header)
            later[base] -= 1
            following = paras[heads[n + 1][0]] if n + 1 < len(heads) else None
            why = contents_entry(paras[i:end], base, later[base], following, i in proposed,
                                 lambda b: _content(b) or read_preamble(b.text) is not None)
            if why:
                parser.warn("toc-entry", f"{clean(paras[i].text)!r} has no text and {why}", paras[i].loc, level="info")
                continue
        if base == "NEW":
            new += 1
            base = f"NEW-{new}"
        key, k = base, 2
        while key in keys:
            key, k = f"{base}-{k}", k + 1
        if key != base:
            parser.warn("duplicate-number", f"resolution {base} appears more than once", paras[i].loc)
        keys.add(key)
        resolutions.append(parser.resolution(paras[i:end], key, header))
    if not resolutions:
        parser.warn("no-resolutions", "no Arabic resolution header (القرار N / قرار جديد) found", None, level="error")
    return Result(resolutions, tuple(parser.messages) + tuple(notes), frozenset(parser.used))


def _content(block: Block) -> bool:
    """A header, phrase or label: never page furniture, however often it comes."""
    return block.label is not None or read_header(block) is not None or section_start(block) is not None \
        or split_label(block.text).label is not None
