"""The living selection street: a 360° panorama with props, the candidates doing what their beats say and a
crowd from the session's seed, drawn for second t.

The still part (backdrop and props) is drawn once; people are cached sprites placed every frame from the
engine's pure timeline, so the same second always gives the same picture. Weather and light come from
layers other modules register (`trainer.ui.layers`): GROUND under the people, AIR over them.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import pygame

from trainer.engine.crowd import CrowdPlan, Walker, crowd_at, crowd_plan
from trainer.engine.timeline import Placed, Pose, candidates_at
from trainer.model.atmosphere import atmosphere_of
from trainer.model.scenario import Appearance, Candidate, CastMember, Scenario, SelectionNode
from trainer.ui import art
from trainer.ui import layers as ly
from trainer.ui.art import furniture
from trainer.ui.art.backdrop import INDOORS
from trainer.ui.art.cycles import PEDAL_FRAMES
from trainer.ui.art.palette import light
from trainer.ui.art.poses import WALK_FRAMES, person_sprite, rider_sprite
from trainer.ui.art.scene import Scene
from trainer.ui.art.train import seat_positions
from trainer.ui.scenery import weather_layer

PANORAMA_WIDTH = 3.0  # the street is three windows round: 120° a window
PERSON_HEIGHT = 0.56  # of the window height, for someone at the kerb (a 215 cm sprite)
VEHICLE_HEIGHT = 0.32
SEAM = 0.25  # share of a window cross-faded where the street closes on itself
DEPTH_RISE = 0.2  # a figure at depth 1 stands this share of the window higher ...
DEPTH_SHRINK = 0.5  # ... and this much smaller
GROUP_STEP_CM = 46.0
SUITCASES = {"stationsplein": 0.3, "plein": 0.05, "winkelstraat": 0.05}  # walkers pulling a suitcase
# Buildings-sized props stand back from the kerb, so they frame the people instead of walling them in.
PROP_DEPTH = {"snackbar": 0.45, "winkelpui": 0.45, "bushokje": 0.3, "trap": 0.3, "fietsenrek": 0.35}


# Falling rain, drizzle and fog move over the people, under the screen's panels.
ly.register(ly.AIR, weather_layer)


@dataclass(frozen=True, slots=True)
class Drawn:
    """One figure as drawn: its image, where on screen, and whose it is (a candidate id or None)."""

    key: str
    image: pygame.Surface
    rect: pygame.Rect
    depth: float
    candidate: str | None
    alpha: float


def is_wet(scenario: Scenario, node_id: str) -> bool:
    """Rain or drizzle in this scene: the crowd carries umbrellas."""
    return atmosphere_of(scenario, node_id).wet


def _seamless(
    backdrop: str, palette: str, weather: str, width: int, height: int, seam: int
) -> pygame.Surface:
    """A backdrop whose right edge runs on into its left edge: drawn `seam` wider, that overhang faded over
    the start. `palette` and `weather` are the node's light and weather."""
    wide = art.render_backdrop(backdrop, palette, (width + seam, height), 0, weather)
    out = wide.subsurface(pygame.Rect(0, 0, width, height)).copy()
    strip = pygame.Surface((seam, height), pygame.SRCALPHA)
    strip.blit(wide, (0, 0), pygame.Rect(width, 0, seam, height))
    ramp = pygame.Surface((seam, 1), pygame.SRCALPHA)
    for x in range(seam):
        ramp.set_at((x, 0), (255, 255, 255, round(255 * (1 - x / seam))))
    strip.blit(pygame.transform.scale(ramp, (seam, height)), (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    out.blit(strip, (0, 0))
    return out


class Street:
    """One selection street for one session (its seed decides the crowd)."""

    def __init__(self, scenario: Scenario, node_id: str, size: tuple[int, int], seed: int) -> None:
        node = scenario.nodes[node_id]
        assert isinstance(node, SelectionNode)
        self.scenario, self.node, self.node_id, self.size = scenario, node, node_id, size
        self.seed = seed
        w, h = size
        self.width = int(w * PANORAMA_WIDTH)
        self.ground = int(h * art.GROUND_Y_FRACTION)
        self.person_px = int(h * PERSON_HEIGHT)
        self.backdrop = node.backdrop or scenario.setting.backdrop
        hour = scenario.setting.time_of_day.value
        self.hour = hour
        atm = atmosphere_of(scenario, node_id)
        self.surface = _seamless(
            self.backdrop, atm.palette, atm.weather.value, self.width, h, max(8, int(w * SEAM))
        )
        if pygame.display.get_init() and pygame.display.get_surface() is not None:
            self.surface = self.surface.convert()
        self._props()
        self.cast = {c.id: c for c in scenario.cast}
        # The last second asked for: layout, drawing and input all ask within one frame.
        self._figures_memo: tuple[tuple[float, int, str | None], list[Drawn]] | None = None
        self._rects_memo: tuple[tuple[float, int], dict[str, pygame.Rect]] | None = None
        self._crowd_memo: tuple[float, tuple[Placed, ...]] | None = None
        self._sprites: dict[tuple[str, int, int, Pose, int], pygame.Surface] = {}
        seats = seat_positions(self.width, h) if self.backdrop == "trein" else ()
        self.wet = is_wet(scenario, node_id) and self.backdrop not in INDOORS  # no umbrellas up inside
        self.plan: CrowdPlan = crowd_plan(
            node,
            seed=seed,
            hour=hour,
            time_limit=node.time_limit,
            wet=self.wet,
            seats=seats,
            suitcases=SUITCASES.get(self.backdrop, 0.0),
        )
        self.looks: dict[str, Appearance] = {wk.key: _look(wk) for wk in self.plan.walkers}
        self.walkers: dict[str, Walker] = {wk.key: wk for wk in self.plan.walkers}

    def _props(self) -> None:
        for prop in sorted(self.node.props, key=lambda p: PROP_DEPTH.get(p.kind.value, 0.0), reverse=True):
            depth = PROP_DEPTH.get(prop.kind.value, 0.0)
            scale, ground = self._scale(depth)
            scene = Scene(
                self.surface,
                light(self.hour),
                random.Random(f"props:{self.node_id}:{prop.id}"),
                random.Random("props:lit"),
                art.px_per_cm(self.person_px) * 100 * scale,
            )
            x = prop.position * self.width
            for copy in (x - self.width, x, x + self.width):  # a prop near the seam shows on both sides
                if -self.size[0] < copy < self.width + self.size[0]:
                    furniture.draw_prop(
                        scene, prop.kind.value, copy, ground - 4, int(self.size[1] * VEHICLE_HEIGHT * scale)
                    )

    # --- placing figures ---

    def screen_x(self, x: float, offset: int) -> int:
        """Screen x of street share x when the window's left edge is at `offset`, the shorter way round."""
        px = x * self.width - offset
        half = self.size[0] / 2
        return int((px - half + self.width / 2) % self.width - self.width / 2 + half)

    def _scale(self, depth: float) -> tuple[float, int]:
        return 1.0 - DEPTH_SHRINK * depth, int(self.ground - DEPTH_RISE * depth * self.size[1])

    def _person(self, who: str, app: Appearance, mood: str, p: Placed, scale: float) -> pygame.Surface:
        height = max(24, int(round(self.person_px * scale / 8)) * 8)  # steps of 8 px: fewer sprites
        frames = {Pose.LOPEN: WALK_FRAMES, Pose.FIETSEN: PEDAL_FRAMES}.get(p.pose, 1)
        frame = int(p.phase * frames) % frames
        key = (who, height, p.facing, p.pose, frame)
        hit = self._sprites.get(key)
        if hit is not None:  # this street's own index: no appearance key to build per figure per frame
            return hit
        if p.pose == Pose.FIETSEN:  # six crank positions each: heights in coarser steps, fewer sprites
            ride = _stepped(self.size[1] * VEHICLE_HEIGHT * scale)
            image = rider_sprite(app, ride, p.facing or 1, frame=frame)
        else:
            image = person_sprite(app, mood, height, facing=p.facing, pose=p.pose.value, frame=frame)
        if len(self._sprites) > 1500:
            self._sprites.clear()
        self._sprites[key] = image
        return image

    def _candidate(self, cand: Candidate, p: Placed, offset: int) -> list[Drawn]:
        scale, ground = self._scale(p.depth)
        cx = self.screen_x(p.x, offset)
        members = [self.cast[c] for c in cand.cast if c in self.cast]
        if cand.vehicle is not None:
            image = self._vehicle(cand, members, p, scale)
            return [Drawn(cand.id, image, image.get_rect(midbottom=(cx, ground)), p.depth, cand.id, p.alpha)]
        step = GROUP_STEP_CM * art.px_per_cm(self.person_px) * scale
        out = []
        for i, member in enumerate(members):
            dx = (i - (len(members) - 1) / 2) * step
            image = self._person(member.id, member.appearance, member.demeanour.value, p, scale)
            rect = image.get_rect(midbottom=(int(cx + dx), ground + (i % 2) * 3 + _breath(p, i)))
            out.append(Drawn(cand.id, image, rect, p.depth + i * 0.001, cand.id, p.alpha))
        return out

    def _vehicle(self, cand: Candidate, members: list[CastMember], p: Placed, scale: float) -> pygame.Surface:
        assert cand.vehicle is not None
        exact = self.size[1] * VEHICLE_HEIGHT * scale
        height = _stepped(exact) if str(cand.vehicle.kind) == "fiets" else int(exact)  # a bike pedals
        pedal = int(p.phase * PEDAL_FRAMES) if p.pose == Pose.FIETSEN and members else 0  # riding: pedalling
        image = art.render_vehicle(cand.vehicle, [m.appearance for m in members], height, pedal)
        return pygame.transform.flip(image, True, False) if p.facing < 0 else image

    def crowd(self, t: float) -> tuple[Placed, ...]:
        """The passers-by at second t (drawn and heard in the same frame: worked out once)."""
        if self._crowd_memo is None or self._crowd_memo[0] != t:
            self._crowd_memo = (t, crowd_at(self.plan, t))
        return self._crowd_memo[1]

    def figures(self, t: float, offset: int, focused: str | None = None) -> list[Drawn]:
        """Everyone at second t, in the order to draw: far to near; a passer-by never covers `focused`."""
        key = (t, offset, focused)
        if self._figures_memo is not None and self._figures_memo[0] == key:
            return self._figures_memo[1]
        drawn = self._figures(t, offset, focused)
        self._figures_memo = (key, drawn)
        return drawn

    def _figures(self, t: float, offset: int, focused: str | None) -> list[Drawn]:
        candidates = {c.id: c for c in self.node.candidates}
        people: list[Drawn] = []
        for p in candidates_at(self.node, t):
            people += self._candidate(candidates[p.candidate or p.key], p, offset)
        focus_rects = [d.rect for d in people if d.candidate == focused and focused is not None]
        crowd: list[Drawn] = []
        w = self.size[0]
        for p in self.crowd(t):
            scale, ground = self._scale(p.depth)
            cx = self.screen_x(p.x, offset)
            if cx < -w * 0.25 or cx > w * 1.25:
                continue  # off screen: no sprite needed
            image = self._person(p.key, self.looks[p.key], "kalm", p, scale)
            rect = image.get_rect(midbottom=(cx, ground + _breath(p, 0)))
            depth = p.depth
            if depth < 0 and any(rect.colliderect(r) for r in focus_rects):
                depth = 0.5  # walks behind the person the trainee is looking at, not in front of them
            crowd.append(Drawn(p.key, image, rect, depth, None, p.alpha))
        return sorted(crowd + people, key=lambda d: (-d.depth, d.candidate is not None))

    def candidate_rects(self, t: float, offset: int) -> dict[str, pygame.Rect]:
        """Where each candidate still in the street is on screen at second t (their drawn pixels)."""
        if self._rects_memo is not None and self._rects_memo[0] == (t, offset):
            return {k: r.copy() for k, r in self._rects_memo[1].items()}
        out = self._candidate_rects(t, offset)
        self._rects_memo = ((t, offset), out)
        return {k: r.copy() for k, r in out.items()}

    def _candidate_rects(self, t: float, offset: int) -> dict[str, pygame.Rect]:
        out: dict[str, pygame.Rect] = {}
        candidates = {c.id: c for c in self.node.candidates}
        for p in candidates_at(self.node, t):
            for d in self._candidate(candidates[p.candidate or p.key], p, offset):
                r = _drawn_part(d.image).move(d.rect.topleft)
                out[d.key] = out[d.key].union(r) if d.key in out else r
        return out

    def draw(self, surface: pygame.Surface, t: float, offset: int, focused: str | None = None) -> list[Drawn]:
        """Backdrop, ground layers, people, air layers. Returns what was drawn (tests check the order)."""
        w, h = self.size
        left = offset % self.width
        surface.blit(self.surface, (0, 0), pygame.Rect(left, 0, w, h))
        if left + w > self.width:
            surface.blit(self.surface, (self.width - left, 0), pygame.Rect(0, 0, left + w - self.width, h))
        ctx = ly.LayerContext(
            self.scenario, self.node_id, t, self.size, left, self.width, self.ground, self.seed
        )
        ly.run(ly.GROUND, surface, ctx)
        drawn = self.figures(t, offset, focused)
        for d in drawn:
            if d.rect.right < 0 or d.rect.left > w or d.alpha <= 0.02:
                continue
            if d.alpha < 0.98:
                faded = d.image.copy()
                faded.fill((255, 255, 255, int(255 * d.alpha)), special_flags=pygame.BLEND_RGBA_MULT)
                surface.blit(faded, d.rect)
            else:
                surface.blit(d.image, d.rect)
        ly.run(ly.AIR, surface, ctx)
        return drawn


IDLE = (Pose.STAAN, Pose.BELLEN, Pose.LEUNEN)
VEHICLE_STEP = 16  # px: a rider is drawn in six crank positions, so heights come in coarser steps


def _stepped(height: float) -> int:
    return max(VEHICLE_STEP * 2, int(round(height / VEHICLE_STEP)) * VEHICLE_STEP)


def _look(walker: Walker) -> Appearance:
    """A passer-by as drawn: their umbrella or suitcase among their things."""
    extra = [name for name, has in (("paraplu", walker.umbrella), ("koffer", walker.suitcase)) if has]
    if not extra:
        return walker.appearance
    return walker.appearance.model_copy(update={"accessories": [*walker.appearance.accessories, *extra]})


def _breath(p: Placed, i: int) -> int:
    """The idle cycle: whoever stands still rises and falls a pixel or so, out of step with the others, so
    a waiting street is not a photograph."""
    if p.pose not in IDLE:
        return 0
    return round(math.sin(2 * math.pi * (p.phase + i * 0.31)) * 1.4)


_BOUNDS: dict[int, tuple[pygame.Surface, pygame.Rect]] = {}


def _drawn_part(image: pygame.Surface) -> pygame.Rect:
    """The sprite's drawn pixels (what focus rings and clicks use); sprites are cached, so this is too."""
    hit = _BOUNDS.get(id(image))
    if hit is None or hit[0] is not image:
        if len(_BOUNDS) > 2000:
            _BOUNDS.clear()
        hit = (image, image.get_bounding_rect())
        _BOUNDS[id(image)] = hit
    return hit[1].copy()


_STREETS: dict[tuple[int, str, tuple[int, int], int], tuple[Scenario, Street]] = {}


def street(scenario: Scenario, node_id: str, size: tuple[int, int], seed: int = 0) -> Street:
    """The street of this scenario's node at this window size and seed, built once."""
    key = (id(scenario), node_id, size, seed)
    hit = _STREETS.get(key)
    if hit is not None and hit[0] is scenario:
        return hit[1]
    if len(_STREETS) >= 2:
        _STREETS.clear()
    built = Street(scenario, node_id, size, seed)
    _STREETS[key] = (scenario, built)
    return built
