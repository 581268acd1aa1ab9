"""Face coverings, drawn in head coordinates (see HeadFrame): the niqab and a snood pulled up over nose and
mouth.

A niqab is drawn as the headscarf is (the same drape and framing band, so the two read as one family), with a
face veil from the bridge of the nose down past the chin. Only a narrow band round the eyes shows skin;
the eyes and brows are drawn on it afterwards and carry the demeanour on their own. A snood (`col_omhoog`)
is a knitted tube from the shoulders up over the chin, mouth and nose, under a hood or cap.
"""

from __future__ import annotations

from trainer.ui.art import palette as pal
from trainer.ui.art.figure import Figure, HeadFrame
from trainer.ui.art.palette import RGB
from trainer.ui.art.pen import Pen

# The eye band in head units (v up): the forehead edge of the scarf just above the brows, the top of the veil
# just below the eyes, over the bridge of the nose. Tests sample the face above and below these.
BAND_TOP = 0.4
BAND_BOTTOM = -0.2
# The snood's upper edge: over the bridge of the nose, below the eyes.
COL_TOP = -0.2

_NIQAB_BLACK: RGB = (44, 42, 52)

SCARF_OUTLINE = [  # the scarf's outline round the face: the headscarf's too (hair.py), so the two match
    (-1.1, -0.3),
    (-1.14, 0.35),
    (-0.86, 0.96),
    (0.0, 1.2),
    (0.86, 0.96),
    (1.14, 0.35),
    (1.1, -0.3),
    (0.9, -1.0),
    (0.0, -1.22),
    (-0.9, -1.0),
]


def niqab_rgb(fig: Figure) -> RGB:
    """Dark fabric: black next to black, grey or white clothing, else a deep shade of the headscarf colour."""
    name = fig.app.clothing_color
    if name in ("zwart", "grijs", "wit") or str(fig.app.clothing) == "uniform":
        return _NIQAB_BLACK
    return pal.mix(pal.SCARF.get(name, (70, 64, 78)), _NIQAB_BLACK, 0.62)


def col_rgb(fig: Figure) -> RGB:
    """The snood in the clothing colour, a shade deeper so it reads apart from the jacket."""
    base = pal.POLICE_NAVY if str(fig.app.clothing) == "uniform" else pal.colour(fig.app.clothing_color)
    return pal.shade(base, 0.88) if sum(base) > 200 else pal.lighten(base, 0.06)


def has_col(fig: Figure) -> bool:
    return "col_omhoog" in fig.app.accessories and str(fig.app.headwear) != "niqab"


def niqab_front(pen: Pen, fig: Figure, f: HeadFrame) -> None:
    """The covering over the whole head with the eye band open; the eyes are drawn on it afterwards."""
    c = niqab_rgb(fig)
    edge = pal.lighten(c, 0.1)
    pen.smooth(c, f.shape(SCARF_OUTLINE))
    # The skin of the eye band, turned with the face like the eyes on it.
    t, b = BAND_TOP, BAND_BOTTOM
    band = [(-0.6, t - 0.01), (0.0, t), (0.6, t - 0.01), (0.8, t - 0.12), (0.84, 0.06), (0.76, -0.1)]
    band += [(0.56, b + 0.02), (0.0, b), (-0.56, b + 0.02), (-0.76, -0.1), (-0.84, 0.06), (-0.8, t - 0.12)]
    skin = pal.skin(fig.app.skin_tone)
    pen.smooth(skin, [f.feat(u, v) for u, v in band])
    shadow = pal.mix(skin, pal.skin_shadow(fig.app.skin_tone), 0.6)
    pen.polyline(
        shadow,
        [f.feat(u, BAND_TOP - 0.03 - 0.02 * (1 - u * u)) for u in (-0.76, -0.4, 0.0, 0.4, 0.76)],
        f.b * 0.05,
        smooth=True,
    )
    # The veil's upper hem, a fold down its middle and the band framing the face: cloth, not a mask.
    pen.polyline(
        edge,
        [f.feat(u, BAND_BOTTOM - 0.005 * (1 - u * u)) for u in (-0.86, -0.4, 0.0, 0.4, 0.86)],
        f.b * 0.05,
    )
    fold = pal.shade(c, 0.8) if sum(c) > 150 else pal.lighten(c, 0.06)
    for s in (-1.0, 1.0):
        pen.polyline(
            fold, [f.feat(s * 0.3, -0.5), f.feat(s * 0.36, -0.86), f.feat(s * 0.3, -1.1)], f.b * 0.04
        )
    pen.polyline(edge, f.shape([(-1.02, -0.2), (-1.04, 0.36), (-0.78, 0.86), (0.0, 1.06)]), f.b * 0.05, True)
    pen.polyline(edge, f.shape([(1.02, -0.2), (1.04, 0.36), (0.78, 0.86), (0.0, 1.06)]), f.b * 0.05, True)


def col_front(pen: Pen, fig: Figure, f: HeadFrame) -> None:
    """The snood from the front: over nose, mouth and chin, down the neck to the collar."""
    c = col_rgb(fig)
    rib = pal.shade(c, 0.8) if sum(c) > 150 else pal.lighten(c, 0.08)
    top = [
        (-1.0, COL_TOP - 0.1),
        (-0.5, COL_TOP - 0.01),
        (0.0, COL_TOP),
        (0.5, COL_TOP - 0.01),
        (1.0, COL_TOP - 0.1),
    ]
    neck = (fig.shoulder_y - f.cy) / f.b  # the collar, in head units
    body = [(1.04, -0.5), (0.9, -1.0), (0.74, -1.3), (0.82, neck - 0.1), (-0.82, neck - 0.1)]
    body += [(-0.74, -1.3), (-0.9, -1.0), (-1.04, -0.5)]
    pen.smooth(c, [f.feat(u, v) for u, v in top] + f.shape(body), steps=3)
    # Knit ribs round the tube and a soft crease under the chin.
    for v in (-0.5, -0.85, -1.2):
        pen.polyline(
            rib, [f.feat(u * 0.9, v - 0.04 * (1 - u * u)) for u in (-1.0, -0.5, 0.0, 0.5, 1.0)], f.b * 0.03
        )
    pen.polyline(pal.lighten(c, 0.12), [f.feat(u, COL_TOP - 0.02) for u in (-0.8, 0.0, 0.8)], f.b * 0.04)


def col_back(pen: Pen, fig: Figure, f: HeadFrame) -> None:
    """The snood from behind: a band round the neck below the hair."""
    c = col_rgb(fig)
    neck = (fig.shoulder_y - f.cy) / f.b
    pen.smooth(c, f.shape([(-1.0, -0.45), (1.0, -0.45), (0.8, neck - 0.1), (-0.8, neck - 0.1)]), steps=3)
