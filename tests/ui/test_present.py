"""`trainer debrief --present`, driven by its Pilot through every screen at 1280x720 and 1920x1080."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pygame
import pytest

from debrief.render import render_markdown
from debrief.sheet import Sheet
from debrief.slides import Slide, build
from debrief.words import Words
from tests.debrief.conftest import sheet_of
from tests.debrief.helpers import record_group
from tests.ui.test_snapshots import SNAPSHOTS, TOLERANCE, _diff
from trainer.records import RecordStore
from trainer.ui.present.window import PresentPilot

SIZES = ((1280, 720), (1920, 1080))


@pytest.fixture(scope="module")
def group(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Sheet]:
    db = tmp_path_factory.mktemp("present") / "g.sqlite3"
    record_group(db, names=True, shared=range(0, 12, 3))
    return db, sheet_of(db, names=True)


def _slides(sheet: Sheet) -> tuple[Slide, ...]:
    return build(sheet, Words("nl"))


def _walk(pilot: PresentPilot) -> list[tuple[int, int]]:
    """Press Right until the last screen; every (slide, stage) seen, in order."""
    seen = [(pilot.deck.state.index, pilot.deck.state.stage)]
    while True:
        pilot.press("right")
        here = (pilot.deck.state.index, pilot.deck.state.stage)
        if here == seen[-1]:
            return seen
        seen.append(here)


@pytest.mark.parametrize("size", SIZES)
def test_every_screen_is_large_whole_and_anonymous(group: tuple[Path, Sheet], size: tuple[int, int]) -> None:
    _db, sheet = group
    slides = _slides(sheet)
    pilot = PresentPilot(slides, "nl", size)
    names = {p.code for p in sheet.participants} | {"Agent"}
    seen = [(pilot.deck.state.index, pilot.deck.state.stage)]
    checked = 0
    while True:
        drawn = pilot.deck.drawn
        smallest = min(d.size for d in drawn)
        assert smallest >= round(28 * size[1] / 720), (seen[-1], smallest)
        for d in drawn:
            assert d.rect.bottom <= size[1] and d.rect.right <= size[0], (seen[-1], d.name, d.rect)
            words = " ".join(d.lines).replace(",", " ").split()
            assert not names & set(words) and "Agent" not in " ".join(d.lines), (d.name, d.lines)
        checked += 1
        pilot.press("pagedown")  # what a presentation clicker sends
        here = (pilot.deck.state.index, pilot.deck.state.stage)
        if here == seen[-1]:
            break
        seen.append(here)
    hot = sum(s.kind == "hot" for s in slides)
    assert checked == len(slides) + 2 * hot  # each hittepunt: talk, assessment, perspective
    assert pilot.deck.slide.kind == "mee"


def test_first_talk_then_reveal(group: tuple[Path, Sheet]) -> None:
    _db, sheet = group
    pilot = PresentPilot(_slides(sheet), "nl")
    pilot.press("right")
    slide = pilot.deck.slide
    assert slide.kind == "hot"
    labels = {o.assessment_label for o in slide.options}

    def shown() -> str:
        return " ".join(" ".join(d.lines) for d in pilot.deck.drawn)

    assert not any(label in shown() for label in labels)  # options first, without their assessment
    pilot.press("enter")
    assert pilot.deck.state.stage == 1 and any(label in shown() for label in labels)
    focused = slide.options[0]
    assert focused.rationale.split()[0] in shown()
    pilot.press("down")
    assert pilot.deck.state.focus == 1
    pilot.press("enter")
    assert "perspectief" in shown()
    pilot.press("left", "left")
    assert pilot.deck.state.stage == 0
    pilot.press("pageup")
    assert pilot.deck.slide.kind == "rule"


def test_commitments_are_saved_with_the_group_and_printed(group: tuple[Path, Sheet], tmp_path: Path) -> None:
    db, sheet = group
    saved: list[list[str]] = []
    pilot = PresentPilot(_slides(sheet), "nl", save=saved.append)
    _walk(pilot)
    pilot.type("Eerst de feiten, dan de vraag")
    pilot.press("enter")
    pilot.type("Registreer wat er echt gebeurde")
    pilot.press("enter")
    pilot.press("enter")  # nothing typed: nothing added
    assert saved == [
        ["Eerst de feiten, dan de vraag"],
        ["Eerst de feiten, dan de vraag", "Registreer wat er echt gebeurde"],
    ]
    with RecordStore(db) as store:
        store.save_commitments(sheet.group_label or "", saved[-1])
    again = sheet_of(db)
    assert again.commitments == tuple(saved[-1])
    assert "Registreer wat er echt gebeurde" in render_markdown(again, "group")
    pilot.press("esc")
    assert not pilot.deck.running


@pytest.mark.parametrize(
    ("name", "size", "presses"), [("present_hot", (1280, 720), 2), ("present_mee", (1920, 1080), 99)]
)
def test_present_snapshot(
    group: tuple[Path, Sheet], name: str, size: tuple[int, int], presses: int, update_goldens: bool
) -> None:
    _db, sheet = group
    fixed = dataclasses.replace(sheet, commitments=("Eerst de feiten, dan de vraag",))
    pilot = PresentPilot(_slides(fixed), "nl", size, commitments=fixed.commitments)
    for _ in range(presses):
        pilot.press("right")
    surface = pilot.deck.surface
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


@pytest.mark.parametrize("size", SIZES)
def test_the_hof_slide_fits_and_names_nobody(size: tuple[int, int], tmp_path: Path) -> None:
    """A casting group's presentation carries the Hof test: group counts per person and per look, the
    honest words, the question; large enough to read, inside the screen, no trainee code."""
    from tests.debrief.test_hof import look, sheet

    casting = sheet(24, look)
    slides = _slides(casting)
    index = next(i for i, s in enumerate(slides) if s.kind == "hof")
    assert slides[index].rows and "permutatietoets" in slides[index].lines[0]
    pilot = PresentPilot(slides, "nl", size)
    while pilot.deck.state.index < index:
        pilot.press("right")
    drawn = pilot.deck.drawn
    assert min(d.size for d in drawn) >= round(28 * size[1] / 720)
    for d in drawn:
        assert d.rect.bottom <= size[1] and d.rect.right <= size[0], (d.name, d.rect)
    codes = {p.code for p in casting.participants}
    assert not codes & set(" ".join(" ".join(d.lines) for d in drawn).split())
    pilot.screenshot(tmp_path / "hof.png")


LONG_RATIONALE = " ".join(
    f"Zin {i}: de agent noemt een concrete aanleiding, legt uit welke bevoegdheid hij gebruikt en waarom, "
    "en vraagt daarna wat de burger ervan vond."
    for i in range(1, 13)
)


def _long(sheet: Sheet) -> tuple[Slide, ...]:
    """The deck with a rationale and a perspective far longer than any panel holds, on the first
    hittepunt's first option."""
    slides = list(_slides(sheet))
    at = next(i for i, s in enumerate(slides) if s.kind == "hot")
    first = dataclasses.replace(
        slides[at].options[0], rationale=LONG_RATIONALE, perspective=LONG_RATIONALE.replace("agent", "burger")
    )
    slides[at] = dataclasses.replace(slides[at], options=(first, *slides[at].options[1:]))
    return tuple(slides)


