"""Which resolution a header names: designation, number, edition and a stable key.

The grammar (`RESOLUTION 76 (Rev. Geneva, 2022)`, `RESOLUTION ITU-R 9-6`, `DRAFT NEW RESOLUTION
[ACP-2]`, `DRAFT REVISION OF RESOLUTION 37`, `RESOLUTION 212 (Rev.WRC-19)`) and the assemblies are
data (data/identity.json); this module only reads them.
"""

import re
from functools import cache
from typing import NamedTuple

from wtsa_extract.model import Edition
from wtsa_extract.normalize import clean, fold
from wtsa_extract.vocabulary import load


class Header(NamedTuple):
    new: bool
    number: int | None
    designation: str | None
    edition: Edition | None
    edition_text: str | None  # the parenthesis as written, when it could not be read


class _Identity(NamedTuple):
    header: re.Pattern[str]
    edition: re.Pattern[str]
    preamble: re.Pattern[str]
    mention: re.Pattern[str]
    by_name: dict[str, str]  # folded lower-case assembly name -> code
    sectors: dict[str, str | None]
    designation_assembly: dict[str, str]
    events: dict[tuple[str, int], str | None]  # (place lower-case, year) -> code, None where two met
    proposal_mark: re.Pattern[str]
    reasons: re.Pattern[str]


@cache
def identity() -> _Identity:
    data = load("identity.json")
    events: dict[tuple[str, int], str | None] = {}
    for place, year, code in data["events"]:
        events[(place.lower(), year)] = code if isinstance(code, str) else None
    return _Identity(
        header=re.compile(data["header"], re.IGNORECASE),
        edition=re.compile(data["edition"], re.IGNORECASE),
        preamble=re.compile(data["preamble"]),
        mention=re.compile(data["assembly_mention"]),
        by_name={n.lower(): code for code, a in data["assemblies"].items() for n in a["names"]},
        sectors={code: a["sector"] for code, a in data["assemblies"].items()},
        designation_assembly=data["designation_assembly"],
        events=events,
        proposal_mark=re.compile(data["proposal_mark"]),
        reasons=re.compile(data["reasons"]),
    )


def looks_like_header(text: str, style: str | None) -> bool:
    """Cheap screen: could `text` be a header line? (Most paragraphs are ruled out without a regex.)"""
    return len(text) <= 200 and "RESOLUTION" in text.upper()


def read_header(text: str) -> Header | None:
    """The header `text` is, or None."""
    m = identity().header.match(fold(text))
    if m is None:
        return None
    designation = m.group("designation")
    tag = m.group("tag")
    new = bool(m.group("new"))
    if not (designation or tag or new):
        return None  # a bare 'Resolution' (a column heading, a word) names no resolution
    number = None
    if designation:
        designation = " ".join(designation.split())
        digits = re.search(r"\d+", designation.split(" ", 1)[-1] if designation.upper().startswith("ITU-") else designation)
        number = int(digits.group(0)) if digits and "/" not in designation else None
    elif tag:
        designation = clean(tag)
    paren = m.group("paren")
    edition = read_edition(paren) if paren else None
    if designation and designation.upper().startswith("ITU-"):
        assembly = identity().designation_assembly.get(designation[:5].upper())
        revised = "-" in designation[5:]
        edition = (edition or Edition(None, None, None, revised))._replace(assembly=assembly,
                                                                           revised=revised or bool(edition and edition.revised))
    return Header(new, number, designation, edition, paren if paren and edition is None else None)


def read_edition(paren: str) -> Edition | None:
    """'Rev. Geneva, 2022' -> Edition(WTSA, Geneva, 2022, revised); 'Rev.WRC-19' -> (WRC, None, 2019, revised)."""
    m = identity().edition.match(fold(paren))
    if m is None:
        return None
    revised = bool(m.group("rev"))
    if m.group("acronym"):
        code = m.group("acronym").upper()
        return Edition(code if code in identity().sectors else None, None, year_of(m.group("yy")), revised)
    place, year = clean(m.group("place")), int(m.group("year"))
    return Edition(identity().events.get((place.lower(), year)), place, year, revised)


def year_of(digits: str) -> int:
    """'19' -> 2019, '97' -> 1997, '2000' -> 2000 (ITU's assemblies since 1950)."""
    year = int(digits)
    return year if year >= 100 else (1900 + year if year >= 50 else 2000 + year)


def read_preamble(text: str) -> Edition | None:
    """The assembly (and place and year) a preamble line names: 'The Plenipotentiary Conference of the
    International Telecommunication Union (Bucharest, 2022),'; None for any other paragraph."""
    if len(text) > 200 or not text.lstrip().startswith("The"):
        return None
    m = identity().preamble.match(fold(text))
    if m is None:
        return None
    name = " ".join(m.group("name").split()).lower()
    code = identity().by_name.get(name)
    if code is None:
        return None
    where = read_edition(m.group("paren")) if m.group("paren") else None
    return Edition(code, where.place if where else None, where.year if where else None, False)


def with_preamble(edition: Edition | None, preamble: Edition) -> Edition:
    """The header's edition completed by what the preamble line says (the preamble names the assembly)."""
    if edition is None:
        return preamble
    return edition._replace(assembly=preamble.assembly, place=edition.place or preamble.place,
                            year=edition.year or preamble.year)


def apparatus(text: str) -> str | None:
    """'proposal-mark' for a proposal's 'MOD ACP/64A1/1' line, 'proposal-reasons' for its 'Reasons:'."""
    folded = fold(text).strip()
    if len(folded) <= 60 and identity().proposal_mark.match(folded):
        return "proposal-mark"
    if identity().reasons.match(folded):
        return "proposal-reasons"
    return None


def mentioned_assembly(text: str) -> str | None:
    """The first assembly named by its acronym ('WTSA-16') in `text`."""
    m = identity().mention.search(fold(text))
    return m.group("acronym") if m else None


def sector_of(assembly: str | None) -> str | None:
    """The Sector whose study groups an unqualified 'Study Group N' of `assembly` means."""
    return identity().sectors.get(assembly) if assembly else None


def base_key(header: Header) -> str:
    """'R76' for a number, 'ITU-R-9-6' for another designation, 'NEW-ACP-2' for a tagged new one,
    'NEW' for an untagged one (numbered in order by the caller)."""
    if header.designation is None:
        return "NEW"
    if header.new:
        return "NEW-" + "-".join(header.designation.split())
    if header.designation[0].isdigit():
        return "R" + header.designation.replace(" ", "")
    return "-".join(header.designation.replace("/", "-").split())
