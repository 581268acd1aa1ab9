"""What a group keeps besides its sessions, as plain rows both backends hand out: the gespreksleider's flags
(with notes), the revotes opened at a hittepunt, the trainees' votes in them and the show of hands typed in
when everyone played on one laptop. Also the update a GroupWatch hands its host each frame.

No I/O here: `debrief.live` folds these without importing a database driver.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.records.rows import EventRow, SessionRow


@dataclass(frozen=True)
class Flag:
    """A marker the gespreksleider set: on a trainee's session (`at_session`), on a decision point
    (`at_node`), on both, or on the group as a whole (neither). `seq` counts per group from 0."""

    group: str
    seq: int
    at_session: str | None
    at_node: str | None
    note: str
    created_at: str
    flag_id: str = ""  # random: sync merges flags made on a laptop with those made on the server


@dataclass(frozen=True)
class Revote:
    """A revote of one decision point; open while `closed_at` is None. At most one is open per group."""

    group: str
    revote_id: str
    scenario_id: str
    node_id: str
    opened_at: str
    closed_at: str | None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class RevoteVote:
    """One trainee's vote, read from the RevoteCast event in their session (the one place it is kept)."""

    revote_id: str
    session_id: str
    choice_id: str


@dataclass(frozen=True)
class HandCount:
    """A show of hands for one option, typed in by the gespreksleider (everyone on one laptop)."""

    revote_id: str
    choice_id: str
    count: int


@dataclass
class WatchUpdate:
    """What changed in a group since the last poll. Empty most frames.

    `sessions` holds new sessions and those whose status changed; `events` the new events per session id, in
    order; `revotes` new revotes and those just closed; `flags` new flags; `hands` changed hand counts."""

    sessions: list[SessionRow] = field(default_factory=list)
    events: dict[str, list[EventRow]] = field(default_factory=dict)
    revotes: list[Revote] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    hands: list[HandCount] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.sessions or self.events or self.revotes or self.flags or self.hands)

    def merge(self, other: WatchUpdate) -> None:
        """Add a later update to this one (a watch thread queues several between two frames)."""
        self.sessions.extend(other.sessions)
        for sid, rows in other.events.items():
            self.events.setdefault(sid, []).extend(rows)
        self.revotes.extend(other.revotes)
        self.flags.extend(other.flags)
        self.hands.extend(other.hands)
