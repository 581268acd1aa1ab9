"""Where the player's sessions come from: scenario files, new recorded sessions, resumed ones.

The window's App never opens a file or the records database itself: the command that starts it builds a
`RecordedSessions` (with the store, if recording, and the checker it wants) and injects it, so the App can be
driven headless with another source and every I/O decision stays at the edge.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from trainer.engine.clock import Clock
from trainer.engine.session import Session
from trainer.model.diagnostics import ScenarioError
from trainer.model.loader import LoadedScenario, load_scenario
from trainer.model.scenario import Scenario
from trainer.records.errors import RecordsError
from trainer.records.reader import RecordReader
from trainer.records.recorder import Recorder
from trainer.records.resume import resume
from trainer.records.store import RecordStore

Checker = Callable[[LoadedScenario], list[str]]


PlaceClaim = Callable[[str, str], int | None]
"""(group, scenario id) -> a place claimed on the shared store, or None when it cannot be reached."""


def casting_place(
    store: RecordReader | None,
    group: str | None,
    scenario: Scenario,
    place: int | None = None,
    claim: PlaceClaim | None = None,
) -> tuple[int | None, str | None]:
    """The next session's place in its group for a casting scenario, and where it came from (recorded in
    SessionStarted.casting_from). None without a casting, or without a group and a given place: the session
    draws from its seed.

    Places pick rows of the casting's Latin square, so a group's sessions share the looks out evenly. A given
    `place` (`--place`) wins ("given"); with a shared store the place is claimed there ("server"), so every
    laptop of a group counts together; offline, or without a server, this laptop counts the group's sessions
    of the scenario it holds ("laptop"), which misses sessions on other laptops until they are synced."""
    if not scenario.casting:
        return None, None
    if place is not None:
        return place, "given"
    if group is None:
        return None, None
    if claim is not None:
        claimed = claim(group, scenario.id)
        if claimed is not None:
            return claimed, "server"
    if store is None:
        return None, None
    return sum(1 for row in store.sessions(group=group) if row.scenario_id == scenario.id), "laptop"


def group_place(
    store: RecordReader | None, group: str | None, scenario: Scenario, place: int | None = None
) -> int | None:
    """The place alone, counted on this laptop (see `casting_place`)."""
    return casting_place(store, group, scenario, place)[0]


class RecordedSessions:
    """Loads scenario files and starts or resumes sessions, recording into `store` when there is one."""

    def __init__(
        self,
        store: RecordStore | None = None,
        *,
        check: Checker | None = None,
        place: int | None = None,
        claim: PlaceClaim | None = None,
    ) -> None:
        self.store = store
        self.place = place  # casting: this laptop's place in the group, when given
        self.claim = claim  # casting: a place claimed on the shared store, when there is one
        self.check = check  # error lines for a loaded file (the CLI's checker), shown instead of playing

    def load(self, path: Path, lang: str) -> tuple[LoadedScenario | None, list[str]]:
        """The scenario at `path`, or None and the findings (one line each) that stop it being played."""
        try:
            loaded = load_scenario(path)
        except ScenarioError as exc:
            return None, [d.format(lang) for d in exc.diagnostics]
        errors = self.check(loaded) if self.check is not None else []
        return (None if errors else loaded), errors

    def start(
        self,
        loaded: LoadedScenario,
        *,
        trainee: str | None,
        group: str | None,
        lang: str,
        clock: Clock,
        seed: int,
        start_node: str | None = None,
        pace: float = 1.0,
    ) -> Session:
        """A new session, recorded when there is a store and a trainee; `seed` draws its choice order,
        `pace` > 1 lengthens its timers (the slower tempo, recorded in its first event)."""
        listeners = []
        if self.store is not None and trainee is not None:
            listeners.append(
                Recorder(self.store, loaded.scenario, loaded.content_hash, trainee=trainee, group=group)
            )
        place, source = (
            casting_place(self.store, group, loaded.scenario, self.place, self.claim)
            if trainee is not None or self.place is not None
            else (None, None)
        )
        return Session(
            loaded.scenario,
            seed=seed,
            lang=lang,
            clock=clock,
            listeners=listeners,
            start_node=start_node,
            scenario_hash=loaded.content_hash,
            pace=pace,
            casting_place=place,
            casting_from=source,
        )

    def can_resume(self) -> bool:
        return self.store is not None

    def resume(self, session_id: str, clock: Clock) -> Session:
        """An unfinished recorded session, replayed to where it stopped; recording continues."""
        assert self.store is not None
        return resume(self.store, self.store.session(session_id), clock=clock)

    def owner(self, session_id: str) -> tuple[str, str | None]:
        """Who played a recorded session (trainee code, group): resuming by id needs no code typed again."""
        assert self.store is not None
        row = self.store.session(session_id)
        return row.trainee_code, row.group_label

    def unfinished(self, trainee: str | None, lang: str) -> list[tuple[str, str, str, str]]:
        """(id, scenario id, start time, title) of the trainee's unfinished sessions, for the picker.

        The title is the played version's (from its snapshot), so the menu names the scenario, not its id.
        """
        if self.store is None or trainee is None:
            return []
        out = []
        for r in self.store.sessions(trainee=trainee, status="active"):
            try:
                title = self.store.scenario_snapshot(r.content_hash).title.get(lang)
            except RecordsError:
                title = r.scenario_id
            out.append((r.id, r.scenario_id, r.started_at[:16].replace("T", " "), title))
        return out
