"""`trainer lead`, driven by its Pilot over a real SQLite store while a group plays: live board, flags,
presentation and revote (votes and a show of hands), at 1280x720 and 1920x1080."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.lead_group import GROUP, PlayingGroup, recorded_tally
from trainer.commands.lead_source import StoreSource, local_source
from trainer.records import RecordStore
from trainer.records.group_journal import LocalGroupJournal
from trainer.ui.lead.window import LeadPilot

SIZES = ((1280, 720), (1920, 1080))


@pytest.fixture
def playing(tmp_path: Path) -> Iterator[PlayingGroup]:
    group = PlayingGroup(tmp_path / "g.sqlite3", 8)
    yield group
    group.close()


def _console(group: PlayingGroup, size: tuple[int, int] = (1280, 720), *, hands: bool = False) -> LeadPilot:
    store = RecordStore(group.store.path)
    return LeadPilot(local_source(store, GROUP, "nl", one_laptop=hands), "nl", size)


def _shown(pilot: LeadPilot) -> dict[str, dict[str, int]]:
    """The console's distribution: per decision point it shows, per option, the count behind its bar."""
    c = pilot.console
    return {d.node_id: {o.choice_id: o.count for o in d.options if o.count} for d in c.decisions()}


def _inside(pilot: LeadPilot, size: tuple[int, int]) -> None:
    for p in pilot.console.placed:
        assert p.rect.left >= 0 and p.rect.top >= 0, p
        assert p.rect.right <= size[0] and p.rect.bottom <= size[1], p


def _finish(group: PlayingGroup, pilot: LeadPilot | None = None) -> None:
    for i in range(group.count):
        while group.step(i):
            if pilot is not None:
                pilot.frame()


@pytest.mark.parametrize("size", SIZES)
def test_the_board_matches_the_records_at_every_step(playing: PlayingGroup, size: tuple[int, int]) -> None:
    pilot = _console(playing, size)
    assert pilot.console.view is not None and pilot.console.view.total == 0
    steps = 0
    moving = set(range(playing.count))
    started: set[int] = set()
    while moving and pilot.console.state.mode == "live":
        for i in sorted(moving):
            if not playing.step(i):
                moving.discard(i)
            started.add(i)
            pilot.frame()
            steps += 1
            assert _shown(pilot) == recorded_tally(playing.store.path), steps
            if pilot.console.state.mode != "live":
                break
            view = pilot.console.view
            assert view is not None
            assert (view.started, view.finished) == (len(started), len(playing.done)), steps
            _inside(pilot, size)
    assert steps > 3 * playing.count
    # everyone finished: the console moved on to the presentation by itself, once
    assert pilot.console.state.mode == "present"
    assert pilot.console.deck is not None and pilot.console.deck.slide.kind == "rule"


def test_codes_only_on_the_private_view_and_then_marked(playing: PlayingGroup) -> None:
    for i in range(6):
        playing.step(i)
    pilot = _console(playing)
    codes = {f"T{i + 1:02d}" for i in range(8)}
    text = pilot.text()
    assert not any(code in text for code in codes)
    labels = {d.label for d in pilot.console.view.dots} if pilot.console.view else set()
    assert len(labels) == 6 and all(len(x) == 1 and x.isupper() for x in labels)
    assert sorted(labels) != ["A", "B", "C", "D", "E", "F"]  # shuffled per group, not in start order
    pilot.press("c")
    text = pilot.text()
    assert {f"T{i + 1:02d}" for i in range(6)} <= set(text.split("\n"))
    assert "CODES ZICHTBAAR" in text and "niet projecteren" in text
    pilot.press("c")
    assert not any(code in pilot.text() for code in codes)
    pilot.press("c", "p", "esc")  # codes on, then the presentation and back: the codes are off again
    assert pilot.console.state.mode == "live" and not any(code in pilot.text() for code in codes)


def test_few_people_no_counts_on_the_projected_view(playing: PlayingGroup) -> None:
    for i in range(3):
        playing.step(i)
    pilot = _console(playing)
    rows = pilot.console.view.decisions if pilot.console.view else ()
    assert rows and all(r.reached == 3 and not r.counts_shown for r in rows)
    assert not any(p.name.startswith("count") for p in pilot.console.placed)
    assert "n < 5: geen aantallen" in pilot.text()
    pilot.press("c")  # the leader's own screen: the counts, marked as private
    assert any(p.name.startswith("count") for p in pilot.console.placed)


