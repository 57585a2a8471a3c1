"""Akoma Ntoso 3.0 export (OASIS LegalDocML), in two shapes.

`to_akn` (`--format akn`): one XML file, a `documentCollection` with, per resolution, an English
`statement` (preamble with the preambular blocks, mainBody with the operative blocks, each clause a
numbered element with a stable eId, Bureaux as TLCOrganization references and inline `organization`
marks) and, where the overview gives one, an Arabic `statement` of the same work with the title and
summary. The schema makes eIds unique across a whole collection, so the two statements of one work
cannot share eIds there.

`to_akn_package` (`--format akn-package`): an Akoma Ntoso package (a ZIP, `.akn`): `main.xml`, a
`documentCollection` whose components are `documentRef`s to the expressions, and each expression as
its own document (`<key>.eng.xml`, `<key>.ara.xml`). English and Arabic of one resolution share the
work IRI and the eIds of every structure; where the Arabic source has no text (the documents give
no Arabic clauses), the Arabic element is there, empty, with `status="unknown"`."""

from __future__ import annotations

import re

from lxml import etree

from wtsa_extract.model import Clause, Document, Resolution, Section
from wtsa_extract.vocabulary import bureaux as bureau_vocab

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
ABSENT = "unknown"  # AKN statusType: the text exists in that language, but the author of this markup lacks it
MAIN = "main.xml"
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_ID = re.compile(r"[^a-z0-9]+")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _el(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    el = etree.SubElement(parent, f"{{{AKN}}}{tag}", {k.rstrip("_"): v for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = text
    return el


def _slug(text: str) -> str:
    return _ID.sub("_", text.lower()).strip("_") or "x"


def _date(r: Resolution) -> str:
    if r.edition is not None and r.edition.year:
        return f"{r.edition.year}-01-01"
    m = _YEAR.search(f"{r.header} {r.title_en or ''}")
    return f"{m.group(0)}-01-01" if m else "1900-01-01"


def _date_name(r: Resolution) -> str:
    return "adoption" if (r.edition is not None and r.edition.year) or _YEAR.search(r.header) else "unknown"


def _work(r: Resolution) -> str:
    return f"/akn/un/statement/itu-wtsa/{_slug(r.key)}"


def _expression(work: str, lang: str) -> str:
    return f"{work}/{lang}@"


def _identification(meta, work: str, lang: str, date: str, date_name: str, ns: str, *,
                    languages: tuple[str, ...] = (), master: str | None = None, number: int | None = None) -> None:
    """FRBR Work, Expression and Manifestation. `languages` (default: `lang`) are the expression's
    FRBRlanguage values; `master` the expression whose eIds this one uses (AKN FRBRmasterExpression);
    `number` the work's number (FRBRnumber), the same in every expression."""
    ident = _el(meta, "identification", source=f"#{ns}wtsa-extract")
    expr = _expression(work, lang)
    for level, this, uri in (("FRBRWork", f"{work}/!main", work), ("FRBRExpression", f"{expr}/!main", expr),
                             ("FRBRManifestation", f"{expr}/!main.xml", f"{expr}.akn")):
        frbr = _el(ident, level)
        _el(frbr, "FRBRthis", value=this)
        _el(frbr, "FRBRuri", value=uri)
        _el(frbr, "FRBRdate", date=date, name=date_name)
        _el(frbr, "FRBRauthor", href=f"#{ns}itu")
        if level == "FRBRWork":
            _el(frbr, "FRBRcountry", value="un")
            if number is not None:
                _el(frbr, "FRBRnumber", value=str(number))
        if level == "FRBRExpression":
            if master:
                _el(frbr, "FRBRmasterExpression", href=master, showAs="English expression (the eIds' source)")
            for language in languages or (lang,):
                _el(frbr, "FRBRlanguage", language=language)


def _references(meta, bureaux: set[str], ns: str) -> None:
    """Organisations referred to. In a collection eIds are unique across the whole collection, hence
    the `ns` prefix there; a standalone document uses none."""
    refs = _el(meta, "references", source=f"#{ns}wtsa-extract")
    _el(refs, "TLCOrganization", eId=f"{ns}wtsa-extract", href="/ontology/organization/wtsa-extract",
        showAs="wtsa-extract")
    _el(refs, "TLCOrganization", eId=f"{ns}itu", href="/ontology/organization/itu",
        showAs="International Telecommunication Union")
    for code in sorted(bureaux):
        _el(refs, "TLCOrganization", eId=f"{ns}{code.lower()}", href=f"/ontology/organization/itu.{code.lower()}",
            showAs=bureau_vocab().names[code])


def _text_with_marks(p, text: str, ns: str) -> None:
    """Text of a clause with each Bureau it names (parse/actors.py's recogniser) marked as an
    `organization`; groups ('the three Bureaux') refer to no one organization and stay text."""
    from wtsa_extract.parse.actors import bureau_mentions

    last, tail_of = 0, None
    for start, end, code in bureau_mentions(text):
        if code in ("ALL", "OTHER"):
            continue
        chunk = text[last:start]
        if tail_of is None:
            p.text = (p.text or "") + chunk
        else:
            tail_of.tail = (tail_of.tail or "") + chunk
        tail_of = _el(p, "organization", text[start:end], refersTo=f"#{ns}{code.lower()}")
        last = end
    rest = text[last:]
    if tail_of is None:
        p.text = (p.text or "") + rest
    else:
        tail_of.tail = (tail_of.tail or "") + rest


def _section_eid(key: str, i: int, s: Section) -> str:
    return f"{_slug(key)}__{_slug(s.verb or s.heading)}_{i}"


class _Text:
    """Puts text into the elements of a body. The English writes the document's text (Bureaux marked
    when `marks`); the Arabic mirror (`absent`) writes each such element empty with status="unknown":
    the same elements and eIds, no text that the Arabic source does not give."""

    def __init__(self, ns: str, absent: bool = False) -> None:
        self.ns, self.absent = ns, absent

    def __call__(self, parent, tag: str, text: str, marks: bool = False, **attrs) -> etree._Element:
        if self.absent:
            return _el(parent, tag, **attrs, status=ABSENT)
        if not marks:
            return _el(parent, tag, text, **attrs)
        el = _el(parent, tag, **attrs)
        _text_with_marks(el, text, self.ns)
        return el


def _clause(parent, eid: str, c: Clause, text: _Text) -> None:
    par = _el(parent, "paragraph", eId=eid)
    if c.label:
        _el(par, "num", c.label)
    text(_el(par, "content"), "p", c.text, marks=True)


def _body(st, r: Resolution, text: _Text) -> None:
    """Preamble (a `container` per preambular block) and mainBody (an `hcontainer` per operative
    block, a numbered `paragraph` per clause); eIds from the key and the section and clause positions."""
    preambular = [(i, s) for i, s in enumerate(r.sections, 1) if s.kind == "preambular"]
    if preambular:
        preamble = _el(st, "preamble")
        for i, s in preambular:
            container = _el(preamble, "container", name=_slug(s.verb or s.heading), eId=_section_eid(r.key, i, s))
            text(container, "p", s.heading)
            for j, c in enumerate(s.clauses, 1):
                text(container, "p", f"{c.label} {c.text}" if c.label else c.text, marks=True,
                     eId=f"{_section_eid(r.key, i, s)}__cl_{j}")
    body = _el(st, "mainBody")
    for i, s in enumerate(r.sections, 1):
        if s.kind == "preambular":
            continue
        eid = _section_eid(r.key, i, s)
        block = _el(body, "hcontainer", name=_slug(s.verb or s.kind), eId=eid)
        text(block, "heading", s.heading)
        if s.addressee:
            text(_el(block, "intro"), "p", s.addressee, marks=True)
        for j, c in enumerate(s.clauses, 1):
            _clause(block, f"{eid}__cl_{j}", c, text)
        if not s.clauses:
            _el(_el(block, "content"), "p")


def _statement(component, r: Resolution, lang: str) -> None:
    """A statement inside the single-file collection (`to_akn`): references prefixed with key and language."""
    st = _el(component, "statement", name="resolution")
    meta = _el(st, "meta")
    ns = f"{_slug(r.key)}_{lang}_"
    _identification(meta, _work(r), lang, _date(r), _date_name(r), ns)
    _references(meta, r.bureaux_named(), ns)
    preface = _el(st, "preface")
    p = _el(preface, "p")
    _el(p, "docNumber", r.header)
    p = _el(preface, "p")
    _el(p, "docTitle", (r.title_en if lang == "eng" else r.title_ar) or "")
    if lang == "ara":
        body = _el(st, "mainBody")
        block = _el(body, "hcontainer", name="summary", eId=f"{_slug(r.key)}__summary")
        _el(_el(block, "content"), "p", r.summary_ar or "")
        return
    _body(st, r, _Text(ns))


def _has_arabic(r: Resolution) -> bool:
    return bool(r.title_ar or r.summary_ar)


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def to_akn(doc: Document) -> str:
    root = etree.Element(f"{{{AKN}}}akomaNtoso", nsmap={None: AKN})
    coll = _el(root, "documentCollection", name="wtsaResolutions")
    meta = _el(coll, "meta")
    _identification(meta, f"/akn/un/documentCollection/itu-wtsa/{doc.source.sha256[:12]}", "eng", "1900-01-01",
                    "unknown", "coll_")
    _references(meta, set(), "coll_")
    body = _el(coll, "collectionBody")
    for r in doc.resolutions:
        _statement(_el(body, "component", eId=f"cmp_{_slug(r.key)}_eng"), r, "eng")
        if _has_arabic(r):
            _statement(_el(body, "component", eId=f"cmp_{_slug(r.key)}_ara"), r, "ara")
    return _xml(root).decode("utf-8")


# --- the package: one document per expression ---------------------------------------------------------

def member_name(r: Resolution, lang: str) -> str:
    """The file in the package holding expression `lang` of resolution `r`."""
    return f"{_slug(r.key)}.{lang}.xml"


def _expression_document(r: Resolution, lang: str) -> bytes:
    """One expression of one resolution as a standalone document: its own eIds (no collection prefix),
    the same in English and Arabic."""
    root = etree.Element(f"{{{AKN}}}akomaNtoso", nsmap={None: AKN})
    st = _el(root, "statement", name="resolution")
    meta = _el(st, "meta")
    work = _work(r)
    arabic = lang == "ara"
    _identification(meta, work, lang, _date(r), _date_name(r), "", number=r.number,
                    master=_expression(work, "eng") if arabic else None)
    _references(meta, set() if arabic else r.bureaux_named(), "")
    preface = _el(st, "preface")
    if not arabic:
        _el(_el(preface, "p"), "docNumber", r.header)
        _el(_el(preface, "p"), "docTitle", r.title_en or "")
        _body(st, r, _Text(""))
        return _xml(root)
    _el(_el(preface, "p"), "docNumber", status=ABSENT)  # the header as written in Arabic is not in the source
    if r.title_ar:
        _el(_el(preface, "p"), "docTitle", r.title_ar)
    else:
        _el(_el(preface, "p"), "docTitle", status=ABSENT)
    if r.summary_ar:
        _el(_el(preface, "container", name="summary", eId="summary"), "p", r.summary_ar)
    _body(st, r, _Text("", absent=True))
    return _xml(root)


def _collection_document(doc: Document, members: list[tuple[Resolution, str]]) -> bytes:
    root = etree.Element(f"{{{AKN}}}akomaNtoso", nsmap={None: AKN})
    coll = _el(root, "documentCollection", name="wtsaResolutions")
    meta = _el(coll, "meta")
    languages = tuple(dict.fromkeys(lang for _, lang in members)) or ("eng",)
    _identification(meta, f"/akn/un/documentCollection/itu-wtsa/{doc.source.sha256[:12]}",
                    "mul" if len(languages) > 1 else languages[0], "1900-01-01", "unknown", "",
                    languages=languages)
    _references(meta, set(), "")
    body = _el(coll, "collectionBody")
    for n, (r, lang) in enumerate(members, 1):
        if lang == "eng":
            shown = r.title_en or r.header
        else:  # a label in the collection; the Arabic document itself holds no English
            shown = r.title_ar or f"{r.title_en or r.header} (Arabic summary)"
        component = _el(body, "component", eId=f"cmp_{n}")
        _el(component, "documentRef", eId=f"cmp_{n}__dref_1", href=_expression(_work(r), lang), showAs=shown)
    return _xml(root)


def akn_package_members(doc: Document) -> dict[str, bytes]:
    """The package's files by name: `main.xml` (the collection) first, then the expressions sorted by name."""
    members = [(r, lang) for r in doc.resolutions for lang in ("eng", "ara") if lang == "eng" or _has_arabic(r)]
    files = {member_name(r, lang): _expression_document(r, lang) for r, lang in members}
    return {MAIN: _collection_document(doc, members), **dict(sorted(files.items()))}


def to_akn_package(doc: Document) -> bytes:
    """The package as ZIP bytes, the same bytes for the same document: fixed timestamps and
    permissions, fixed order, one compression level."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        for name, data in akn_package_members(doc).items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            package.writestr(info, data)
    return buffer.getvalue()
