"""Who must act: Bureaux addressed, Bureaux named as partners, and other assignees."""

import re
from functools import lru_cache
from typing import NamedTuple

from wtsa_extract.normalize import clean, fold
from wtsa_extract.vocabulary import assignees, bureaux, fill, first_claims, in_order


def order(codes) -> tuple[str, ...]:
    """Bureau codes de-duplicated, in the canonical order (TSB, BDT, BR)."""
    wanted = set(codes)
    return tuple(code for code in bureaux().order if code in wanted)


def bureau_mentions(text: str) -> list[tuple[int, int, str]]:
    """Where `text` names Bureaux, as (start, end, code): a Bureau's code, `ALL` for a group naming
    all three ('the three Bureaux') or `OTHER` for 'the other Bureaux'. The one Bureau recogniser:
    the parser and the Akoma Ntoso export (its `organization` marks) both read this."""
    return [(m.start(), m.end(), _group_code(m.lastgroup or "")) for m in bureaux().mention.finditer(fold(text))]


def _group_code(group: str) -> str:
    return "ALL" if group.startswith("ALL") else "OTHER" if group.startswith("OTHER") else group


def mentions(text: str) -> tuple[set[str], bool]:
    """Bureau codes named in `text` (groups such as 'the three Bureaux' expanded), and whether
    'the other Bureaux' is said (to be resolved against the lead)."""
    found: set[str] = set()
    other = False
    for _, _, code in bureau_mentions(text):
        if code == "ALL":
            found.update(bureaux().order)
        elif code == "OTHER":
            other = True
        else:
            found.add(code)
    return found, other


MAX_SPAN = 300  # characters after a cue that can name partners (keeps long paragraphs linear)


def partner_spans(text: str) -> list[str]:
    """The stretches of `text` that follow a partnership cue ('in collaboration with', 'to assist' …)."""
    vocab = bureaux()
    folded = fold(text)
    spans = []
    for cue in vocab.partner_cue.finditer(folded):
        window = folded[cue.end(): cue.end() + MAX_SPAN]
        end = vocab.span_end.search(window)
        spans.append(window[: end.start()] if end else window)
    return spans


def partners(text: str, lead: tuple[str, ...]) -> tuple[set[str], bool]:
    """Bureaux named as partners in `text`; 'the other Bureaux' is all but `lead`.
    The bool says 'other Bureaux' was named with no lead to resolve it against."""
    found: set[str] = set()
    unresolved = False
    for span in partner_spans(text):
        codes, other = mentions(span)
        found |= codes
        if other:
            if lead:
                found |= set(bureaux().order) - set(lead)
            else:
                unresolved = True
    return found - set(lead), unresolved


def split_lead(addressee: str) -> tuple[str, str]:
    """Split an addressee at its first partnership cue: (lead, rest)."""
    cue = bureaux().partner_cue.search(fold(addressee))
    if cue is None:
        return addressee, ""
    return addressee[: cue.start()], addressee[cue.start():]


_SECTOR = re.compile(r"\bITU-[TDR]\b")


def assignee_names(text: str, sector: str | None = None) -> list[str]:
    """Normalised names of the non-Bureau addressees named in `text`, in order of appearance; a study
    group whose Sector is not written is `sector`'s."""
    folded = fold(text)
    if sector is None:  # 'ITU-T, in particular Study Group 5': the Sector named in the text
        named = _SECTOR.search(folded)
        sector = named.group(0) if named else None
    found: list[tuple[int, str]] = []
    for entity, m in first_claims(((e, e.pattern) for e in assignees().entities), folded):
        if entity.each:  # 'Study Groups 1 and 2': one name per number, the Sector written or implied
            name = entity.name.replace("{1}", m.group(1) or sector or "")
            found += [(m.start() + k, clean(name.replace("{n}", n)))
                      for k, n in enumerate(re.findall(r"\d+", m.group(entity.each)))]
        else:
            found.append((m.start(), clean(fill(entity.name, m, sector))))
    names = in_order(found)
    # 'ITU-T, in particular Study Group 5': the study group is the more precise name.
    if any("Study Group" in n or "study groups" in n for n in names):
        names = [n for n in names if n not in ("ITU-T", "ITU-D", "ITU-R")]
    return names


class Actors(NamedTuple):
    bureaux: tuple[str, ...]
    with_bureaux: tuple[str, ...]
    assignee: str | None
    unresolved_other: bool = False


NOBODY = Actors((), (), None)


MAX_ADDRESSEE = 600  # characters of an addressee read for names (a real one is a line)


@lru_cache(maxsize=1024)  # one addressee ('the Director of the TSB') opens most sections of a document
def actors_of_addressee(addressee: str, sector: str | None = None) -> Actors:
    """Bureaux addressed (the lead), partner Bureaux and other assignees of an addressee phrase."""
    lead_text, rest = split_lead(addressee[:MAX_ADDRESSEE])
    lead_codes, lead_other = mentions(lead_text)
    lead = order(lead_codes)
    # Bureaux named in the lead count as addressed only with a Director, or as the
    # Bureau itself ('the Telecommunication Development Bureau (BDT), in collaboration…').
    with_codes, unresolved = partners(rest, lead) if rest else (set(), False)
    if lead_other and not lead:
        unresolved = True
    remaining = _without_bureau_names(lead_text)
    names = assignee_names(remaining, sector)
    return Actors(lead, order(with_codes), "; ".join(names) or None, unresolved)


_BUREAU_WORDS = re.compile(
    r"\b(?:the\s+)?Directors?\s+of\s+(?:the\s+)?|\bDirectors?\b|\bBureaux\b")


def _without_bureau_names(text: str) -> str:
    """`text` with Bureau names and Director words blanked, so only other entities remain."""
    folded = fold(text)
    folded = bureaux().mention.sub(" ", folded)
    return _BUREAU_WORDS.sub(" ", folded)


def starts_with_cue(text: str) -> bool:
    """Does `text` open with a partnership cue ('in collaboration with …')? Such a paragraph right
    after an addressee continues it."""
    folded = fold(text).lstrip(" ,")
    cue = bureaux().partner_cue.search(folded)
    return cue is not None and cue.start() == 0


def is_addressee_start(text: str) -> bool:
    return bool(assignees().addressee_start.match(fold(text).strip()))


_INFINITIVE = re.compile(r",?\s+to\s+(?=[a-z])")


def split_addressee(text: str) -> tuple[str, str]:
    """'the Director of TSB … to take the actions' -> ('the Director of TSB …', 'to take the actions').

    Splits at the first infinitive; the second part is '' when there is none."""
    m = _INFINITIVE.search(fold(text))
    if m is None:
        return text.strip().rstrip(",:;").strip(), ""
    return text[: m.start()].strip().rstrip(",:;").strip(), "to " + text[m.end():].strip()
