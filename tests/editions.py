"""Make a second edition of a text document with known edits, for the diff tests.

`edit(text, edits)` applies edits addressed by 1-based line number of the ORIGINAL text (so they can
be listed in any order): ("replace", line, old, new) substitutes within the line, ("delete", line),
("insert_after", line, new_line), ("drop_from", line) removes that line and all after it,
("append", text) adds lines at the end."""

from __future__ import annotations


def edit(text: str, edits: list[tuple]) -> str:
    lines = text.split("\n")
    after: dict[int, list[str]] = {}
    deleted: set[int] = set()
    tail: list[str] = []
    cut = len(lines) + 1
    for e in edits:
        kind = e[0]
        if kind == "replace":
            _, n, old, new = e
            assert old in lines[n - 1], (n, old, lines[n - 1][:80])
            lines[n - 1] = lines[n - 1].replace(old, new, 1)
        elif kind == "delete":
            deleted.add(e[1])
        elif kind == "insert_after":
            after.setdefault(e[1], []).append(e[2])
        elif kind == "drop_from":
            cut = min(cut, e[1])
        elif kind == "append":
            tail.append(e[1])
        else:
            raise ValueError(kind)
    out = []
    for n, line in enumerate(lines, start=1):
        if n >= cut:
            break
        if n not in deleted:
            out.append(line)
        out.extend(after.get(n, []))
    return "\n".join(out + tail) + ("\n" if tail else "")
