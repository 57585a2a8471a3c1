"""Compare two editions of resolutions: what changed in each resolution, clause by clause, and for whom.

Resolutions are matched by number (or designation); the others — new resolutions, one that received
a number in the new edition, one whose title was reworded — by title and content, with a confidence,
and `ambiguous` when two fit equally. Clauses are matched by a monotonic alignment on text similarity
(not by label: inserting a clause renumbers those after it), within the same section where possible;
a clause found in another section is `moved`. Differences that carry no meaning are not changes:
white space, quote and hyphen styles, and the trailing ; , . (or '; and') that only marks a clause's
place in a list.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from typing import NamedTuple

from wtsa_extract.align.dp import monotonic
from wtsa_extract.model import Clause, Diagnostic, Document, Resolution

CLAUSE_FIELDS = ("text", "label", "verb", "bureaux", "with_bureaux", "assignee")
RESOLUTION_FIELDS = ("number", "designation", "title_en", "title_ar", "status", "edition")
SAME_CLAUSE = 0.5  # text similarity from which two clauses are one clause edited
MOVED = 0.6  # similarity from which a clause found in another section is the same clause, moved
SAME_RESOLUTION = 0.35  # title-and-content similarity from which two unnumbered resolutions are one
AMBIGUOUS = 0.05  # two candidates this close are both possible

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-",
                         "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_LIST_END = re.compile(r"(?:[;,.:]\s*(?:and|or)?)\s*$", re.IGNORECASE)
_WORD = re.compile(r"\w+(?:[-'/.]\w+)*|[^\w\s]")


def normal(text: str | None) -> str:
    """The text as compared: quotes and hyphens plain, white space collapsed, no list punctuation."""
    if not text:
        return ""
    text = " ".join(text.translate(_QUOTES).split())
    return _LIST_END.sub("", text).strip()


def words(text: str) -> list[str]:
    return _WORD.findall(normal(text))


def _similarities(old: list[list[str]], new: list[list[str]]) -> list[list[float]]:
    """The word-sequence similarity (in [0, 1]) of every pair of word lists: each text split once, and each new one indexed once by
    SequenceMatcher (set_seq2 builds the index; set_seq1 reuses it)."""
    out = [[0.0] * len(new) for _ in old]
    matcher = difflib.SequenceMatcher(autojunk=False)
    for j, wb in enumerate(new):
        matcher.set_seq2(wb)
        for i, wa in enumerate(old):
            matcher.set_seq1(wa)
            out[i][j] = 1.0 if not wa and not wb else matcher.ratio()
    return out


def word_edits(old: str, new: str) -> list[dict]:
    """The word-level edits from `old` to `new`: [{op: delete|insert|replace, old, new}]."""
    a, b = words(old), words(new)
    out = []
    for op, i, j, k, m in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op != "equal":
            out.append({"op": op, "old": " ".join(a[i:j]), "new": " ".join(b[k:m])})
    return out


class ClauseChange(NamedTuple):
    change: str  # added, removed, changed, moved, unchanged
    old: Clause | None
    new: Clause | None
    old_section: int | None
    new_section: int | None
    fields: tuple[str, ...]
    words: tuple[dict, ...]


class Match(NamedTuple):
    by: str  # number, designation, title, content
    confidence: float
    ambiguous: bool = False


class ResolutionChange(NamedTuple):
    change: str  # added, removed, changed, unchanged
    old: Resolution | None
    new: Resolution | None
    fields: tuple[str, ...]
    match: Match | None
    clauses: tuple[ClauseChange, ...]


class Diff(NamedTuple):
    old: Document
    new: Document
    resolutions: tuple[ResolutionChange, ...]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def differs(self) -> bool:
        return any(r.change != "unchanged" for r in self.resolutions)


# --- clauses ---------------------------------------------------------------------------------------

def _clauses(r: Resolution) -> list[tuple[int, Clause]]:
    return [(i, c) for i, s in enumerate(r.sections) for c in s.clauses]


def clause_fields(old: Clause, new: Clause) -> tuple[str, ...]:
    changed = []
    for field in CLAUSE_FIELDS:
        a, b = getattr(old, field), getattr(new, field)
        if field == "text":
            a, b = normal(a), normal(b)
        if a != b:
            changed.append(field)
    return tuple(changed)


def section_pairs(old: Resolution, new: Resolution) -> set[tuple[int, int]]:
    """Which sections of the two editions are one section (its phrase may have changed): aligned in
    order on their phrase, addressee and the words of their clauses."""
    bags_a = [_bag(" ".join(c.text for c in s.clauses)) for s in old.sections]
    bags_b = [_bag(" ".join(c.text for c in s.clauses)) for s in new.sections]

    def score(i: int, j: int) -> float | None:
        sa, sb = old.sections[i], new.sections[j]
        s = (sa.verb == sb.verb) + (sa.kind == sb.kind) * 0.5 + (normal(sa.addressee) == normal(sb.addressee)) * 0.5 \
            + _jaccard(bags_a[i], bags_b[j]) * 2
        return s if s >= 1 else None

    return {(i, j) for i, j in monotonic(len(old.sections), len(new.sections), score) if i is not None and j is not None}


def compare_clauses(old: Resolution, new: Resolution) -> list[ClauseChange]:
    """Every clause of `old` and `new`, matched and classified."""
    a, b = _clauses(old), _clauses(new)
    sims = _similarities([words(c.text) for _, c in a], [words(c.text) for _, c in b])
    same = section_pairs(old, new)
    same_section = [[(sa, sb) in same for sb, _ in b] for sa, _ in a]
    paired = monotonic(len(a), len(b), lambda i, j: 1 + sims[i][j]
                        if sims[i][j] >= SAME_CLAUSE and same_section[i][j] else None)
    # A clause left over on each side, alike, in different sections: moved.
    removed = [x for x, y in paired if y is None]
    added = [y for x, y in paired if x is None]
    moved: dict[int, int] = {}
    for x in removed:
        candidates = [(sims[x][y], y) for y in added if y not in moved.values() and sims[x][y] >= MOVED]
        if candidates:
            moved[x] = max(candidates)[1]
    out: list[ClauseChange] = []
    for x, y in paired:
        if x is not None and y is None and x in moved:
            y2 = moved[x]
            oc, nc = a[x][1], b[y2][1]
            fields = clause_fields(oc, nc)
            out.append(ClauseChange("moved", oc, nc, a[x][0], b[y2][0], fields, _edits(oc, nc, fields)))
        elif x is None and y in moved.values():
            continue
        elif x is None:
            out.append(ClauseChange("added", None, b[y][1], None, b[y][0], (), ()))
        elif y is None:
            out.append(ClauseChange("removed", a[x][1], None, a[x][0], None, (), ()))
        else:
            oc, nc = a[x][1], b[y][1]
            fields = clause_fields(oc, nc)
            out.append(ClauseChange("changed" if fields else "unchanged", oc, nc, a[x][0], b[y][0], fields,
                                    _edits(oc, nc, fields)))
    return out


def _edits(old: Clause, new: Clause, fields: tuple[str, ...]) -> tuple[dict, ...]:
    return tuple(word_edits(old.text, new.text)) if "text" in fields else ()


# --- resolutions -----------------------------------------------------------------------------------

def _content(r: Resolution) -> str:
    return " ".join(c.text for s in r.sections for c in s.clauses)


def _bag(text: str) -> Counter[str]:
    return Counter(w.lower() for w in words(text) if w[:1].isalnum())


def _jaccard(a: Counter[str], b: Counter[str]) -> float:
    union = sum((a | b).values())
    return sum((a & b).values()) / union if union else 0.0


class _Profile(NamedTuple):
    title: Counter[str]
    content: Counter[str]


def _profile(r: Resolution) -> _Profile:
    return _Profile(_bag(r.title_en or ""), _bag(_content(r)))


def resolution_similarity(old: _Profile, new: _Profile) -> tuple[float, str]:
    """(similarity, by): the title's when it is close, else the content's."""
    title = _jaccard(old.title, new.title)
    content = _jaccard(old.content, new.content)
    return (title, "title") if title >= content else (content, "content")


def _identity(r: Resolution) -> str | None:
    if r.number is not None and not r.key.startswith("NEW"):
        return f"n{r.number}"
    return f"d{r.designation}" if r.designation else None


def match_resolutions(old: Document, new: Document) -> tuple[list[tuple[Resolution | None, Resolution | None,
                                                                       Match | None]], list[Diagnostic]]:
    """Pairs (old, new, how) in the new edition's order, removed ones after their old neighbours."""
    messages: list[Diagnostic] = []
    new_by_id: dict[str, Resolution] = {}
    for r in new.resolutions:
        new_by_id.setdefault(_identity(r) or f"key:{r.key}", r)
    pairs: dict[str, tuple[Resolution, Match]] = {}  # new key -> (old, match)
    rest_old = []
    for r in old.resolutions:
        ident = _identity(r)
        other = new_by_id.get(ident) if ident else None
        if other is not None and other.key not in pairs:
            pairs[other.key] = (r, Match("number" if ident.startswith("n") else "designation", 1.0))
        else:
            rest_old.append(r)
    rest_new = [r for r in new.resolutions if r.key not in pairs]
    old_profiles, new_profiles = [_profile(r) for r in rest_old], [_profile(r) for r in rest_new]
    scored = sorted(((resolution_similarity(o, n), i, j) for i, o in enumerate(old_profiles)
                     for j, n in enumerate(new_profiles)), key=lambda x: -x[0][0])
    used_old, used_new = set(), set()
    for (sim, by), i, j in scored:
        if sim < SAME_RESOLUTION or i in used_old or j in used_new:
            continue
        rivals = [s for (s, _), i2, j2 in scored if (i2 == i) != (j2 == j) and (i2 == i or j2 == j)
                  and i2 not in used_old and j2 not in used_new and s >= sim - AMBIGUOUS]
        o, n = rest_old[i], rest_new[j]
        ambiguous = bool(rivals)
        if ambiguous:
            messages.append(Diagnostic("warning", "ambiguous-match", f"{o.key} (old) could be {n.key} or another "
                                       "resolution of the new edition equally well; matched by order of similarity",
                                       n.loc, n.key))
        pairs[n.key] = (o, Match(by, round(sim, 2), ambiguous))
        used_old.add(i)
        used_new.add(j)
    out: list[tuple[Resolution | None, Resolution | None, Match | None]] = []
    matched_old = {id(o) for o, _ in pairs.values()}
    for r in new.resolutions:
        if r.key in pairs:
            o, how = pairs[r.key]
            out.append((o, r, how))
        else:
            out.append((None, r, None))
    for r in old.resolutions:
        if id(r) not in matched_old:
            out.append((r, None, None))
    return out, messages


