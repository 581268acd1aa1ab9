"""Issue 18 on a real PostgreSQL: the group journal on the server, sync of flags/revotes/hands/votes, purge,
and GroupWatch woken by LISTEN/NOTIFY (with polling as the fallback)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import psycopg

from debrief.live import GroupLive
from tests.records.group_helpers import GROUP, PLAYS, play_group
from tests.records.helpers import minimal
from tests.records.test_server import server_url  # noqa: F401 - fixture
from trainer.records import RecordStore
from trainer.records.group_journal import LocalGroupJournal, RevoteVote
from trainer.records.group_rows import WatchUpdate
from trainer.records.server import ServerStore
from trainer.records.server_groups import delete_sessions
from trainer.records.server_journal import ServerGroupJournal
from trainer.records.sync import LocalJournal, SyncPass
from trainer.records.watch import GroupWatch


def _until(watch: GroupWatch, seen: Callable[[WatchUpdate], bool], seconds: float) -> float:
    """Poll like a frame loop (every 5 ms) until `seen`; returns the time it took."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if seen(watch.poll()):
            return time.monotonic() - start
        time.sleep(0.005)
    raise AssertionError(f"not seen within {seconds} s")


def test_server_journal_means_the_same(server_url: str, tmp_path: Path) -> None:  # noqa: F811
    db = tmp_path / "leider.sqlite3"
    with RecordStore(db) as store:
        played = play_group(store)
    with ServerStore(server_url) as server:
        SyncPass(LocalJournal(db), server).run()
        journal = ServerGroupJournal(server)
        sid = played["T2"][1].session_id
        a = journal.add_flag(GROUP, at_session=sid, note="reden")
        b = journal.add_flag(GROUP, at_node="aanspreken")
        assert journal.flags(GROUP) == [a, b] and [a.seq, b.seq] == [0, 1]
        first = journal.open_revote(GROUP, "minimaal", "straat")
        second = journal.open_revote(GROUP, "minimaal", "aanspreken")
        assert journal.open_revote_for(GROUP) == second
        assert [r.closed_at is None for r in journal.revotes(GROUP)] == [False, True]
        assert journal.revotes(GROUP)[0].revote_id == first.revote_id
        journal.set_hands(second.revote_id, "vaag", 2)
        journal.set_hands(second.revote_id, "vaag", 1)
        assert [(h.choice_id, h.count) for h in journal.hands(second.revote_id)] == [("vaag", 1)]
        # a session only the server holds (T4's laptop is gone): the vote goes in after its last event
        journal.record_vote(second.revote_id, played["T4"][1].session_id, "concreet")
        assert journal.votes(second.revote_id) == [
            RevoteVote(second.revote_id, played["T4"][1].session_id, "concreet")
        ]
        journal.close_revote(second.revote_id)
        assert journal.open_revote_for(GROUP) is None


def test_sync_carries_flags_revotes_hands_and_votes(server_url: str, tmp_path: Path) -> None:  # noqa: F811
    """Everyone on the leader's laptop while the server was away; sync brings it all, twice is once."""
    db = tmp_path / "leider.sqlite3"
    with RecordStore(db) as store:
        played = play_group(store)
        local = LocalGroupJournal(store)
        flag = local.add_flag(GROUP, at_session=played["T3"][1].session_id, note="toon")
        revote = local.open_revote(GROUP, "minimaal", "aanspreken")
        played["T1"][0].cast_revote(revote.revote_id, "aanspreken", "vaag")
        played["T2"][0].cast_revote(revote.revote_id, "aanspreken", "concreet")
        local.set_hands(revote.revote_id, "concreet", 4)
    with ServerStore(server_url) as server:
        sync = SyncPass(LocalJournal(db), server)
        sync.run()
        journal = ServerGroupJournal(server)
        journal.add_flag(GROUP, note="op de server getypt")  # the server's own flag keeps its place
        with RecordStore(db) as store:
            LocalGroupJournal(store).close_revote(revote.revote_id)
            expected_votes = LocalGroupJournal(store).votes(revote.revote_id)
        sync.run()
        SyncPass(LocalJournal(db), server).run()  # a new pass (a restart) changes nothing
        flags = journal.flags(GROUP)
        assert [(f.flag_id, f.note) for f in flags] == [
            (flag.flag_id, "toon"),
            (flags[1].flag_id, "op de server getypt"),
        ]
        got = journal.revotes(GROUP)
        assert [r.revote_id for r in got] == [revote.revote_id] and got[0].closed_at is not None
        assert journal.votes(revote.revote_id) == expected_votes and len(expected_votes) == 2
        assert [(h.choice_id, h.count) for h in journal.hands(revote.revote_id)] == [("concreet", 4)]


def test_purge_on_the_server_removes_flags_and_stays(server_url: str, tmp_path: Path) -> None:  # noqa: F811
    db = tmp_path / "leider.sqlite3"
    with RecordStore(db) as store:
        played = play_group(store)
        local = LocalGroupJournal(store)
        t3 = played["T3"][1].session_id
        local.add_flag(GROUP, at_session=t3, note="over T3")
        local.add_flag(GROUP, at_node="straat", note="voor de groep")
    with ServerStore(server_url) as server:
        SyncPass(LocalJournal(db), server).run()
        delete_sessions(server, [t3])
        SyncPass(LocalJournal(db), server).run()  # the laptop still has the flag: it does not come back
        assert [f.note for f in ServerGroupJournal(server).flags(GROUP)] == ["voor de groep"]
        delete_sessions(server, [rec.session_id for _s, rec in played.values()])
        with psycopg.connect(server_url) as conn:
            for table in ("flags", "revotes", "revote_hands", "groups"):
                assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone() == (0,)  # noqa: S608


