"""Vocabulary kept as data (`data/*.json`), loaded once and compiled on first use."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


def _load(name: str) -> dict:
    return json.loads(resources.files("wtsa_extract.data").joinpath(name).read_text("utf-8"))


@dataclass(frozen=True, slots=True)
class Phrase:
    phrase: str
    kind: str


@dataclass(frozen=True, slots=True)
class Phrases:
    pattern: re.Pattern[str]  # group 'p' is the variant as written
    by_variant: dict[str, Phrase]
    extensions: dict[str, dict[str, str]]


@cache
def phrases() -> Phrases:
    data = _load("phrases.json")
    by_variant: dict[str, Phrase] = {}
    for entry in data["phrases"]:
        for variant in entry["variants"]:
            by_variant[variant.lower()] = Phrase(entry["phrase"], entry["kind"])
    alternatives = "|".join(
        re.escape(v).replace(r"\ ", r"\s+") for v in sorted(by_variant, key=len, reverse=True)
    )
    pattern = re.compile(rf"^\s*(?P<p>{alternatives})(?=$|[\s,:;])", re.IGNORECASE)
    return Phrases(pattern, by_variant, data["extensions"])


@dataclass(frozen=True, slots=True)
class BureauVocab:
    order: tuple[str, ...]
    names: dict[str, str]
    mention: re.Pattern[str]  # named groups: one per code, plus ALL / OTHER
    partner_cue: re.Pattern[str]
    span_end: re.Pattern[str]


@cache
def bureaux() -> BureauVocab:
    data = _load("bureaux.json")
    parts = []
    for i, group in enumerate(data["groups"]):
        parts.append(f"(?P<{group['means']}_{i}>{group['pattern']})")
    for code, entry in data["bureaux"].items():
        parts.append(f"(?P<{code}>{'|'.join(entry['patterns'])})")
    return BureauVocab(
        order=tuple(data["order"]),
        names={code: e["en"] for code, e in data["bureaux"].items()},
        mention=re.compile("|".join(parts)),
        partner_cue=re.compile("|".join(f"(?:{p})" for p in data["partner_cues"]), re.IGNORECASE),
        span_end=re.compile(data["span_end"]),
    )


@dataclass(frozen=True, slots=True)
class Entity:
    pattern: re.Pattern[str]
    name: str


@dataclass(frozen=True, slots=True)
class AssigneeVocab:
    entities: tuple[Entity, ...]
    addressee_start: re.Pattern[str]


@cache
def assignees() -> AssigneeVocab:
    data = _load("assignees.json")
    return AssigneeVocab(
        entities=tuple(Entity(re.compile(e["pattern"]), e["name"]) for e in data["entities"]),
        addressee_start=re.compile(data["addressee_start"]),
    )