def resolution_fields(old: Resolution, new: Resolution) -> tuple[str, ...]:
    changed = []
    for field in RESOLUTION_FIELDS:
        a, b = getattr(old, field), getattr(new, field)
        if field.startswith("title"):
            a, b = normal(a), normal(b)
        if a != b:
            changed.append(field)
    return tuple(changed)


def diff_documents(old: Document, new: Document) -> Diff:
    """Every resolution and clause of two editions, matched and classified."""
    pairs, messages = match_resolutions(old, new)
    changes = []
    for o, n, how in pairs:
        if o is None:
            clauses = tuple(ClauseChange("added", None, c, None, i, (), ()) for i, c in _clauses(n))
            changes.append(ResolutionChange("added", None, n, (), None, clauses))
        elif n is None:
            clauses = tuple(ClauseChange("removed", c, None, i, None, (), ()) for i, c in _clauses(o))
            changes.append(ResolutionChange("removed", o, None, (), None, clauses))
        else:
            clauses = tuple(compare_clauses(o, n))
            fields = resolution_fields(o, n)
            changed = bool(fields) or any(c.change != "unchanged" for c in clauses)
            changes.append(ResolutionChange("changed" if changed else "unchanged", o, n, fields, how, clauses))
    return Diff(old, new, tuple(changes), tuple(messages))


