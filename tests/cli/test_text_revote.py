"""`trainer play --text` during a group revote: it learns of an open revote of its group from the store
between steps and after the ending while it waits, asks the same decision again, and records the vote."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.cli.test_text_play import ROUTE, Player
from tests.conftest import FIXTURES, ROOT
from tests.records.helpers import minimal
from trainer.commands.text_play import TextHost
from trainer.engine import FakeClock, Session
from trainer.engine.events import RevoteCast
from trainer.records import RecordStore
from trainer.records.group_journal import LocalGroupJournal, RevoteVote
from trainer.records.recorder import Recorder
from trainer.records.revote_desk import desk_for


def _host(store: RecordStore, player: Player, **kw: object) -> tuple[TextHost, Recorder]:
    loaded = minimal()
    recorder = Recorder(store, loaded.scenario, loaded.content_hash, trainee="T7", group="ochtend")
    session = Session(
        loaded.scenario, clock=FakeClock(), listeners=[recorder], scenario_hash=loaded.content_hash
    )
    desk = desk_for(store)
    host = TextHost(session, "nl", player.ask, player.say, width=80, revotes=desk, group="ochtend", **kw)  # type: ignore[arg-type]
    return host, recorder


def test_a_revote_between_two_steps(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    with RecordStore(db) as store, RecordStore(db) as console:
        journal = LocalGroupJournal(console)
        opened: list[str] = []

        def leader(prompt: str) -> None:
            # while the trainee reads the scene after the street, the gespreksleider opens a revote
            if not opened and len(player.prompts) == 3:
                opened.append(journal.open_revote("ochtend", "minimaal", "straat").revote_id)

        script = [*ROUTE[:3], ("pick", "Niemand"), *ROUTE[3:]]
        player = Player(script, on_ask=leader)
        host, recorder = _host(store, player)
        host.play()
        out = "\n".join(player.out)
        assert out.count("== Groepsherstemming ==") == 1
        assert "Wie spreek je aan?" in out.split("== Groepsherstemming ==")[1]
        assert "Tijd" not in out.split("== Groepsherstemming ==")[1].split("Je stem")[0]  # no timer
        assert journal.votes(opened[0]) == [RevoteVote(opened[0], recorder.session_id, "niemand")]
        assert host.session.phase.value == "done"  # and the route went on as before the revote


def test_a_revote_while_waiting_after_the_ending(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    with RecordStore(db) as store, RecordStore(db) as console:
        journal = LocalGroupJournal(console)
        player = Player(list(ROUTE))
        naps: list[float] = []
        clock = [0.0]

        def sleep(seconds: float) -> None:
            naps.append(seconds)
            clock[0] += seconds
            if len(naps) == 3:  # the leader opens the revote while the trainee waits
                journal.open_revote("ochtend", "minimaal", "aanspreken")

        host, recorder = _host(store, player, sleep=sleep, now=lambda: clock[0])
        host.play()
        player.script.append(("pick", "Gewoon een controle"))  # the trainee's answer to the revote
        host.await_revotes(2.0)
        casts = [e for e in host.session.events if isinstance(e, RevoteCast)]
        assert [(e.node, e.choice) for e in casts] == [("aanspreken", "vaag")]
        assert clock[0] >= 2.0  # waited on until the end, for another revote
        assert "Groepsherstemming" in "\n".join(player.out)
        events = store.events(recorder.session_id)
        assert events[-1].type == "revote_cast"


def test_the_real_command_waits_for_a_revote_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("TRAINER_SERVER", None)
    answers = ["", "1", "1", "1", "", "1", "", "reflectie", "1", "1", "1", "reden"]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "trainer",
            "play",
            "--text",
            str(FIXTURES / "minimal.yaml"),
            "--db",
            str(db),
            "--trainee",
            "T8",
            "--group",
            "ochtend",
            "--revote-wait",
            "60",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        assert proc.stdin is not None
        # then Enter for the perspective pages; a blank line too many only earns a hint at the revote
        proc.stdin.write("\n".join(answers) + "\n" * 12)
        proc.stdin.flush()
        deadline = time.monotonic() + 60
        with RecordStore(db) as console:
            while not console.sessions(status="finished"):
                assert time.monotonic() < deadline and proc.poll() is None, (
                    proc.stderr.read() if proc.stderr else ""
                )
                time.sleep(0.1)
            journal = LocalGroupJournal(console)
            revote = journal.open_revote("ochtend", "minimaal", "straat")
            proc.stdin.write("2\n")  # the second option shown
            proc.stdin.flush()
            while not journal.votes(revote.revote_id):
                assert time.monotonic() < deadline and proc.poll() is None
                time.sleep(0.1)
            [vote] = journal.votes(revote.revote_id)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "Groepsherstemming" in out and "Je stem in de herstemming is vastgelegd." in out
    assert vote.choice_id in ("fietser_zonder_licht", "niemand")
