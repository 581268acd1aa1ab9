"""Columns split before layout: contiguous runs of items balanced by their estimated height.

CSS multi-column layout makes WeasyPrint lay out the content over and over while it balances the columns
(for the 12-session group sheet: four times as many line layouts as the page holds, over half the PDF
time). The sheet instead places each run in its own grid cell, so every line is laid out once; reading
order stays top to bottom, column by column, as with CSS columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import TypeVar

T = TypeVar("T")


def balance(items: Sequence[T], columns: int, weight: Callable[[T], float]) -> list[list[T]]:
    """`items` in order, cut into at most `columns` contiguous runs whose heaviest run is as light as
    possible (exact: a small dynamic programme; a sheet has at most a few dozen items)."""
    items = list(items)
    n = len(items)
    k = max(1, min(columns, n))
    if n == 0:
        return []
    prefix = [0.0, *accumulate(max(0.0, float(weight(item))) for item in items)]
    inf = (float("inf"), float("inf"))
    # best[j][i]: for the first i items in j runs, (heaviest run, sum of squared runs): the heaviest run as
    # light as possible, then the runs as even as possible; cut[j][i]: where run j starts
    best = [[inf] * (n + 1) for _ in range(k + 1)]
    cut = [[0] * (n + 1) for _ in range(k + 1)]
    best[0][0] = (0.0, 0.0)
    for j in range(1, k + 1):
        for i in range(j, n + 1):
            for start in range(j - 1, i):
                run = prefix[i] - prefix[start]
                before = best[j - 1][start]
                cost = (max(before[0], run), before[1] + run * run)
                if cost <= best[j][i]:  # on a full tie the later cut: earlier columns fuller
                    best[j][i], cut[j][i] = cost, start
    runs: list[list[T]] = []
    end = n
    for j in range(k, 0, -1):
        start = cut[j][end]
        runs.append(items[start:end])
        end = start
    return runs[::-1]


def text_weight(*texts: str, per_line: int = 60, fixed: float = 1.0) -> float:
    """A block's height in lines, roughly: its texts wrapped at `per_line` characters, plus `fixed` lines
    (a heading, the gap under it)."""
    return fixed + sum(-(-len(text) // per_line) for text in texts if text)
