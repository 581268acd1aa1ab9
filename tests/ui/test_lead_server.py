"""The console with a real PostgreSQL and 8 trainee processes (issue 18's integration test).

Each trainee is its own process with its own SQLite journal and syncer (tests/ui/lead_trainee.py); the
console is a LeadPilot over the server source `trainer lead --server` builds. After every single choice the
console's distribution must equal what the server's records hold, within a second; a revote opened on the
console must reach all 8 within 2 s, be recorded for each, and come back counted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from debrief.render import render_markdown
from debrief.sources import assemble, from_store
from debrief.summary import fold
from tests.conftest import ROOT
from tests.pgserver import PgServer
from trainer.commands.lead_source import server_source
from trainer.records.server import ServerStore
from trainer.records.server_read import ServerReader
from trainer.ui.lead.window import LeadPilot

GROUP = "lead-pg"
TRAINEES = 8
RULES = ("best", "best", "best", "best", "best", "keep", "keep", "worst")
RANK = {"in_lijn": 0, "discutabel": 1, "niet_in_lijn": 2}


@pytest.fixture
def server_url(pg_server: PgServer) -> str:
    with psycopg.connect(pg_server.url("postgres"), autocommit=True) as conn:
        conn.execute('DROP DATABASE IF EXISTS "t_lead_console"')
        conn.execute('CREATE DATABASE "t_lead_console"')
    url = pg_server.url("t_lead_console")
    with ServerStore(url) as server:
        server.init()
    return url


class Trainee:
    def __init__(self, i: int, url: str, folder: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.ui.lead_trainee",
                "--db",
                str(folder / f"laptop{i}.sqlite3"),
                "--server",
                url,
                "--index",
                str(i),
                "--group",
                GROUP,
                "--vote",
                RULES[i],
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )

    def send(self, command: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def read(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        assert line, f"trainee process ended (exit {self.proc.poll()})"
        return line

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                self.send("quit")
                self.proc.wait(10)
            except (BrokenPipeError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def trainees(server_url: str, tmp_path: Path) -> Iterator[list[Trainee]]:
    started = [Trainee(i, server_url, tmp_path) for i in range(TRAINEES)]
    try:
        for t in started:
            assert t.read() == "ready"
        yield started
    finally:
        for t in started:
            t.stop()


def server_tally(url: str) -> dict[str, dict[str, int]]:
    """Per decision point and choice: the first choices the server's records hold, by plain SQL."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT e.session_id, e.payload FROM events e JOIN sessions s ON s.id = e.session_id "
            "JOIN groups g ON g.id = s.group_id WHERE g.label = %s AND e.type = 'choice_made' "
            "ORDER BY e.session_id, e.seq",
            (GROUP,),
        ).fetchall()
    seen: set[tuple[str, str]] = set()
    out: dict[str, dict[str, int]] = {}
    for sid, payload in rows:
        event = json.loads(payload) if isinstance(payload, str) else payload
        if (sid, event["node"]) not in seen:
            seen.add((sid, event["node"]))
            per = out.setdefault(event["node"], {})
            per[event["choice"]] = per.get(event["choice"], 0) + 1
    return out


def _shown(pilot: LeadPilot) -> dict[str, dict[str, int]]:
    return {
        d.node_id: {o.choice_id: o.count for o in d.options if o.count} for d in pilot.console.decisions()
    }


def _frames_until(pilot: LeadPilot, done: object, seconds: float) -> float:
    """Run console frames (30 a second) until `done()`; the seconds it took, or fail after `seconds`."""
    start = time.monotonic()
    while True:
        pilot.frame()
        if done():  # type: ignore[operator]
            return time.monotonic() - start
        assert time.monotonic() - start < seconds, "the console did not catch up in time"
        time.sleep(1 / 30)


