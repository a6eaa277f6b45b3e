"""Maximum matching first, then minimal distance."""

import pytest

from rasd.eval.matching import best_pairs

N = None


@pytest.mark.parametrize(
    "cost, expected",
    [
        ([], []),
        ([[N, N]], []),
        ([[1.0]], [(0, 0)]),
        # greedy nearest would take (0,0) and leave row 1 unpaired
        ([[1.0, 5.0], [2.0, N]], [(0, 1), (1, 0)]),
        # two pairs possible either way: the cheaper total wins
        ([[1.0, 9.0], [9.0, 1.0]], [(0, 0), (1, 1)]),
        ([[9.0, 1.0], [1.0, 9.0]], [(0, 1), (1, 0)]),
        # more columns than rows, and the reverse
        ([[N, 3.0, 1.0]], [(0, 2)]),
        ([[N], [4.0], [2.0]], [(2, 0)]),
        # count beats distance: 2 pairs at 100 km beat 1 pair at 0 km
        ([[0.0, 100.0], [100.0, N]], [(0, 1), (1, 0)]),
    ],
)
def test_best_pairs(cost, expected):
    assert sorted(best_pairs(cost)) == expected


def test_components_solved_apart_match_whole():
    # two independent blocks plus an isolated row and column
    cost = [
        [1.0, 2.0, None, None, None],
        [2.0, 1.0, None, None, None],
        [None, None, 5.0, 1.0, None],
        [None, None, None, None, None],
    ]
    assert best_pairs(cost) == [(0, 0), (1, 1), (2, 3)]


def test_many_sparse_rows_stay_fast():
    n = 600  # a diagonal: 600 one-by-one components, not one 600x600 assignment
    cost = [[1.0 if r == c else None for c in range(n)] for r in range(n)]
    assert len(best_pairs(cost)) == n
