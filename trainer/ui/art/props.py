"""Accessories around a standing person: backpack, bag, phone, a dog on a lead, a bicycle at hand."""

from __future__ import annotations

from trainer.ui.art import palette as pal
from trainer.ui.art.body import hand
from trainer.ui.art.cycles import draw_bicycle
from trainer.ui.art.figure import Figure
from trainer.ui.art.hair import garment_rgb as hair_garment
from trainer.ui.art.palette import RGB
from trainer.ui.art.pen import Pen

_DOGS: tuple[tuple[RGB, RGB], ...] = (
    ((150, 104, 62), (112, 74, 44)),
    ((44, 40, 40), (24, 22, 22)),
    ((222, 196, 150), (186, 156, 110)),
)
DOG_CM = 78.0
BIKE_CM = 182.0  # from the front tyre to the rear mudguard
SUITCASE_CM = (38.0, 56.0)  # a cabin trolley: width, height without the handle
SUITCASE_GAP_CM = 14.0
_SHELLS: tuple[RGB, ...] = ((44, 62, 104), (128, 34, 44), (62, 62, 70), (34, 96, 96))


def extents(fig: Figure) -> tuple[float, float]:
    """How far (cm) the person with props reaches to the left and to the right of their centre."""
    left = right = fig.half_width
    if "paraplu" in fig.app.accessories:
        half = max(fig.shoulder_half * 1.9, 48.0)
        left, right = max(left, half), max(right, half)
    if "hond" in fig.app.accessories:
        left = max(left, fig.half_width + DOG_CM)
    if "fiets" in fig.app.accessories:
        right = max(right, _bike_front(fig) + BIKE_CM)
    if "koffer" in fig.app.accessories:
        right = max(right, fig.hip_half + SUITCASE_GAP_CM + SUITCASE_CM[0])
    return left, right


def behind(pen: Pen, fig: Figure) -> None:
    """Props drawn before the body."""
    acc = fig.app.accessories
    if "fiets" in acc:
        # Parked at the person's side: the front wheel just behind their right leg.
        draw_bicycle(pen, _bike_front(fig) + 63.0, facing=-1, colour=_bike_colour(fig), lamp_lit=True)
    if "capuchon_af" in acc and str(fig.app.headwear) != "capuchon":
        # A hood down: folded behind the neck, showing over the shoulders.
        h, sy = fig.height, fig.shoulder_y
        pen.ellipse(pal.shade(hair_garment(fig), 0.85), 0.0, sy + h * 0.012, fig.neck_w * 1.5, h * 0.03)
    if "paraplu" in acc:
        _umbrella(pen, fig)
    if "koffer" in acc:
        _suitcase(pen, fig)
    if "rugzak" in acc:
        h, sy = fig.height, fig.shoulder_y
        c = _pack_colour(fig)
        pen.smooth(
            c,
            [
                (-fig.shoulder_half * 0.62, sy - h * 0.02),
                (-fig.shoulder_half * 0.55, sy + h * 0.035),
                (fig.shoulder_half * 0.55, sy + h * 0.035),
                (fig.shoulder_half * 0.62, sy - h * 0.02),
            ],
            steps=3,
        )


