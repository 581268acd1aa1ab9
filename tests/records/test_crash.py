"""Kill -9 in the middle of recorded sessions: nothing committed is lost and resume picks up exactly."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.conftest import ROOT
from tests.records.helpers import minimal
from trainer.engine import FakeClock, Phase, Session
from trainer.engine.autoplay import autoplay
from trainer.engine.events import event_from_dict
from trainer.records import RecordStore
from trainer.records.resume import resume

CHILD = r"""
import random, sys, time
sys.path.insert(0, sys.argv[2])
from tests.records.helpers import minimal
from trainer.engine import FakeClock, Session
from trainer.engine.autoplay import autoplay
from trainer.records import RecordStore
from trainer.records.recorder import Recorder

loaded = minimal()
store = RecordStore(sys.argv[1])
pause = random.Random(int(sys.argv[3]))
for seed in range(10_000):
    rec = Recorder(store, loaded.scenario, loaded.content_hash, trainee="K1")
    def committed(event, rec=rec):
        # Runs after the recorder: this line means the event is on disk.
        print(rec.session_id, rec.seq - 1, event.type, flush=True)
        time.sleep(pause.random() * 0.01)
    session = Session(loaded.scenario, seed=seed, clock=FakeClock(), listeners=[rec, committed],
                      scenario_hash=loaded.content_hash)
    autoplay(session, random.Random(seed))
"""

TRIALS = 24
# Trials are independent processes, each with its own database: several run at once. Most of a trial is
# the child's start-up and the random wait before the kill, so this cuts the wall time without changing
# what a trial does or proves.
AT_ONCE = 6


def _resimulate(seed: int) -> Session:
    session = Session(minimal().scenario, seed=seed, clock=FakeClock())
    autoplay(session, random.Random(seed))
    return session


def _kill_trial(db: Path, trial: int, delay: float) -> list[list[str]]:
    """Record in a child process, SIGKILL it `delay` seconds after its first committed event; return the
    (session, seq, type) lines it printed for events it had committed."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(ROOT), str(trial)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    first = child.stdout.readline()  # recording has begun (start-up time varies by machine)
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)
    out, _ = child.communicate()
    # A kill in the middle of a print leaves a torn last line: its event was committed, but it cannot be read.
    return [parts for line in (first + out).splitlines() if len(parts := line.split()) == 3]


def test_sigkill_at_random_moments_loses_no_committed_event(tmp_path: Path) -> None:
    rng = random.Random(2026)
    delays = [rng.random() * 0.8 for _ in range(TRIALS)]
    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        results = list(
            pool.map(lambda t: _kill_trial(tmp_path / f"trial{t}.db", t, delays[t]), range(TRIALS))
        )
    for trial, printed in enumerate(results):
        db = tmp_path / f"trial{trial}.db"
        assert printed, "the child recorded nothing before the kill: raise the delay"

        with RecordStore(db) as store:
            assert store.integrity() == "ok"
            rows = {r.id: r for r in store.sessions()}
            for session_id, seq, kind in printed:
                events = store.events(session_id)
                assert int(seq) < len(events) and events[int(seq)].type == kind, f"trial {trial}: lost {kind}"
            for row in rows.values():
                recorded = [json.loads(e.payload) for e in store.events(row.id)]
                expected = [e.to_dict() for e in _resimulate(row.seed).events]
                assert recorded == expected[: len(recorded)], (
                    f"trial {trial}: record differs from what happened"
                )
                if row.status == "active":
                    resumed = resume(store, row, clock=FakeClock())
                    reference = Session.from_events(
                        minimal().scenario, [event_from_dict(e) for e in expected[: len(resumed.events)]]
                    )
                    assert (resumed.node_id, resumed.phase) == (reference.node_id, reference.phase)
                    assert resumed.state.meters == reference.state.meters
                    assert resumed.state.flags == reference.state.flags
                    assert store.session(row.id).event_count == len(resumed.events)
                    autoplay(resumed, random.Random(row.seed))
                    assert resumed.phase == Phase.DONE
            assert store.integrity() == "ok"