def test_eight_laptops_a_console_and_a_revote(server_url: str, trainees: list[Trainee]) -> None:
    source = server_source(server_url, GROUP, "nl", one_laptop=False)
    try:
        pilot = LeadPilot(source, "nl")
        waits: list[float] = []
        going = set(range(TRAINEES))
        steps = 0
        while going:
            for i in sorted(going):
                trainees[i].send("step")
                if trainees[i].read() == "done":
                    going.discard(i)
                expected = server_tally(server_url)
                waits.append(_frames_until(pilot, lambda e=expected: _shown(pilot) == e, 1.0))  # type: ignore[misc]
                steps += 1
        assert steps > 3 * TRAINEES
        # every trainee finished: the console went to the presentation; on to the first hittepunt
        _frames_until(pilot, lambda: pilot.console.state.mode == "present", 2.0)
        deck = pilot.console.deck
        assert deck is not None
        while deck.slide.kind != "hot":
            pilot.press("right")
        slide = deck.slide
        tally = source.live.decision(slide.scenario_id, slide.node)
        assert tally is not None
        for t in trainees:
            t.send("wait")
        opened = time.monotonic()
        pilot.press("r")
        seen = []
        for t in trainees:
            word, at = t.read().split()
            assert word == "seen"
            seen.append(float(at) - opened)
        assert max(seen) <= 2.0, seen
        votes = {}
        for i, t in enumerate(trainees):
            word, choice = t.read().split()
            assert word == "voted"
            votes[i] = choice
        _frames_until(pilot, lambda: f"{TRAINEES} van {TRAINEES} stemmen binnen" in pilot.text(), 2.0)
        pilot.press("r")
        # the known answer, from each trainee's first choice there and the vote its rule gave
        ids = sorted(tally.first_by_session)
        by_session = {f"5e55{i + 1:04d}" + "0" * 24: votes[i] for i in range(TRAINEES)}
        rank = {o.choice_id: RANK[o.assessment] for o in tally.options}
        changed = sum(tally.first_by_session[s] != by_session[s] for s in ids)
        towards = sum(rank[by_session[s]] < rank[tally.first_by_session[s]] for s in ids)
        away = sum(rank[by_session[s]] > rank[tally.first_by_session[s]] for s in ids)
        text = " ".join(pilot.text().split())
        assert f"{TRAINEES} deelnemers stemden opnieuw" in text
        assert f"{changed} {'koos' if changed == 1 else 'kozen'} anders dan de eerste keer" in text
        assert f"{towards} dichter bij het kader, {away} verder ervan af" in text
        view = pilot.console.revote.view if pilot.console.revote else None
        assert view is not None and sum(r.now for r in view.rows) == TRAINEES
        # recorded for each: a RevoteCast in every trainee's session on the server
        with psycopg.connect(server_url) as conn:
            cast = conn.execute(
                "SELECT session_id, payload FROM events WHERE type = 'revote_cast' ORDER BY session_id"
            ).fetchall()
        assert len(cast) == TRAINEES
        assert {sid: (json.loads(p) if isinstance(p, str) else p)["choice"] for sid, p in cast} == by_session
        # and on the sheet, printed from the server: the same counts in the same words
        with ServerReader(server_url) as reader:
            sheet = fold(assemble(*from_store(reader, group=GROUP)))
        (row,) = [r for r in sheet.revotes if r.node_id == slide.node]
        assert row.counts and row.voters == TRAINEES and not row.open
        assert {line.key: (line.first, line.again) for line in row.lines} == {
            r.key: (r.first, r.now) for r in view.rows
        }
        sheet_md = " ".join(render_markdown(sheet, "group", "nl").split())
        assert f"{changed} {'koos' if changed == 1 else 'kozen'} anders dan de eerste keer" in sheet_md
        assert f"{towards} dichter bij het kader, {away} verder ervan af" in sheet_md
        print(
            f"console caught up after each of {steps} choices: max {max(waits) * 1e3:.0f} ms; revote seen "
            f"after {min(seen) * 1e3:.0f}-{max(seen) * 1e3:.0f} ms"
        )
    finally:
        source.close()
