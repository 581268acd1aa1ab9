"""Shared helpers for records tests: a recorded session on the minimal scenario."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES
from trainer.engine import FakeClock, Session
from trainer.model.loader import LoadedScenario, load_scenario
from trainer.records import RecordStore
from trainer.records.recorder import Recorder

ROUTE = ("fietser_zonder_licht", "vaag", "rustig")


def minimal() -> LoadedScenario:
    return load_scenario(FIXTURES / "minimal.yaml")


def recorded_session(
    store: RecordStore,
    *,
    trainee: str = "A17",
    group: str | None = "ochtend",
    choices: tuple[str, ...] = ROUTE,
    finish: bool = False,
) -> tuple[Session, Recorder]:
    loaded = minimal()
    clock = FakeClock()
    recorder = Recorder(store, loaded.scenario, loaded.content_hash, trainee=trainee, group=group)
    session = Session(loaded.scenario, clock=clock, listeners=[recorder], scenario_hash=loaded.content_hash)
    for choice in choices:
        clock.advance(3)
        session.choose(choice)
    if finish:
        session.advance()
        session.choose("bespreken")
        session.advance()
        session.answer("waarom", "Geen licht: dat zag ik.")
        session.register(["voertuig"], "wvw_160", "waarschuwing", "Fiets zonder licht")
    return session, recorder


def corrupt_copy(source: Path, target: Path, *, keep: int) -> Path:
    target.write_bytes(source.read_bytes()[:keep])
    return target
