"""The back office of a supermarket, seen at standing eye level: the far wall with the door to the shop floor,
the security desk with its camera monitors, a plastic chair, crates, a roller cage, lockers, strip lights.

Like the train (train.py) this is an inside: the far wall stands at `scene.m` pixels per metre with its foot
at WALL_FOOT, people stand nearer on the ground line, and everything is lit by the strip lights, not the sky.
Day and night differ only in the one small high window (daylight or dark glass) and a warmer cast of the
lights. The camera monitors show grey views of the shop's aisles; each screen drawn is kept in
`scene.parts["monitor"]`, the door's window in `scene.parts["door_window"]`.
"""

from __future__ import annotations

import pygame

from trainer.ui.art.palette import RGB, clamp, mix, shade
from trainer.ui.art.pen import vertical_gradient
from trainer.ui.art.scene import Scene

WALL_FOOT = 0.74  # the floor along the far wall, as a fraction of the height
CEILING = 2.7  # metres from floor to ceiling
WALL: RGB = (216, 212, 202)  # painted sand-lime blocks
FLOOR: RGB = (118, 120, 118)
STEEL: RGB = (150, 156, 162)
DOOR: RGB = (92, 112, 128)
CORK: RGB = (184, 146, 100)
CRATES: tuple[RGB, ...] = ((44, 92, 150), (52, 120, 84), (96, 100, 108), (180, 60, 52))
CARDBOARD: RGB = (178, 140, 96)
SHOP_SHELVES: tuple[RGB, ...] = (
    (220, 70, 60),
    (250, 200, 60),
    (70, 140, 200),
    (90, 170, 90),
    (240, 240, 236),
)
INDOOR = {
    "ochtend": (1.0, 0.99, 0.97),
    "middag": (1.0, 1.0, 1.0),
    "avond": (0.94, 0.92, 0.88),
    "nacht": (0.9, 0.89, 0.86),
}
TUBE: RGB = (244, 248, 246)


