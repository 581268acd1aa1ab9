"""The gespreksleider's plan: the sheet's sections in conversation order, with minutes for 30 and 60.

Borrowed from simulation debriefing (PEARLS: reactions, description, analysis, summary) and moreel beraad:
open with reactions, agree on the facts, spend most of the time on the hittepunten, close with commitments.
"""

from __future__ import annotations

from dataclasses import dataclass

from debrief.sheet import Sheet
from debrief.words import Words

# (catalogue key of the part, minutes in a 30-minute debrief, minutes in a 60-minute one)
PLAN: tuple[tuple[str, int, int], ...] = (
    ("g_open", 2, 5),
    ("s_casus", 3, 5),
    ("s_hittepunten", 12, 25),
    ("s_werkte", 3, 4),
    ("s_deugde", 4, 8),
    ("s_deed", 3, 5),
    ("s_vertrouwen", 1, 3),
    ("s_waarden", 1, 2),
    ("s_mee", 1, 3),
)


@dataclass(frozen=True)
class PlanRow:
    part: str
    short: int
    long: int
    how: str


@dataclass(frozen=True)
class HotBrief:
    """One hittepunt as the guide names it: the moment and, per option chosen, who could bring it in."""

    title: str
    inbrengers: tuple[tuple[str, str], ...]  # (option key and label, trainee labels)


@dataclass(frozen=True)
class Plan:
    rows: tuple[PlanRow, ...]
    hot: tuple[HotBrief, ...]
    per_hot_short: int
    per_hot_long: int


def plan(w: Words, sheet: Sheet | None) -> Plan:
    rows = tuple(PlanRow(w(key), short, long, w(f"g_how_{key}")) for key, short, long in PLAN)
    hot: tuple[HotBrief, ...] = ()
    if sheet is not None:
        hot = tuple(
            HotBrief(
                h.point.title, tuple((f"{o.key} · {o.label}", ", ".join(o.chosen_by)) for o in h.point.chosen)
            )
            for h in sheet.hittepunten
        )
    count = max(len(hot), 1) if sheet is not None else 3
    minutes = {key: (short, long) for key, short, long in PLAN}["s_hittepunten"]
    return Plan(rows, hot, minutes[0] // count, minutes[1] // count)
