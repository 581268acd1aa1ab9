"""Whole people: a standing figure, a head-and-shoulders portrait, and a group standing together."""

from __future__ import annotations

import math

import pygame

from trainer.model.scenario import Appearance
from trainer.ui.art import body, hair, head, props
from trainer.ui.art.figure import Figure, build_figure, head_frame
from trainer.ui.art.pen import Pen, downsample, px_per_cm


def supersample(height_px: int) -> int:
    """Small figures need more supersampling for clean faces; big ones are already smooth."""
    return 3 if height_px < 260 else 2


def draw_person(pen: Pen, fig: Figure) -> None:
    """The painter's order: props behind, hair behind, legs, torso, head, arms, props in front."""
    f = head_frame(fig)
    pen.ellipse((0, 0, 0, 56), fig.shift * 0.6, 0.0, fig.hip_half * 1.6, fig.height * 0.014)
    props.behind(pen, fig)
    hair.hair_back(pen, fig, f)
    body.legs(pen, fig)
    body.torso(pen, fig)
    head.draw_head(pen, fig, f)
    body.arms(pen, fig)
    props.front(pen, fig)


def person_surface(app: Appearance, mood: str, height_px: int, facing: str) -> pygame.Surface:
    """A figure on a transparent surface height_px tall; the feet are centred on the bottom edge."""
    fig = build_figure(app, mood, facing)
    scale = px_per_cm(height_px)
    left, right = (e + 2.0 for e in props.extents(fig))
    width = max(2, 2 * math.ceil(max(left, right) * scale))
    # Supersample only the drawn span; a dog or a bike makes the centred surface wide on one side only.
    x0 = max(0, math.floor(width / 2 - left * scale))
    content = min(width - x0, math.ceil(width / 2 + right * scale) - x0)
    ss = supersample(height_px)
    big = pygame.Surface((content * ss, height_px * ss), pygame.SRCALPHA)
    draw_person(Pen(big, scale * ss, ((width / 2 - x0) * ss, height_px * ss)), fig)
    if content == width:
        return downsample(big, (width, height_px))
    out = pygame.Surface((width, height_px), pygame.SRCALPHA)
    out.blit(downsample(big, (content, height_px)), (x0, 0))
    return out


def portrait_surface(app: Appearance, mood: str, size: int) -> pygame.Surface:
    """Head and shoulders, the head a little above centre; the figure is cropped at the chest."""
    fig = build_figure(app, mood, "front")
    ss = 2
    side = size * ss
    big = pygame.Surface((side, side), pygame.SRCALPHA)
    draw_person(_portrait_pen(big, fig, side), fig)
    return downsample(big, (size, size))


def _portrait_pen(surface: pygame.Surface, fig: Figure, side: int) -> Pen:
    span = fig.hh * 2.3  # centimetres visible across the square
    scale = side / span
    hx, hy = fig.head
    top = hy + fig.hh * 0.5 + fig.hh * 0.36  # room above the crown for hair and headwear
    return Pen(surface, scale, (side / 2 - hx * scale, top * scale))


def portrait_face_point(app: Appearance, mood: str, size: int, u: float, v: float) -> tuple[float, float]:
    """Where a point of the face in head units (u across, v up, as HeadFrame.feat) lands in a portrait of
    `size` pixels: for checks that sample the face (is a covered mouth really covered?)."""
    fig = build_figure(app, mood, "front")
    pen = _portrait_pen(pygame.Surface((1, 1)), fig, size)
    return pen.p(*head_frame(fig).feat(u, v))


def group_surface(members: list[tuple[Appearance, str]], height_px: int) -> pygame.Surface:
    """People side by side, each overlapping the next a little; the first listed stands in front."""
    if not members:
        return pygame.Surface((1, height_px), pygame.SRCALPHA)
    figures = [person_surface(app, mood, height_px, "front") for app, mood in members]
    last = len(members) - 1
    for i, (app, _mood) in enumerate(members):
        # A dog walks on the outer side of the group, a bike stands on the outer side.
        if ("hond" in app.accessories and i == last and last > 0) or (
            "fiets" in app.accessories and i == 0 and last > 0
        ):
            figures[i] = pygame.transform.flip(figures[i], True, False)
    scale = px_per_cm(height_px)
    step = 44.0 * scale  # shoulder to shoulder, a little closer than their width
    centres: list[float] = []
    x = 0.0
    for i, app_mood in enumerate(members):
        fig = build_figure(app_mood[0], app_mood[1])
        if i:
            x += step * (0.5 + fig.shoulder_half / 40.0) + centres_gap(i) * scale
        centres.append(x)
    lefts = [c - s.get_width() / 2 for c, s in zip(centres, figures, strict=True)]
    rights = [c + s.get_width() / 2 for c, s in zip(centres, figures, strict=True)]
    x0, x1 = min(lefts), max(rights)
    out = pygame.Surface((max(1, math.ceil(x1 - x0)), height_px), pygame.SRCALPHA)
    for i in reversed(range(len(figures))):
        out.blit(figures[i], (round(lefts[i] - x0), 0))
    return out


def centres_gap(i: int) -> float:
    """A slightly irregular spacing (cm) so a group does not look like a line-up."""
    return (4.0, -3.0, 6.0, 0.0)[i % 4]
