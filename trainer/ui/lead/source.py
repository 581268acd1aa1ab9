"""What the console needs from the records, as a protocol: the window gets an object with these methods
(trainer/commands/lead_source.py builds one over a laptop's SQLite or the shared server) and does no I/O of
its own. Every call here must return within a frame: `poll` never blocks, the rest are single small writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from debrief.slides import Slide

if TYPE_CHECKING:
    from debrief.live import GroupLive
    from trainer.records.group_journal import Flag, Revote


@dataclass(frozen=True)
class Presentation:
    """The projector deck built from what the group did, and the commitments already saved."""

    slides: tuple[Slide, ...]
    commitments: tuple[str, ...] = ()


class LeadSource(Protocol):
    """The group as the console sees it. `live` is the fold of everything polled so far: trainees, choices
    per decision point, flags, revotes, votes and hands (debrief.live.GroupLive)."""

    group: str
    one_laptop: bool  # everyone played on this laptop: a revote is a show of hands the leader types in

    @property
    def live(self) -> GroupLive: ...

    def poll(self) -> bool:
        """Fold in what arrived since the last call; True when anything changed. Never blocks for more than
        about a millisecond."""
        ...

    def problem(self) -> str | None:
        """One line about a lost connection (the source keeps retrying), or None."""
        ...

    def add_flag(self, at_session: str | None, at_node: str | None, note: str) -> Flag: ...

    def presentation(self) -> Presentation:
        """The debrief's slides from the records as they are now, with the flags on them."""
        ...

    def save_commitments(self, texts: list[str]) -> None: ...

    def open_revote(self, scenario_id: str, node_id: str) -> Revote: ...

    def close_revote(self, revote_id: str) -> None: ...

    def set_hands(self, revote_id: str, choice_id: str, count: int) -> None: ...
