"""Columns split before layout: order kept, nothing lost, the heaviest column as light as it can be."""

from __future__ import annotations

from itertools import combinations

from debrief.columns import balance, text_weight


def _best_possible(weights: list[float], columns: int) -> float:
    """The lightest heaviest run over every way to cut the list (brute force, for small lists)."""
    n = len(weights)
    best = float("inf")
    for cuts in combinations(range(1, n), min(columns, n) - 1):
        edges = [0, *cuts, n]
        best = min(best, max(sum(weights[a:b]) for a, b in zip(edges, edges[1:], strict=False)))
    return best


def test_runs_keep_order_and_are_optimal() -> None:
    cases = [[1, 1, 1, 10, 1, 1], [5, 1, 1, 1, 1, 1, 1], [3, 9, 2, 2, 2, 7, 1, 1], [1] * 9, [4], [2, 2]]
    for weights in cases:
        for columns in (2, 3, 4):
            runs = balance(weights, columns, float)
            assert [w for run in runs for w in run] == weights  # nothing lost, nothing moved
            assert len(runs) == min(columns, len(weights)) and all(runs)
            assert max(sum(r) for r in runs) == _best_possible(weights, columns)


def test_earlier_columns_fill_first_on_a_tie() -> None:
    assert [len(r) for r in balance([1] * 9, 4, float)] == [3, 2, 2, 2]
    assert balance([], 2, float) == []


def test_text_weight_counts_wrapped_lines() -> None:
    assert text_weight("x" * 60, per_line=60, fixed=0) == 1
    assert text_weight("x" * 61, "y", per_line=60, fixed=1) == 4
