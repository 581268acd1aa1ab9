"""Drawing the console's live screen from a LiveView: the board (who is where by kader step, anonymous dots),
the choices per decision point as bars, the flags, and the help line or the note being typed.

Screens draw the state they are given: no clock, no records, no engine. Meaning never by colour alone: a
finished trainee stands in the "klaar" column, the private view is a banner in words, the focused item has a
thick outline, assessments (private view only) are patterns as on the sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pygame

from trainer.ui import theme as th
from trainer.ui.lead.view import COLUMNS, DecisionRow, Dot, LiveView, column_label
from trainer.ui.present.draw import _pattern
from trainer.ui.strings import t
from trainer.ui.text import rendered

MARGIN = 24


@dataclass(frozen=True)
class Placed:
    """One thing as laid out, for tests: its name, its box and its text."""

    name: str
    rect: pygame.Rect
    text: str = ""


@lru_cache(maxsize=4096)
def fit(text: str, font: pygame.font.Font, width: int) -> str:
    """The text, or its longest start that fits `width` with an ellipsis; cached, since the same lines are
    drawn every frame and measuring is what costs."""
    if font.size(text)[0] <= width:
        return text
    low, high = 0, len(text)  # binary search on the cut: measuring each shorter start costs a frame
    while low < high:
        mid = (low + high + 1) // 2
        if font.size(text[:mid].rstrip() + "…")[0] <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


class _Canvas:
    def __init__(self, surface: pygame.Surface) -> None:
        self.surface = surface
        self.theme = th.Theme(height=surface.get_height())
        self.placed: list[Placed] = []

    def px(self, v: float) -> int:
        return self.theme.px(v)

    def line(
        self,
        name: str,
        text: str,
        pos: tuple[int, int],
        width: int,
        size: float,
        *,
        bold: bool = False,
        colour: th.Colour = th.TEXT,
        anchor: str = "topleft",
    ) -> pygame.Rect:
        """One line of text, cut with an ellipsis when it is wider than `width`."""
        font = self.theme.font(size, bold=bold)
        shown = fit(text, font, width)
        image = rendered(shown, font, colour)
        rect = image.get_rect(**{anchor: pos})
        self.surface.blit(image, rect)
        self.placed.append(Placed(name, rect, shown))
        return rect


def live(surface: pygame.Surface, view: LiveView, lang: str) -> list[Placed]:
    """Draw the live screen; returns what was placed (names, rects, text) for tests."""
    c = _Canvas(surface)
    w, h = surface.get_size()
    surface.fill(th.INK)
    m = c.px(MARGIN)
    top = _header(c, view, lang, pygame.Rect(m, c.px(12), w - 2 * m, c.px(48)))
    foot = h - c.px(44)
    left = pygame.Rect(m, top, round((w - 2 * m) * 0.42), foot - top - c.px(8))
    right = pygame.Rect(left.right + c.px(20), top, w - m - left.right - c.px(20), left.height)
    board_h = round(left.height * 0.58)
    _board(c, view, lang, pygame.Rect(left.left, left.top, left.width, board_h))
    _flags(
        c,
        view,
        lang,
        pygame.Rect(left.left, left.top + board_h + c.px(10), left.width, left.height - board_h - c.px(10)),
    )
    _decisions(c, view, lang, right)
    _footer(c, view, lang, pygame.Rect(m, foot, w - 2 * m, c.px(40)))
    return c.placed


def _header(c: _Canvas, view: LiveView, lang: str, area: pygame.Rect) -> int:
    title = c.line(
        "title", t(lang, "lead_title", group=view.group), area.topleft, area.width // 2, 28, bold=True
    )
    counts = t(lang, "lead_counts", started=view.started, total=view.total, finished=view.finished)
    c.line("progress", counts, (area.right, area.top + c.px(6)), area.width // 2, 22, anchor="topright")
    bottom = title.bottom + c.px(6)
    if view.codes:
        # the private view is loud on purpose: nobody projects the codes without seeing this
        banner = pygame.Rect(area.left, bottom, area.width, c.px(34))
        pygame.draw.rect(c.surface, th.ALERT, banner, border_radius=4)
        pygame.draw.rect(c.surface, th.TEXT, banner, c.px(2), border_radius=4)
        c.line(
            "codes_banner",
            t(lang, "lead_codes_on"),
            (banner.left + c.px(10), banner.top + c.px(4)),
            banner.width - c.px(20),
            20,
            bold=True,
        )
        bottom = banner.bottom + c.px(8)
    return bottom


def _board(c: _Canvas, view: LiveView, lang: str, area: pygame.Rect) -> None:
    pygame.draw.rect(c.surface, th.PANEL, area, border_radius=8)
    c.placed.append(Placed("board", area))
    c.line(
        "board_head",
        t(lang, "lead_board"),
        (area.left + c.px(10), area.top + c.px(6)),
        area.width,
        20,
        bold=True,
    )
    cols = len(COLUMNS)
    inner = pygame.Rect(
        area.left + c.px(6), area.top + c.px(36), area.width - c.px(12), area.height - c.px(42)
    )
    col_w = inner.width // cols
    by_column: dict[str, list[Dot]] = {col: [] for col in COLUMNS}
    for dot in view.dots:
        by_column[dot.column].append(dot)
    radius = _radius(c, col_w, inner.height - c.px(30), max(map(len, by_column.values())), view.codes)
    for i, col in enumerate(COLUMNS):
        x = inner.left + i * col_w
        if i:
            pygame.draw.line(c.surface, th.PANEL_LIGHT, (x, inner.top), (x, inner.bottom), 1)
        c.line(
            f"column{i}",
            column_label(col, lang),
            (x + col_w // 2, inner.top),
            col_w - c.px(4),
            15,
            colour=th.TEXT_DIM,
            anchor="midtop",
        )
        per_row = max(1, (col_w - c.px(4)) // (2 * radius + c.px(6)))
        step_y = _step(c, radius, view.codes)
        for k, dot in enumerate(by_column[col]):
            row, place = divmod(k, per_row)
            cx = (
                x
                + c.px(4)
                + radius
                + place * (2 * radius + c.px(6))
                + (col_w - c.px(4) - per_row * (2 * radius + c.px(6))) // 2
            )
            cy = inner.top + c.px(30) + radius + row * step_y
            _dot(c, dot, (cx, cy), radius, col == "klaar")


def _step(c: _Canvas, radius: int, codes: bool) -> int:
    return 2 * radius + (c.px(24) if codes else c.px(8))


def _radius(c: _Canvas, col_w: int, height: int, most: int, codes: bool) -> int:
    """The largest dot that lets the fullest column (the whole group at one step) fit its column."""
    radius = min(c.px(16), col_w // 5)
    while radius > c.px(8):
        per_row = max(1, (col_w - c.px(4)) // (2 * radius + c.px(6)))
        if -(-most // per_row) * _step(c, radius, codes) <= height:
            break
        radius -= 1
    return radius


def _dot(c: _Canvas, dot: Dot, centre: tuple[int, int], radius: int, finished: bool) -> None:
    # a finished dot is hollow: the column says it in words, the shape says it again
    if finished:
        pygame.draw.circle(c.surface, th.ACCENT, centre, radius, max(2, c.px(3)))
    else:
        pygame.draw.circle(c.surface, th.ACCENT, centre, radius)
    if dot.focused:
        pygame.draw.circle(c.surface, th.FOCUS, centre, radius + c.px(5), max(2, c.px(3)))
    font = c.theme.font(16, bold=True)
    image = rendered(dot.label, font, th.TEXT if finished else th.INK)
    rect = image.get_rect(center=centre)
    c.surface.blit(image, rect)
    c.placed.append(
        Placed(
            f"dot_{dot.label}",
            rect.union(pygame.Rect(centre[0] - radius, centre[1] - radius, 2 * radius, 2 * radius)),
            dot.label,
        )
    )
    if dot.code is not None:
        c.line(
            f"code_{dot.label}",
            dot.code,
            (centre[0], centre[1] + radius + c.px(2)),
            4 * radius,
            13,
            colour=th.FOCUS,
            anchor="midtop",
        )


def _flags(c: _Canvas, view: LiveView, lang: str, area: pygame.Rect) -> None:
    pygame.draw.rect(c.surface, th.PANEL, area, border_radius=8)
    head = c.line(
        "flags_head",
        t(lang, "lead_flags", n=len(view.flags)),
        (area.left + c.px(10), area.top + c.px(6)),
        area.width - c.px(20),
        20,
        bold=True,
    )
    y = head.bottom + c.px(4)
    line_h = c.px(24)
    room = max(0, (area.bottom - y - c.px(4)) // line_h)
    shown = view.flags[-room:] if room else ()
    if not view.flags:
        c.line(
            "flags_none",
            t(lang, "lead_flags_none"),
            (area.left + c.px(10), y),
            area.width - c.px(20),
            17,
            colour=th.TEXT_DIM,
        )
    for f in shown:
        text = f"{f.seq}. " + (f"{f.note} · {f.where}" if f.note else f.where)
        flag_icon(c.surface, (area.left + c.px(10), y + c.px(3)), c.px(16))
        c.line(f"flag{f.seq}", text, (area.left + c.px(32), y), area.width - c.px(42), 17)
        y += line_h


def flag_icon(surface: pygame.Surface, topleft: tuple[int, int], size: int) -> None:
    """A small flag (pole and pennant): the shipped font has no flag character."""
    x, y = topleft
    pygame.draw.line(surface, th.TEXT, (x + 1, y), (x + 1, y + size), max(2, size // 8))
    pygame.draw.polygon(surface, th.FOCUS, [(x + 2, y), (x + size, y + size // 4), (x + 2, y + size // 2)])


def _decision_height(c: _Canvas, d: DecisionRow) -> int:
    return c.px(30) + len(d.bars) * c.px(26) + c.px(14)


def _decisions(c: _Canvas, view: LiveView, lang: str, area: pygame.Rect) -> None:
    pygame.draw.rect(c.surface, th.PANEL, area, border_radius=8)
    c.line(
        "decisions_head",
        t(lang, "lead_decisions"),
        (area.left + c.px(10), area.top + c.px(6)),
        area.width - c.px(20),
        20,
        bold=True,
    )
    inner = pygame.Rect(
        area.left + c.px(10), area.top + c.px(36), area.width - c.px(20), area.height - c.px(42)
    )
    if view.codes:
        c.line(
            "legend",
            t(lang, "lead_legend"),
            (inner.right, area.top + c.px(9)),
            inner.width * 3 // 5,
            15,
            colour=th.TEXT_DIM,
            anchor="topright",
        )
    rows = view.decisions
    if not rows:
        c.line(
            "decisions_none",
            t(lang, "lead_decisions_none"),
            inner.topleft,
            inner.width,
            17,
            colour=th.TEXT_DIM,
        )
        return
    focus = next((i for i, d in enumerate(rows) if d.focused), 0)
    # scroll so that the focused decision is whole on screen, with as many before it as fit
    first = focus
    used = _decision_height(c, rows[focus])
    while first > 0 and used + _decision_height(c, rows[first - 1]) <= inner.height:
        first -= 1
        used += _decision_height(c, rows[first])
    y = inner.top
    below = 0
    for i in range(first, len(rows)):
        d = rows[i]
        hgt = _decision_height(c, d)
        if y + hgt > inner.bottom:
            below = len(rows) - i
            break
        _decision(c, d, i, pygame.Rect(inner.left, y, inner.width, hgt - c.px(6)), view.codes, lang)
        y += hgt
    more = [t(lang, "lead_more_above", n=first)] if first else []
    more += [t(lang, "lead_more_below", n=below)] if below else []
    if more:
        c.line(
            "more",
            " · ".join(more),
            (inner.right, area.bottom - c.px(4)),
            inner.width // 2,
            15,
            colour=th.TEXT_DIM,
            anchor="bottomright",
        )


def _decision(c: _Canvas, d: DecisionRow, i: int, box: pygame.Rect, private: bool, lang: str) -> None:
    if d.focused:
        pygame.draw.rect(c.surface, th.FOCUS, box.inflate(c.px(8), c.px(2)), c.px(3), border_radius=6)
    head = d.title
    indent = 0
    if d.flagged:
        flag_icon(c.surface, (box.left + c.px(4), box.top + c.px(4)), c.px(18))
        indent = c.px(26)
    reach = d.step + " · " + (t(lang, "lead_reached", n=d.reached) if d.counts_shown else t(lang, "lead_few"))
    r = c.line(
        f"reach{i}",
        reach,
        (box.right - c.px(4), box.top + c.px(2)),
        box.width * 2 // 5,
        16,
        colour=th.TEXT_DIM,
        anchor="topright",
    )
    c.line(
        f"decision{i}",
        head,
        (box.left + c.px(4) + indent, box.top),
        r.left - box.left - c.px(16) - indent,
        19,
        bold=True,
    )
    y = box.top + c.px(30)
    label_w = round(box.width * 0.5)
    bar_left = box.left + label_w + c.px(12)
    bar_max = round(box.width * 0.32)
    scale = max((b.count for b in d.bars), default=0) or 1
    for k, b in enumerate(d.bars):
        c.line(f"option{i}_{k}", b.label, (box.left + c.px(14), y), label_w - c.px(14), 17)
        if d.counts_shown:
            bar = pygame.Rect(bar_left, y + c.px(3), round(bar_max * b.count / scale), c.px(18))
            _pattern(c.surface, bar, b.assessment if private else "in_lijn", max(1, c.px(1)))
            pygame.draw.rect(c.surface, th.TEXT_DIM, (bar_left, bar.top, bar_max, bar.height), 1)
            c.line(
                f"count{i}_{k}",
                str(b.count),
                (bar_left + bar_max + c.px(8), y),
                box.right - bar_left - bar_max,
                17,
                bold=True,
            )
        y += c.px(26)


def _footer(c: _Canvas, view: LiveView, lang: str, area: pygame.Rect) -> None:
    if view.entry is not None:
        field = area.inflate(0, c.px(4))
        pygame.draw.rect(c.surface, th.PANEL_LIGHT, field, border_radius=6)
        pygame.draw.rect(c.surface, th.FOCUS, field, c.px(3), border_radius=6)
        y = field.top + c.px(8)
        keys = c.line(
            "note_keys",
            t(lang, "lead_note_keys"),
            (field.right - c.px(10), y),
            field.width // 4,
            16,
            colour=th.TEXT_DIM,
            anchor="topright",
        )
        prompt = t(lang, "lead_note", where=view.entry.where)
        p = c.line(
            "note_prompt",
            prompt,
            (field.left + c.px(10), y),
            field.width * 2 // 5,
            18,
            bold=True,
            colour=th.FOCUS,
        )
        c.line(
            "note_field", view.entry.typed + "|", (p.right + c.px(10), y), keys.left - p.right - c.px(20), 18
        )
        return
    text = view.status or t(lang, "lead_help")
    c.line(
        "help",
        text,
        (area.left, area.top + c.px(8)),
        area.width,
        17,
        colour=th.WARN if view.status else th.TEXT_DIM,
    )
