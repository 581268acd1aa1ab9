"""The street: a first-person panorama wider than the window. Look around, inspect people, address one or
nobody."""

from __future__ import annotations

import pygame

from trainer.model import beats
from trainer.model.graph import NOBODY
from trainer.model.scenario import Candidate, SelectionNode
from trainer.ui import crowd_sound
from trainer.ui import street as st
from trainer.ui import theme as th
from trainer.ui.crowd_sound import Heard
from trainer.ui.frame import Choose, Command, Frame, Layout
from trainer.ui.input import Action, Input
from trainer.ui.screens.info import draw_info
from trainer.ui.strings import t
from trainer.ui.text import draw_block, draw_text
from trainer.ui.widgets import button, clipped, countdown, fit, fit_all, panel

PAN_STEP = 0.12 / 1.5  # a share of the whole round street (a window is a third of it)
PANORAMA_TURN = 1.5  # mouse-edge panning: the old speed over the old two-window span, now a full round
EDGE = 0.06  # share of the window width where the mouse pans


def _node(frame: Frame) -> SelectionNode:
    assert frame.view is not None and isinstance(frame.view.node, SelectionNode)
    return frame.view.node


def _candidates(frame: Frame) -> list[Candidate]:
    return sorted(_node(frame).candidates, key=lambda c: c.position)


def street_of(frame: Frame) -> st.Street:
    assert frame.scenario is not None and frame.view is not None
    return st.street(frame.scenario, frame.view.node_id or "", frame.size, frame.seed)


def seconds(frame: Frame) -> float:
    """Seconds into the selection: the session's own count (what the rules judge a departure by)."""
    return frame.street_t if frame.street_t is not None else frame.now


def offset(frame: Frame) -> int:
    """Left edge of the window in panorama pixels; the street wraps, so any pan is a place in it."""
    street = street_of(frame)
    return int(frame.ui.pan * street.width - frame.size[0] / 2) % street.width


def heard(frame: Frame) -> tuple[Heard, ...]:
    """The passers-by heard now, panned where this frame draws them."""
    street = street_of(frame)
    centre = (offset(frame) + frame.size[0] / 2) / street.width % 1.0
    t = seconds(frame)
    view = frame.size[0] / street.width
    return crowd_sound.heard(street.plan, t, centre, view, street.crowd(t), street.walkers)


def card_cues(cand: Candidate) -> list[str]:
    """Indexes into the cues shown on the card: all of them, unless the street shows the behaviour."""
    return [str(i) for i in beats.card_cues(cand)]


def present(frame: Frame) -> list[Candidate]:
    """The candidates still in the street, left to right as authored."""
    return [c for c in _candidates(frame) if c.id not in frame.departed]