class _Room:
    """Draws in metres on the far wall: x from the room's left edge, y up from the floor."""

    def __init__(self, scene: Scene, time_of_day: str) -> None:
        self.scene, self.s = scene, scene.surface
        self.m = scene.m
        self.foot = WALL_FOOT * scene.h
        self.k = INDOOR.get(time_of_day, INDOOR["middag"])

    def p(self, c: RGB) -> RGB:
        """A colour under the strip lights."""
        return (clamp(c[0] * self.k[0]), clamp(c[1] * self.k[1]), clamp(c[2] * self.k[2]))

    def rect(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        """The pixel rectangle of a box with its lower-left corner at (x, y) metres."""
        m = self.m
        return pygame.Rect(
            round(x * m), round(self.foot - (y + h) * m), max(1, round(w * m)), max(1, round(h * m))
        )

    def box(self, c: RGB, x: float, y: float, w: float, h: float, radius: float = 0.0) -> pygame.Rect:
        r = self.rect(x, y, w, h)
        pygame.draw.rect(self.s, self.p(c), r, border_radius=round(radius * self.m))
        return r

    def line(self, c: RGB, a: tuple[float, float], b: tuple[float, float], width: float = 0.02) -> None:
        m, f = self.m, self.foot
        pygame.draw.line(
            self.s, self.p(c), (a[0] * m, f - a[1] * m), (b[0] * m, f - b[1] * m), max(1, round(width * m))
        )


def winkel_kantoor(scene: Scene, time_of_day: str) -> None:
    room = _Room(scene, time_of_day)
    span = scene.w / scene.m  # metres of wall in view
    _wall(room, span)
    _ceiling(room, span)
    _floor(room)
    _door(room, 0.5)
    _extinguisher(room, 1.85)
    _notice_board(room, 2.3)
    _high_window(room, 3.9)
    _desk(room, 3.75)
    _clock(room, 3.05)
    _wall_monitor(room, 4.15)
    _plastic_chair(room, 6.0)
    x = 6.9
    units = (_roller_cage, _crates, _lockers, _stock_rack, _boxes, _exit_door)
    i = 0
    while x < span + 1.0:  # a wider view (a panorama) runs on along the storeroom side
        unit = units[i % len(units)]
        i += 1
        if unit is _exit_door and i > len(units):
            continue  # one way out to the yard is enough
        x = unit(room, x) + scene.rng.uniform(0.25, 0.6)


def _wall(room: _Room, span: float) -> None:
    s, m, foot = room.s, room.m, room.foot
    top = round(foot - CEILING * m)
    pygame.draw.rect(s, room.p(WALL), (0, top, room.scene.w, round(foot) - top))
    joint = room.p(shade(WALL, 0.94))
    row, y = 0, foot - 0.1 * m
    while y > top:  # block joints, every 20 cm, staggered
        pygame.draw.line(s, joint, (0, y), (room.scene.w, y))
        x = (0.2 if row % 2 else 0.0) * m
        while x < room.scene.w:
            pygame.draw.line(s, joint, (x, y), (x, y - 0.2 * m))
            x += 0.4 * m
        y -= 0.2 * m
        row += 1
    room.box((84, 86, 90), 0, 0, span + 1, 0.1)  # skirting
    room.box(shade(WALL, 0.86), 0, 0.1, span + 1, 0.05)  # the scuffed band where trolleys knock


def _ceiling(room: _Room, span: float) -> None:
    """The ceiling seen from below, with strip lights running across the room."""
    scene, s, m = room.scene, room.s, room.m
    line = round(room.foot - CEILING * m)
    vertical_gradient(s, pygame.Rect(0, 0, scene.w, line), room.p((232, 232, 228)), room.p((208, 208, 204)))
    pygame.draw.line(s, room.p((176, 176, 172)), (0, line), (scene.w, line), max(1, round(0.03 * m)))
    for grid in range(1, 4):  # ceiling tiles' T-bars, closer together as they recede
        y = line * (1 - (grid / 4) ** 1.6)
        pygame.draw.line(s, room.p((196, 196, 192)), (0, y), (scene.w, y))
    for y, th in ((line * 0.28, 0.05 * scene.h), (line * 0.8, 0.022 * scene.h)):
        x = 0.8 * m
        while x < scene.w:
            fitting = pygame.Rect(round(x), round(y), round(1.5 * m), max(2, round(th)))
            pygame.draw.rect(s, room.p((180, 182, 184)), fitting.inflate(round(0.1 * m), round(th * 0.5)))
            tube = fitting.inflate(-round(0.1 * m), -round(th * 0.4))
            pygame.draw.rect(s, TUBE, tube)
            if scene.night:
                scene.glows.append((tube.inflate(tube.w * 0.4, th * 6), (60, 62, 58)))
            x += 2.4 * m


def _floor(room: _Room) -> None:
    scene, s, m, foot = room.scene, room.s, room.m, room.foot
    vertical_gradient(
        s, pygame.Rect(0, round(foot), scene.w, scene.h - round(foot)), room.p((134, 136, 134)), room.p(FLOOR)
    )
    rng = scene.rng
    speck = room.p(shade(FLOOR, 1.14))
    for _ in range(scene.w // 3):  # the anti-slip grit of the vinyl
        scene.surface.set_at((int(rng.uniform(0, scene.w)), int(rng.uniform(foot, scene.h))), speck)
    y, gap = foot + 0.15 * m, 0.12 * m
    while y < scene.h:  # seams of the vinyl sheets, further apart as they come nearer
        pygame.draw.line(s, room.p(shade(FLOOR, 0.92)), (0, y), (scene.w, y))
        gap *= 1.7
        y += gap


def _door(room: _Room, x: float) -> None:
    """The door to the shop floor: steel frame, a kick plate, and a small window full of the shop's light."""
    room.box((120, 124, 130), x - 0.08, 0, 1.16, 2.2)
    room.box(DOOR, x, 0, 1.0, 2.1)
    room.box(shade(DOOR, 0.86), x + 0.05, 0.02, 0.9, 0.32)  # kick plate
    room.box((200, 204, 208), x + 0.8, 0.95, 0.12, 0.05)  # handle
    room.box((200, 204, 208), x + 0.86, 0.9, 0.04, 0.12)
    pane = room.rect(x + 0.3, 1.35, 0.4, 0.5)
    _shop_through(room, pane)
    room.scene.parts.setdefault("door_window", []).append(pane)
    pygame.draw.rect(room.s, room.p((70, 74, 80)), pane.inflate(4, 4), max(2, round(0.025 * room.m)))
    sign = room.rect(x + 0.2, 1.95, 0.6, 0.1)  # a staff-only sign, too small to read
    pygame.draw.rect(room.s, room.p((236, 236, 232)), sign)
    pygame.draw.rect(room.s, room.p((190, 40, 40)), sign.inflate(-sign.w // 5, -sign.h // 2))


def _shop_through(room: _Room, pane: pygame.Rect) -> None:
    """The bright shop floor beyond the door: white light, the tops of coloured shelves."""
    s = room.s
    s.fill((246, 246, 240), pane)
    band = max(2, pane.h // 8)
    for i, colour in enumerate(SHOP_SHELVES[:4]):
        y = pane.y + pane.h // 3 + i * band
        s.fill(colour, pygame.Rect(pane.x, y, pane.w, max(1, band - 2)))
    floor_y = pane.y + pane.h // 3 + 4 * band
    s.fill((210, 210, 204), pygame.Rect(pane.x, floor_y, pane.w, max(0, pane.bottom - floor_y)))


def _extinguisher(room: _Room, x: float) -> None:
    room.box((196, 40, 36), x, 0.9, 0.18, 0.5, radius=0.06)
    room.box((40, 40, 44), x + 0.03, 1.4, 0.12, 0.06)
    room.line((40, 40, 44), (x + 0.15, 1.42), (x + 0.26, 1.2), 0.025)
    room.box((236, 236, 232), x - 0.02, 1.62, 0.22, 0.22)  # its sign
    room.box((196, 40, 36), x + 0.03, 1.67, 0.12, 0.12)


def _notice_board(room: _Room, x: float) -> None:
    """The staff notice board: a roster, notices, a safety poster, yellow notes."""
    board = room.box((170, 174, 178), x - 0.03, 1.07, 1.26, 0.96)
    room.box(CORK, x, 1.1, 1.2, 0.9)
    rng = room.scene.rng
    roster = room.box((244, 244, 240), x + 0.06, 1.2, 0.42, 0.6)
    for i in range(1, 8):  # the week's roster: a grid of shifts
        y = roster.y + roster.h * i / 8
        pygame.draw.line(room.s, room.p((150, 160, 176)), (roster.x + 2, y), (roster.right - 3, y))
    for i in range(1, 4):
        xx = roster.x + roster.w * i / 4
        pygame.draw.line(
            room.s, room.p((150, 160, 176)), (xx, roster.y + roster.h / 8), (xx, roster.bottom - 2)
        )
    room.box((236, 234, 226), x + 0.56, 1.45, 0.3, 0.42)
    for i in range(5):
        room.box((150, 150, 150), x + 0.59, 1.8 - i * 0.06, 0.2 + rng.uniform(-0.04, 0.02), 0.018)
    room.box((44, 140, 84), x + 0.9, 1.5, 0.26, 0.36)  # an emergency poster
    room.box((244, 244, 240), x + 0.98, 1.62, 0.1, 0.12)
    for dx, dy, colour in (
        (0.58, 1.2, (250, 226, 90)),
        (0.72, 1.17, (250, 200, 120)),
        (0.94, 1.16, (250, 226, 90)),
    ):
        room.box(colour, x + dx, dy, 0.12, 0.12)
    for pin in ((0.27, 1.78), (0.71, 1.85), (1.03, 1.84)):
        pygame.draw.circle(room.s, room.p((200, 40, 40)), room.rect(x + pin[0], pin[1], 0.01, 0.01).center, 2)
    pygame.draw.rect(room.s, room.p((150, 154, 158)), board, max(1, round(0.02 * room.m)))


def _high_window(room: _Room, x: float) -> None:
    """One small high window onto the yard: daylight by day, dark glass at night, beaded when it rains."""
    scene = room.scene
    room.box((120, 124, 130), x - 0.05, 2.17, 1.3, 0.36)
    pane = room.rect(x, 2.2, 1.2, 0.3)
    lt = scene.light
    if lt.glow >= 1.0:  # dark outside (at dusk the last light still shows)
        scene.surface.fill(mix(lt.sky_top, (20, 24, 30), 0.4), pane)
    else:
        vertical_gradient(scene.surface, pane, mix(lt.sky_top, lt.sky_horizon, 0.5), lt.sky_horizon)
    for i in range(1, 4):  # the bars every backroom window has
        bx = pane.x + pane.w * i / 4
        pygame.draw.line(
            scene.surface, room.p((90, 94, 100)), (bx, pane.y), (bx, pane.bottom), max(1, pane.h // 12)
        )
    scene.panes.append(pane)


def _clock(room: _Room, x: float) -> None:
    centre = room.rect(x, 2.3, 0.01, 0.01).center
    r = 0.15 * room.m
    pygame.draw.circle(room.s, room.p((60, 62, 66)), centre, r)
    pygame.draw.circle(room.s, room.p((246, 246, 242)), centre, r * 0.86)
    cx, cy = centre
    pygame.draw.line(
        room.s, room.p((30, 30, 34)), centre, (cx + r * 0.45, cy + r * 0.2), max(1, round(r * 0.12))
    )
    pygame.draw.line(
        room.s, room.p((30, 30, 34)), centre, (cx - r * 0.1, cy - r * 0.7), max(1, round(r * 0.08))
    )


def _desk(room: _Room, x: float) -> None:
    """The security desk: two monitors with the camera views, keyboard, binders, a mug, a radio on its
    charger, and the office chair pushed in."""
    s = room.s
    room.box((92, 96, 102), x + 0.05, 0, 0.05, 0.72)  # legs
    room.box((200, 200, 196), x + 1.0, 0, 0.55, 0.7)  # drawer unit
    for i in range(3):
        room.box((176, 176, 172), x + 1.03, 0.05 + i * 0.22, 0.49, 0.18)
        room.box((120, 124, 130), x + 1.2, 0.18 + i * 0.22, 0.15, 0.025)
    room.box((204, 200, 190), x, 0.7, 1.6, 0.05)  # the top
    room.box((166, 162, 154), x, 0.7, 1.6, 0.015)
    for mx, playback in ((x + 0.12, False), (x + 0.82, True)):
        room.box((60, 62, 66), mx + 0.27, 0.75, 0.06, 0.2)
        room.box((60, 62, 66), mx + 0.16, 0.75, 0.28, 0.02)
        bezel = room.box((34, 36, 40), mx, 0.93, 0.6, 0.38, radius=0.015)
        _camera_views(
            room, bezel.inflate(-max(2, round(0.03 * room.m)), -max(2, round(0.03 * room.m))), 1, playback
        )
    room.box((52, 54, 58), x + 0.45, 0.75, 0.5, 0.03)  # keyboard
    room.box((52, 54, 58), x + 1.02, 0.75, 0.06, 0.03)
    room.box((40, 70, 130), x + 1.4, 0.75, 0.08, 0.28)  # binders
    room.box((170, 50, 46), x + 1.49, 0.75, 0.08, 0.28)
    room.box((236, 232, 222), x + 0.05, 0.75, 0.08, 0.1, radius=0.02)  # a mug
    room.box((30, 32, 36), x + 1.24, 0.75, 0.1, 0.08)  # the radio on its charger
    room.box((40, 42, 46), x + 1.27, 0.83, 0.05, 0.09)
    pygame.draw.circle(
        s, (90, 200, 110), room.rect(x + 1.31, 0.79, 0.01, 0.01).center, max(1, 0.012 * room.m)
    )
    _office_chair(room, x + 0.55)


def _wall_monitor(room: _Room, x: float) -> None:
    """The big screen on the wall over the desk: four cameras at once."""
    room.box((90, 94, 100), x + 0.38, 2.02, 0.14, 0.1)  # the wall bracket
    bezel = room.box((30, 32, 36), x, 1.5, 0.9, 0.54, radius=0.015)
    _camera_views(room, bezel.inflate(-max(2, round(0.035 * room.m)), -max(2, round(0.035 * room.m))), 2)


def _camera_views(room: _Room, screen: pygame.Rect, across: int, playback: bool = False) -> None:
    """Grey camera images of the shop (one aisle, or `across` x `across` views), each with a time stamp; a
    screen in playback has a time bar under the picture, its marker at the moment under review."""
    s = room.s
    s.fill((22, 24, 26), screen)
    room.scene.parts.setdefault("monitor", []).append(screen)
    picture = screen.inflate(0, -screen.h // 5).move(0, -screen.h // 10) if playback else screen
    cw, ch = picture.w // across, picture.h // across
    for n in range(across * across):
        view = pygame.Rect(picture.x + n % across * cw, picture.y + n // across * ch, cw - 1, ch - 1)
        _aisle(s, view, n + (1 if playback else 0))
        stamp = max(1, view.h // 16)
        for i in range(5):
            s.fill((232, 232, 232), (view.x + 2 + i * stamp * 2, view.y + 2, stamp + 1, stamp))
    if playback:
        bar = pygame.Rect(screen.x + 3, picture.bottom + screen.h // 12, screen.w - 6, max(2, screen.h // 20))
        s.fill((90, 92, 96), bar)
        s.fill((200, 202, 204), (bar.x, bar.y, bar.w * 0.62, bar.h))
        s.fill((220, 60, 50), (bar.x + bar.w * 0.62 - 1, bar.y - bar.h, max(2, bar.h // 2), bar.h * 3))


def _aisle(s: pygame.Surface, v: pygame.Rect, n: int) -> None:
    """An aisle seen from a camera under the ceiling: shelves on both sides running to the far end."""
    vx, vy = v.x + v.w * (0.5 + 0.14 * ((n % 3) - 1)), v.y + v.h * 0.35
    s.fill((156, 158, 156), v)  # the far end and ceiling, lit grey
    half = v.w * 0.1
    pygame.draw.polygon(
        s, (126, 128, 126), [(v.x, v.bottom), (v.right, v.bottom), (vx + half, vy), (vx - half, vy)]
    )
    for side in (-1, 1):
        outer, inner = (v.x, vx - half) if side < 0 else (v.right, vx + half)
        shelf = [(outer, v.y), (inner, vy - v.h * 0.2), (inner, vy), (outer, v.bottom - v.h * 0.1)]
        pygame.draw.polygon(s, (96, 98, 98), shelf)
        for t in (0.3, 0.62):  # two shelf edges, converging on the far end
            pygame.draw.line(
                s, (184, 186, 184), (outer, v.y + (v.bottom - v.y) * t), (inner, vy - v.h * 0.2 * (1 - t)), 1
            )
    if n % 2 == 0:  # a shopper, a grey shape in the aisle
        px, py = vx + half * 0.4 * (1 if n else -1), v.y + v.h * 0.82
        pygame.draw.ellipse(s, (58, 60, 60), (px - v.w * 0.04, py - v.h * 0.34, v.w * 0.08, v.h * 0.36))
        pygame.draw.circle(s, (80, 82, 82), (px, py - v.h * 0.38), max(1, v.h * 0.06))


def _office_chair(room: _Room, x: float) -> None:
    """The desk chair seen from behind, pushed in: backrest, seat, column and a five-star base."""
    dark = (44, 46, 52)
    room.box(dark, x - 0.24, 0.45, 0.48, 0.08, radius=0.03)
    room.box(dark, x - 0.22, 0.58, 0.44, 0.36, radius=0.08)
    room.box(shade(dark, 1.3), x - 0.18, 0.63, 0.36, 0.26, radius=0.06)
    room.box((120, 124, 130), x - 0.025, 0.1, 0.05, 0.36)
    for dx in (-0.3, -0.12, 0.12, 0.3):
        room.line((70, 72, 78), (x, 0.1), (x + dx, 0.04), 0.035)
        pygame.draw.circle(
            room.s, room.p((30, 30, 34)), room.rect(x + dx, 0.03, 0.01, 0.01).center, max(2, 0.03 * room.m)
        )


def _plastic_chair(room: _Room, x: float) -> None:
    """A plain plastic chair against the wall: the one someone is told to sit on."""
    shell = (214, 216, 214)
    legs = (120, 124, 130)
    room.line(legs, (x - 0.2, 0.0), (x - 0.17, 0.43), 0.025)
    room.line(legs, (x + 0.2, 0.0), (x + 0.17, 0.43), 0.025)
    room.box(shell, x - 0.23, 0.42, 0.46, 0.05, radius=0.02)
    room.box(shell, x - 0.21, 0.5, 0.42, 0.36, radius=0.06)
    room.line(legs, (x - 0.19, 0.43), (x - 0.19, 0.55), 0.025)
    room.line(legs, (x + 0.19, 0.43), (x + 0.19, 0.55), 0.025)
    room.box(shade(shell, 0.9), x - 0.14, 0.6, 0.28, 0.04, radius=0.02)  # the grip slot


def _crates(room: _Room, x: float) -> float:
    """Stacks of plastic crates; returns where the stacks end (metres)."""
    rng = room.scene.rng
    for stack in range(rng.choice((1, 2, 2))):
        colour = rng.choice(CRATES)
        cx = x + stack * 0.64
        for level in range(rng.randint(3, 6)):
            y = level * 0.27
            room.box(shade(colour, 0.8), cx, y, 0.6, 0.27)
            room.box(colour, cx + 0.02, y + 0.02, 0.56, 0.23)
            for rib in range(1, 6):
                room.box(shade(colour, 0.86), cx + 0.02 + 0.56 * rib / 6, y + 0.03, 0.015, 0.13)
            room.box(mix(colour, (255, 255, 255), 0.15), cx, y + 0.24, 0.6, 0.03)  # the rim
            room.box(shade(colour, 0.6), cx + 0.22, y + 0.16, 0.16, 0.05, radius=0.02)  # hand hold
    return x + 0.64 * (stack + 1)


def _boxes(room: _Room, x: float) -> float:
    """Cardboard boxes, taped, stacked against the wall."""
    rng = room.scene.rng
    y, w = 0.0, rng.uniform(0.7, 0.9)
    for _ in range(rng.randint(2, 4)):
        bh = rng.uniform(0.3, 0.45)
        bw = w - rng.uniform(0, 0.15)
        colour = shade(CARDBOARD, rng.uniform(0.88, 1.05))
        room.box(colour, x + (w - bw) / 2, y, bw, bh)
        room.box(shade(colour, 0.85), x + (w - bw) / 2, y + bh - 0.02, bw, 0.02)
        room.box(mix(CARDBOARD, (236, 220, 180), 0.4), x + w / 2 - 0.04, y, 0.08, bh)  # tape
        y += bh
    return x + w


def _roller_cage(room: _Room, x: float) -> float:
    """A roller cage of the kind deliveries come in: mesh sides on castors, half full of boxes."""
    w, h = 0.8, 1.7
    rng = room.scene.rng
    for i in range(rng.randint(2, 3)):
        room.box(shade(CARDBOARD, 0.9 + 0.05 * i), x + 0.05, 0.12 + i * 0.36, 0.7, 0.34)
    for i in range(9):  # the mesh
        room.line(STEEL, (x + w * i / 8, 0.12), (x + w * i / 8, h), 0.012)
    for j in range(8):
        room.line(STEEL, (x, 0.12 + (h - 0.12) * j / 7), (x + w, 0.12 + (h - 0.12) * j / 7), 0.012)
    room.box((110, 114, 120), x, 0.08, w, 0.05)
    for wx in (x + 0.08, x + w - 0.08):
        pygame.draw.circle(
            room.s, room.p((40, 40, 44)), room.rect(wx, 0.04, 0.01, 0.01).center, max(2, 0.04 * room.m)
        )
    return x + w


def _lockers(room: _Room, x: float) -> float:
    """A row of grey staff lockers with their number plates and vents."""
    n = room.scene.rng.randint(2, 4)
    for i in range(n):
        lx = x + i * 0.4
        room.box((168, 174, 180), lx, 0.1, 0.39, 1.8)
        room.box((150, 156, 162), lx + 0.02, 0.12, 0.35, 1.76)
        for v in range(4):
            room.box((110, 116, 122), lx + 0.1, 1.6 - v * 0.05, 0.18, 0.02)
        room.box((236, 236, 232), lx + 0.14, 1.3, 0.1, 0.05)
        room.box((60, 62, 66), lx + 0.3, 0.95, 0.03, 0.12)
    room.box((84, 86, 90), x, 0, n * 0.4, 0.1)
    return x + n * 0.4


def _stock_rack(room: _Room, x: float) -> float:
    """A steel rack of overstock: shelves of boxes and trays waiting to go out to the shop floor."""
    rng = room.scene.rng
    w = 1.2
    for level in range(4):
        y = 0.12 + level * 0.5
        bx = x + 0.04
        while bx < x + w - 0.2:
            bw, bh = rng.uniform(0.16, 0.34), rng.uniform(0.18, 0.4)
            colour = rng.choice((CARDBOARD, CARDBOARD, *SHOP_SHELVES))
            room.box(shade(colour, 0.92), bx, y + 0.04, min(bw, x + w - 0.04 - bx), bh)
            bx += bw + 0.02
        room.box((96, 100, 108), x, y, w, 0.04)
    for post in (x, x + w - 0.04):
        room.box((80, 84, 92), post, 0, 0.04, 2.1)
    return x + w


def _exit_door(room: _Room, x: float) -> float:
    """The way out to the yard: a steel door with a push bar under the green emergency-exit sign."""
    room.box((120, 124, 130), x - 0.06, 0, 1.12, 2.16)
    room.box((176, 180, 184), x, 0, 1.0, 2.1)
    room.box((140, 144, 150), x + 0.08, 0.95, 0.84, 0.06)  # push bar
    room.box((120, 124, 130), x + 0.08, 0.93, 0.06, 0.1)
    room.box((120, 124, 130), x + 0.86, 0.93, 0.06, 0.1)
    sign = room.box((40, 150, 80), x + 0.25, 2.26, 0.5, 0.18)
    room.box((236, 240, 236), x + 0.3, 2.29, 0.12, 0.12)  # the running figure, too small to read
    pygame.draw.polygon(
        room.s,
        room.p((236, 240, 236)),
        [
            (sign.x + sign.w * 0.6, sign.y + sign.h * 0.3),
            (sign.x + sign.w * 0.85, sign.centery),
            (sign.x + sign.w * 0.6, sign.y + sign.h * 0.7),
        ],
    )
    return x + 1.06
