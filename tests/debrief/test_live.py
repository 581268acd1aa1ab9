"""The live fold with known answers: the synthetic group of tests/records/group_helpers.py."""

from __future__ import annotations

import json
from pathlib import Path

from debrief.live import (
    GroupLive,
    anon_letters,
    fold_live,
    hands_result,
    revote_result,
)
from tests.records.group_helpers import GROUP, PLAYS, play_group
from tests.records.helpers import minimal, recorded_session
from trainer.engine.events import Event, event_from_dict
from trainer.model.vocabulary import Step
from trainer.records import RecordStore
from trainer.records.group_journal import HandCount, LocalGroupJournal, RevoteVote
from trainer.records.watch import GroupWatch


def _events(store: RecordStore, session_id: str) -> list[Event]:
    return [event_from_dict(json.loads(e.payload)) for e in store.events(session_id)]


def _folded(store: RecordStore) -> GroupLive:
    loaded = minimal()
    rows = store.sessions(group=GROUP)
    return fold_live(
        {r.id: _events(store, r.id) for r in rows},
        {loaded.content_hash: loaded.scenario},
        group=GROUP,
        codes={r.id: r.trainee_code for r in rows},
    )


def _counts(live: GroupLive) -> dict[str, dict[str, int]]:
    return {d.node_id: {o.choice_id: o.count for o in d.options if o.count} for d in live.decisions}


KNOWN = {
    "straat": {"fietser_zonder_licht": 3, "niemand": 1},
    "aanspreken": {"concreet": 1, "vaag": 2},
    "afhandelen": {"rustig": 2},
    "reflectie_keuze": {"bespreken": 1},  # T1 played on to the end
}


