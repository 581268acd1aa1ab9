"""Contact sheets of the procedural art, for looking at it: `python -m trainer.ui.art OUTDIR`.

Writes backdrops.png (every view at every time of day), people.png, portraits.png, vehicles.png, groups.png,
street.png (a night panorama with people and a car on the ground line) and weather.png (dry, drizzle, rain and
fog by day, at dusk and in the dark), and prints render timings.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame  # noqa: E402

from trainer.model.scenario import Appearance, Vehicle  # noqa: E402
from trainer.model.vocabulary import Backdrop, TimeOfDay, Weather  # noqa: E402
from trainer.ui import art  # noqa: E402
from trainer.ui.art.samples import PEOPLE, VEHICLES  # noqa: E402

PAPER = (206, 210, 216)


def _sheet(items: list[pygame.Surface], columns: int, gap: int = 12) -> pygame.Surface:
    rows = [items[i : i + columns] for i in range(0, len(items), columns)]
    width = max(sum(s.get_width() for s in row) + gap * (len(row) + 1) for row in rows)
    height = sum(max(s.get_height() for s in row) + gap for row in rows) + gap
    sheet = pygame.Surface((width, height))
    sheet.fill(PAPER)
    y = gap
    for row in rows:
        x = gap
        tallest = max(s.get_height() for s in row)
        for s in row:
            sheet.blit(s, (x, y + tallest - s.get_height()))
            x += s.get_width() + gap
        y += tallest + gap
    return sheet


def _timed(label: str, make: object, timings: list[str]) -> pygame.Surface:
    start = time.perf_counter()
    surface = make()  # type: ignore[operator]
    timings.append(f"{label:<42} {(time.perf_counter() - start) * 1000:7.1f} ms")
    return surface  # type: ignore[no-any-return]


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "/tmp/art")
    out.mkdir(parents=True, exist_ok=True)
    pygame.init()
    timings: list[str] = []
    thumbs = []
    for view in Backdrop:
        for tod in TimeOfDay:
            full = _timed(
                f"backdrop {view.value} {tod.value} 3200x720",
                lambda v=view, t=tod: art.render_backdrop(v.value, t.value, (3200, 720)),
                timings,
            )
            thumbs.append(pygame.transform.smoothscale(full.subsurface((0, 0, 1600, 720)), (560, 252)))
    pygame.image.save(_sheet(thumbs, 4), out / "backdrops.png")

    people = [
        _timed(f"person {i} {a.clothing} {d} 360px", lambda a=a, d=d: art.render_person(a, d, 360), timings)
        for i, (a, d) in enumerate(PEOPLE)
    ]
    pygame.image.save(_sheet(people, 8), out / "people.png")
    portraits = [art.render_portrait(a, d, 200) for a, d in PEOPLE]
    pygame.image.save(_sheet(portraits, 8), out / "portraits.png")
    vehicles = [
        _timed(
            f"vehicle {v.kind} {v.color} 320px",
            lambda v=v, o=o: art.render_vehicle(v, [PEOPLE[i][0] for i in o], 320),
            timings,
        )
        for v, o in VEHICLES
    ]
    pygame.image.save(_sheet(vehicles, 4), out / "vehicles.png")
    groups = [
        art.render_group([PEOPLE[i] for i in idx], 360) for idx in ((2, 3, 8), (5, 13, 9), (0, 1), (14, 7))
    ]
    pygame.image.save(_sheet(groups, 4), out / "groups.png")
    pygame.image.save(_street(), out / "street.png")
    pygame.image.save(_weather(timings), out / "weather.png")
    print("\n".join(timings))
    print(
        f"wrote {out}/backdrops.png people.png portraits.png vehicles.png groups.png street.png weather.png"
    )
    return 0


def _street() -> pygame.Surface:
    """A night panorama with people and a stopped car on the ground line, as the player composes it."""
    w, h = 3200, 720
    scene = art.render_backdrop(Backdrop.AUTO_AAN_DE_STOEPRAND.value, TimeOfDay.NACHT.value, (w, h)).copy()
    ground = round(h * art.GROUND_Y_FRACTION)
    height_px = 400
    car_vehicle, occ = VEHICLES[0]
    car = art.render_vehicle(car_vehicle, [PEOPLE[i][0] for i in occ], height_px)
    scene.blit(car, (1500, ground - car.get_height()))
    bike = art.render_vehicle(*_with(VEHICLES[4]), height_px)
    scene.blit(bike, (2500, ground - bike.get_height()))
    for x, idx in ((300, 0), (520, 1), (900, 5), (1200, 7), (2200, 13), (2900, 9)):
        person = art.render_person(PEOPLE[idx][0], PEOPLE[idx][1], height_px)
        scene.blit(person, (x - person.get_width() // 2, ground - person.get_height()))
    return pygame.transform.smoothscale(scene, (w // 2, h // 2))


def _weather(timings: list[str]) -> pygame.Surface:
    """Every weather in every light on two views, as the player shows it at second 3 (still and moving)."""
    thumbs = []
    for view in (Backdrop.WOONSTRAAT, Backdrop.STATIONSPLEIN):
        for weather in Weather:
            for palette in ("middag", "avond", "nacht"):
                full = _timed(
                    f"backdrop {view.value} {palette} {weather.value} 1280x720",
                    lambda v=view, p=palette, wx=weather: art.render_backdrop(
                        v.value, p, (1280, 720), 0, wx.value
                    ),
                    timings,
                ).copy()
                art.draw_weather(full, weather.value, 3.0, 1, palette=palette)
                thumbs.append(pygame.transform.smoothscale(full, (427, 240)))
    return _sheet(thumbs, 6)


def _with(entry: tuple[Vehicle, list[int]]) -> tuple[Vehicle, list[Appearance]]:
    vehicle, idx = entry
    return vehicle, [PEOPLE[i][0] for i in idx]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