def test_flags_for_a_decision_and_for_a_trainee_are_saved_at_once(playing: PlayingGroup) -> None:
    for _ in range(2):
        for i in range(6):
            playing.step(i)
    pilot = _console(playing)
    journal = LocalGroupJournal(playing.store)
    pilot.press("down", "f")
    pilot.type("let op de uitleg")
    assert pilot.console.state.typing is not None
    pilot.press("enter")
    (flag,) = journal.flags(GROUP)
    focused = pilot.console.decisions()[1]
    assert (flag.at_session, flag.at_node, flag.note) == (None, focused.node_id, "let op de uitleg")
    pilot.press("right", "f", "esc")  # a trainee's dot; Esc saves the mark without a note
    flags = journal.flags(GROUP)
    assert len(flags) == 2
    trainee = sorted(pilot.console.source.live.trainees, key=lambda p: p.anon_label)[1]
    assert (flags[1].at_session, flags[1].at_node, flags[1].note) == (trainee.session_id, trainee.node, "")
    text = pilot.text()
    assert "Vlaggen (2)" in text and "let op de uitleg" in text
    assert trainee.code not in text  # the flag names the dot's letter, not the code
    assert f"2. {trainee.anon_label} bij" in text


def test_p_opens_the_presentation_with_the_flags_on_their_slides(playing: PlayingGroup) -> None:
    _finish(playing)
    store = RecordStore(playing.store.path)
    source = local_source(store, GROUP, "nl", one_laptop=False)
    source.poll()
    hot_node = _first_hot(source)
    LocalGroupJournal(store).add_flag(GROUP, at_node=hot_node, note="hier twijfelde de groep")
    LocalGroupJournal(store).add_flag(GROUP, at_node="straat_niet_hot", note="")
    pilot = LeadPilot(source, "nl")
    assert pilot.console.state.mode == "present"  # all finished: straight to the presentation
    pilot.press("esc")
    assert pilot.console.state.mode == "live"
    pilot.press("p")
    deck = pilot.console.deck
    assert deck is not None
    hot = [s for s in deck.slides if s.kind == "hot"]
    assert any(s.node == hot_node and "Gemarkeerd: hier twijfelde de groep" in s.flags for s in hot)
    while not (deck.slide.kind == "hot" and deck.slide.node == hot_node):
        pilot.press("right")
    assert "Gemarkeerd: hier twijfelde de groep" in pilot.text()  # on the slide, in the talk panel
    assert any(s.kind == "flags" for s in deck.slides)  # the flag off the hittepunten: a slide of its own


def _first_hot(source: StoreSource) -> str:
    slides = source.presentation().slides
    return next(s.node for s in slides if s.kind == "hot")


def _to_hot(pilot: LeadPilot) -> None:
    deck = pilot.console.deck
    assert deck is not None
    while deck.slide.kind != "hot":
        pilot.press("right")


def test_revote_counts_changes_towards_and_away_from_the_kader(playing: PlayingGroup) -> None:
    _finish(playing)
    pilot = _console(playing)
    _to_hot(pilot)
    deck = pilot.console.deck
    assert deck is not None
    slide = deck.slide
    pilot.press("r")
    journal = LocalGroupJournal(playing.store)
    revote = journal.open_revote_for(GROUP)
    assert revote is not None and revote.node_id == slide.node
    pilot.frame()
    assert "0 van 8 stemmen binnen" in pilot.text()
    # known answer: every trainee who reached the point votes for its in-line option, except the first of
    # them, who moves to the worst option
    scenario = playing.loaded.scenario
    tally = pilot.console.source.live.decision(scenario.id, slide.node)
    assert tally is not None
    rank = {"in_lijn": 0, "discutabel": 1, "niet_in_lijn": 2}
    best = min(tally.options, key=lambda o: rank[o.assessment])
    worst = max(tally.options, key=lambda o: rank[o.assessment])
    voters = sorted(tally.first_by_session)
    assert len(voters) >= 4
    towards = away = changed = 0
    for k, sid in enumerate(voters):
        vote = worst if k == 0 else best
        first = tally.option(tally.first_by_session[sid])
        assert first is not None
        journal.record_vote(revote.revote_id, sid, vote.choice_id)
        changed += first.choice_id != vote.choice_id
        towards += rank[vote.assessment] < rank[first.assessment]
        away += rank[vote.assessment] > rank[first.assessment]
    pilot.frame()
    assert f"{len(voters)} van 8 stemmen binnen" in pilot.text()
    pilot.press("r")
    assert journal.open_revote_for(GROUP) is None
    text = " ".join(pilot.text().split())
    assert f"{len(voters)} deelnemers stemden opnieuw" in text
    assert f"{changed} {'koos' if changed == 1 else 'kozen'} anders dan de eerste keer" in text
    assert f"{towards} dichter bij het kader, {away} verder ervan af" in text
    view = pilot.console.revote.view if pilot.console.revote else None
    assert view is not None
    assert {r.key: r.now for r in view.rows}[best.key] == len(voters) - 1


