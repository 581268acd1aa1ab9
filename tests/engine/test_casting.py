"""Casting with known answers: the draw is balanced alone and in a group, it is part of the record, and every
way back to a session (replay, save/restore, resume, a bundle) reproduces it."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import SCENARIOS
from tests.debrief.synthetic import Trainee, play
from trainer.engine import FakeClock, Session
from trainer.engine.casting import draw_casting
from trainer.engine.errors import EngineError
from trainer.engine.events import SessionStarted, event_from_dict
from trainer.engine.save import restore, save
from trainer.model.casting import apply_looks
from trainer.model.loader import LoadedScenario, load_scenario
from trainer.records import RecordStore
from trainer.records.bundle import export_bundle, import_bundle, read_bundle
from trainer.records.recorder import Recorder
from trainer.records.resume import rebuild
from trainer.records.sessions import RecordedSessions, group_place

# Every bundled scenario that casts: the balance below must hold for each of them, not only the first four.
CASTING = (
    "stationsplein",
    "preventief_fouilleren",
    "grenscontrole_trein",
    "jongeren_plein",
    "fietser_zonder_licht",
    "buurtapp_melding",
    "busje_buitenlands_kenteken",
    "dure_auto_villawijk",
    "id_demonstratie",
    "scooters_snackbar",
    "beveiliger_veertienjarige",
    "nachtelijke_verkeerscontrole",
)


def loaded(name: str) -> LoadedScenario:
    return load_scenario(SCENARIOS / f"{name}.yaml")


def test_at_least_three_bundled_scenarios_use_casting() -> None:
    using = {p.stem for p in SCENARIOS.glob("*.yaml") if load_scenario(p).scenario.casting}
    assert set(CASTING) <= using
    assert len(using) >= 3
    # a newly cast scenario joins the balance tests below
    assert using <= set(CASTING), f"add to CASTING: {sorted(using - set(CASTING))}"


@pytest.mark.parametrize("name", CASTING)
def test_600_seeded_sessions_show_every_person_in_every_look_within_20_percent(name: str) -> None:
    scenario = loaded(name).scenario
    counts: Counter[tuple[str, str]] = Counter()
    for seed in range(600):
        casting = Session(scenario, seed=seed, clock=FakeClock()).casting
        counts.update(casting.items())
    for pool in scenario.casting:
        expected = 600 / len(pool.looks)
        for cast_id in pool.cast:
            for look in pool.looks:
                n = counts[(cast_id, look.id)]
                assert abs(n - expected) <= 0.2 * expected, (cast_id, look.id, n, expected)


@pytest.mark.parametrize("name", CASTING)
@pytest.mark.parametrize("n", range(6, 25))
def test_a_group_of_n_keeps_the_balance_from_six_on(name: str, n: int) -> None:
    """Places 0..n-1 of one group: every person is in every look floor(n/k) or ceil(n/k) times, and in one
    session no two people share a look."""
    scenario = loaded(name).scenario
    counts: Counter[tuple[str, str]] = Counter()
    for place in range(n):
        casting = Session(scenario, seed=1000 + place, clock=FakeClock(), casting_place=place).casting
        for pool in scenario.casting:
            looks = [casting[c] for c in pool.cast]
            assert len(set(looks)) == len(looks)
        counts.update(casting.items())
    for pool in scenario.casting:
        k = len(pool.looks)
        for cast_id in pool.cast:
            for look in pool.looks:
                assert counts[(cast_id, look.id)] in {n // k, -(-n // k)}, (cast_id, look.id)


def test_the_draw_is_a_pure_function_of_seed_and_place() -> None:
    scenario = loaded("stationsplein").scenario
    for seed in range(20):
        a = Session(scenario, seed=seed, clock=FakeClock()).casting
        assert a == Session(scenario, seed=seed, clock=FakeClock()).casting
    # in a group the place decides, not the seed: two laptops at the same place show the same
    assert (
        Session(scenario, seed=1, clock=FakeClock(), casting_place=4).casting
        == Session(scenario, seed=99, clock=FakeClock(), casting_place=4).casting
    )
    import random

    assert draw_casting(scenario, random.Random(0), 3) == draw_casting(scenario, random.Random(7), 3)


def test_casting_leaves_the_choice_order_alone() -> None:
    """The casting draws from its own stream of the seed: the seeded choice order is what it was."""
    scenario = loaded("stationsplein").scenario
    bare = scenario.model_copy(update={"casting": []})
    for seed in range(10):
        with_pool = Session(scenario, seed=seed, clock=FakeClock())
        without = Session(bare, seed=seed, clock=FakeClock())
        assert with_pool.events[1] == without.events[1]


def test_the_assignment_is_in_the_record_and_the_shown_scenario() -> None:
    scenario = loaded("stationsplein").scenario
    session = Session(scenario, seed=5, clock=FakeClock(), casting_place=2)
    first = session.events[0]
    assert isinstance(first, SessionStarted)
    assert first.casting == session.casting and first.casting_place == 2
    assert event_from_dict(json.loads(json.dumps(first.to_dict()))) == first
    shown = {m.id: m for m in session.shown_scenario.cast}
    pool = scenario.casting[0]
    for cast_id, look_id in session.casting.items():
        look = next(x for x in pool.looks if x.id == look_id)
        assert shown[cast_id].appearance.skin_tone == look.skin_tone
        assert shown[cast_id].appearance.hair_color == look.hair_color
        original = next(m for m in scenario.cast if m.id == cast_id)
        # only the look changes: clothing, items, age and build stay the person's
        assert shown[cast_id].appearance.clothing == original.appearance.clothing
        assert shown[cast_id].appearance.accessories == original.appearance.accessories
        assert shown[cast_id].appearance.age == original.appearance.age
    assert session.shown_scenario.nodes is scenario.nodes or session.shown_scenario.nodes == scenario.nodes
    assert apply_looks(scenario, {}) is scenario


def test_old_records_without_casting_still_read() -> None:
    data = Session(loaded("stationsplein").scenario, seed=1, clock=FakeClock()).events[0].to_dict()
    del data["casting"], data["casting_place"]
    event = event_from_dict(data)
    assert isinstance(event, SessionStarted) and event.casting == {} and event.casting_place is None


@pytest.mark.parametrize("place", [None, 3])
def test_replay_and_save_restore_reproduce_the_assignment(place: int | None) -> None:
    scenario = loaded("preventief_fouilleren").scenario
    session = Session(scenario, seed=11, clock=FakeClock(), casting_place=place)
    play(session, Trainee(choices=["telling"]))
    again = Session.from_events(scenario, list(session.events))
    assert again.casting == session.casting and again.events == session.events
    restored = restore(scenario, json.loads(json.dumps(save(session))))
    assert restored.casting == session.casting


def test_a_record_whose_casting_was_changed_is_refused() -> None:
    scenario = loaded("stationsplein").scenario
    session = Session(scenario, seed=3, clock=FakeClock())
    first = session.events[0]
    assert isinstance(first, SessionStarted)
    swapped = dict(zip(first.casting, reversed(list(first.casting.values())), strict=True))
    forged = dataclasses.replace(first, casting=swapped)
    with pytest.raises(EngineError, match="past niet"):
        Session.from_events(scenario, [forged, *session.events[1:]])


def test_group_place_counts_the_groups_sessions_of_the_scenario(tmp_path: Path) -> None:
    station = loaded("stationsplein")
    sessions = []
    with RecordStore(tmp_path / "r.db") as store:
        source = RecordedSessions(store)
        assert group_place(store, None, station.scenario) is None
        for i in range(4):
            session = source.start(station, trainee=f"T{i}", group="g", lang="nl", clock=FakeClock(), seed=i)
            sessions.append(session)
        assert [s.casting_place for s in sessions] == [0, 1, 2, 3]
        # another group starts again at 0
        other = source.start(station, trainee="T9", group="h", lang="nl", clock=FakeClock(), seed=9)
        assert other.casting_place == 0
        # resuming an unfinished one gives the same assignment, from the record alone
        recorder = sessions[2].listeners[0]
        assert isinstance(recorder, Recorder)
        _scenario, resumed = rebuild(store, store.session(recorder.session_id))
        assert resumed.casting == sessions[2].casting and resumed.casting_place == 2


def test_a_bundle_round_trip_keeps_the_assignment(tmp_path: Path) -> None:
    station = loaded("stationsplein")
    with RecordStore(tmp_path / "a.db") as store:
        ids, castings = [], {}
        for i in range(3):
            recorder = Recorder(store, station.scenario, station.content_hash, trainee=f"T{i}", group="g")
            session = Session(
                station.scenario,
                seed=i,
                clock=FakeClock(),
                listeners=[recorder],
                scenario_hash=station.content_hash,
                casting_place=i,
            )
            play(session, Trainee(choices=["jongen_pilaar"]))
            ids.append(recorder.session_id)
            castings[recorder.session_id] = session.casting
        path = tmp_path / "export.json"
        path.write_text(export_bundle(store, ids), encoding="utf-8")
    bundle = read_bundle(path)
    assert bundle.version >= 3  # casting arrived with format 3
    assert {s.id: s.casting for s in bundle.sessions} == castings
    with RecordStore(tmp_path / "b.db") as store:
        assert import_bundle(store, path, known_hashes={station.content_hash}) == (3, 0)
        for row in store.sessions():
            _scenario, session = rebuild(store, row)
            assert session.casting == castings[row.id]


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_bundle_without_casting_still_imports(tmp_path: Path, version: int) -> None:
    """Bundles from before casting (version 1, and 2 with the group's commitments) carry the looks only in
    the first event; they import, and the replay draws the same looks."""
    station = loaded("stationsplein")
    with RecordStore(tmp_path / "a.db") as store:
        recorder = Recorder(store, station.scenario, station.content_hash, trainee="T1", group="g")
        session = Session(station.scenario, seed=1, clock=FakeClock(), listeners=[recorder])
        play(session, Trainee(choices=["zakkenroller"]))
        text = export_bundle(store, [recorder.session_id])
    from trainer.records.bundle import _checksum

    data = json.loads(text)
    for s in data["sessions"]:
        del s["casting"]
    data["version"] = data["min_compatible"] = version
    if version == 1:
        for g in data["groups"]:
            g.pop("commitments", None)
    body = {k: v for k, v in data.items() if k != "checksum"}
    data["checksum"] = _checksum(body)
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with RecordStore(tmp_path / "b.db") as store:
        assert import_bundle(store, path, known_hashes={station.content_hash}) == (1, 0)
        _scenario, again = rebuild(store, store.sessions()[0])
        assert again.casting == session.casting


def test_name_variants_follow_the_look_and_the_own_name_may_not_stand_in_a_text() -> None:
    from tests.conftest import FIXTURES
    from trainer.model.checks import check
    from trainer.model.loader import load_scenario_text

    base = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    pool = (
        "casting:\n  - id: straat\n    cast: [fietser]\n"
        "    looks: [{id: a, skin_tone: 1}, {id: b, skin_tone: 6}]\n"
        "    names: {fietser: {a: {nl: Daan, en: Daan}, b: {nl: Kwame, en: Kwame}}}\n"
    )
    clean = load_scenario_text(base + pool, "namen.yaml")
    assert [d.code for d in check(clean)] == []
    names = {
        Session(clean.scenario, seed=0, clock=FakeClock(), casting_place=p).shown_scenario.cast[1].name.nl
        for p in range(2)
    }
    assert names == {"Daan", "Kwame"}
    # a line that names him by one variant contradicts the sessions that show the other
    named = base.replace(
        '{nl: "Waarom ik?", en: "Why me?"}', '{nl: "Waarom ik? Ik ben Daan.", en: "Why me?"}'
    )
    assert named != base
    found = check(load_scenario_text(named + pool, "namen.yaml"))
    assert [d.code for d in found] == ["C170"] and found[0].args["word"] == "Daan"


def test_a_pool_whose_looks_cannot_change_a_person_is_warned_about_at_that_person() -> None:
    """Looks that differ only in hair colour leave a bald person the same in every assignment (C173)."""
    from tests.conftest import FIXTURES
    from trainer.model.checks import check
    from trainer.model.loader import load_scenario_text

    base = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    bald = base.replace(
        "appearance: {skin_tone: 5, age: 23,", "appearance: {skin_tone: 5, age: 23, hair: kaal,"
    )
    assert bald != base
    pool = (
        "casting:\n  - id: straat\n    cast: [fietser]\n"
        "    looks: [{id: a, hair_color: blond}, {id: b, hair_color: zwart}]\n"
    )
    found = check(load_scenario_text(bald + pool, "kaal.yaml"))
    assert [(d.code, d.line, d.column) for d in found] == [("C173", 166, 12)]
    assert check(load_scenario_text(base + pool, "haar.yaml")) == []


@pytest.mark.parametrize(
    "change", [{"casting": ["rob"]}, {"casting": {"rob": 3}}, {"casting_place": "1"}, {"casting_place": -1}]
)
def test_a_malformed_casting_in_a_record_is_refused_as_unreadable(change: dict[str, object]) -> None:
    data = Session(loaded("stationsplein").scenario, seed=1, clock=FakeClock()).events[0].to_dict()
    with pytest.raises(EngineError, match="onleesbare gebeurtenis"):
        event_from_dict({**data, **change})


def test_the_perspective_pages_show_the_person_in_the_sessions_look() -> None:
    scenario = loaded("stationsplein").scenario
    for place in range(3):
        session = Session(scenario, seed=place, clock=FakeClock(), casting_place=place)
        play(session, Trainee(choices=["jongen_pilaar"]))
        pages = session.view().perspective
        portraits = [p.portrait for p in pages if p.portrait is not None and p.portrait.id == "noah"]
        assert portraits, "Noah's page has his portrait"
        look = next(x for x in scenario.casting[0].looks if x.id == session.casting["noah"])
        assert all(p.appearance.skin_tone == look.skin_tone for p in portraits)
