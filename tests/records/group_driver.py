"""A headless trainee for group tests against a real server: one process per trainee, as on a training day.

Each process records into its own SQLite journal, syncs to the server in the background (the laptop's
Syncer), plays a given route through the Session, and then waits for the group's revotes through a
RevoteDesk (GroupWatch on the server: LISTEN/NOTIFY with polling as the fallback), as `play --text` does.
It answers each revote with the choice it was given for that decision point and reports what happened as
JSON lines on stdout, with wall-clock times, so a test can measure how fast a revote reached it.

    python -m tests.records.group_driver --db D --server URL --group G --trainee T --route a,b,c \
        --vote node=choice [--vote ...] [--revotes N] [--wait SECONDS]

`spawn()` starts one; `Trainee.lines()` reads its reports. The console's integration test reuses both.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"


def _say(event: str, **data: Any) -> None:
    print(json.dumps({"event": event, "at": time.time(), **data}), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="group_driver")
    parser.add_argument("--db", required=True)
    parser.add_argument("--server", required=True)
    parser.add_argument("--group", required=True)
    parser.add_argument("--trainee", required=True)
    parser.add_argument("--scenario", default=str(MINIMAL))
    parser.add_argument(
        "--route", default="", help="choices in order, comma separated; then the first offered"
    )
    parser.add_argument("--vote", action="append", default=[], help="node=choice for a revote of node")
    parser.add_argument("--revotes", type=int, default=1, help="stop after answering this many revotes")
    parser.add_argument("--wait", type=float, default=60.0, help="seconds to wait for revotes at most")
    parser.add_argument("--step-seconds", type=float, default=0.0, help="pause between two choices")
    args = parser.parse_args(argv)

    from tests.debrief.synthetic import Trainee, play
    from trainer.engine import FakeClock, Session
    from trainer.model.loader import load_scenario
    from trainer.records import RecordStore
    from trainer.records.recorder import Recorder
    from trainer.records.revote_desk import desk_for
    from trainer.records.sync import Syncer

    votes = dict(v.split("=", 1) for v in args.vote)
    loaded = load_scenario(Path(args.scenario))
    syncer = Syncer(Path(args.db), args.server, poll_seconds=0.2).start()
    desk = desk_for(args.server, fallback_seconds=1.0)
    answered = 0
    try:
        with RecordStore(args.db) as store:
            recorder = Recorder(
                store, loaded.scenario, loaded.content_hash, trainee=args.trainee, group=args.group
            )
            session = Session(
                loaded.scenario,
                clock=FakeClock(),
                listeners=[recorder, syncer.wake],
                scenario_hash=loaded.content_hash,
            )
            _say("started", session=recorder.session_id)

            def answer() -> bool:
                nonlocal answered
                revote = desk.check(session, args.group)
                if revote is None:
                    return False
                _say("revote_seen", revote=revote.revote_id, node=revote.node_id)
                choice = votes.get(revote.node_id)
                question = desk.question(session, revote, "nl")
                if choice is None and question is not None:
                    choice = question.options[0].choice_id
                assert choice is not None
                desk.vote(session, revote, choice)
                answered += 1
                _say("voted", revote=revote.revote_id, node=revote.node_id, choice=choice)
                return True

            route = [c for c in args.route.split(",") if c]
            play(session, Trainee(route, grounds=["voertuig"], basis="wvw_160"))
            _say("finished", events=len(session.events))
            deadline = time.monotonic() + args.wait
            while answered < args.revotes and time.monotonic() < deadline:
                if not answer():
                    time.sleep(0.02)  # a frame loop's pace: the desk's poll itself never blocks
    finally:
        desk.close()
        status = syncer.stop(timeout=10.0)
        _say("stopped", waiting=status.waiting_events, online=status.online, answered=answered)
    return 0


@dataclass
class Trainee:
    """A running driver process and the reports it has printed so far (read on a thread)."""

    code: str
    proc: subprocess.Popen[str]
    reports: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("{"):
                self.reports.append(json.loads(line))

    def seen(self, event: str) -> list[dict[str, Any]]:
        return [r for r in list(self.reports) if r["event"] == event]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)


def spawn(
    tmp: Path, server: str, group: str, code: str, route: list[str], votes: dict[str, str], **extra: object
) -> Trainee:
    """Start one trainee's process (its own journal in `tmp`)."""
    args = [
        sys.executable,
        "-m",
        "tests.records.group_driver",
        "--db",
        str(tmp / f"{code}.sqlite3"),
        "--server",
        server,
        "--group",
        group,
        "--trainee",
        code,
        "--route",
        ",".join(route),
    ]
    args += [f"--vote={node}={choice}" for node, choice in votes.items()]
    for key, value in extra.items():
        args += [f"--{key.replace('_', '-')}", str(value)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    return Trainee(code, proc)


if __name__ == "__main__":
    sys.exit(main())