def test_known_group_gives_known_tallies_and_progress(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.sqlite") as store:
        play_group(store)
        live = _folded(store)
    counts = _counts(live)
    assert {k: v for k, v in counts.items() if v} == KNOWN
    assert [d.node_id for d in live.decisions][:3] == ["straat", "aanspreken", "afhandelen"]
    by_code = {t.code: t for t in live.trainees}
    assert list(by_code) == list(PLAYS)
    assert all(t.started for t in live.trainees)
    assert [c for c, t in by_code.items() if t.finished] == ["T1"]
    assert by_code["T5"].step == Step.SELECTEREN and by_code["T5"].node == "straat"
    assert by_code["T3"].step == Step.BEJEGENEN and by_code["T3"].node == "afhandelen"
    assert by_code["T1"].step == Step.REFLECTEREN and by_code["T1"].ended
    assert by_code["T4"].step == Step.REFLECTEREN and by_code["T4"].node == "terugblik"
    assert live.decision("minimaal", "aanspreken").step == Step.UITLEGGEN  # type: ignore[union-attr]
    assert live.decision("minimaal", "straat").reached == 4  # type: ignore[union-attr]


def test_letters_are_anonymous_stable_and_not_start_order(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.sqlite") as store:
        play_group(store)
        once, twice = _folded(store), _folded(store)
    labels = [t.anon_label for t in once.trainees]
    assert labels == [t.anon_label for t in twice.trainees]
    assert len(set(labels)) == len(labels)
    assert labels == anon_letters(GROUP)[: len(labels)]
    assert labels != ["A", "B", "C", "D", "E"]
    assert anon_letters(GROUP) != anon_letters("middag")
    assert not any(t.code in t.anon_label for t in once.trainees)


def test_watching_while_the_group_plays_equals_one_fold(tmp_path: Path) -> None:
    """GroupWatch on SQLite, polled after every commit, folds incrementally to what one fold gives."""
    loaded = minimal()
    with RecordStore(tmp_path / "r.sqlite") as store, GroupWatch(store, GROUP) as watch:
        live = GroupLive(GROUP)
        live.add_scenario(loaded.content_hash, loaded.scenario)
        assert watch.poll().empty  # nothing there yet

        def look(_event: object) -> None:
            live.apply(watch.poll())

        for code, (choices, finish) in PLAYS.items():
            session, _recorder = recorded_session(store, trainee=code, group=GROUP, choices=(), finish=False)
            session.subscribe(look)
            look(None)
            for choice in choices:
                session.choose(choice)
            if finish:
                session.advance()
                session.choose("bespreken")
                session.advance()
                session.answer("waarom", "Geen licht.")
                session.register(["voertuig"], "wvw_160", "waarschuwing", "Fiets zonder licht")
            assert watch.poll().empty  # every commit was seen by the poll right after it
        journal = LocalGroupJournal(store)
        flag = journal.add_flag(GROUP, at_node="aanspreken", note="reden?")
        revote = journal.open_revote(GROUP, "minimaal", "aanspreken")
        journal.set_hands(revote.revote_id, "vaag", 2)
        live.apply(watch.poll())
        whole = _folded(store)
    assert _counts(live) == _counts(whole)
    assert [(t.code, t.anon_label, t.step, t.finished) for t in live.trainees] == [
        (t.code, t.anon_label, t.step, t.finished) for t in whole.trainees
    ]
    assert live.flags == [flag]
    assert live.open_revote == revote
    assert live.hands == {revote.revote_id: {"vaag": 2}}


def test_an_unknown_scenario_waits_until_it_is_loaded(tmp_path: Path) -> None:
    loaded = minimal()
    with RecordStore(tmp_path / "r.sqlite") as store:
        play_group(store)
        rows = store.sessions(group=GROUP)
        live = fold_live({r.id: _events(store, r.id) for r in rows}, {}, group=GROUP)
    assert live.unknown == {loaded.content_hash}
    assert live.decisions == []
    live.add_scenario(loaded.content_hash, loaded.scenario)
    assert not live.unknown
    assert {k: v for k, v in _counts(live).items() if v} == KNOWN


def test_revote_result_known_answers(tmp_path: Path) -> None:
    """At aanspreken T1 (concreet, in lijn) moves to vaag (away), T2 and T3 (vaag) to concreet (towards),
    T4 never got there and votes concreet (a new voter)."""
    with RecordStore(tmp_path / "r.sqlite") as store:
        played = play_group(store)
        journal = LocalGroupJournal(store)
        revote = journal.open_revote(GROUP, "minimaal", "aanspreken")
        for code, choice in (("T1", "vaag"), ("T2", "concreet"), ("T3", "concreet"), ("T4", "concreet")):
            played[code][0].cast_revote(revote.revote_id, "aanspreken", choice)
        live = _folded(store)
        from_store = journal.votes(revote.revote_id)
    tally = live.decision("minimaal", "aanspreken")
    assert tally is not None
    result = revote_result(tally, from_store)
    assert live.revote_votes(revote.revote_id) == from_store
    per = {o.choice_id: (o.first, o.revote, o.changed_in, o.changed_out) for o in result.options}
    assert per == {"concreet": (1, 3, 2, 1), "vaag": (2, 1, 1, 2)}
    assert (result.moved_towards_kader, result.moved_away, result.changed) == (2, 1, 3)
    assert (result.voters, result.first_total, result.new_voters, result.paired) == (4, 3, 1, True)
    assert result.by_assessment() == {"in_lijn": (1, 3), "discutabel": (0, 0), "niet_in_lijn": (2, 1)}


def test_unchanged_votes_change_nothing(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.sqlite") as store:
        played = play_group(store)
        live = _folded(store)
        ids = {code: rec.session_id for code, (_s, rec) in played.items()}
    tally = live.decision("minimaal", "straat")
    assert tally is not None
    votes = [RevoteVote("r", ids[c], tally.first_by_session[ids[c]]) for c in ("T1", "T2", "T3", "T4")]
    result = revote_result(tally, votes)
    assert (result.changed, result.moved_towards_kader, result.moved_away, result.new_voters) == (0, 0, 0, 0)
    assert [(o.first, o.revote) for o in result.options if o.first] == [
        (o.count, o.count) for o in tally.options if o.count
    ]


def test_show_of_hands_gives_totals_only(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.sqlite") as store:
        play_group(store)
        live = _folded(store)
    tally = live.decision("minimaal", "aanspreken")
    assert tally is not None
    result = hands_result(tally, [HandCount("r", "concreet", 3), HandCount("r", "vaag", 0)])
    assert not result.paired
    per = {o.choice_id: (o.first, o.revote, o.changed_in, o.changed_out) for o in result.options}
    assert per == {"concreet": (1, 3, 2, 0), "vaag": (2, 0, 0, 2)}
    assert (result.moved_towards_kader, result.moved_away) == (0, 0)  # hands do not say who moved where
    assert result.by_assessment()["in_lijn"] == (1, 3)
