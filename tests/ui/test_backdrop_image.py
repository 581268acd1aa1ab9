"""An author's own backdrop image (`backdrop: muur.png`) is what the window and the storyboard draw
(issue 19), and `trainer check` says when it is missing (C105) or cannot be read (C150)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame

from tests.conftest import FIXTURES
from trainer.commands.window_cmd import error_lines
from trainer.images import find_image, image_problem
from trainer.ui import art
from trainer.ui.app import PlayerOptions
from trainer.ui.art import photo
from trainer.ui.pilot import Pilot

MAGENTA, TEAL = (250, 0, 250), (0, 160, 150)
# By day and dry, a photo is drawn in its own colours (no light or weather over it).
DAY = (
    FIXTURES.joinpath("minimal.yaml")
    .read_text(encoding="utf-8")
    .replace("time_of_day: nacht", "time_of_day: middag")
)


def _image(path: Path) -> Path:
    """A 200x100 picture: the top half magenta, the bottom half teal (nothing drawn looks like it)."""
    surface = pygame.Surface((200, 100))
    surface.fill(MAGENTA, pygame.Rect(0, 0, 200, 50))
    surface.fill(TEAL, pygame.Rect(0, 50, 200, 50))
    pygame.image.save(surface, str(path))
    return path


def _scenario(tmp_path: Path, text: str = DAY, name: str = "muur.png") -> Path:
    path = tmp_path / "eigen_beeld.yaml"
    path.write_text(text.replace("backdrop: woonstraat", f"backdrop: {name}"), encoding="utf-8")
    return path


def _close(colour: tuple[int, ...], wanted: tuple[int, int, int], slack: int = 12) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(colour[:3], wanted, strict=True))


def _share(surface: pygame.Surface, wanted: tuple[int, int, int], rows: range) -> float:
    """The share of sampled pixels in `rows` that have the wanted colour."""
    w = surface.get_width()
    samples = [surface.get_at((x, y)) for x in range(3, w, max(1, w // 97)) for y in rows]
    return sum(_close(c, wanted) for c in samples) / len(samples)


def test_the_image_is_found_and_read(tmp_path: Path) -> None:
    image = _image(tmp_path / "muur.png")
    scenario = _scenario(tmp_path)
    assert find_image("muur.png", scenario) == image and image_problem(image) is None
    assert find_image("../muur.png", scenario) is None and find_image("woonstraat", scenario) is None
    data = image.read_bytes()
    for broken in (data[: len(data) // 2], data[:20] + b"x" + data[21:], b"GIF89a" + data[6:]):
        image.write_bytes(broken)
        assert image_problem(image) is not None


def test_storyboard_draws_the_image_across_the_whole_street(tmp_path: Path) -> None:
    _image(tmp_path / "muur.png")
    scenario = _scenario(tmp_path)
    out = tmp_path / "board"
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "storyboard", str(scenario), "-o", str(out), "--size", "640x360"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    street = pygame.image.load(str(out / "straat.png"))  # the selection: the whole street in one strip
    # scaled to the height: the top half of the sky is the picture's magenta, along the whole strip
    assert _share(street, MAGENTA, range(60, 150, 20)) > 0.8
    assert _share(street, TEAL, range(200, 260, 20)) > 0.5  # people and the bicycle stand in front
    scene = pygame.image.load(str(out / "aanspreken.png"))  # a conversation: the same picture, dimmed
    w = scene.get_width()
    sky = [scene.get_at((x, 12))[:3] for x in range(3, w, 7)]
    assert sum(r > 90 and b > 90 and g < 30 and abs(r - b) < 16 for r, g, b in sky) > 0.5 * len(sky)


def test_the_window_draws_the_image(tmp_path: Path) -> None:
    _image(tmp_path / "muur.png")
    path = _scenario(tmp_path)
    pilot = Pilot(
        PlayerOptions(trainee="I1", scenario_file=path, lang="nl"),
        check=lambda loaded: error_lines(loaded, "nl"),
    )
    pilot.press("enter")  # the briefing, then the street
    assert pilot.screen == "selection"
    pilot.wait(3)  # past the street's fade-in
    shot = pygame.image.load(str(pilot.screenshot(tmp_path / "straat.png")))
    assert _share(shot, MAGENTA, range(100, 240, 20)) > 0.6, "the sky of the street is the author's image"
    assert _share(shot, TEAL, range(600, 640, 10)) > 0.3, "the ground too, behind the people"


def test_night_and_fog_tint_the_image_like_a_drawn_street() -> None:
    source = pygame.Surface((40, 20))
    source.fill((200, 200, 200))
    day = photo.render(source, "middag", (120, 60), "droog")
    night = photo.render(source, "nacht", (120, 60), "droog")
    fog = photo.render(source, "middag", (120, 60), "mist")
    assert day.get_at((60, 30))[:3] == (200, 200, 200)
    assert sum(night.get_at((60, 30))[:3]) < 0.6 * 600
    assert fog.get_at((60, 30))[:3] != (200, 200, 200)


def test_a_reloaded_image_is_drawn_anew(tmp_path: Path) -> None:
    first = pygame.Surface((10, 10))
    first.fill(MAGENTA)
    photo.register({"x.png": first})
    assert _close(art.render_backdrop("x.png", "middag", (50, 20)).get_at((5, 5)), MAGENTA)
    second = pygame.Surface((10, 10))
    second.fill(TEAL)
    photo.register({"x.png": second})
    assert _close(art.render_backdrop("x.png", "middag", (50, 20)).get_at((5, 5)), TEAL)
    photo.register({})


def test_a_resumed_session_draws_the_image_again(tmp_path: Path) -> None:
    """A session stopped mid-way and resumed in a new window (`trainer play eigen.yaml --resume ID`) draws the
    author's image again, not a drawn street (issue 19 left this out)."""
    from trainer.records.store import RecordStore
    from trainer.ui import scenery

    _image(tmp_path / "muur.png")
    path = _scenario(tmp_path)
    with RecordStore(tmp_path / "r.db") as store:
        first = Pilot(PlayerOptions(trainee="I2", scenario_file=path, lang="nl"), store=store)
        first.press("enter")
        assert first.screen == "selection"
        photo.register({})  # a new window process starts with no images loaded, nothing drawn
        scenery.backdrop.cache_clear()
        row = store.sessions(trainee="I2")[0]
        again = Pilot(PlayerOptions(resume_id=row.id[:8], scenario_file=path, lang="nl"), store=store)
        assert again.screen == "selection"
        again.wait(3)
        shot = pygame.image.load(str(again.screenshot(tmp_path / "weer.png")))
        assert _share(shot, MAGENTA, range(100, 240, 20)) > 0.6, "the resumed street is the author's image"
