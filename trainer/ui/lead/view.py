"""What the console's live screen shows, as plain typed data: built from the group's live fold, the flags and
the console's own state, then drawn. No pygame here, so the mapping is tested without a window.

Anonymity lives here, not in the drawing: a trainee's code is put into the view only while the leader has
asked for codes (`codes=True`), and a decision's counts only when enough people reached it or the leader
looks in private (`codes=True`): below about five a figure points at someone (domain.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.model.vocabulary import STEP_ORDER, Step
from trainer.ui.strings import t

SMALL = 5
"""Below this many people at a decision the projected view shows no counts (debrief/hittepunten.SMALL)."""

COLUMNS: tuple[str, ...] = ("wacht", *(s.value for s in STEP_ORDER), "klaar")
"""The live board's columns: not started yet, the four kader steps, finished."""


@dataclass(frozen=True)
class Dot:
    """One trainee on the board: an anonymous label; the code only when the leader asked for codes."""

    label: str
    column: str  # one of COLUMNS
    code: str | None = None
    focused: bool = False


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    assessment: str  # in_lijn | discutabel | niet_in_lijn (drawn only on the leader's private view)


@dataclass(frozen=True)
class DecisionRow:
    title: str
    step: str  # the kader step's label, in the screen's language
    reached: int
    timeouts: int
    bars: tuple[Bar, ...]
    counts_shown: bool  # False: too few reached for figures on a projected screen
    focused: bool = False
    flagged: bool = False


@dataclass(frozen=True)
class FlagLine:
    seq: int
    where: str  # the decision's title, or the trainee's anonymous label (code only in private view)
    note: str


@dataclass(frozen=True)
class NoteEntry:
    """The leader is typing a note for a flag about `where`."""

    where: str
    typed: str


@dataclass(frozen=True)
class LiveView:
    group: str
    started: int
    finished: int
    total: int
    dots: tuple[Dot, ...]
    decisions: tuple[DecisionRow, ...]
    flags: tuple[FlagLine, ...]
    codes: bool  # the leader's private view is on: codes shown, marked on screen
    entry: NoteEntry | None = None
    status: str = ""  # one line about the connection or the last save ("" when all is well)


def column_of(started: bool, finished: bool, step: str | None) -> str:
    """Where a trainee's dot stands: waiting, at a kader step, or finished."""
    if finished:
        return "klaar"
    if not started or step is None:
        return "wacht"
    return step if step in COLUMNS else "wacht"


def column_label(column: str, lang: str) -> str:
    if column in ("wacht", "klaar"):
        return t(lang, f"lead_col_{column}")
    return Step(column).label(lang)
