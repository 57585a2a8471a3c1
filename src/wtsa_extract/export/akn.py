"""Akoma Ntoso 3.0 export (OASIS LegalDocML): a `documentCollection` with, per resolution, an English
`statement` (preamble with the preambular blocks, mainBody with the operative blocks, each clause a
numbered element with a stable eId, Bureaux as TLCOrganization references and inline `organization`
marks) and, where the overview gives one, an Arabic expression of the same work."""

from __future__ import annotations

import re

from lxml import etree

from wtsa_extract.model import Clause, Document, Resolution, Section
from wtsa_extract.vocabulary import bureaux as bureau_vocab

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_ID = re.compile(r"[^a-z0-9]+")


def _el(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    el = etree.SubElement(parent, f"{{{AKN}}}{tag}", {k.rstrip("_"): v for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = text
    return el


def _slug(text: str) -> str:
    return _ID.sub("_", text.lower()).strip("_") or "x"


def _date(r: Resolution) -> str:
    m = _YEAR.search(f"{r.header} {r.title_en or ''}")
    return f"{m.group(0)}-01-01" if m else "1900-01-01"


def _identification(meta, work: str, lang: str, date: str, date_name: str, ns: str) -> None:
    ident = _el(meta, "identification", source=f"#{ns}wtsa-extract")
    expr = f"{work}/{lang}@"
    for level, this, uri in (("FRBRWork", f"{work}/!main", work), ("FRBRExpression", f"{expr}/!main", expr),
                             ("FRBRManifestation", f"{expr}/!main.xml", f"{expr}.akn")):
        frbr = _el(ident, level)
        _el(frbr, "FRBRthis", value=this)
        _el(frbr, "FRBRuri", value=uri)
        _el(frbr, "FRBRdate", date=date, name=date_name)
        _el(frbr, "FRBRauthor", href=f"#{ns}itu")
        if level == "FRBRWork":
            _el(frbr, "FRBRcountry", value="un")
        if level == "FRBRExpression":
            _el(frbr, "FRBRlanguage", language=lang)


def _references(meta, bureaux: set[str], ns: str) -> None:
    """Organisations referred to; eIds are unique across the whole collection, hence the `ns` prefix."""
    refs = _el(meta, "references", source=f"#{ns}wtsa-extract")
    _el(refs, "TLCOrganization", eId=f"{ns}wtsa-extract", href="/ontology/organization/wtsa-extract",
        showAs="wtsa-extract")
    _el(refs, "TLCOrganization", eId=f"{ns}itu", href="/ontology/organization/itu",
        showAs="International Telecommunication Union")
    for code in sorted(bureaux):
        _el(refs, "TLCOrganization", eId=f"{ns}{code.lower()}", href=f"/ontology/organization/itu.{code.lower()}",
            showAs=bureau_vocab().names[code])


def _text_with_marks(p, text: str, ns: str) -> None:
    """Text of a clause with each Bureau name or abbreviation marked as an `organization`."""
    pattern = re.compile("|".join(f"(?P<{c}>{re.escape(n)}|\\b{c}\\b)" for c, n in bureau_vocab().names.items()))
    last, tail_of = 0, None
    for m in pattern.finditer(text):
        chunk = text[last:m.start()]
        if tail_of is None:
            p.text = (p.text or "") + chunk
        else:
            tail_of.tail = (tail_of.tail or "") + chunk
        tail_of = _el(p, "organization", m.group(0), refersTo=f"#{ns}{m.lastgroup.lower()}")
        last = m.end()
    rest = text[last:]
    if tail_of is None:
        p.text = (p.text or "") + rest
    else:
        tail_of.tail = (tail_of.tail or "") + rest


def _section_eid(key: str, i: int, s: Section) -> str:
    return f"{_slug(key)}__{_slug(s.verb or s.heading)}_{i}"


def _clause(parent, eid: str, c: Clause, ns: str) -> None:
    par = _el(parent, "paragraph", eId=eid)
    if c.label:
        _el(par, "num", c.label)
    content = _el(par, "content")
    _text_with_marks(_el(content, "p"), c.text, ns)


def _statement(component, r: Resolution, lang: str) -> None:
    st = _el(component, "statement", name="resolution")
    meta = _el(st, "meta")
    work = f"/akn/un/statement/itu-wtsa/{_slug(r.key)}"
    ns = f"{_slug(r.key)}_{lang}_"
    _identification(meta, work, lang, _date(r), "adoption" if _YEAR.search(r.header) else "unknown", ns)
    bureaux = {b for s in r.sections for c in s.clauses for b in (*c.bureaux, *c.with_bureaux)}
    _references(meta, bureaux, ns)
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
    preambular = [(i, s) for i, s in enumerate(r.sections, 1) if s.kind == "preambular"]
    if preambular:
        preamble = _el(st, "preamble")
        for i, s in preambular:
            container = _el(preamble, "container", name=_slug(s.verb or s.heading), eId=_section_eid(r.key, i, s))
            _el(container, "p", s.heading)
            for j, c in enumerate(s.clauses, 1):
                _text_with_marks(_el(container, "p", eId=f"{_section_eid(r.key, i, s)}__cl_{j}"),
                                 f"{c.label} {c.text}" if c.label else c.text, ns)
    body = _el(st, "mainBody")
    for i, s in enumerate(r.sections, 1):
        if s.kind == "preambular":
            continue
        eid = _section_eid(r.key, i, s)
        block = _el(body, "hcontainer", name=_slug(s.verb or s.kind), eId=eid)
        _el(block, "heading", s.heading)
        if s.addressee:
            intro = _el(block, "intro")
            _text_with_marks(_el(intro, "p"), s.addressee, ns)
        for j, c in enumerate(s.clauses, 1):
            _clause(block, f"{eid}__cl_{j}", c, ns)
        if not s.clauses:
            _el(_el(block, "content"), "p")


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
        if r.title_ar or r.summary_ar:
            _statement(_el(body, "component", eId=f"cmp_{_slug(r.key)}_ara"), r, "ara")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")
