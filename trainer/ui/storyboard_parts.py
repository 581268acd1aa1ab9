"""What the storyboard shows beyond a trainee's frame: the whole street in one strip, every line and choice
with its condition in words, and the moments at which each speaker's line has typed out.

A trainee sees one window of the street, the lines and choices that hold in their state, and the portrait of
whoever is speaking. An instructor checking a scenario needs all of it at once; these helpers build that from
the same rendering entry points the game uses (the panorama, the dialogue and ending screens).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pygame

from trainer.engine.rules import rules_for
from trainer.engine.timeline import departed
from trainer.engine.views import ChoiceOption, View
from trainer.model.scenario import EndingNode, Line, Scenario, SceneNode, SelectionNode
from trainer.model.text import Text, tr
from trainer.model.wording import marked_text, when_words
from trainer.ui import scenery
from trainer.ui import street as st
from trainer.ui import theme as th
from trainer.ui.frame import Frame
from trainer.ui.screens.dialogue import line_ends
from trainer.ui.text import draw_block
from trainer.ui.theme import Theme
from trainer.ui.widgets import fit, panel


def _lines(scenario: Scenario, lines: list[Line], casting: Mapping[str, str] | None) -> tuple[Line, ...]:
    rules = rules_for(scenario)
    return tuple(
        line.model_copy(update={"text": marked_text(scenario, line)})
        for line in lines
        if casting is None or rules.looks_allow(line, casting)
    )


def annotated_view(scenario: Scenario, view: View, casting: Mapping[str, str] | None = None) -> View:
    """The view with every line and choice of the node, conditional ones marked with their condition in
    words and a timer's default marked as such (a trainee sees only what holds in their state). With a
    `casting` (the storyboard's `--look`), lines and choices whose condition on a look it rules out are
    left out: that session never shows them."""
    node = view.node
    if isinstance(node, EndingNode):
        return view._replace(lines=_lines(scenario, node.lines, casting))
    if not isinstance(node, SceneNode):
        return view
    rules = rules_for(scenario)  # what a timeout takes is a rule: asked, not read from the YAML
    default = rules.defaults.get(view.node_id or "")
    seconds = rules.timers.get(view.node_id or "", 0)
    note = Text(nl=f"standaard na {seconds} s", en=f"default after {seconds} s")
    choices = tuple(
        ChoiceOption(
            c.id,
            c.step,
            c.model_copy(update={"text": marked_text(scenario, c, note if c.id == default else None)}),
        )
        for c in node.choices
        if casting is None or rules.looks_allow(c, casting)
    )
    return view._replace(lines=_lines(scenario, node.lines, casting), choices=choices)


def speaker_moments(scenario: Scenario, frame: Frame) -> list[tuple[float, int, str]]:
    """(seconds, line index, name) at which a speaker's last line before someone else speaks has typed out.

    The dialogue shows the portrait of whoever is speaking; a frame with all text shows only the last
    speaker, so the storyboard adds one frame per change of speaker. Narrator lines keep the portrait."""
    assert frame.view is not None
    lines = frame.view.lines
    ends = line_ends(frame)
    moments: list[tuple[float, int, str]] = []
    current: str | None = None
    for i, line in enumerate(lines):
        member = scenery.cast_member(scenario, line.speaker)
        if member is None:
            continue
        if current is not None and member.id != current:
            speaker = scenery.cast_member(scenario, current)
            assert speaker is not None
            moments.append((ends[i - 1], i - 1, speaker.name.get(frame.lang)))
        current = member.id
    return moments


def _free_place(tag: pygame.Rect, placed: list[pygame.Rect], top: int, bottom: int, gap: int) -> pygame.Rect:
    """The tag where it wants to be, else just above (then below) a tag it would cover, below the heading.
    People stand at different heights in a running street (a cyclist, a child, someone far back), so rows
    by order alone let a lower name slide over a higher one."""
    wanted = min(max(tag.top, top), bottom - tag.height)
    above = sorted({p.top - gap - tag.height for p in placed}, reverse=True)
    below = sorted({p.bottom + gap for p in placed})
    for y in (wanted, *above, *below):
        moved = tag.copy()
        moved.top = y
        if moved.top >= top and moved.bottom <= bottom and not any(moved.colliderect(p) for p in placed):
            return moved
    return tag.move(0, wanted - tag.top)


def street_strip(
    scenario: Scenario,
    node: SelectionNode,
    node_id: str,
    size: tuple[int, int],
    lang: str,
    t: float = 0.0,
    seed: int = 0,
) -> tuple[pygame.Surface, dict[str, pygame.Rect]]:
    """The whole running street of a selection at second t, as a session with `seed` plays it: everyone
    where the timeline puts them, the crowd, weather and light, every candidate named (label and id) above
    their head (one who has left by then named where they stood, as gone), and the prompt, time limit and
    timeout default on top. Returns the picture and each candidate's name tag."""
    running = st.street(scenario, node_id, size, seed)
    w, h = size
    strip = pygame.Surface((running.width, h))
    window = pygame.Surface(size)
    bodies: dict[str, pygame.Rect] = {}
    for k in range(math.ceil(running.width / w)):  # the window at k window widths, side by side
        running.draw(window, t, k * w)
        strip.blit(window, (k * w, 0))
        for cand_id, rect in running.candidate_rects(t, k * w).items():
            seen = rect.move(k * w, 0).clip(strip.get_rect())
            if seen.width > bodies.get(cand_id, pygame.Rect(0, 0, 0, 0)).width:
                bodies[cand_id] = rect.move(k * w, 0)
    gone = departed(node, t)
    theme = Theme(height=h)
    px = theme.px
    tags: dict[str, pygame.Rect] = {}
    for cand in sorted(node.candidates, key=lambda c: c.position):
        body = bodies.get(cand.id) or pygame.Rect(int(cand.position * running.width), px(300), 1, h // 3)
        tag = pygame.Rect(0, 0, px(340), px(72))
        tag.centerx = min(max(body.centerx, tag.width // 2), strip.get_width() - tag.width // 2)
        tag.bottom = body.top - px(8)
        tag = _free_place(tag, list(tags.values()), px(96), h, px(6))  # never over another name
        panel(strip, tag, alpha=225 if cand.id not in gone else 150)
        if cand.id in bodies:
            pygame.draw.line(strip, th.ACCENT, (body.centerx, tag.bottom), (body.centerx, body.top), px(2))
        name, font = fit(
            cand.label.get(lang), theme, 16, tag.inflate(-px(12), -px(26)), bold=True, min_size=10
        )
        draw_block(
            strip,
            name,
            font,
            th.TEXT if cand.id not in gone else th.TEXT_DIM,
            (tag.left + px(6), tag.top + px(4)),
        )
        if cand.id in gone:
            where = f"{cand.id} · " + tr(
                "vertrokken: niet meer aan te spreken", "gone: can no longer be addressed", lang
            )
        else:
            where = f"{cand.id} · {tr('positie', 'position', lang)} {cand.position:.2f}"
        words = when_words(scenario, cand.address, lang)  # addressing them may depend on the route
        if words is not None:
            where += f" · {words}"
        small, small_font = fit(where, theme, 16, pygame.Rect(0, 0, tag.width - px(12), px(22)), min_size=10)
        draw_block(strip, small, small_font, th.TEXT_DIM, (tag.left + px(6), tag.bottom - px(25)))
        tags[cand.id] = tag
    default = node.default or tr("niemand", "nobody", lang)
    head = tr(
        "{prompt} · {n} kandidaten · {s} s om te kiezen, daarna: {d}",
        "{prompt} · {n} candidates · {s} s to choose, then: {d}",
        lang,
    ).format(prompt=node.prompt.get(lang), n=len(node.candidates), s=node.time_limit, d=default)
    head += tr(" · op {t:g} s", " · at {t:g} s", lang).format(t=t)
    box = pygame.Rect(px(16), px(12), strip.get_width() - px(32), px(70))
    panel(strip, box, alpha=215)
    text, font = fit(head, theme, 30, box.inflate(-px(20), -px(8)), bold=True)
    draw_block(strip, text, font, th.TEXT, (box.left + px(10), box.centery - text.height // 2))
    return strip, tags
