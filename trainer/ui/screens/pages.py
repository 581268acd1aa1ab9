"""The content of each text page: briefing, ending, perspective switch, done, findings, pause."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from trainer.engine.perspective import PerspectivePage
from trainer.model.scenario import EndingNode, Line, Scenario
from trainer.model.text import tr
from trainer.model.vocabulary import OUTCOME_LABELS, STEP_LABELS, STEP_ORDER, MeterKind
from trainer.ui.frame import Advance, Begin, Frame, OpenSettings, Quit, ToMenu, Unpause
from trainer.ui.perspective import told
from trainer.ui.screens.page import Gauge, Page
from trainer.ui.strings import t


def met_on_route(scenario: Scenario, visited: Sequence[str]) -> set[str]:
    """Who the trainee met: everyone who has a line in a node of the route (the ending's own included)."""
    return {
        line.speaker
        for node_id in visited
        if node_id in scenario.nodes
        for line in getattr(scenario.nodes[node_id], "lines", ())
    }


def gauges(
    scenario: Scenario, values: Mapping[str, int], lang: str, visited: Sequence[str]
) -> tuple[Gauge, ...]:
    """Tension and trust as they stand: shown after play (ending, perspective), never as a live score.

    A person's trust is shown only if the route met them: a gauge for someone the trainee never spoke to
    would say their trust was kept, or lost, by a conversation that did not happen."""
    met = met_on_route(scenario, visited)
    return tuple(
        (spec.label.get(lang), values.get(name, spec.start), spec.min, spec.max)
        for name, spec in scenario.state.meters.items()
        if spec.kind != MeterKind.ANDERS and (spec.kind != MeterKind.VERTROUWEN or spec.cast in met)
    )[:4]


def briefing(frame: Frame) -> Page:
    sc = frame.scenario
    assert sc is not None
    lang = frame.lang
    partner = next((c for c in sc.cast if c.id == sc.briefing.partner), None)
    paragraphs = [
        ("", f"{sc.setting.place.get(lang)} · {sc.title.get(lang)}"),
        (t(lang, "you_are"), sc.briefing.you.get(lang)),
    ]
    if partner is not None:
        paragraphs.append((t(lang, "partner"), f"{partner.name.get(lang)}, {partner.role.get(lang)}"))
    paragraphs.append((t(lang, "briefing_title"), sc.briefing.text.get(lang)))
    return Page(t(lang, "briefing_title"), tuple(paragraphs), ((t(lang, "begin"), Begin()),))


def ending(frame: Frame) -> Page:
    assert frame.view is not None and isinstance(frame.view.node, EndingNode)
    node, lang = frame.view.node, frame.lang
    outcome = tr(*OUTCOME_LABELS[node.outcome], lang)
    assert frame.scenario is not None
    lines = "\n".join(_spoken(frame.scenario, line, lang) for line in frame.view.lines)
    paragraphs = [(t(lang, "ending_title") + ": " + outcome, node.summary.get(lang))]
    if lines:
        paragraphs.insert(0, ("", lines))
    return Page(
        node.title.get(lang),
        tuple(paragraphs),
        ((t(lang, "continue"), Advance()),),
        meters=gauges(frame.scenario, frame.view.meters, lang, frame.view.visited),
    )


def _spoken(scenario: Scenario, line: Line, lang: str) -> str:
    """A closing line with who says it (a narrator's line as it is): the last words matter most."""
    member = next((c for c in scenario.cast if c.id == line.speaker), None)
    return f"{member.name.get(lang)}: {line.text.get(lang)}" if member else line.text.get(lang)


def goals_page(scenario: Scenario, lang: str) -> Page:
    """The learning goals, shown only after the reflection: before it they would name the intended answers."""
    paragraphs = [("", t(lang, "goals_intro"))]
    for step in STEP_ORDER:
        goal = getattr(scenario.learning_goals, step.value)
        paragraphs.append((tr(*STEP_LABELS[step], lang), goal.get(lang)))
    return Page(t(lang, "goals_title"), tuple(paragraphs), ())


def notes(frame: Frame) -> Page:
    """The briefing and every information item met so far, reopened with B during play (time stands still)."""
    sc = frame.scenario
    assert sc is not None
    lang = frame.lang
    paragraphs = [
        (t(lang, "you_are"), sc.briefing.you.get(lang)),
        (t(lang, "briefing_title"), sc.briefing.text.get(lang)),
    ]
    seen: list[str] = []
    for node_id in frame.view.visited if frame.view is not None else ():
        for item in getattr(sc.nodes.get(node_id), "info", ()):
            text = f"{item.heading(lang)}: {item.text.get(lang)}"
            if text not in seen:
                seen.append(text)
    if seen:
        paragraphs.append((t(lang, "notes_info"), "\n".join(seen)))
    return Page(t(lang, "notes_title"), tuple(paragraphs), ((t(lang, "notes_back"), Unpause()),))


def perspective_pages(
    scenario: Scenario,
    route: Sequence[PerspectivePage],
    lang: str,
    meters: Mapping[str, int] | None = None,
    visited: Sequence[str] = (),
) -> tuple[Page, ...]:
    """The engine's perspective switch (the view's `perspective`, shared with `play --text`) as pages to
    draw, then the learning goals. The first page shows where tension and trust ended. A page about the
    stopped person shows the street from their side, with the trainee's own words as they heard them."""
    you = (t(lang, "you_are"), t(lang, "timeout_then"))
    pages = [
        Page(
            p.title,
            p.paragraphs,
            (),
            p.portrait,
            scene=p.portrait,
            heard=next((text for head, text in p.paragraphs if head in you), None),
        )
        for p in (told(page, lang) for page in route)
    ]
    if pages and meters is not None:
        first = pages[0]
        pages[0] = Page(
            first.title,
            first.paragraphs,
            first.buttons,
            first.portrait,
            gauges(scenario, meters, lang, visited),
            first.scene,
            first.heard,
        )
    pages.append(goals_page(scenario, lang))
    return tuple(pages)


def with_buttons(page: Page, lang: str, last: bool) -> Page:
    label = t(lang, "done_title") if last else t(lang, "next")
    return Page(
        page.title, page.paragraphs, ((label, Advance()),), page.portrait, page.meters, page.scene, page.heard
    )


def done(frame: Frame) -> Page:
    lang = frame.lang
    return Page(
        t(lang, "done_title"),
        (("", t(lang, "done_text")),),
        ((t(lang, "again"), ToMenu()), (t(lang, "quit"), Quit())),
    )


def findings(frame: Frame) -> Page:
    lang = frame.lang
    lines = frame.findings
    # The first few in full (each names file:line:column); `trainer check` lists them all.
    shown = "\n".join(lines[:4]) + (
        f"\n{t(lang, 'findings_more', n=len(lines) - 4)}" if len(lines) > 4 else ""
    )
    # Picked from the menu (a bundled file is checked only when picked): the way back is the menu.
    picked = bool(frame.scenarios)
    buttons = (
        ((t(lang, "again"), ToMenu()), (t(lang, "quit"), Quit())) if picked else ((t(lang, "quit"), Quit()),)
    )
    help_key = "findings_help_menu" if picked else "findings_help"
    return Page(t(lang, "findings_title"), (("", shown), ("", t(lang, help_key))), buttons)


def pause(frame: Frame) -> Page:
    lang = frame.lang
    return Page(
        t(lang, "paused"),
        (("", t(lang, "text_size")),),
        (
            (t(lang, "resume"), Unpause()),
            (t(lang, "settings"), OpenSettings()),
            (t(lang, "again"), ToMenu()),
            (t(lang, "quit"), Quit()),
        ),
    )