@pytest.mark.parametrize("size", SIZES)
def test_a_long_panel_text_goes_over_pages_never_cut(
    group: tuple[Path, Sheet], size: tuple[int, int]
) -> None:
    """Issue 13: a long instructor rationale was cut off at the bottom of the side panel. It is now shown
    whole, at body size, over as many panel pages as it needs; Right/PageDown reads on, Left goes back."""
    _db, sheet = group
    pilot = PresentPilot(_long(sheet), "nl", size)
    pilot.press("right")  # the first hittepunt, talk first
    for stage, text in ((1, LONG_RATIONALE), (2, LONG_RATIONALE.replace("agent", "burger"))):
        pilot.press("right")
        assert pilot.deck.state.stage == stage
        pages = pilot.deck.pages
        assert pages >= 2, "the test text must not fit one panel"
        shown: list[str] = []
        for k in range(1, pages + 1):
            panel = next(d for d in pilot.deck.drawn if d.name == "panel")
            more = next(d for d in pilot.deck.drawn if d.name == "panel_more")
            assert panel.page == (k, pages) and f"{k}/{pages}" in " ".join(more.lines)
            assert panel.size >= round(28 * size[1] / 720)  # never smaller than body text
            help_line = next(d for d in pilot.deck.drawn if d.name == "help")
            assert more.rect.bottom <= help_line.rect.top  # inside the panel, above the help line
            shown.extend(panel.lines)
            if k < pages:
                pilot.press("pagedown")
                assert pilot.deck.state.stage == stage and pilot.deck.state.page == k
        assert " ".join(shown).split() == text.split()  # every word, in order: nothing cut
    pilot.press("left")
    assert pilot.deck.state.page == pilot.deck.pages - 2  # back a page first
    pilot.press("down")
    assert pilot.deck.state.page == 0  # another option starts at its first page


def test_present_long_panel_snapshot(group: tuple[Path, Sheet], update_goldens: bool) -> None:
    _db, sheet = group
    pilot = PresentPilot(_long(sheet), "nl", (1280, 720))
    pilot.press("right", "right", "pagedown")  # the assessment, its second page
    surface = pilot.deck.surface
    reference = SNAPSHOTS / "present_long_panel.png"
    if update_goldens or not reference.exists():
        pygame.image.save(surface, str(reference))
        if not update_goldens:
            pytest.fail(f"new snapshot written: {reference}; look at it and commit it deliberately")
        return
    share, _marked = _diff(pygame.image.load(str(reference)), surface)
    assert share <= TOLERANCE, f"present_long_panel: {share:.2%} of pixels differ"
