"""The content of each text page: briefing, ending, perspective switch, done, findings, pause."""

from __future__ import annotations

from trainer.engine.events import ChoiceMade, EndingReached
from trainer.model.graph import NOBODY, node_choices
from trainer.model.scenario import EndingNode, Scenario, SelectionNode
from trainer.model.text import tr
from trainer.model.vocabulary import OUTCOME_LABELS
from trainer.ui.frame import Advance, Begin, Frame, Quit, ToMenu, Unpause
from trainer.ui.screens.page import Page
from trainer.ui.strings import t


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
    lines = " ".join(line.text.get(lang) for line in frame.view.lines)
    paragraphs = [(t(lang, "ending_title") + ": " + outcome, node.summary.get(lang))]
    if lines:
        paragraphs.insert(0, ("", lines))
    return Page(node.title.get(lang), tuple(paragraphs), ((t(lang, "continue"), Advance()),))


def perspective_pages(scenario: Scenario, events: list, lang: str) -> list[Page]:  # type: ignore[type-arg]
    """The trainee's own route retold from the stopped person's side, one page per authored perspective."""
    pages: list[Page] = []
    made = [e for e in events if isinstance(e, ChoiceMade)]
    selected = next((e for e in made if isinstance(scenario.nodes.get(e.node), SelectionNode)), None)
    person = None
    if selected is not None and selected.choice != NOBODY:
        node = scenario.nodes[selected.node]
        assert isinstance(node, SelectionNode)
        cand = next(c for c in node.candidates if c.id == selected.choice)
        person = next((c for c in scenario.cast if c.id == cand.cast[0]), None)
        name = person.name.get(lang) if person else cand.label.get(lang)
        intro = [("", t(lang, "perspective_intro"))]
        if cand.perspective is not None:
            intro.append((cand.label.get(lang), cand.perspective.get(lang)))
        pages.append(Page(t(lang, "perspective_title", name=name), tuple(intro), (), person))
    elif selected is not None:
        node = scenario.nodes[selected.node]
        assert isinstance(node, SelectionNode)
        seen = tuple((c.label.get(lang), c.perspective.get(lang)) for c in node.candidates if c.perspective)[
            :3
        ]
        pages.append(Page(t(lang, "perspective_others"), (("", t(lang, "perspective_none")), *seen), ()))
    title = pages[0].title if pages else t(lang, "perspective_others")
    for event in made:
        choice = next(ch for cid, _s, ch, _p in node_choices(scenario, event.node) if cid == event.choice)
        if choice.perspective is None or event is selected:
            continue
        other = person.name.get(lang) if person is not None else t(lang, "them")
        pages.append(
            Page(
                title,
                ((t(lang, "you_are"), choice.text.get(lang)), (other, choice.perspective.get(lang))),
                (),
                person,
            )
        )
    for event in events:
        if isinstance(event, EndingReached):
            node = scenario.nodes[event.node]
            if isinstance(node, EndingNode) and node.perspective is not None:
                pages.append(Page(title, (("", node.perspective.get(lang)),), (), person))
    return pages


def with_buttons(page: Page, lang: str, last: bool) -> Page:
    label = t(lang, "done_title") if last else t(lang, "next")
    return Page(page.title, page.paragraphs, ((label, Advance()),), page.portrait)


def done(frame: Frame) -> Page:
    lang = frame.lang
    return Page(
        t(lang, "done_title"),
        (("", t(lang, "done_text")),),
        ((t(lang, "again"), ToMenu()), (t(lang, "quit"), Quit())),
    )


def findings(frame: Frame) -> Page:
    lang = frame.lang
    lines: list[str] = frame.extra.get("findings", [])
    shown = "\n".join(lines[:8]) + (f"\n(+{len(lines) - 8})" if len(lines) > 8 else "")
    return Page(
        t(lang, "findings_title"), (("", shown), ("", t(lang, "findings_help"))), ((t(lang, "quit"), Quit()),)
    )


def pause(frame: Frame) -> Page:
    lang = frame.lang
    return Page(
        t(lang, "paused"),
        (("", t(lang, "text_size")),),
        ((t(lang, "resume"), Unpause()), (t(lang, "again"), ToMenu()), (t(lang, "quit"), Quit())),
    )