def front(pen: Pen, fig: Figure) -> None:
    """Props drawn after the body: straps, the bag, the phone, the dog and its lead."""
    acc = fig.app.accessories
    h, sy = fig.height, fig.shoulder_y
    if "rugzak" in acc and fig.facing == "back":
        c = _pack_colour(fig)
        pen.rect(c, -fig.chest_half * 0.72, sy - h * 0.24, fig.chest_half * 1.44, h * 0.23, radius=h * 0.03)
        pen.rect(
            pal.shade(c, 0.8),
            -fig.chest_half * 0.55,
            sy - h * 0.2,
            fig.chest_half * 1.1,
            h * 0.07,
            radius=h * 0.015,
        )
    elif "rugzak" in acc:
        c = pal.shade(_pack_colour(fig), 0.8)
        for s in (-1.0, 1.0):
            top = (s * fig.shoulder_half * 0.5, sy + h * 0.006)
            bottom = (s * fig.chest_half * 0.78, sy - h * 0.17)
            pen.polyline(c, [top, (s * fig.chest_half * 0.62, sy - h * 0.07), bottom], h * 0.018, smooth=True)
    if "rugzak_voor" in acc:
        # Worn on the front, over the chest and belly: straps go back over the shoulders.
        c = _pack_colour(fig)
        ptop = sy - h * 0.05
        for side in (-1.0, 1.0):
            pen.line(
                pal.shade(c, 0.8),
                (side * fig.shoulder_half * 0.5, sy + h * 0.006),
                (side * fig.chest_half * 0.6, ptop),
                h * 0.016,
            )
        pen.rect(
            c, -fig.chest_half * 0.78, ptop - h * 0.24, fig.chest_half * 1.56, h * 0.245, radius=h * 0.03
        )
        pen.rect(
            pal.shade(c, 0.82),
            -fig.chest_half * 0.6,
            ptop - h * 0.2,
            fig.chest_half * 1.2,
            h * 0.08,
            radius=h * 0.015,
        )
        pen.line(
            pal.shade(c, 0.65),
            (-fig.chest_half * 0.6, ptop - h * 0.12),
            (fig.chest_half * 0.6, ptop - h * 0.12),
            h * 0.004,
        )
    if "tas_onder_arm" in acc:
        # A bag clamped under the (viewer's left) arm, against the ribs.
        arm = fig.arms[0]
        bx, by = (arm.shoulder[0] + arm.elbow[0]) / 2, (arm.shoulder[1] + arm.elbow[1]) / 2
        pen.rect((70, 56, 44), bx - h * 0.03, by - h * 0.05, h * 0.06, h * 0.1, radius=h * 0.01)
        pen.limb(pal.shade(_sleeve_colour(fig), 0.95), arm.shoulder, arm.elbow, fig.arm_w, fig.arm_w * 0.9)
    if "tas" in acc:
        leather = (122, 78, 50) if fig.app.clothing_color not in ("bruin", "rood") else (46, 44, 48)
        bx = fig.hip_half + h * 0.015
        by = fig.hip_y + h * 0.02
        pen.line(
            pal.shade(leather, 0.8),
            (-fig.shoulder_half * 0.55, sy + h * 0.004),
            (bx - h * 0.015, by + h * 0.06),
            h * 0.008,
        )
        pen.rect(leather, bx - h * 0.05, by - h * 0.02, h * 0.085, h * 0.075, radius=h * 0.012)
        pen.rect(pal.shade(leather, 0.8), bx - h * 0.05, by + h * 0.03, h * 0.085, h * 0.012)
    if fig.phone_arm is not None:
        arm = fig.arms[fig.phone_arm]
        x, y = arm.hand
        screen = fig.mood == "onverschillig"
        pen.rect((30, 32, 38), x - h * 0.014, y - h * 0.012, h * 0.028, h * 0.05, radius=h * 0.004)
        if screen:
            pen.rect((150, 190, 230), x - h * 0.011, y - h * 0.008, h * 0.022, h * 0.042, radius=h * 0.003)
        hand(pen, fig, arm)
    if "hond" in acc:
        _dog(pen, fig)


def _sleeve_colour(fig: Figure) -> RGB:
    return hair_garment(fig)


def _umbrella(pen: Pen, fig: Figure) -> None:
    """An open umbrella held over the head, the shaft from the near hand."""
    h = fig.height
    top = h + h * 0.09
    half = max(fig.shoulder_half * 1.9, 48.0)
    colours = ((40, 44, 60), (150, 40, 46), (30, 80, 120), (60, 60, 64), (200, 170, 40))
    c = colours[(fig.app.age + fig.app.height) % len(colours)]
    pen.line((70, 70, 74), (fig.shoulder_half * 0.6, fig.shoulder_y - h * 0.08), (0.0, top), h * 0.006)
    pen.smooth(
        c,
        [
            (-half, top - h * 0.05),
            (-half * 0.6, top + h * 0.035),
            (0.0, top + h * 0.06),
            (half * 0.6, top + h * 0.035),
            (half, top - h * 0.05),
        ],
        steps=4,
    )


