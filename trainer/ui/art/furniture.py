"""Street furniture a scenario places by id: bench, pillar, stairs, ticket machines, shelter, racks, shop
front, snack bar, scooters, a parked car. Drawn at the scale of the people who stand at, sit on or lean
against them, onto the street behind those people."""

from __future__ import annotations

import pygame

from trainer.model.scenario import Vehicle
from trainer.ui.art import street
from trainer.ui.art.palette import RGB, mix, shade
from trainer.ui.art.scene import Scene

STONE: RGB = (168, 164, 156)
STEEL: RGB = (92, 98, 106)
NS_YELLOW: RGB = (236, 190, 40)
NS_BLUE: RGB = (24, 44, 110)


def pillar(scene: Scene, x: float, ground: float) -> None:
    m = scene.m
    w, top = 0.7 * m, max(0.0, ground - 6.0 * m)
    scene.rect(STONE, x - w / 2, top, w, ground - top)
    scene.rect(shade(STONE, 0.82), x + w * 0.18, top, w * 0.32, ground - top)
    scene.rect(shade(STONE, 0.7), x - w * 0.62, ground - 0.25 * m, w * 1.24, 0.25 * m)
    scene.rect(shade(STONE, 0.9), x - w * 0.62, top, w * 1.24, 0.2 * m)


def stairs(scene: Scene, x: float, ground: float) -> None:
    """A flight of stairs up to the hall, seen from the front: steps narrowing upwards, two handrails."""
    m = scene.m
    steps, rise = 7, 0.17 * m
    for i in range(steps):
        half = (1.9 - i * 0.07) * m
        y = ground - (i + 1) * rise
        scene.rect(shade(STONE, 0.96 - 0.03 * (i % 2)), x - half, y, 2 * half, rise + 1)
        scene.rect(shade(STONE, 0.72), x - half, y, 2 * half, max(1, 0.03 * m))
    top = ground - steps * rise
    for s in (-1, 1):
        pygame.draw.line(
            scene.surface,
            scene.t(STEEL),
            (x + s * 2.0 * m, ground - 0.9 * m),
            (x + s * 1.45 * m, top - 0.9 * m),
            max(2, round(0.06 * m)),
        )


def ticket_machines(scene: Scene, x: float, ground: float) -> None:
    m = scene.m
    for i in (-1, 0, 1):
        cx = x + i * 1.0 * m
        scene.rect(NS_YELLOW, cx - 0.42 * m, ground - 1.85 * m, 0.84 * m, 1.85 * m)
        scene.rect(shade(NS_YELLOW, 0.8), cx + 0.2 * m, ground - 1.85 * m, 0.22 * m, 1.85 * m)
        scene.rect(NS_BLUE, cx - 0.42 * m, ground - 1.85 * m, 0.84 * m, 0.22 * m)
        screen = (150, 190, 220) if not scene.night else (180, 220, 250)
        (scene.emit if scene.night else scene.rect)(
            screen, cx - 0.28 * m, ground - 1.45 * m, 0.5 * m, 0.38 * m
        )
        scene.rect((40, 40, 44), cx - 0.2 * m, ground - 0.95 * m, 0.34 * m, 0.08 * m)


def shop_front(scene: Scene, x: float, ground: float, colour: RGB = (40, 90, 140)) -> None:
    m = scene.m
    w, h = 5.0 * m, 3.0 * m
    glass = mix(scene.light.sky_horizon, (150, 170, 180), 0.55)
    scene.rect(shade(colour, 0.8), x - w / 2 - 0.15 * m, ground - h - 0.7 * m, w + 0.3 * m, h + 0.7 * m)
    (scene.emit if scene.night else scene.rect)(
        (250, 226, 170) if scene.night else glass, x - w / 2, ground - h, w * 0.62, h - 0.3 * m
    )
    scene.rect(shade(glass, 0.8), x + w * 0.16, ground - h, w * 0.3, h)  # the door
    scene.rect(colour, x - w / 2, ground - h - 0.6 * m, w, 0.5 * m)  # the sign band
    scene.rect((240, 236, 226), x - w * 0.3, ground - h - 0.47 * m, w * 0.6, 0.24 * m)


def snack_bar(scene: Scene, x: float, ground: float) -> None:
    m = scene.m
    w = 4.0 * m
    body = (206, 72, 54)
    scene.rect(shade(body, 0.9), x - w / 2, ground - 2.8 * m, w, 2.8 * m)
    warm = (255, 220, 150)
    (scene.emit if scene.night else scene.rect)(
        warm, x - w / 2 + 0.2 * m, ground - 2.3 * m, w - 0.4 * m, 1.0 * m
    )
    scene.rect((200, 200, 204), x - w / 2 - 0.2 * m, ground - 1.3 * m, w + 0.4 * m, 0.14 * m)  # the counter
    for i in range(8):  # a striped awning
        c = (236, 232, 224) if i % 2 else body
        scene.rect(
            c, x - w / 2 - 0.3 * m + i * (w + 0.6 * m) / 8, ground - 3.3 * m, (w + 0.6 * m) / 8 + 1, 0.5 * m
        )
    scene.rect((250, 206, 60), x - w * 0.3, ground - 3.75 * m, w * 0.6, 0.4 * m)  # SNACKBAR sign
    for i in range(6):
        scene.rect(body, x - w * 0.24 + i * w * 0.085, ground - 3.65 * m, w * 0.05, 0.2 * m)


def vehicle_at(scene: Scene, x: float, ground: float, vehicle: Vehicle, height_px: int) -> None:
    from trainer.ui import art

    image = art.render_vehicle(vehicle, [], height_px)
    scene.surface.blit(image, image.get_rect(midbottom=(round(x), round(ground))))


def draw_prop(scene: Scene, kind: str, x: float, ground: float, person_px: int) -> None:
    """Draw one prop of `kind` centred at x, standing on `ground`; `person_px`: the height of a figure."""
    if kind == "bank":
        street.bench(scene, x, ground, 1.0)
    elif kind == "pilaar":
        pillar(scene, x, ground)
    elif kind == "trap":
        stairs(scene, x, ground)
    elif kind == "kaartautomaten":
        ticket_machines(scene, x, ground)
    elif kind == "bushokje":
        street.shelter(scene, x, ground, 1.0)
    elif kind == "fietsenrek":
        street.bike_rack(scene, x - 2.5 * scene.m, x + 2.5 * scene.m, ground, 1.0)
    elif kind == "winkelpui":
        shop_front(scene, x, ground)
    elif kind == "snackbar":
        snack_bar(scene, x, ground)
    elif kind == "scooters":
        for i, colour in enumerate(("rood", "zwart", "wit")):
            v = Vehicle.model_validate({"kind": "scooter", "color": colour})
            vehicle_at(scene, x + (i - 1) * 0.9 * scene.m, ground - i * 2, v, person_px)
    elif kind == "geparkeerde_auto":
        vehicle_at(scene, x, ground, Vehicle.model_validate({"kind": "auto", "color": "grijs"}), person_px)
    # 'stoelen': the carriage's own seats are part of the backdrop
