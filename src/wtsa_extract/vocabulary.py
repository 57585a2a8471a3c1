"""Vocabulary kept as data (`data/*.json`), loaded once and compiled on first use."""

import json
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from wtsa_extract.prefilter import Prefiltered

DATA = Path(__file__).parent / "data"  # a plain path: importlib.resources costs ~10 ms of start-up


def load(name: str) -> dict:
    return json.loads((DATA / name).read_text("utf-8"))


def fill(template: str, m: re.Match[str], sector: str | None = None) -> str:
    """A name template from the data ('Study Group {1}') with the match's groups put in ({1}, {2} …)
    and `sector` for {sector} (nothing when None)."""
    if "{sector}" in template:
        template = template.replace("{sector}", sector or "")
    for i, group in enumerate(m.groups(), start=1):
        template = template.replace(f"{{{i}}}", group or "")
    return template


def first_claims(patterns, text: str):
    """(item, match) for every match in `text` of each (item, pattern), patterns in order, leaving out
    a match that overlaps one already taken: a later, less specific pattern never reads a span again."""
    claimed: list[tuple[int, int]] = []
    for item, pattern in patterns:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in claimed):
                continue
            claimed.append((m.start(), m.end()))
            yield item, m


def in_order(found: list[tuple[int, str]]) -> list[str]:
    """The names of (position, name) pairs in order of position, each once."""
    return list(dict.fromkeys(name for _, name in sorted(found)))


class Phrase(NamedTuple):
    phrase: str
    kind: str
    addressed: bool = False  # speaks to someone: an addressee may follow


class Phrases(NamedTuple):
    by_variant: dict[str, Phrase]  # variant, lower case, single-spaced -> canonical phrase
    longest: int  # words in the longest variant
    extensions: dict[str, dict[str, str]]
    first_words: frozenset[str]  # the first word of every variant, lower case
    words: re.Pattern[str]  # the first `longest` words of a text, one group each

    def match(self, text: str) -> tuple[str, Phrase, int] | None:
        """(variant as written, phrase, end offset) for the longest variant that opens `text` and is
        followed by its end, white space or , : ; — a dictionary look-up of the first words (a regex
        of every variant would cost more to compile than all the look-ups of a document)."""
        m = self.words.match(text)
        if m is None or m.group(1).rstrip(",:;").lower() not in self.first_words:
            return None
        words = [(m.group(i), m.end(i)) for i in range(1, self.longest + 1) if m.group(i) is not None]
        for k in range(len(words), 0, -1):
            last, end = words[k - 1]
            bare = last.rstrip(",:;")
            key = " ".join([w for w, _ in words[: k - 1]] + [bare]).lower()
            if key in self.by_variant:
                end -= len(last) - len(bare)
                return text[words[0][1] - len(words[0][0]): end], self.by_variant[key], end
        return None


@cache
def phrases() -> Phrases:
    data = load("phrases.json")
    by_variant: dict[str, Phrase] = {}
    for entry in data["phrases"]:
        for variant in entry["variants"]:
            by_variant[" ".join(variant.lower().split())] = Phrase(entry["phrase"], entry["kind"],
                                                                   entry.get("addressed", False))
    longest = max(len(v.split()) for v in by_variant)
    words = re.compile(r"\s*(\S+)" + r"(?:\s+(\S+))?" * (longest - 1))
    return Phrases(by_variant, longest, data["extensions"], frozenset(v.split()[0] for v in by_variant), words)


class BureauVocab(NamedTuple):
    order: tuple[str, ...]
    names: dict[str, str]
    mention: Prefiltered  # named groups: one per code (TSB, BDT, BR), and ALL_i or OTHER_i for group i
    partner_cue: Prefiltered
    span_end: re.Pattern[str]


