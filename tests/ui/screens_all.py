"""Every screen state of every bundled scenario, as (name, screen, frame): for layout tests and snapshots."""

from __future__ import annotations

from collections.abc import Iterator

from tests.ui.cards import card_of
from trainer.engine.clock import FakeClock
from trainer.engine.session import Session
from trainer.model.card import ScenarioCard
from trainer.model.loader import LoadedScenario
from trainer.model.scenario import EndingNode, SelectionNode
from trainer.ui.frame import Frame, UiState, Unfinished
from trainer.ui.screens import pages
from trainer.ui.theme import Theme


def frame(
    loaded: LoadedScenario | None,
    session: Session | None,
    size: tuple[int, int],
    lang: str,
    ui: UiState | None = None,
    *,
    scenarios: tuple[ScenarioCard, ...] = (),
    resume: tuple[Unfinished, ...] = (),
    findings: tuple[str, ...] = (),
    perspective: tuple[pages.Page, ...] = (),
) -> Frame:
    view = session.view() if session is not None else None
    timer = float(view.timer_seconds) if view is not None and view.timer_seconds else None
    return Frame(
        Theme(height=size[1]),
        size,
        lang,
        ui or UiState(skip_reveal=True),
        now=30.0,
        view=view,
        scenario=loaded.scenario if loaded else None,
        timer_left=timer,
        scenarios=scenarios,
        resume=resume,
        findings=findings,
        perspective=perspective,
    )


def all_states(
    scenarios: list[LoadedScenario], size: tuple[int, int], lang: str
) -> Iterator[tuple[str, str, Frame]]:
    yield (
        "start",
        "start",
        frame(None, None, size, lang, UiState(fields={"code": "A17", "group": "ochtend-2026-11"})),
    )
    for i in range(len(scenarios)):
        yield (
            f"picker{i}",
            "picker",
            frame(
                None,
                None,
                size,
                lang,
                UiState(focus=i),
                scenarios=tuple(card_of(loaded) for loaded in scenarios),
                resume=(
                    Unfinished(
                        "abc",
                        "nachtelijke_verkeerscontrole",
                        "2026-11-22 10:00",
                        "Nachtelijke verkeerscontrole",
                    ),
                ),
            ),
        )
    yield "done", "done", frame(None, None, size, lang)
    yield (
        "findings",
        "findings",
        frame(None, None, size, lang, findings=("a.yaml:1:1: fout L003: " + "x" * 150,) * 12),
    )
    for loaded in scenarios:
        sc = loaded.scenario
        yield f"{sc.id}/briefing", "briefing", frame(loaded, None, size, lang)
        yield f"{sc.id}/pause", "pause", frame(loaded, None, size, lang)
        for node_id, node in sc.nodes.items():
            session = Session(sc, clock=FakeClock(), start_node=node_id)
            if isinstance(node, SelectionNode):
                yield f"{sc.id}/{node_id}", "selection", frame(loaded, session, size, lang)
                for i, cand in enumerate(sorted(node.candidates, key=lambda c: c.position)):
                    ui = UiState(focus=i, inspected=cand.id, skip_reveal=True)
                    yield f"{sc.id}/{node_id}/{cand.id}", "selection", frame(loaded, session, size, lang, ui)
            elif isinstance(node, EndingNode):
                yield f"{sc.id}/{node_id}", "ending", frame(loaded, session, size, lang)
                session.advance()
                # the questions this route asks: one whose when: fails on it is not open (and not drawn)
                while (q := session.next_question()) is not None:
                    yield (
                        f"{sc.id}/reflect/{q.id}",
                        "reflection",
                        frame(loaded, session, size, lang, UiState(fields={q.id: "Omdat " * 60})),
                    )
                    session.answer(q.id, "…")
                yield (
                    f"{sc.id}/registration/{node_id}",
                    "registration",
                    frame(loaded, session, size, lang, UiState(fields={"reason": "x " * 200})),
                )
            else:
                yield f"{sc.id}/{node_id}", "dialogue", frame(loaded, session, size, lang)
        # the perspective switch for routes through each candidate
        for event_pages in _perspectives(loaded, lang):
            for j, _page in enumerate(event_pages):
                yield (
                    f"{sc.id}/perspective{j}",
                    "perspective",
                    frame(loaded, None, size, lang, UiState(page=j), perspective=event_pages),
                )
            break


def _perspectives(loaded: LoadedScenario, lang: str) -> Iterator[tuple[pages.Page, ...]]:
    import random

    from trainer.engine.autoplay import autoplay

    for seed in range(3):
        session = Session(loaded.scenario, clock=FakeClock(), seed=seed, lang=lang)
        autoplay(session, random.Random(seed))
        found = pages.perspective_pages(loaded.scenario, session.view().perspective, lang)
        if found:
            yield found