# --- the summary for people ------------------------------------------------------------------------

def actors_of(c: Clause) -> list[str]:
    """Who a clause gives a mandate to: its lead Bureaux and its other assignees."""
    return [*c.bureaux, *(c.assignee.split("; ") if c.assignee else ())]


def summary(diff: Diff) -> dict:
    """Counts of resolutions and clauses by kind of change, and per actor: mandates added, removed,
    changed, and verbs changed."""
    resolutions = Counter(r.change for r in diff.resolutions)
    clauses = Counter(c.change for r in diff.resolutions for c in r.clauses)
    by_actor: dict[str, Counter[str]] = {}
    for r in diff.resolutions:
        for c in r.clauses:
            if c.change == "unchanged":
                continue
            who = set(actors_of(c.new) if c.new else []) | set(actors_of(c.old) if c.old else [])
            for actor in who:
                counts = by_actor.setdefault(actor, Counter())
                counts[c.change] += 1
                if "verb" in c.fields:
                    counts["verb_changed"] += 1
    kinds = ("added", "removed", "changed", "moved", "unchanged")
    return {
        "resolutions": {k: resolutions.get(k, 0) for k in ("added", "removed", "changed", "unchanged")},
        "clauses": {k: clauses.get(k, 0) for k in kinds},
        "by_actor": {actor: {k: counts.get(k, 0) for k in ("added", "removed", "changed", "moved", "verb_changed")}
                     for actor, counts in sorted(by_actor.items(), key=_actor_order)},
    }


def _actor_order(item) -> tuple:
    order = {"TSB": 0, "BDT": 1, "BR": 2}
    return (order.get(item[0], 3), item[0])


def summary_lines(s: dict) -> list[str]:
    """'BDT: +3 clauses, -1, 2 changed, 2 verbs changed' per actor, after the totals."""
    r, c = s["resolutions"], s["clauses"]
    lines = [f"resolutions: +{r['added']}, -{r['removed']}, {r['changed']} changed, {r['unchanged']} unchanged",
             f"clauses: +{c['added']}, -{c['removed']}, {c['changed']} changed, {c['moved']} moved"]
    for actor, k in s["by_actor"].items():
        parts = [f"+{k['added']} clause{'s' if k['added'] != 1 else ''}", f"-{k['removed']}", f"{k['changed']} changed"]
        if k["moved"]:
            parts.append(f"{k['moved']} moved")
        if k["verb_changed"]:
            parts.append(f"{k['verb_changed']} verb{'s' if k['verb_changed'] != 1 else ''} changed")
        lines.append(f"{actor}: {', '.join(parts)}")
    return lines
