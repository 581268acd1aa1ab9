"""The trainee's side of a group revote, for any host (the window, `play --text`, a test driver).

Each frame (or between steps) the host asks `check(session)`: the desk polls its GroupWatch (non-blocking)
and says which open revote this session should answer now: one of its own group, of the scenario it played,
not yet answered in this session. `vote` records the answer as a RevoteCast through the Session, so the
session's recorder writes it and the laptop's sync carries it to the server.
"""

from __future__ import annotations

from collections.abc import Callable

from trainer.engine.events import SessionStarted
from trainer.engine.revote import RevoteQuestion, revote_question, voted
from trainer.engine.session import Session
from trainer.records.group_rows import Revote, WatchUpdate

Poll = Callable[[], WatchUpdate]


class RevoteDesk:
    """`watch_for(group)` gives a poll function for a group (a GroupWatch's poll); made once the group is
    known, since a trainee may type it on the start page. `close()` stops the watch."""

    def __init__(self, watch_for: Callable[[str], tuple[Poll, Callable[[], None]]]) -> None:
        self.watch_for = watch_for
        self.group: str | None = None
        self._poll: Poll | None = None
        self._close: Callable[[], None] = lambda: None
        self.open: dict[str, Revote] = {}  # revote id → revote, while open

    def check(self, session: Session | None, group: str | None) -> Revote | None:
        """The open revote `session` should answer now, if any (polls once; never blocks)."""
        if group is None:
            return None
        if group != self.group:
            self._close()
            self._poll, self._close = self.watch_for(group)
            self.group, self.open = group, {}
        assert self._poll is not None
        for revote in self._poll().revotes:
            if revote.is_open:
                self.open[revote.revote_id] = revote
            else:
                self.open.pop(revote.revote_id, None)
        if session is None or not self.open:
            return None
        played = session.events[0]
        scenario_id = played.scenario_id if isinstance(played, SessionStarted) else session.scenario.id
        mine = [
            r
            for r in self.open.values()
            if r.scenario_id == scenario_id
            and r.node_id in session.scenario.nodes
            and not voted(session.events, r.revote_id)
        ]
        return max(mine, key=lambda r: (r.opened_at, r.revote_id)) if mine else None

    def question(self, session: Session, revote: Revote, lang: str) -> RevoteQuestion | None:
        return revote_question(session.shown_scenario, session.events, revote.revote_id, revote.node_id, lang)

    def vote(self, session: Session, revote: Revote, choice_id: str) -> None:
        session.cast_revote(revote.revote_id, revote.node_id, choice_id)

    def close(self) -> None:
        self._close()
        self._poll, self.group = None, None


def desk_for(source: object, *, fallback_seconds: float = 1.0) -> RevoteDesk:
    """A desk watching `source` (a RecordStore, a postgresql:// URL or a ServerStore) for any group."""
    from trainer.records.watch import GroupWatch

    def watch_for(group: str) -> tuple[Poll, Callable[[], None]]:
        watch = GroupWatch(source, group, events=False, fallback_seconds=fallback_seconds)
        return watch.poll, watch.close

    return RevoteDesk(watch_for)
