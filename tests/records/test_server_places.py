"""A group's casting place across laptops, on a real PostgreSQL server: claimed there atomically (two laptops
starting at once never share a place), counted from the group's sessions already stored, and, offline,
counted on the laptop with the record saying so."""

from __future__ import annotations

import random
import socket
import threading
import time
from pathlib import Path

import psycopg
import pytest

from tests.conftest import SCENARIOS
from tests.records.test_server import server_url  # noqa: F401 - fixture
from trainer.engine.autoplay import autoplay
from trainer.engine.clock import FakeClock
from trainer.engine.events import SessionStarted
from trainer.engine.session import Session
from trainer.model.loader import LoadedScenario, load_scenario
from trainer.records import RecordStore
from trainer.records.places import server_claim
from trainer.records.server import ServerStore
from trainer.records.sessions import RecordedSessions, casting_place
from trainer.records.sync import LocalJournal, SyncPass

PER_LAPTOP = 6


def station() -> LoadedScenario:
    return load_scenario(SCENARIOS / "stationsplein.yaml")


def test_two_laptops_starting_at_once_get_every_place_once(server_url: str, tmp_path: Path) -> None:  # noqa: F811
    """Two laptops, each its own journal, start six sessions each for one group, released together by a
    barrier: the twelve places are 0..11, each once, all claimed on the server, and the group's looks keep
    the Latin square's balance (each person in each of 3 looks 4 times)."""
    loaded = station()
    barrier = threading.Barrier(2)
    started: dict[str, list[Session]] = {"a": [], "b": []}
    errors: list[BaseException] = []

    def laptop(name: str) -> None:
        try:
            with RecordStore(tmp_path / f"{name}.sqlite3") as store:
                source = RecordedSessions(store, claim=server_claim(server_url))
                barrier.wait(timeout=30)
                for i in range(PER_LAPTOP):
                    session = source.start(
                        loaded, trainee=f"{name}{i}", group="G1", lang="nl", clock=FakeClock(), seed=i
                    )
                    started[name].append(session)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=laptop, args=(n,)) for n in started]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    sessions = started["a"] + started["b"]
    assert sorted(s.casting_place for s in sessions if s.casting_place is not None) == list(range(12))
    firsts = [s.events[0] for s in sessions]
    assert all(isinstance(e, SessionStarted) and e.casting_from == "server" for e in firsts)
    counts: dict[tuple[str, str], int] = {}
    for s in sessions:
        for pair in s.casting.items():
            counts[pair] = counts.get(pair, 0) + 1
    assert set(counts.values()) == {4}
    # another group, or another scenario, starts again at 0
    claim = server_claim(server_url)
    assert claim("G2", loaded.scenario.id) == 0
    assert claim("G1", "preventief_fouilleren") == 0


def test_the_server_counts_the_groups_sessions_it_already_holds(server_url: str, tmp_path: Path) -> None:  # noqa: F811
    """Two sessions played offline on one laptop (places 0 and 1, counted there) and synced: the next
    laptop's claim on the server starts after them, at 2."""
    loaded = station()
    offline = tmp_path / "offline.sqlite3"
    with RecordStore(offline) as store:
        source = RecordedSessions(store)
        for i in range(2):
            session = source.start(loaded, trainee=f"T{i}", group="G1", lang="nl", clock=FakeClock(), seed=i)
            first = session.events[0]
            assert isinstance(first, SessionStarted)
            assert (first.casting_place, first.casting_from) == (i, "laptop")
            autoplay(session, random.Random(i))
    with ServerStore(server_url) as server:
        SyncPass(LocalJournal(offline), server).run()
    with RecordStore(tmp_path / "other.sqlite3") as store:
        place = casting_place(store, "G1", loaded.scenario, claim=server_claim(server_url))
    assert place == (2, "server")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_offline_the_laptop_counts_and_records_that_it_did(tmp_path: Path) -> None:
    """No server answers: the claim gives up within its short wait, the laptop counts its own sessions of
    the group, and the first event says the place came from the laptop."""
    loaded = station()
    claim = server_claim(f"postgresql://trainer@127.0.0.1:{_closed_port()}/trainer", timeout=1.0)
    with RecordStore(tmp_path / "r.sqlite3") as store:
        source = RecordedSessions(store, claim=claim)
        t0 = time.monotonic()
        places = []
        for i in range(2):
            session = source.start(loaded, trainee=f"T{i}", group="G1", lang="nl", clock=FakeClock(), seed=i)
            first = session.events[0]
            assert isinstance(first, SessionStarted)
            places.append((first.casting_place, first.casting_from))
        assert time.monotonic() - t0 < 10
    assert places == [(0, "laptop"), (1, "laptop")]


def test_a_server_on_an_older_schema_leaves_the_count_to_the_laptop(
    server_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute("DROP TABLE casting_places")
        conn.execute("UPDATE trainer_schema SET version = 2")
    with RecordStore(tmp_path / "r.sqlite3") as store:
        assert casting_place(store, "G1", station().scenario, claim=server_claim(server_url)) == (0, "laptop")


def test_a_given_place_wins_and_replays_with_its_source() -> None:
    loaded = station()
    assert casting_place(None, "G1", loaded.scenario, 5, claim=lambda _g, _s: 9) == (5, "given")
    assert casting_place(None, "G1", loaded.scenario, claim=lambda _g, _s: 9) == (9, "server")
    assert casting_place(None, None, loaded.scenario, claim=lambda _g, _s: 9) == (None, None)
    session = Session(loaded.scenario, seed=1, clock=FakeClock(), casting_place=9, casting_from="server")
    again = Session.from_events(loaded.scenario, list(session.events))
    assert again.events[0] == session.events[0]


@pytest.mark.parametrize("bad", ["cloud", 3])
def test_an_unknown_place_source_in_a_record_is_refused(bad: object) -> None:
    from trainer.engine.errors import EngineError
    from trainer.engine.events import event_from_dict

    session = Session(station().scenario, seed=1, clock=FakeClock(), casting_place=0, casting_from="given")
    data = session.events[0].to_dict() | {"casting_from": bad}
    with pytest.raises(EngineError):
        event_from_dict(data)
