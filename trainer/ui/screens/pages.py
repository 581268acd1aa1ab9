"""The content of each text page: briefing, ending, perspective switch, done, findings, pause."""

from __future__ import annotations

from trainer.model.scenario import EndingNode, Scenario
from trainer.model.vocabulary import OUTCOME_LABELS
from trainer.ui import perspective
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
    outcome = OUTCOME_LABELS[node.outcome][1 if lang == "en" else 0]
    lines = " ".join(line.text.get(lang) for line in frame.view.lines)
    paragraphs = [(t(lang, "ending_title") + ": " + outcome, node.summary.get(lang))]
    if lines:
        paragraphs.insert(0, ("", lines))
    return Page(node.title.get(lang), tuple(paragraphs), ((t(lang, "continue"), Advance()),))


def perspective_pages(scenario: Scenario, events: list, lang: str) -> list[Page]:  # type: ignore[type-arg]
    """The perspective switch as pages to draw (content shared with `play --text`)."""
    return [
        Page(p.title, p.paragraphs, (), p.portrait)
        for p in perspective.perspective_pages(scenario, events, lang)
    ]


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
    # The first few in full (each names file:line:column); `trainer check` lists them all.
    shown = "\n".join(lines[:4]) + (
        f"\n{t(lang, 'findings_more', n=len(lines) - 4)}" if len(lines) > 4 else ""
    )
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
