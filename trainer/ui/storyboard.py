"""Every node of a scenario as a PNG, headless, plus an index.html contact sheet for instructors."""

from __future__ import annotations

import html
from collections.abc import Mapping
from functools import partial
from pathlib import Path

import pygame

from trainer.engine.casting import casting_rng, draw_casting
from trainer.engine.clock import FakeClock
from trainer.engine.session import Session
from trainer.engine.timeline import departed
from trainer.model.casting import apply_looks
from trainer.model.graph import node_choices
from trainer.model.scenario import EndingNode, Scenario, SceneNode, SelectionNode
from trainer.model.text import tr
from trainer.model.vocabulary import OUTCOME_LABELS
from trainer.model.wording import next_words
from trainer.ui.frame import Frame, UiState
from trainer.ui.routing import SCREENS, Screen
from trainer.ui.scenery import use_images
from trainer.ui.screens.pages import goals_page
from trainer.ui.screens.selection import focus_pan
from trainer.ui.storyboard_parts import annotated_view, speaker_moments, street_strip
from trainer.ui.theme import Theme


def _frame(
    scenario: Scenario,
    session: Session | None,
    size: tuple[int, int],
    lang: str,
    ui: UiState,
    *,
    now: float = 60.0,
    street_t: float = 0.0,
    casting: Mapping[str, str] | None = None,
) -> Frame:
    view = session.view() if session is not None else None
    timer = float(view.timer_seconds) - street_t if view is not None and view.timer_seconds else None
    if view is not None:
        # every line and choice, conditions in words; with a casting, none its looks rule out
        view = annotated_view(scenario, view, casting)
    # An instructor's tool: it shows everything a trainee sees only after play (meters, learning goals) too.
    return Frame(
        Theme(height=size[1]),
        size,
        lang,
        ui,
        now=now,
        view=view,
        scenario=scenario,
        timer_left=timer,
        perspective=(goals_page(scenario, lang),),
        show_meters=True,
        street_t=street_t,
        departed=departed(view.node, street_t)
        if view is not None and isinstance(view.node, SelectionNode)
        else frozenset(),
    )


def _shot(surface: pygame.Surface, screen: Screen, frame: Frame, path: Path) -> None:
    SCREENS[screen].draw(surface, frame)
    pygame.image.save(surface, str(path))


def street_seconds(node: SelectionNode, at: float | None) -> list[float]:
    """The seconds a selection street is drawn at: the one asked for, or its start, middle and end."""
    if at is not None:
        return [min(float(at), float(node.time_limit))]
    return [0.0, node.time_limit / 2, node.time_limit - 0.5]


