"""Monotonic alignment of two sequences by dynamic programming: with tie (ambiguity) detection
(`align`, for the overview), or as the list of pairs and gaps (`monotonic`, for clauses)."""

from __future__ import annotations

from collections.abc import Callable

EPS = 1e-9


def align(n: int, m: int, score: Callable[[int, int], float | None]) -> tuple[dict[int, int], dict[int, list[int]]]:
    """Best order-preserving matching of items 0..n-1 to 0..m-1, maximising the summed `score`
    (None = may not match; skipping costs nothing).

    Returns (matches i -> j, ambiguous i -> candidate js): an item is ambiguous when another
    partner, or no partner, gives an equally good whole alignment; ambiguous items are not matched.
    """
    s = [[score(i, j) for j in range(m)] for i in range(n)]
    fwd = [[0.0] * (m + 1) for _ in range(n + 1)]  # best for prefixes i, j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best = max(fwd[i - 1][j], fwd[i][j - 1])
            if s[i - 1][j - 1] is not None:
                best = max(best, fwd[i - 1][j - 1] + s[i - 1][j - 1])
            fwd[i][j] = best
    bwd = [[0.0] * (m + 1) for _ in range(n + 1)]  # best for suffixes from i, j
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(bwd[i + 1][j], bwd[i][j + 1])
            if s[i][j] is not None:
                best = max(best, bwd[i + 1][j + 1] + s[i][j])
            bwd[i][j] = best
    total = fwd[n][m]
    matches: dict[int, int] = {}
    ambiguous: dict[int, list[int]] = {}
    for i in range(n):
        options = [j for j in range(m) if s[i][j] is not None and s[i][j] > 0
                   and fwd[i][j] + s[i][j] + bwd[i + 1][j + 1] >= total - EPS]
        unmatched_best = max(fwd[i][j] + bwd[i + 1][j] for j in range(m + 1))
        if len(options) == 1 and unmatched_best < total - EPS:
            matches[i] = options[0]
        elif options:
            ambiguous[i] = options
    return matches, ambiguous


def monotonic(n: int, m: int, score) -> list[tuple[int | None, int | None]]:
    """The monotonic alignment of n and m items maximising the summed scores (None: no pair)."""
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            if not i and not j:
                continue
            options = []
            if i and j and (s := score(i - 1, j - 1)) is not None:
                options.append((best[i - 1][j - 1] + s, "pair"))
            if i:
                options.append((best[i - 1][j], "old"))
            if j:
                options.append((best[i][j - 1], "new"))
            best[i][j], move[i][j] = max(options, key=lambda o: (o[0], o[1] == "pair"))
    out: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i or j:
        step = move[i][j]
        if step == "pair":
            out.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif step == "old":
            out.append((i - 1, None))
            i -= 1
        else:
            out.append((None, j - 1))
            j -= 1
    return out[::-1]