@cache
def bureaux() -> BureauVocab:
    data = load("bureaux.json")
    parts = []
    for i, group in enumerate(data["groups"]):
        parts.append(f"(?P<{group['means']}_{i}>{group['pattern']})")
    for code, entry in data["bureaux"].items():
        parts.append(f"(?P<{code}>{'|'.join(entry['patterns'])})")
    cues = "|".join(f"(?:{p})" for p in data["partner_cues"])
    return BureauVocab(
        order=tuple(data["order"]),
        names={code: e["en"] for code, e in data["bureaux"].items()},
        mention=Prefiltered("|".join(parts)),
        partner_cue=Prefiltered(cues, re.IGNORECASE),
        span_end=re.compile(data["span_end"]),
    )


class Entity(NamedTuple):
    pattern: Prefiltered
    name: str
    each: int | None = None  # a group holding several numbers: one name per number ({n})


class AssigneeVocab(NamedTuple):
    entities: tuple[Entity, ...]
    addressee_start: re.Pattern[str]


@cache
def assignees() -> AssigneeVocab:
    data = load("assignees.json")
    return AssigneeVocab(
        entities=tuple(Entity(Prefiltered(e["pattern"]), e["name"], e.get("each")) for e in data["entities"]),
        addressee_start=re.compile(data["addressee_start"]),
    )


# --- Arabic vocabulary -------------------------------------------------------------------------------

class ArabicVocab(NamedTuple):
    status_by_key: dict[str, str]  # arabic_key(word) -> new/revised/unchanged/suppressed
    not_yet_numbered: frozenset[str]  # arabic_key forms
    headers: frozenset[str]
    number_cell: re.Pattern[str]  # a Table 1 number (or ITU-R designation), on arabic_key(text)
    summary_start: re.Pattern[str]  # matched on arabic_key(text)
    verbs: re.Pattern[str]  # on arabic_key(text); group 'v' is the verb's key form
    verb_families: dict[str, tuple[str, ...]]  # key form -> English families
    english_families: dict[str, tuple[str, ...]]
    bureaux: re.Pattern[str]  # on arabic_key(text): named groups TSB/BDT/BR/ALL/OTHER


@cache
def arabic() -> ArabicVocab:
    from wtsa_extract.normalize import arabic_key

    data = load("arabic.json")
    status = {arabic_key(w): code for code, words in data["status"].items() for w in words}
    verbs = {arabic_key(v["ar"]): tuple(v["families"]) for v in data["verbs"]}
    alternatives = "|".join(re.escape(k) for k in sorted(verbs, key=len, reverse=True))
    bureau_names = {code: [arabic_key(n) for n in names]
                    for code, names in {**data["bureaux"], **data["bureau_groups"]}.items()}
    return ArabicVocab(
        status_by_key=status,
        not_yet_numbered=frozenset(arabic_key(w) for w in data["not_yet_numbered"]),
        headers=frozenset(arabic_key(w) for w in data["table1_headers"]),
        number_cell=re.compile(arabic_key(data["number_cell"])),
        summary_start=re.compile(arabic_key(data["summary_start"])),  # matched on arabic_key(text)
        verbs=re.compile(rf"(?<!\w)[وف]?(?P<v>{alternatives})(?!\w)"),
        verb_families=verbs,
        english_families={k: tuple(v) for k, v in data["english_families"].items()},
        bureaux=re.compile("|".join(f"(?P<{code}>{'|'.join(map(re.escape, names))})"
                                    for code, names in bureau_names.items())),
    )


class Term(NamedTuple):
    ar: tuple[str, ...]  # arabic_key forms
    en: Prefiltered  # IGNORECASE; compiled when a title first holds one of its literals
    tier: int = 1  # 1: glossary.json 'terms'; 2: its 'general' vocabulary and 'transliterations'


@cache
def glossary() -> tuple[Term, ...]:
    from wtsa_extract.normalize import arabic_key

    data = load("glossary.json")
    return tuple(Term(tuple(arabic_key(a) for a in t["ar"]), Prefiltered("|".join(t["en"]), re.IGNORECASE), tier)
                 for tier, part in ((1, "terms"), (2, "general"), (2, "transliterations")) for t in data.get(part, ()))
