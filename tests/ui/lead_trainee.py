"""A headless trainee laptop for the console's integration test, run as its own process:

    python -m tests.ui.lead_trainee --db FILE --server URL --index I --group G --vote best|keep|worst

It plays trainee I's playthrough plan one choice per `step` line on stdin, recording into its own SQLite
journal with a Syncer pushing to the server (exactly what `trainer play` does on a laptop), and answers
`stepped NODE CHOICE` once the server holds the choice (or `done`). On `wait` it watches the group for an
open revote through the same RevoteDesk the trainee's window uses, prints `seen MONOTONIC` the moment it
learns of one, votes by its rule through Session.cast_revote, and prints `voted CHOICE` once the vote is on
the server. `quit` (or the end of stdin) stops it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import psycopg

from tests.ui.lead_group import PlayingGroup
from trainer.engine.events import ChoiceMade
from trainer.engine.session import Session
from trainer.records.revote_desk import desk_for
from trainer.records.sync import Syncer

RANK = {"in_lijn": 0, "discutabel": 1, "niet_in_lijn": 2}


def _pushed(syncer: Syncer, server: psycopg.Connection[tuple[int]], session: Session, sid: str) -> None:
    """Wake the syncer and wait until the server holds every event of this session recorded so far."""
    syncer.wake()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        row = server.execute("SELECT COUNT(*) FROM events WHERE session_id = %s", (sid,)).fetchone()
        if row is not None and row[0] >= len(session.events):
            return
        time.sleep(0.005)
    raise SystemExit("sync did not finish")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--server", required=True)
    parser.add_argument("--index", type=int, required=True)
    parser.add_argument("--group", required=True)
    parser.add_argument("--vote", choices=["best", "keep", "worst"], default="best")
    args = parser.parse_args(argv)
    i = args.index
    laptop = PlayingGroup(Path(args.db), i + 1, group=args.group)
    syncer = Syncer(laptop.store.path, args.server, poll_seconds=0.2).start()
    desk = desk_for(args.server, fallback_seconds=0.5)
    laptop.start(i)
    session = laptop.sessions[i]
    server: psycopg.Connection[tuple[int]] = psycopg.connect(args.server, autocommit=True)

    def say(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    try:
        say("ready")
        for line in sys.stdin:
            command = line.strip()
            if command == "step":
                going = laptop.step(i)
                _pushed(syncer, server, session, laptop.ids[i])
                made = [e for e in session.events if isinstance(e, ChoiceMade)]
                say(f"stepped {made[-1].node} {made[-1].choice}" if going and made else "done")
            elif command == "wait":
                deadline = time.monotonic() + 30
                revote = None
                while revote is None and time.monotonic() < deadline:
                    revote = desk.check(session, args.group)
                    if revote is None:
                        time.sleep(0.01)
                if revote is None:
                    say("none")
                    continue
                say(f"seen {time.monotonic():.6f}")
                choice = _choose(session, revote.node_id, args.vote)
                desk.vote(session, revote, choice)
                _pushed(syncer, server, session, laptop.ids[i])
                say(f"voted {choice}")
            elif command == "quit":
                break
    finally:
        desk.close()
        server.close()
        syncer.stop()
        laptop.close()
    return 0


def _choose(session: Session, node_id: str, rule: str) -> str:
    """The vote by rule: the option closest to the kader, the trainee's own first choice there (the closest
    option when they never reached it), or the one furthest from it."""
    from trainer.model.graph import node_choices

    options = [
        (cid, choice.assessment.value) for cid, _s, choice, _p in node_choices(session.scenario, node_id)
    ]
    ranked = sorted(options, key=lambda o: (RANK[o[1]], o[0]))
    if rule == "keep":
        own = next(
            (e.choice for e in session.events if isinstance(e, ChoiceMade) and e.node == node_id), None
        )
        if own is not None:
            return own
    return ranked[-1][0] if rule == "worst" else ranked[0][0]


if __name__ == "__main__":
    sys.exit(main())