def render(
    scenario: Scenario,
    out: Path,
    *,
    size: tuple[int, int] = (1280, 720),
    lang: str = "nl",
    at: float | None = None,
    look: int | None = None,
) -> list[dict[str, str]]:
    """Write PNGs into `out`; returns one row per picture for the index. A selection street is drawn at
    `at` seconds, or at its start, middle and end.

    `look` draws a casting scenario's people as the session at that place in a group sees them (without it,
    as the file describes them)."""
    base = scenario
    casting = draw_casting(base, casting_rng(0), look) if look is not None else None
    if casting is not None:
        scenario = apply_looks(base, casting)
    frame_of = partial(_frame, casting=casting)
    out.mkdir(parents=True, exist_ok=True)
    surface = pygame.Surface(size)
    rows: list[dict[str, str]] = []

    def add(name: str, screen: Screen, frame: Frame, caption: str, detail: str = "") -> None:
        _shot(surface, screen, frame, out / f"{name}.png")
        rows.append({"file": f"{name}.png", "caption": caption, "detail": detail})

    add("00_briefing", Screen.BRIEFING, _frame(scenario, None, size, lang, UiState()), "briefing")
    for node_id, node in scenario.nodes.items():
        session = Session(base, clock=FakeClock(), start_node=node_id, lang=lang)
        steps = sorted({s.value for _c, s, _ch, _p in node_choices(scenario, node_id)})
        if isinstance(node, SelectionNode):
            for n, t in enumerate(street_seconds(node, at)):  # the whole running street at each second
                name = node_id if n == 0 else f"{node_id}__straat_t{t:05.1f}"
                strip, _tags = street_strip(scenario, node, node_id, size, lang, t)
                pygame.image.save(strip, str(out / f"{name}.png"))
                rows.append(
                    {
                        "file": f"{name}.png",
                        "caption": f"{node_id} · {t:g} s",
                        "detail": _street_detail(node, lang),
                        "wide": "1",
                    }
                )
            for t in street_seconds(node, at):
                add(
                    f"{node_id}__t{t:05.1f}",
                    Screen.SELECTION,
                    frame_of(scenario, session, size, lang, UiState(skip_reveal=True), street_t=t),
                    f"{node_id} · {t:g} s",
                    "selectie · " + ", ".join(steps),
                )
            for i, cand in enumerate(sorted(node.candidates, key=lambda c: c.position)):
                ui = UiState(focus=i, inspected=cand.id, skip_reveal=True)
                frame = frame_of(scenario, session, size, lang, ui, street_t=at or 0.0)
                ui.pan = focus_pan(frame)
                add(
                    f"{node_id}__{cand.id}",
                    Screen.SELECTION,
                    frame,
                    f"{node_id} · {cand.id}",
                    cand.label.get(lang),
                )
        elif isinstance(node, EndingNode):
            add(
                node_id,
                Screen.ENDING,
                frame_of(scenario, session, size, lang, UiState()),
                node_id,
                f"{tr('einde', 'ending', lang)} · {tr(*OUTCOME_LABELS[node.outcome], lang)}",
            )
        else:
            full = frame_of(scenario, session, size, lang, UiState(skip_reveal=True, focus=None))
            for seconds, line, name in speaker_moments(scenario, full):
                add(
                    f"{node_id}__regel{line + 1}",
                    Screen.DIALOGUE,
                    frame_of(scenario, session, size, lang, UiState(focus=None), now=seconds),
                    f"{node_id} · {tr('regel', 'line', lang)} {line + 1}",
                    name,
                )
            flow = next_words(scenario, node, lang) if isinstance(node, SceneNode) else None
            detail = ", ".join(steps) or tr("verder", "continue", lang)
            add(node_id, Screen.DIALOGUE, full, node_id, f"{detail} · {flow}" if flow else detail)
    reflection = Session(
        base,
        clock=FakeClock(),
        start_node=next(n for n, x in scenario.nodes.items() if isinstance(x, EndingNode)),
        lang=lang,
    )
    reflection.advance()
    add(
        "zz_reflectie",
        Screen.REFLECTION,
        frame_of(scenario, reflection, size, lang, UiState()),
        tr("reflectie", "reflection", lang),
    )
    # Only the questions this route asks: one with a `when:` that does not hold is not open to answer.
    while (question := reflection.next_question()) is not None:
        reflection.answer(question.id, "…")
    add(
        "zz_registratie",
        Screen.REGISTRATION,
        frame_of(scenario, reflection, size, lang, UiState()),
        tr("registratie", "registration", lang),
    )
    add(
        "zz_leerdoelen",
        Screen.PERSPECTIVE,
        _frame(scenario, None, size, lang, UiState()),
        tr("leerdoelen", "learning goals", lang),
    )
    (out / "index.html").write_text(index_html(scenario, rows, lang), encoding="utf-8")
    return rows


def _street_detail(node: SelectionNode, lang: str) -> str:
    """The strip's caption: every candidate from left to right by id and label, readable at any size."""
    people = " · ".join(
        f"{c.id} ({c.label.get(lang)})" for c in sorted(node.candidates, key=lambda c: c.position)
    )
    return tr(
        "selectie, de hele straat: {n} kandidaten van links naar rechts: {people}",
        "selection, the whole street: {n} candidates from left to right: {people}",
        lang,
    ).format(n=len(node.candidates), people=people)


def render_headless(
    scenario: Scenario,
    out: Path,
    *,
    size: tuple[int, int],
    lang: str,
    at: float | None = None,
    look: int | None = None,
    scenario_file: Path | None = None,
) -> list[dict[str, str]]:
    """`render` with pygame set up for drawing without a window (and the backdrop images the scenario
    names, found next to `scenario_file` or in assets/images/)."""
    pygame.display.init()
    pygame.font.init()
    if scenario_file is not None:
        use_images(scenario, scenario_file)
    return render(scenario, out, size=size, lang=lang, at=at, look=look)


def index_html(scenario: Scenario, rows: list[dict[str, str]], lang: str) -> str:
    cards = "\n".join(
        f'<figure{" class=wide" if r.get("wide") else ""}><a href="{html.escape(r["file"])}">'
        f'<img src="{html.escape(r["file"])}" loading="lazy" '
        f'alt="{html.escape(r["caption"])}"></a><figcaption><b>{html.escape(r["caption"])}</b>'
        f"<br>{html.escape(r['detail'])}</figcaption></figure>"
        for r in rows
    )
    title = html.escape(scenario.title.get(lang))
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} — storyboard</title>
<style>
body {{ font-family: sans-serif; margin: 24px; background: #f6f4ee; color: #14181f; }}
main {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 18px; }}
figure {{ margin: 0; background: white; padding: 8px; border-radius: 8px; box-shadow: 0 1px 3px #0003; }}
img {{ width: 100%; display: block; border-radius: 4px; }}
figcaption {{ font-size: 14px; padding-top: 6px; }}
figure.wide {{ grid-column: 1 / -1; }}
</style></head>
<body><h1>{title}</h1><p>{html.escape(scenario.summary.get(lang))}</p><main>
{cards}
</main></body></html>
"""
