"""`trainer run SCENARIO (--plan FILE | --auto [--seed N]) [--resume ID]`: play headless; print the run.

`--resume ID` continues an unfinished recorded session (after a crash or a kill) under its own id: the
recorded events stay as they are; the run goes on from where the record ends and finishes at random (--auto).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from trainer.commands.common import RecordingOptions, UserError, load_clean, print_err, valid_code
from trainer.commands.records_opts import open_store
from trainer.commands.server_opts import finish_sync, place_claim, start_sync
from trainer.engine.autoplay import autoplay
from trainer.engine.clock import FakeClock
from trainer.engine.errors import EngineError
from trainer.engine.events import Event
from trainer.engine.plan import PlanFailure, follow, parse_plan
from trainer.engine.session import Session
from trainer.engine.transcript import transcript
from trainer.model.diagnostics import ScenarioError
from trainer.model.loader import read_scenario_bytes
from trainer.records import RecordsError
from trainer.records.recorder import Recorder
from trainer.records.resume import resume
from trainer.records.sessions import casting_place
from trainer.records.store import RecordStore

AUTO_SECONDS_PER_STEP = 4.0
HEADLESS_TRAINEE = "test"


class _SteppingClock(FakeClock):
    """Headless runs have no trainee: each reading advances a few seconds, so times stay deterministic."""

    def now(self) -> float:
        self.t += AUTO_SECONDS_PER_STEP
        return self.t


def run(
    scenario_path: str,
    *,
    plan: str | None,
    seed: int,
    start_node: str | None,
    lang: str,
    record: RecordingOptions | None = None,
    pace: float = 0.0,
    resume_id: str | None = None,
) -> int:
    loaded = load_clean(scenario_path, lang)
    if resume_id is not None:
        return _resume(
            loaded.scenario.id, resume_id, plan=plan, seed=seed, lang=lang, record=record, pace=pace
        )
    syncer = None
    with ExitStack() as stack:
        store: RecordStore | None = None
        listeners: list[Callable[[Event], None]] = []
        if record is not None:
            store = stack.enter_context(open_store(record.db))
            recorder = Recorder(
                store,
                loaded.scenario,
                loaded.content_hash,
                trainee=valid_code(record.trainee or HEADLESS_TRAINEE),
                group=valid_code(record.group, "groepslabel") if record.group else None,
            )
            listeners.append(recorder)
            syncer = start_sync(record, store.path)
            if syncer is not None:
                listeners.append(syncer.wake)  # after the recorder: the event is committed locally first
        if pace > 0:
            listeners.append(lambda _event: time.sleep(pace))
        place, source = (
            casting_place(store, record.group, loaded.scenario, record.place, place_claim(record))
            if record
            else (None, None)
        )
        try:
            session = Session(
                loaded.scenario,
                seed=seed,
                lang=lang,
                clock=_SteppingClock(),
                start_node=start_node,
                scenario_hash=loaded.content_hash,
                listeners=listeners,
                casting_place=place,
                casting_from=source,
            )
            play(session, plan, seed, lang)
        except RecordsError as exc:
            raise UserError(exc.nl, exc.en) from None
        except EngineError as exc:
            raise UserError(f"{scenario_path}: {exc.nl}", f"{scenario_path}: {exc.en}") from None
        finally:
            finish_sync(syncer, lang)
        if record is not None and store is not None:
            print_err(f"vastgelegd als sessie {recorder.session_id[:8]} in {store.path}")
    return 0


def _resume(
    scenario_id: str,
    resume_id: str,
    *,
    plan: str | None,
    seed: int,
    lang: str,
    record: RecordingOptions | None,
    pace: float,
) -> int:
    """Continue a recorded, unfinished session and finish it at random, recording (and syncing) as it goes."""
    if record is None or plan is not None:
        raise UserError(
            "--resume gaat samen met --auto en vastleggen (niet met --plan of --no-record)",
            "--resume goes with --auto and recording (not with --plan or --no-record)",
        )
    syncer = None
    with open_store(record.db) as store:
        try:
            row = store.session(resume_id)
            if row.scenario_id != scenario_id:
                raise UserError(
                    f"sessie {row.id[:8]} hoort bij scenario '{row.scenario_id}', niet bij '{scenario_id}'",
                    f"session {row.id[:8]} belongs to scenario '{row.scenario_id}', not '{scenario_id}'",
                )
            session = resume(store, row, clock=_SteppingClock())
            syncer = start_sync(record, store.path)
            if syncer is not None:
                session.subscribe(syncer.wake)  # after the recorder: committed locally first
            if pace > 0:
                session.subscribe(lambda _event: time.sleep(pace))
            play(session, None, seed, lang)
        except RecordsError as exc:
            raise UserError(exc.nl, exc.en) from None
        except EngineError as exc:
            raise UserError(f"{resume_id}: {exc.nl}", f"{resume_id}: {exc.en}") from None
        finally:
            finish_sync(syncer, lang)
        print_err(f"sessie {row.id[:8]} hervat en vastgelegd in {store.path}")
    return 0


def play(session: Session, plan: str | None, seed: int, lang: str) -> None:
    """Play along a plan or at random, then print the transcript (also up to a failing plan step)."""
    try:
        if plan is not None:
            try:
                loaded_plan = parse_plan(read_scenario_bytes(Path(plan), plan), plan)
            except ScenarioError as exc:
                raise UserError(exc.diagnostics[0].format(lang)) from None
            if loaded_plan.plan.scenario != session.scenario.id:
                raise UserError(
                    f"{plan}: dit plan hoort bij scenario '{loaded_plan.plan.scenario}', "
                    f"niet bij '{session.scenario.id}'"
                )
            follow(session, loaded_plan)
        else:
            autoplay(session, random.Random(seed))
    except PlanFailure as exc:
        _print(session, lang)
        raise UserError(str(exc)) from None
    _print(session, lang)


def _print(session: Session, lang: str) -> None:
    for line in transcript(session.scenario, session.events, lang, with_order=True):
        print(line)