def test_show_of_hands_on_one_laptop(playing: PlayingGroup) -> None:
    _finish(playing)
    pilot = _console(playing, hands=True)
    _to_hot(pilot)
    deck = pilot.console.deck
    assert deck is not None
    options = deck.slide.options
    pilot.press("r")
    assert "handen tellen" in pilot.text()
    pilot.press("1", "2", "backspace")  # a typo corrected: one hand
    pilot.press("down", "3", "down", "2")
    pilot.press("r")
    journal = LocalGroupJournal(playing.store)
    revote = pilot.console.revote.revote if pilot.console.revote else None
    assert revote is not None
    hands = {h.choice_id: h.count for h in journal.hands(revote.revote_id)}
    assert hands == {options[0].choice_id: 1, options[1].choice_id: 3, options[2].choice_id: 2}
    text = " ".join(pilot.text().split())
    assert "Handopsteken: alleen totalen, niet wie van keuze veranderde" in text
    assert "→" not in text and " naar " in text  # the shipped font has no arrow
    view = pilot.console.revote.view if pilot.console.revote else None
    assert view is not None and [r.now for r in view.rows][:3] == [1, 3, 2]


def test_a_small_revote_says_no_numbers(playing: PlayingGroup) -> None:
    """Fewer than five votes: as on the sheet, no counts per option and the sheet's careful sentence."""
    _finish(playing)
    pilot = _console(playing)
    _to_hot(pilot)
    pilot.press("r")
    journal = LocalGroupJournal(playing.store)
    revote = journal.open_revote_for(GROUP)
    deck = pilot.console.deck
    assert revote is not None and deck is not None
    for sid in playing.ids[:3]:
        journal.record_vote(revote.revote_id, sid, deck.slide.options[0].choice_id)
    pilot.frame()
    assert "3 van 8 stemmen binnen" in pilot.text()
    pilot.press("r")
    view = pilot.console.revote.view if pilot.console.revote else None
    assert view is not None and view.rows == ()
    assert "Minder dan 5 stemmen" in " ".join(pilot.text().split())


@pytest.mark.parametrize("size", SIZES)
def test_snapshots_through_the_day(playing: PlayingGroup, size: tuple[int, int], tmp_path: Path) -> None:
    """Every stage drawn whole at both sizes; the PNGs land in tmp for review (see the report)."""
    for _ in range(2):
        for i in range(8):
            playing.step(i)
    pilot = _console(playing, size)
    w, h = size
    out = tmp_path / f"{w}x{h}"
    out.mkdir()
    pilot.screenshot(out / "1-live.png")
    pilot.press("c", "down", "f")
    pilot.type("waarom hier zo snel?")
    _inside(pilot, size)
    pilot.screenshot(out / "2-flag-note.png")
    pilot.press("enter", "c")
    _finish(playing, pilot)
    _to_hot(pilot)
    pilot.press("r")
    journal = LocalGroupJournal(playing.store)
    revote = journal.open_revote_for(GROUP)
    assert revote is not None
    deck = pilot.console.deck
    assert deck is not None
    best = deck.slide.options[-1].choice_id
    for sid in playing.ids[:5]:
        journal.record_vote(revote.revote_id, sid, best)
    pilot.frame()
    pilot.screenshot(out / "3-revote-open.png")
    pilot.press("r")
    pilot.screenshot(out / "4-revote-closed.png")
    assert pilot.console.revote is not None and deck is not None
    for d in [*pilot.console.revote.drawn, *deck.drawn]:
        assert d.rect.right <= w and d.rect.bottom <= h, d
    (help_line,) = [d for d in deck.drawn if d.name == "help"]
    assert len(help_line.lines) == 1, help_line.lines


@pytest.mark.parametrize("name", ["lead-live", "lead-revote"])
def test_lead_golden(playing: PlayingGroup, name: str, update_goldens: bool) -> None:
    """Two reviewed frames at 1280x720: the projected live board mid-play, and a closed revote."""
    import pygame

    from tests.ui.test_snapshots import SNAPSHOTS, TOLERANCE, _diff

    for _ in range(2):
        for i in range(8):
            playing.step(i)
    pilot = _console(playing)
    if name == "lead-revote":
        _finish(playing, pilot)
        _to_hot(pilot)
        pilot.press("r")
        journal = LocalGroupJournal(playing.store)
        revote = journal.open_revote_for(GROUP)
        deck = pilot.console.deck
        assert revote is not None and deck is not None
        for k, sid in enumerate(playing.ids):
            journal.record_vote(revote.revote_id, sid, deck.slide.options[-1 if k % 3 else 0].choice_id)
        pilot.press("r")
    surface = pilot.console.surface
    reference = SNAPSHOTS / f"{name}.png"
    if update_goldens or not reference.exists():
        pygame.image.save(surface, str(reference))
        if not update_goldens:
            pytest.fail(f"new snapshot written: {reference}; look at it and commit it deliberately")
        return
    share, marked = _diff(pygame.image.load(str(reference)), surface)
    if share > TOLERANCE:
        pygame.image.save(surface, str(reference.with_suffix(".new.png")))
        pygame.image.save(marked, str(reference.with_suffix(".diff.png")))
    assert share <= TOLERANCE, f"{name}: {share:.2%} of pixels differ"