def layout(frame: Frame) -> Layout:
    assert frame.scenario is not None and frame.view is not None
    w, h = frame.size
    px = frame.theme.px
    out = Layout()
    rects = street_of(frame).candidate_rects(seconds(frame), offset(frame))
    for cand in _candidates(frame):
        if cand.id in rects and cand.id not in frame.departed:
            out.rects[f"cand:{cand.id}"] = rects[cand.id]
    card = pygame.Rect(w - int(w * 0.34) - px(16), px(80), int(w * 0.34), h - px(170))
    out.rects["card"] = card
    if frame.ui.inspected and frame.ui.inspected not in frame.departed:
        cand = next(c for c in _candidates(frame) if c.id == frame.ui.inspected)
        out.rects["address"] = pygame.Rect(
            card.left + px(16), card.bottom - px(66), card.width - px(32), px(52)
        )
        out.button(out.rects["address"], Choose(cand.id), t(frame.lang, "address"))
        top, width = card.top + px(56), card.width - px(56)
        gap = px(12)
        texts = [cand.cues[int(i)].text.get(frame.lang) for i in card_cues(cand)]
        if cand.beats:
            texts.append(t(frame.lang, "seen_in_street"))
        blocks, font = fit_all(texts, frame.theme, 17, width, out.rects["address"].top - px(8) - top, gap)
        y = top
        for i, tb in enumerate(blocks):
            box = pygame.Rect(card.left + px(40), y, width, max(0, out.rects["address"].top - y - px(8)))
            tb = clipped(tb, font, box)  # only if even the smallest size is too big
            out.text(f"cue{i}", tb, box, font)
            y += tb.height + gap
    out.rects["nobody"] = pygame.Rect(px(16), h - px(72), int(w * 0.30), px(56))
    out.button(out.rects["nobody"], Choose(NOBODY), t(frame.lang, "nobody"))
    out.rects["help"] = pygame.Rect(int(w * 0.30) + px(32), h - px(64), w - int(w * 0.30) - px(48), px(44))
    out.rects["prompt"] = prompt = _prompt_rect(frame)
    if frame.timer_left is not None:  # centred, or right of the prompt when the prompt reaches the middle
        clock = pygame.Rect(0, 0, px(64), px(64))
        clock.center = (max(w // 2, prompt.right + px(16) + clock.width // 2), px(44))
        out.rects["countdown"] = clock
    if _node(frame).info:
        # What the officer knows stays on screen, under the prompt and above the people's heads.
        out.rects["info"] = pygame.Rect(px(16), prompt.bottom + px(8), int(w * 0.44), int(h * 0.27))
    return out


def draw(surface: pygame.Surface, frame: Frame) -> None:
    assert frame.scenario is not None and frame.view is not None
    theme, lang, px = frame.theme, frame.lang, frame.theme.px
    lay = layout(frame)
    focused = _focused(frame)
    street_of(frame).draw(
        surface, seconds(frame), offset(frame), focused.id if focused else frame.ui.inspected
    )
    for cand in _candidates(frame):
        rect = lay.rects.get(f"cand:{cand.id}")
        if rect is None or rect.right < 0 or rect.left > frame.size[0]:
            continue
        is_focus = focused is not None and focused.id == cand.id
        if is_focus:
            pygame.draw.rect(surface, th.FOCUS, rect.inflate(px(16), px(16)), width=px(4), border_radius=14)
        tag = cand.label.get(lang)
        tag_img_rect = pygame.Rect(
            0, 0, min(px(260), max(px(120), theme.small.size(tag)[0] + px(20))), px(30)
        )
        tag_img_rect.midbottom = (rect.centerx, rect.top - px(10))
        panel(surface, tag_img_rect, alpha=235 if is_focus else 180)
        tb, font = fit(tag, theme, 15, tag_img_rect.inflate(-px(12), -px(4)), min_size=10)
        draw_block(
            surface,
            tb,
            font,
            th.FOCUS if is_focus else th.TEXT,
            (tag_img_rect.left + px(6), tag_img_rect.centery - tb.height // 2),
        )
    if "info" in lay.rects:
        draw_info(surface, frame, _node(frame).info, lay.rects["info"], grow_to=info_grow_to(frame))
    if "address" in lay.rects:
        _draw_card(surface, frame, lay)
    _draw_prompt(surface, frame, lay.rects["prompt"])
    button(
        surface,
        lay.rects["nobody"],
        t(lang, "nobody"),
        theme,
        focused=frame.ui.focus == -1,
        hovered=frame.ui.hover == -1,
    )
    help_box = lay.rects["help"]
    if frame.ui.message:  # e.g. someone walked off: said in words, above the key help
        note = pygame.Rect(help_box.left, help_box.top - px(52), help_box.width, px(44))
        panel(surface, note, alpha=230)
        ntb, nfont = fit(frame.ui.message, theme, 16, note.inflate(-px(16), -px(6)), min_size=10)
        draw_block(surface, ntb, nfont, th.WARN, (note.left + px(8), note.centery - ntb.height // 2))
    panel(surface, help_box, alpha=170)
    tb, font = fit(t(lang, "selection_help"), theme, 15, help_box.inflate(-px(16), -px(6)), min_size=10)
    draw_block(surface, tb, font, th.TEXT_DIM, (help_box.left + px(8), help_box.centery - tb.height // 2))
    if frame.timer_left is not None and "countdown" in lay.rects:
        clock = lay.rects["countdown"]
        countdown(surface, clock.center, clock.width // 2, frame.timer_left, _node(frame).time_limit, theme)


def info_grow_to(frame: Frame) -> int:
    """How tall the info card may grow before its text is cut: large text in a small window needs room."""
    return int(frame.size[1] * 0.6)


def _prompt_rect(frame: Frame) -> pygame.Rect:
    px = frame.theme.px
    return pygame.Rect(px(16), px(12), int(frame.size[0] * 0.42), px(60))


def _draw_prompt(surface: pygame.Surface, frame: Frame, box: pygame.Rect) -> None:
    px = frame.theme.px
    panel(surface, box, alpha=200)
    tb, font = fit(
        _node(frame).prompt.get(frame.lang), frame.theme, 20, box.inflate(-px(20), -px(8)), bold=True
    )
    draw_block(surface, tb, font, th.TEXT, (box.left + px(10), box.centery - tb.height // 2))


def _draw_card(surface: pygame.Surface, frame: Frame, lay: Layout) -> None:
    """The inspected person: label and the cues, each marked with its kind in words."""
    theme, lang, px = frame.theme, frame.lang, frame.theme.px
    cand = next(c for c in _candidates(frame) if c.id == frame.ui.inspected)
    card = lay.rects["card"]
    panel(surface, card, alpha=235)
    tb, font = fit(
        cand.label.get(lang),
        theme,
        22,
        pygame.Rect(card.left + px(16), card.top + px(10), card.width - px(32), px(40)),
        bold=True,
    )
    draw_block(surface, tb, font, th.TEXT, (card.left + px(16), card.top + px(12)))
    for i in range(len(card_cues(cand)) + (1 if cand.beats else 0)):
        cue_tb, box, cue_font = lay.text_named(f"cue{i}")
        seen = cand.beats and i == len(card_cues(cand))
        if not seen:
            draw_text(surface, "•", theme.font(18, bold=True), th.ACCENT, (card.left + px(18), box.top))
        draw_block(surface, cue_tb, cue_font, th.TEXT_DIM if seen else th.TEXT, box.topleft)
    button(
        surface,
        lay.rects["address"],
        t(lang, "address"),
        theme,
        focused=frame.ui.focus is not None and frame.ui.focus >= 0,
        hovered=frame.ui.hover == 0,
    )


def _focused(frame: Frame) -> Candidate | None:
    cands = _candidates(frame)
    if frame.ui.focus is None or frame.ui.focus < 0 or not cands:
        return None
    cand = cands[min(frame.ui.focus, len(cands) - 1)]
    return None if cand.id in frame.departed else cand


def focus_pan(frame: Frame) -> float:
    """The pan that centres the focused candidate."""
    assert frame.scenario is not None and frame.view is not None
    cand = _focused(frame)
    if cand is None:
        return frame.ui.pan
    street = street_of(frame)
    rect = street.candidate_rects(seconds(frame), offset(frame)).get(cand.id)
    if rect is None:
        return frame.ui.pan
    # Screen x is measured the shorter way round the street: turn that way to bring them to 40%.
    return frame.ui.pan + (rect.centerx - frame.size[0] * 0.4) / street.width


EASE_PER_SECOND = 8.0


def update(frame: Frame, dt: float) -> None:
    """Ease the view towards where the trainee wants to look; the mouse at an edge keeps panning."""
    ui = frame.ui
    if ui.inspected in frame.departed:  # they walked off while the trainee was looking at the card
        ui.inspected = None
        ui.message = t(frame.lang, "left_street")
    if ui.pan_velocity:
        ui.pan_target = None
        ui.pan = ui.pan + ui.pan_velocity * dt / PANORAMA_TURN
    elif ui.pan_target is not None:
        ui.pan += (ui.pan_target - ui.pan) * min(1.0, dt * EASE_PER_SECOND)
        if abs(ui.pan_target - ui.pan) < 0.001:
            ui.pan, ui.pan_target = ui.pan_target, None


def _look(frame: Frame, pan: float) -> None:
    frame.ui.pan_target = pan  # no end to the street: looking right long enough comes back round


def handle(inp: Input, frame: Frame) -> Command | None:
    ui = frame.ui
    if inp.action != Action.MOTION:
        ui.message = None  # a notice holds until the trainee does something
    cands = _candidates(frame)
    base = ui.pan_target if ui.pan_target is not None else ui.pan
    if inp.action in (Action.LEFT, Action.RIGHT):
        _look(frame, base + (PAN_STEP if inp.action == Action.RIGHT else -PAN_STEP))
    elif inp.action == Action.WHEEL and inp.index is not None:
        _look(frame, base - inp.index * PAN_STEP / 2)
    elif inp.action in (Action.NEXT_FOCUS, Action.PREV_FOCUS, Action.UP, Action.DOWN):
        step = 1 if inp.action in (Action.NEXT_FOCUS, Action.DOWN) else -1
        if ui.focus is None:
            ui.focus = _nearest_visible(frame)  # the first Tab goes to whom the trainee is looking at
        else:
            ui.focus = _next_present(frame, ui.focus, step)
        if ui.focus == len(cands):
            ui.focus = -1  # the 'nobody' button
        else:
            _look(frame, focus_pan(frame))
            if ui.inspected:
                ui.inspected = cands[ui.focus].id
    elif inp.action == Action.INSPECT:
        cand = _focused(frame)
        ui.inspected = None if cand is None or ui.inspected == cand.id else cand.id
    elif inp.action == Action.CONFIRM:
        cand = _focused(frame)
        if cand is None:
            # Enter without a focused person does nothing; only the focused 'nobody' button addresses nobody.
            return Choose(NOBODY) if ui.focus == -1 else None
        if ui.inspected != cand.id:
            ui.inspected = cand.id  # first look, then decide
            return None
        return Choose(cand.id)
    elif inp.action == Action.NOBODY:
        return Choose(NOBODY)
    elif (
        inp.action == Action.CHOOSE
        and inp.index is not None
        and inp.index < len(cands)
        and cands[inp.index].id not in frame.departed
    ):
        ui.focus = inp.index
        ui.inspected = cands[inp.index].id
        _look(frame, focus_pan(frame))
    elif inp.action == Action.CLICK and inp.pos is not None:
        return _click(frame, inp.pos)
    elif inp.action == Action.MOTION and inp.pos is not None:
        x = inp.pos[0] / frame.size[0]
        ui.pan_velocity = -0.5 if x < EDGE else (0.5 if x > 1 - EDGE else 0.0)
        lay = layout(frame)
        ui.hover = (
            -1
            if lay.rects["nobody"].collidepoint(inp.pos)
            else (0 if "address" in lay.rects and lay.rects["address"].collidepoint(inp.pos) else None)
        )
    return None


def _next_present(frame: Frame, focus: int, step: int) -> int:
    """The next index in Tab order (len(cands) is the 'nobody' button), skipping who has left."""
    cands = _candidates(frame)
    n = len(cands) + 1
    i = focus if focus >= 0 else len(cands)
    for _ in range(n):
        i = (i + step) % n
        if i == len(cands) or cands[i].id not in frame.departed:
            return i
    return len(cands)


def _nearest_visible(frame: Frame) -> int:
    """Index of the person on screen closest to the middle of the window (anyone, if nobody is on screen)."""
    lay = layout(frame)
    width = frame.size[0]
    rects = {
        i: lay.rects[f"cand:{c.id}"] for i, c in enumerate(_candidates(frame)) if f"cand:{c.id}" in lay.rects
    }
    if not rects:
        return -1
    on_screen = [i for i, r in rects.items() if r.right > 0 and r.left < width] or list(rects)
    return min(on_screen, key=lambda i: abs(rects[i].centerx - width / 2))


def _click(frame: Frame, pos: tuple[int, int]) -> Command | None:
    lay = layout(frame)
    for rect, cmd in lay.buttons:
        if rect.collidepoint(pos):
            return cmd
    if "card" in lay.rects and frame.ui.inspected and lay.rects["card"].collidepoint(pos):
        return None
    for i, cand in enumerate(_candidates(frame)):
        where = lay.rects.get(f"cand:{cand.id}")
        if where is not None and where.collidepoint(pos):
            frame.ui.focus = i
            frame.ui.inspected = cand.id
            _look(frame, focus_pan(frame))  # bring the person out from under the card
            return None
    return None
