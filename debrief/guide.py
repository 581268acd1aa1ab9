"""The gespreksleider's plan: the sheet's sections in conversation order, with minutes for 30, 45 and 60.

Borrowed from simulation debriefing (PEARLS: reactions, description, analysis, summary) and moreel beraad:
open with reactions, agree on the facts, spend most of the time on the hittepunten, close with commitments.
"""

from __future__ import annotations

from dataclasses import dataclass

from debrief.sheet import Sheet
from debrief.words import Words

# (catalogue key of the part, minutes in a 30-, 45- and 60-minute debrief); each column adds up to its length.
# The close is plus/delta: what went well in this conversation, what do we do differently next time.
PLAN: tuple[tuple[str, int, int, int], ...] = (
    ("g_open", 2, 3, 5),
    ("s_casus", 3, 4, 5),
    ("s_hittepunten", 12, 18, 25),
    ("s_werkte", 2, 3, 4),
    ("s_deugde", 4, 6, 8),
    ("s_deed", 3, 4, 5),
    ("s_vertrouwen", 1, 2, 3),
    ("s_waarden", 1, 2, 2),
    ("s_mee", 1, 2, 2),
    ("g_plusdelta", 1, 1, 1),
)


@dataclass(frozen=True)
class PlanRow:
    part: str
    short: int
    mid: int
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
    per_hot_mid: int
    per_hot_long: int


def plan(w: Words, sheet: Sheet | None) -> Plan:
    rows = tuple(PlanRow(w(key), short, mid, long, w(f"g_how_{key}")) for key, short, mid, long in PLAN)
    hot: tuple[HotBrief, ...] = ()
    if sheet is not None:
        hot = tuple(
            HotBrief(
                h.point.title, tuple((f"{o.key} · {o.label}", ", ".join(o.chosen_by)) for o in h.point.chosen)
            )
            for h in sheet.hittepunten
        )
    count = max(len(hot), 1) if sheet is not None else 3
    minutes = {key: (short, mid, long) for key, short, mid, long in PLAN}["s_hittepunten"]
    return Plan(rows, hot, minutes[0] // count, minutes[1] // count, minutes[2] // count)