def test_closing_the_console_closes_an_open_revote(playing: PlayingGroup) -> None:
    _finish(playing)
    pilot = _console(playing)
    _to_hot(pilot)
    pilot.press("r")
    journal = LocalGroupJournal(playing.store)
    assert journal.open_revote_for(GROUP) is not None
    pilot.press("esc")  # back to the live board: the revote stays open while the leader looks
    assert pilot.console.state.mode == "live" and journal.open_revote_for(GROUP) is not None
    pilot.console.close()
    assert journal.open_revote_for(GROUP) is None


def test_a_lost_server_is_said_and_the_console_goes_on(playing: PlayingGroup) -> None:
    """The watch cannot reach its server: the console says so in its status line, in words, and keeps
    drawing what it has; nothing blocks the frame."""
    import time

    from trainer.records.watch import GroupWatch

    playing.step(0)
    store = RecordStore(playing.store.path)
    source = StoreSource(
        GROUP,
        "nl",
        reader=store,
        journal=LocalGroupJournal(store),
        watch=GroupWatch("postgresql://trainer@127.0.0.1:1/trainer", GROUP, fallback_seconds=0.1),
        save=lambda label, texts: None,
        one_laptop=False,
    )
    try:
        pilot = LeadPilot(source, "nl")
        deadline = time.monotonic() + 10
        while "Geen verbinding met de verslagen" not in pilot.text() and time.monotonic() < deadline:
            start = time.perf_counter()
            pilot.frame()
            assert time.perf_counter() - start < 0.5  # the retrying happens off the frame
            time.sleep(0.05)
        assert "Geen verbinding met de verslagen" in pilot.text() and "opnieuw" in pilot.text()
    finally:
        source.close()


def test_commitments_typed_in_the_console_are_kept_with_the_group(playing: PlayingGroup) -> None:
    _finish(playing)
    pilot = _console(playing)
    deck = pilot.console.deck
    assert deck is not None
    while deck.slide.kind != "mee":
        pilot.press("pagedown")
    pilot.type("Eerst de feiten, dan de vraag")
    pilot.press("enter")
    with RecordStore(playing.store.path, read_only=True) as store:
        assert store.commitments(GROUP) == ["Eerst de feiten, dan de vraag"]


@pytest.mark.parametrize("size", SIZES)
def test_many_flags_fit_their_slides(playing: PlayingGroup, size: tuple[int, int]) -> None:
    """Nine flags with the longest notes the console takes: over three slides, each whole on screen."""
    from trainer.ui.lead.console import MAX_NOTE

    _finish(playing)
    store = RecordStore(playing.store.path)
    journal = LocalGroupJournal(store)
    for k in range(9):
        journal.add_flag(
            GROUP, at_node="a_stilzetten", note=(f"moment {k}: " + "lange notitie " * 20)[:MAX_NOTE]
        )
    pilot = LeadPilot(local_source(store, GROUP, "nl", one_laptop=False), "nl", size)
    deck = pilot.console.deck
    assert deck is not None
    seen = 0
    while deck.state.index + 1 < len(deck.slides):
        pilot.press("pagedown")
        if deck.slide.kind == "flags":
            seen += len(deck.slide.lines)
            for d in deck.drawn:
                assert d.rect.bottom <= size[1] and d.rect.right <= size[0], d
    assert seen == 9


@pytest.mark.parametrize("size", SIZES)
def test_twelve_at_one_step_fit_their_column(tmp_path: Path, size: tuple[int, int]) -> None:
    """The whole group of twelve at the same kader step, codes shown: every dot and code inside the board."""
    group = PlayingGroup(tmp_path / "twelve.sqlite3", 12)
    try:
        for i in range(12):
            group.step(i)  # everyone made the street's choice: all at the next decision's step
        pilot = _console(group, size)
        pilot.press("c")
        view = pilot.console.view
        assert view is not None
        columns = [d.column for d in view.dots]
        assert max(columns.count(x) for x in columns) >= 10  # the crowded case this test is about
        placed = pilot.console.placed
        (board,) = [p.rect for p in placed if p.name == "board"]
        dots = [p for p in placed if p.name.startswith(("dot_", "code_"))]
        assert len(dots) == 24
        for p in dots:
            assert board.contains(p.rect), (p, board)
        _inside(pilot, size)
    finally:
        group.close()
