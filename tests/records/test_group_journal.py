"""The group journal on SQLite: flags, revotes, votes (RevoteCast events) and the show of hands."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.records.group_helpers import GROUP, play_group
from trainer.engine import Session
from trainer.engine.errors import EngineError
from trainer.engine.events import RevoteCast
from trainer.engine.transcript import transcript
from trainer.records import RecordStore
from trainer.records.errors import RecordsError
from trainer.records.group_journal import LocalGroupJournal, RevoteVote
from trainer.records.schema import SCHEMA_VERSION


def test_schema_3_has_the_group_tables(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.sqlite") as store:
        names = {r[0] for r in store._read("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert SCHEMA_VERSION == 3
    assert {"flags", "revotes", "revote_hands"} <= names


def test_flags_keep_their_place_and_order(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.sqlite") as store:
        played = play_group(store)
        journal = LocalGroupJournal(store)
        sid = played["T2"][1].session_id
        a = journal.add_flag(GROUP, at_session=sid, note="vraag naar de reden")
        b = journal.add_flag(GROUP, at_node="aanspreken", note="")
        c = journal.add_flag(GROUP, at_session=sid, at_node="afhandelen", note="toon")
        assert [f.seq for f in journal.flags(GROUP)] == [0, 1, 2]
        assert journal.flags(GROUP) == [a, b, c]
        assert (a.at_session, a.at_node, a.note) == (sid, None, "vraag naar de reden")
        assert (b.at_session, b.at_node) == (None, "aanspreken")
        assert len({a.flag_id, b.flag_id, c.flag_id}) == 3
        assert journal.flags("middag") == []


def test_one_revote_open_at_a_time(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.sqlite") as store:
        journal = LocalGroupJournal(store)
        assert journal.open_revote_for(GROUP) is None
        first = journal.open_revote(GROUP, "minimaal", "straat")
        assert journal.open_revote_for(GROUP) == first
        second = journal.open_revote(GROUP, "minimaal", "aanspreken")
        assert journal.open_revote_for(GROUP) == second
        revotes = journal.revotes(GROUP)
        assert [r.revote_id for r in revotes] == [first.revote_id, second.revote_id]
        assert revotes[0].closed_at is not None and revotes[1].closed_at is None
        journal.close_revote(second.revote_id)
        assert journal.open_revote_for(GROUP) is None
        assert journal.open_revote_for("middag") is None


def test_votes_are_events_in_the_trainees_sessions(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.sqlite") as store:
        played = play_group(store)
        journal = LocalGroupJournal(store)
        revote = journal.open_revote(GROUP, "minimaal", "aanspreken")
        session, recorder = played["T1"]
        cast = session.cast_revote(revote.revote_id, "aanspreken", "vaag")  # the trainee's own window
        assert cast == RevoteCast(cast.t, revote.revote_id, "aanspreken", "vaag", "uitleggen", "niet_in_lijn")
        journal.record_vote(revote.revote_id, played["T4"][1].session_id, "concreet")  # no window left
        # a trainee who changes their mind while the revote is open: the last vote counts
        played["T2"][0].cast_revote(revote.revote_id, "aanspreken", "vaag")
        played["T2"][0].cast_revote(revote.revote_id, "aanspreken", "concreet")
        got = journal.votes(revote.revote_id)
        expected = {
            RevoteVote(revote.revote_id, recorder.session_id, "vaag"),
            RevoteVote(revote.revote_id, played["T4"][1].session_id, "concreet"),
            RevoteVote(revote.revote_id, played["T2"][1].session_id, "concreet"),
        }
        assert set(got) == expected and len(got) == 3
        last = store.events(recorder.session_id)[-1]
        assert last.type == "revote_cast" and last.seq == recorder.seq - 1
        # the journal's own append keeps the session's sequence contiguous
        t4 = store.events(played["T4"][1].session_id)
        assert [e.seq for e in t4] == list(range(len(t4)))


def test_a_vote_outside_the_decision_is_refused(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.sqlite") as store:
        played = play_group(store)
        journal = LocalGroupJournal(store)
        revote = journal.open_revote(GROUP, "minimaal", "aanspreken")
        with pytest.raises(RecordsError, match="rustig"):
            journal.record_vote(revote.revote_id, played["T1"][1].session_id, "rustig")
        with pytest.raises(EngineError):
            played["T1"][0].cast_revote(revote.revote_id, "aanspreken", "rustig")
        with pytest.raises(RecordsError, match="herstemming"):
            journal.record_vote("0" * 32, played["T1"][1].session_id, "vaag")


def test_a_session_with_a_vote_replays(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.sqlite") as store:
        played = play_group(store)
        session = played["T3"][0]
        session.cast_revote("r1", "straat", "niemand")
        again = Session.from_events(session.scenario, list(session.events))
        assert again.events == session.events
        assert again.node_id == session.node_id  # a vote moves nothing
        lines = transcript(session.scenario, session.events)
        assert lines[-1].endswith(
            "Groepsherstemming bij straat: Ik laat hem gaan en rijd door.  [selecteren · discutabel]"
        )


def test_show_of_hands(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.sqlite") as store:
        journal = LocalGroupJournal(store)
        revote = journal.open_revote(GROUP, "minimaal", "aanspreken")
        journal.set_hands(revote.revote_id, "vaag", 3)
        journal.set_hands(revote.revote_id, "concreet", 2)
        journal.set_hands(revote.revote_id, "vaag", 1)  # typed again: replaced
        assert [(h.choice_id, h.count) for h in journal.hands(revote.revote_id)] == [
            ("concreet", 2),
            ("vaag", 1),
        ]
        with pytest.raises(RecordsError):
            journal.set_hands(revote.revote_id, "vaag", -1)
