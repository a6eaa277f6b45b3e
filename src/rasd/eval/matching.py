"""Maximum matching with minimal total cost between two small sets.

Gold-format scoring pairs predicted and gold events so that the number of
pairs is as large as possible and, among those, the summed distance is the
smallest. That is an assignment problem: allowed pairs cost their distance,
forbidden ones a constant larger than every allowed total, so the
Hungarian method gets both orders of preference in one run.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def best_pairs(cost: Sequence[Sequence[float | None]]) -> list[tuple[int, int]]:
    """Pairs ``(row, col)`` maximising their number, then minimising cost.

    ``cost[r][c]`` is the cost of pairing row ``r`` with column ``c``, or
    None when the two may not pair. Rows and columns that cannot reach each
    other are solved apart (connected components), so a large sparse set
    (fused events over a whole corpus) stays cheap.
    """
    pairs: list[tuple[int, int]] = []
    for rows, cols in _components(cost):
        sub = [[cost[r][c] for c in cols] for r in rows]
        pairs.extend((rows[i], cols[j]) for i, j in _solve(sub))
    return sorted(pairs)


def _components(cost: Sequence[Sequence[float | None]]) -> list[tuple[list[int], list[int]]]:
    """Row and column index lists of each connected part of the allowed pairs."""
    n_rows = len(cost)
    parent = list(range(n_rows + (len(cost[0]) if n_rows else 0)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r, row in enumerate(cost):
        for c, value in enumerate(row):
            if value is not None:
                parent[find(r)] = find(n_rows + c)
    rows: dict[int, set[int]] = {}
    cols: dict[int, set[int]] = {}
    for r, row in enumerate(cost):
        for c, value in enumerate(row):
            if value is not None:
                root = find(r)
                rows.setdefault(root, set()).add(r)
                cols.setdefault(root, set()).add(c)
    return [(sorted(rows[k]), sorted(cols[k])) for k in rows]


def _solve(cost: list[list[float | None]]) -> list[tuple[int, int]]:
    """Maximum-then-cheapest pairs of one connected part (Hungarian method)."""
    rows = len(cost)
    cols = len(cost[0]) if rows else 0
    if rows == 0 or cols == 0:
        return []
    allowed = [c for row in cost for c in row if c is not None]
    big = sum(abs(c) for c in allowed) + 1.0
    n = max(rows, cols)
    square = [
        [
            (cost[r][c] if cost[r][c] is not None else big) if r < rows and c < cols else big
            for c in range(n)
        ]
        for r in range(n)
    ]
    assignment = _hungarian(square)
    return [
        (r, c) for r, c in enumerate(assignment) if r < rows and c < cols and cost[r][c] is not None
    ]


def _hungarian(a: list[list[float]]) -> list[int]:
    """Column assigned to each row of the square matrix ``a`` at minimal total
    (the potentials form of the Hungarian method, O(n^3))."""
    n = len(a)
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)  # p[col] = row matched to col (1-based, 0 = none)
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [math.inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = math.inf
            j1 = 0
            for j in range(1, n + 1):
                if used[j]:
                    continue
                cur = a[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j] = cur
                    way[j] = j0
                if minv[j] < delta:
                    delta = minv[j]
                    j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    result = [0] * n
    for j in range(1, n + 1):
        if p[j]:
            result[p[j] - 1] = j - 1
    return result
