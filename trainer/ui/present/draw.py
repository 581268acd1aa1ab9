"""Drawing one slide for the room: large type (body at least 28 px at 1280x720), a chart readable from the
back, assessment shown by pattern and words as well as colour. Screens draw the state they are given."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from debrief.slides import Slide, SlideOption
from trainer.ui import theme as th
from trainer.ui.strings import t
from trainer.ui.text import TextBlock, block, draw_block

BODY = 28  # the smallest type on a slide, in px at 720 lines; everything else is larger
MARGIN = 48


@dataclass(frozen=True)
class Drawn:
    """One piece of text as laid out: what tests check (size, place, that it is whole)."""

    name: str
    size: int  # font height asked for, px
    rect: pygame.Rect
    lines: tuple[str, ...]
    page: tuple[int, int] | None = None  # (shown, of) when the text is split over pages


class Painter:
    def __init__(self, surface: pygame.Surface) -> None:
        self.surface = surface
        self.theme = th.Theme(height=surface.get_height())
        self.drawn: list[Drawn] = []

    def px(self, v: float) -> int:
        return self.theme.px(v)

    def text(
        self,
        name: str,
        text: str,
        box: pygame.Rect,
        size: float,
        *,
        bold: bool = False,
        colour: th.Colour = th.TEXT,
        min_size: float = BODY,
    ) -> pygame.Rect:
        """Wrapped text at the largest size from `size` down to `min_size` that fits; never smaller."""
        current = size
        while True:
            font = self.theme.font(current, bold=bold)
            tb = block(text, font, box.width)
            if tb.height <= box.height or current <= min_size:
                break
            current -= 1
        draw_block(self.surface, tb, font, colour, box.topleft)
        used = pygame.Rect(box.left, box.top, tb.width, tb.height)
        self.drawn.append(Drawn(name, self.px(current), used, tb.lines))
        return used

    def paged(self, name: str, text: str, box: pygame.Rect, size: float, page: int, lang: str) -> int:
        """Wrapped text that never shrinks below `size` and is never cut: what does not fit goes to further
        pages, each ending in a "k/n" note that says how to read on. Draws page `page` (clamped); returns
        how many pages the text needs."""
        font = self.theme.font(size)
        tb = block(text, font, box.width)
        if tb.height <= box.height:
            draw_block(self.surface, tb, font, th.TEXT, box.topleft)
            self.drawn.append(
                Drawn(name, self.px(size), pygame.Rect(*box.topleft, tb.width, tb.height), tb.lines)
            )
            return 1
        note_height = block(t(lang, "present_more", k=99, n=99), font, box.width).height
        per_page = max(1, (box.height - note_height) // tb.line_height)
        pages = [tb.lines[i : i + per_page] for i in range(0, len(tb.lines), per_page)]
        shown = min(max(page, 0), len(pages) - 1)
        part = TextBlock(pages[shown], tb.line_height, tb.width)
        draw_block(self.surface, part, font, th.TEXT, box.topleft)
        used = pygame.Rect(box.left, box.top, tb.width, part.height)
        self.drawn.append(Drawn(name, self.px(size), used, part.lines, (shown + 1, len(pages))))
        last = shown + 1 == len(pages)  # the last page says where it is, not "read on"
        note = f"{shown + 1}/{len(pages)}" if last else t(lang, "present_more", k=shown + 1, n=len(pages))
        self.text(
            f"{name}_more",
            note,
            pygame.Rect(box.left, used.bottom, box.width, note_height),
            size,
            colour=th.FOCUS,
        )
        return len(pages)


def _pattern(surface: pygame.Surface, rect: pygame.Rect, assessment: str, unit: int) -> None:
    """Solid for in line, diagonal hatching for debatable, crosshatching for not in line (as on the sheet)."""
    if assessment == "in_lijn" or rect.width <= 0:
        pygame.draw.rect(surface, th.ACCENT, rect)
        return
    pygame.draw.rect(surface, th.INK, rect)
    step = max(6, unit * 10)
    clip = surface.get_clip()
    surface.set_clip(rect)
    for x in range(rect.left - rect.height, rect.right, step):
        pygame.draw.line(surface, th.ACCENT, (x, rect.bottom), (x + rect.height, rect.top), max(2, unit * 3))
        if assessment == "niet_in_lijn":
            pygame.draw.line(
                surface, th.ACCENT, (x, rect.top), (x + rect.height, rect.bottom), max(2, unit * 3)
            )
    surface.set_clip(clip)


def _bar_rows(p: Painter, rows: tuple[tuple[str, int, int], ...], area: pygame.Rect) -> int:
    """One line per row: label, then (when `of` is set) a bar and 'k / n'. Returns the y under the last."""
    y = area.top
    label_w = round(area.width * 0.62)
    for i, (label, count, of) in enumerate(rows):
        used = p.text(
            f"row{i}", label, pygame.Rect(area.left, y, label_w if of else area.width, p.px(80)), BODY
        )
        if of:
            left = area.left + label_w + p.px(16)
            full = round(area.width * 0.22)
            top = y + p.px(6)
            pygame.draw.rect(p.surface, th.ACCENT, (left, top, round(full * count / of), p.px(26)))
            pygame.draw.rect(p.surface, th.TEXT_DIM, (left, top, full, p.px(26)), 1)
            after = left + full + p.px(12)
            p.text(f"count{i}", f"{count} / {of}", pygame.Rect(after, y, area.right - after, p.px(40)), BODY)
        y = max(used.bottom, y + p.px(40)) + p.px(6)
    return y


def _options(p: Painter, s: Slide, stage: int, focus: int, area: pygame.Rect, lang: str) -> bool:
    """The choice chart: a row per option. With room, each label stands whole next to its key; without, the
    chart shows keys and the focused option's text goes to the side panel. Returns whether labels
    were shown."""
    n = len(s.options)
    scale = max((o.count for o in s.options), default=0) or 1
    label_w = round(area.width * 0.46)
    font = p.theme.font(BODY)
    heights = [block(f"{o.key}  {o.label}", font, label_w).height for o in s.options]
    with_labels = sum(heights) + n * p.px(14) <= area.height
    row_h = [max(h if with_labels else 0, p.px(44)) + p.px(14) for h in heights]
    if not with_labels:
        row_h = [min(p.px(110), area.height // max(n, 1))] * n
    y = area.top
    for i, o in enumerate(s.options):
        h = row_h[i]
        row = pygame.Rect(area.left, y, area.width, h - p.px(8))
        if i == focus:
            pygame.draw.rect(p.surface, th.FOCUS, row.inflate(p.px(12), p.px(4)), p.px(3), border_radius=6)
        text = f"{o.key}  {o.label}" if with_labels else o.key
        p.text(
            f"option{i}",
            text,
            pygame.Rect(row.left, row.top, label_w if with_labels else p.px(40), h),
            BODY,
            bold=not with_labels,
        )
        bar_left = row.left + (label_w + p.px(16) if with_labels else p.px(56))
        bar_max = round(area.width * (0.2 if with_labels else 0.28))
        bar = pygame.Rect(bar_left, row.top + p.px(4), round(bar_max * o.count / scale), p.px(34))
        _pattern(p.surface, bar, o.assessment if stage >= 1 else "in_lijn", max(1, p.px(1)))
        pygame.draw.rect(p.surface, th.TEXT_DIM, (bar_left, bar.top, bar_max, bar.height), 1)
        note = str(o.count)
        if o.timeouts:
            note += " " + t(lang, "present_timed", n=o.timeouts)
        if stage >= 1:
            note += f" · {o.assessment_label}"
        after = bar_left + bar_max + p.px(10)
        p.text(f"count{i}", note, pygame.Rect(after, row.top, row.right - after, h), BODY, bold=True)
        y += h
    return with_labels


def slide(surface: pygame.Surface, s: Slide, state: object, lang: str, total: int) -> list[Drawn]:
    """Draw slide `s` in `state` (a DeckState); returns what was laid out."""
    p = Painter(surface)
    w, h = surface.get_size()
    surface.fill(th.INK)
    inner = pygame.Rect(p.px(MARGIN), p.px(28), w - 2 * p.px(MARGIN), h - p.px(28) - p.px(64))
    stage = getattr(state, "stage", 0)
    focus = getattr(state, "focus", 0)
    page = getattr(state, "page", 0)
    top = inner.top
    if s.kicker:
        top = p.text(
            "kicker", s.kicker, pygame.Rect(inner.left, top, inner.width, p.px(40)), BODY, colour=th.TEXT_DIM
        ).bottom + p.px(6)
    title_box = pygame.Rect(inner.left, top, inner.width, p.px(120 if s.kind == "hot" else 70))
    top = p.text("title", s.title, title_box, 40 if s.kind != "hot" else 34, bold=True).bottom + p.px(14)
    if s.kind == "hot":
        _hot(p, s, (stage, focus, page), pygame.Rect(inner.left, top, inner.width, inner.bottom - top), lang)
    else:
        _plain(p, s, state, pygame.Rect(inner.left, top, inner.width, inner.bottom - top), lang)
    index = getattr(state, "index", 0)
    help_key = (
        "present_help_hot" if s.kind == "hot" else "present_help_mee" if s.kind == "mee" else "present_help"
    )
    help_key += getattr(state, "help_variant", "")
    p.text(
        "help",
        f"{index + 1}/{total} · {t(lang, help_key)}",
        pygame.Rect(inner.left, h - p.px(52), inner.width, p.px(44)),
        BODY,
        colour=th.TEXT_DIM,
    )
    return p.drawn


def _hot(p: Painter, s: Slide, where: tuple[int, int, int], area: pygame.Rect, lang: str) -> None:
    """A hittepunt: the choice chart, and a side panel (talk first, the assessment, the perspective) whose
    text goes over pages when it is long: never cut, never below body size."""
    stage, focus, page = where
    font = p.theme.font(BODY)
    wide = round(area.width * 0.56)
    labels_fit = sum(
        block(f"{o.key}  {o.label}", font, round(wide * 0.46)).height + p.px(14) for o in s.options
    )
    # keys only when the labels do not fit: the chart narrows and the panel gets the room for the text
    share = 0.56 if labels_fit <= area.height else 0.36
    left = pygame.Rect(area.left, area.top, round(area.width * share), area.height)
    right = pygame.Rect(left.right + p.px(28), area.top, area.right - left.right - p.px(28), area.height)
    with_labels = _options(p, s, stage, focus, left, lang)
    pygame.draw.rect(p.surface, th.PANEL, right.inflate(p.px(16), p.px(12)), border_radius=8)
    # the side panel's box, for what is drawn over it (the console's revote panel)
    p.drawn.append(Drawn("side_panel", p.px(BODY), right, ()))
    o: SlideOption = s.options[focus % len(s.options)]
    y = right.top
    if not with_labels and stage == 0:  # the chart shows only keys: the focused option's text stands here
        y = p.text(
            "focus",
            f"{o.key}  {o.label}",
            pygame.Rect(right.left, y, right.width, right.height // 2),
            BODY,
            bold=True,
        ).bottom + p.px(10)
    clip = p.surface.get_clip()
    p.surface.set_clip(right.inflate(p.px(16), p.px(12)))
    if stage == 0:
        head = t(lang, "present_talk")
        y = p.text(
            "panel_head",
            head,
            pygame.Rect(right.left, y, right.width, p.px(44)),
            30,
            bold=True,
            colour=th.FOCUS,
        ).bottom + p.px(8)
        question = t(
            lang, "present_talk_q"
        )  # the leader's prompts are on the sheet; the room gets the open one
        if s.flags:  # what the gespreksleider marked here while the group played (never who)
            question += "\n\n" + "\n".join(s.flags)
        p.paged(
            "panel", question, pygame.Rect(right.left, y, right.width, right.bottom - y), BODY, page, lang
        )
    elif stage == 1:
        y = p.text(
            "panel_head",
            f"{o.key} · {o.assessment_label}",
            pygame.Rect(right.left, y, right.width, p.px(44)),
            30,
            bold=True,
            colour=th.FOCUS,
        ).bottom + p.px(8)
        p.paged(
            "panel",
            o.rationale or "–",
            pygame.Rect(right.left, y, right.width, right.bottom - y),
            BODY,
            page,
            lang,
        )
    else:
        y = p.text(
            "panel_head",
            f"{o.key} · {t(lang, 'present_perspective')}",
            pygame.Rect(right.left, y, right.width, p.px(44)),
            30,
            bold=True,
            colour=th.FOCUS,
        ).bottom + p.px(8)
        p.paged(
            "panel",
            o.perspective or t(lang, "present_no_perspective"),
            pygame.Rect(right.left, y, right.width, right.bottom - y),
            BODY,
            page,
            lang,
        )
    p.surface.set_clip(clip)


def _plain(p: Painter, s: Slide, state: object, area: pygame.Rect, lang: str) -> None:
    y = area.top
    for i, line in enumerate(s.lines):
        y = p.text(
            f"line{i}", line, pygame.Rect(area.left, y, area.width, p.px(170)), 32 if s.kind == "rule" else 30
        ).bottom + p.px(14)
    if s.rows:
        y = _bar_rows(p, s.rows, pygame.Rect(area.left, y, area.width, area.bottom - y)) + p.px(8)
    for i, q in enumerate(s.questions):
        y = p.text(
            f"question{i}",
            q,
            pygame.Rect(area.left, y, area.width, p.px(120)),
            30,
            bold=True,
            colour=th.FOCUS,
        ).bottom + p.px(10)
    if s.kind == "mee":
        commitments: list[str] = getattr(state, "commitments", [])
        for i, c in enumerate(commitments):
            y = p.text(
                f"commitment{i}", f"• {c}", pygame.Rect(area.left, y, area.width, p.px(90)), 30
            ).bottom + p.px(6)
        field = pygame.Rect(area.left, max(y + p.px(8), area.bottom - p.px(70)), area.width, p.px(60))
        pygame.draw.rect(p.surface, th.PANEL_LIGHT, field, border_radius=6)
        pygame.draw.rect(p.surface, th.FOCUS, field, p.px(3), border_radius=6)
        typed: str = getattr(state, "typed", "")
        p.text(
            "field",
            (typed or t(lang, "present_type_here")) + ("|" if typed else ""),
            field.inflate(-p.px(24), -p.px(10)),
            30,
            colour=th.TEXT if typed else th.TEXT_DIM,
        )