def _bike_front(fig: Figure) -> float:
    return fig.hip_half * 0.6 + 10.0


def _bike_colour(fig: Figure) -> RGB:
    return {"zwart": (50, 90, 130), "blauw": (40, 42, 48)}.get(fig.app.clothing_color, (40, 42, 48))


def _pack_colour(fig: Figure) -> RGB:
    """Black, as most backpacks are (and as the bundled texts say); a shade lighter on a black coat, so it
    still shows."""
    return (40, 40, 45) if fig.app.clothing_color != "zwart" else (66, 66, 74)


def _dog(pen: Pen, fig: Figure) -> None:
    """A medium dog standing beside the person, facing left, on a slack lead."""
    coat, dark = _DOGS[(fig.app.age + fig.app.skin_tone + fig.app.height) % len(_DOGS)]
    x0 = -fig.half_width - 10.0  # the dog's rump
    for lx, col in ((8.0, dark), (44.0, dark), (14.0, coat), (50.0, coat)):
        pen.limb(col, (x0 - lx, 34.0), (x0 - lx - 1.0, 2.5), 6.5, 5.0)
        pen.ellipse(pal.shade(col, 0.8), x0 - lx - 2.0, 2.5, 4.0, 2.5)
    pen.polyline(coat, [(x0 - 2.0, 44.0), (x0 + 6.0, 50.0), (x0 + 9.0, 58.0)], 3.6, smooth=True)
    pen.ellipse(coat, x0 - 27.0, 40.0, 27.0, 11.5)
    pen.circle(coat, x0 - 46.0, 41.0, 11.5)
    pen.limb(coat, (x0 - 48.0, 46.0), (x0 - 56.0, 58.0), 13.0, 10.5)
    pen.ellipse(coat, x0 - 59.0, 62.0, 9.5, 8.5)
    pen.ellipse(coat, x0 - 68.0, 58.5, 8.0, 5.0)
    pen.circle((28, 24, 24), x0 - 75.0, 59.5, 2.2)
    pen.circle((28, 24, 24), x0 - 63.0, 64.5, 1.4)
    pen.ellipse(dark, x0 - 54.5, 58.0, 3.8, 7.5)
    pen.line((170, 56, 50), (x0 - 50.0, 51.0), (x0 - 56.5, 48.5), 2.6)
    hx, hy = fig.arms[0].hand
    sag = min(hy, 50.0) - 10.0
    pen.polyline((60, 40, 36), [(x0 - 53.0, 50.0), ((hx + x0 - 53.0) / 2, sag), (hx, hy)], 1.2, smooth=True)


def _suitcase(pen: Pen, fig: Figure) -> None:
    """A rolling suitcase at the viewer's right, its handle up to the right hand: heard as well as seen."""
    w, h = SUITCASE_CM
    x0 = fig.hip_half + SUITCASE_GAP_CM
    shell = _SHELLS[(fig.app.age + fig.app.height) % len(_SHELLS)]
    wheel = 3.2
    hx, hy = fig.arms[1].hand
    pen.line((70, 72, 78), (x0 + w * 0.3, h), (hx, hy), 2.2)  # the telescopic handle
    pen.rect(shell, x0, wheel * 2, w, h, radius=5.0)
    for rib in (0.3, 0.55, 0.8):
        pen.line(
            pal.shade(shell, 0.82), (x0 + w * rib, wheel * 2 + 4), (x0 + w * rib, wheel * 2 + h - 4), 1.4
        )
    for wx in (x0 + 5.0, x0 + w - 5.0):
        pen.ellipse((26, 26, 30), wx, wheel, wheel, wheel)