def test_local_purge_removes_flags_of_the_session(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.sqlite3") as store:
        played = play_group(store)
        local = LocalGroupJournal(store)
        t3 = played["T3"][1].session_id
        local.add_flag(GROUP, at_session=t3, note="over T3")
        local.add_flag(GROUP, note="groep")
        revote = local.open_revote(GROUP, "minimaal", "straat")
        local.set_hands(revote.revote_id, "niemand", 1)
        store.delete_sessions([t3])
        assert [f.note for f in local.flags(GROUP)] == ["groep"]
        store.delete_sessions([rec.session_id for _s, rec in played.values()])
        for table in ("flags", "revotes", "revote_hands", "groups"):
            assert store._read(f"SELECT COUNT(*) FROM {table}") == [(0,)]  # noqa: S608


def test_notify_wakes_the_watch(server_url: str, tmp_path: Path) -> None:  # noqa: F811
    """With polling slowed to 30 s, only NOTIFY can bring a revote, a flag and new events within a second."""
    db = tmp_path / "leider.sqlite3"
    with RecordStore(db) as store:
        play_group(store)
    with ServerStore(server_url) as server:
        SyncPass(LocalJournal(db), server).run()
        journal = ServerGroupJournal(server)
        with GroupWatch(server_url, GROUP, fallback_seconds=30.0) as watch:
            _until(watch, lambda u: bool(u.sessions), 5.0)  # the first look
            assert watch.listening
            revote = journal.open_revote(GROUP, "minimaal", "aanspreken")
            took = _until(watch, lambda u: [r.revote_id for r in u.revotes] == [revote.revote_id], 1.0)
            assert took < 1.0
            flag = journal.add_flag(GROUP, at_node="aanspreken", note="n")
            _until(watch, lambda u: u.flags == [flag], 1.0)
            journal.set_hands(revote.revote_id, "vaag", 3)
            _until(watch, lambda u: [(h.choice_id, h.count) for h in u.hands] == [("vaag", 3)], 1.0)
            journal.close_revote(revote.revote_id)
            _until(watch, lambda u: bool(u.revotes) and u.revotes[0].closed_at is not None, 1.0)


def test_polling_when_no_notify_comes(server_url: str, tmp_path: Path) -> None:  # noqa: F811
    db = tmp_path / "leider.sqlite3"
    with RecordStore(db) as store:
        play_group(store)
    with ServerStore(server_url) as server:
        SyncPass(LocalJournal(db), server).run()
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute("ALTER TABLE revotes DISABLE TRIGGER revotes_live")  # NOTIFY lost on the way
        with GroupWatch(server_url, GROUP, fallback_seconds=0.3) as watch:
            _until(watch, lambda u: bool(u.sessions), 5.0)
            revote = ServerGroupJournal(server).open_revote(GROUP, "minimaal", "straat")
            _until(watch, lambda u: [r.revote_id for r in u.revotes] == [revote.revote_id], 2.0)


def test_the_live_fold_from_the_server_equals_the_local_one(server_url: str, tmp_path: Path) -> None:  # noqa: F811
    loaded = minimal()
    db = tmp_path / "leider.sqlite3"
    with RecordStore(db) as store:
        play_group(store)
        local = GroupLive(GROUP)
        local.add_scenario(loaded.content_hash, loaded.scenario)
        with GroupWatch(store, GROUP) as watch:
            local.apply(watch.poll())
    with ServerStore(server_url) as server:
        SyncPass(LocalJournal(db), server).run()
    remote = GroupLive(GROUP)
    remote.add_scenario(loaded.content_hash, loaded.scenario)
    with GroupWatch(server_url, GROUP, fallback_seconds=0.2) as watch:
        deadline = time.monotonic() + 5
        while sum(d.reached for d in remote.decisions) < sum(d.reached for d in local.decisions):
            assert time.monotonic() < deadline
            remote.apply(watch.poll())
            time.sleep(0.01)
    assert [(d.node_id, [(o.choice_id, o.count) for o in d.options]) for d in remote.decisions] == [
        (d.node_id, [(o.choice_id, o.count) for o in d.options]) for d in local.decisions
    ]
    assert [(t.code, t.anon_label, t.step) for t in remote.trainees] == [
        (t.code, t.anon_label, t.step) for t in local.trainees
    ]
    assert len(remote.trainees) == len(PLAYS)


def test_a_server_not_yet_at_schema_3_still_gets_the_sessions(pg_server: object, tmp_path: Path) -> None:
    """A laptop with flags syncing to a server still at schema 2: the sessions go, the flags wait."""
    from tests.pgserver import PgServer
    from trainer.records.server_schema import MIGRATIONS

    assert isinstance(pg_server, PgServer)
    with psycopg.connect(pg_server.url("postgres"), autocommit=True) as conn:
        conn.execute('DROP DATABASE IF EXISTS "t_schema2"')
        conn.execute('CREATE DATABASE "t_schema2"')
    url = pg_server.url("t_schema2")
    with psycopg.connect(url) as conn:
        for number in range(2):
            conn.execute(MIGRATIONS[number])  # noqa: S608 (constant DDL)
        conn.execute("UPDATE trainer_schema SET version = 2")
    db = tmp_path / "leider.sqlite3"
    with RecordStore(db) as store:
        play_group(store)
        LocalGroupJournal(store).add_flag(GROUP, note="wacht op de server")
    with ServerStore(url) as server:
        sync = SyncPass(LocalJournal(db), server)
        status = sync.run()
        assert status.online and status.waiting_events == 0
        server.init()  # the centre updates its server: the flags follow with the next pass
        sync.run()
        assert [f.note for f in ServerGroupJournal(server).flags(GROUP)] == ["wacht op de server"]
