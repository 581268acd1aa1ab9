"""The perspective switch: the trainee's route retold from the other side, as plain pages.

Domain data, handed out by `Session.view()` once the session is done: the window draws these pages and
`play --text` prints them, so both hosts show the same thing in the same order. Authored text comes in the
session's language; the few fixed words ("Jij", the intro) are `Caption`s a host looks up in its own string
catalogue (the engine has none). Each page says who speaks: a perspective text that starts with a cast
member's name ("Noah: '...'", "Nadia, verderop: '...'") is that person's, whoever was addressed; a text that
names nobody at its start gets no speaker heading rather than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from trainer.engine.events import ChoiceMade, EndingReached, Event
from trainer.model.graph import NOBODY, node_choices
from trainer.model.scenario import CastMember, EndingNode, Scenario, SelectionNode


class Caption(StrEnum):
    """The fixed words of a perspective page; the values are the keys of the hosts' string catalogue."""

    YOU = "you_are"  # heading over the trainee's own words
    TIMEOUT_THEN = "timeout_then"  # heading over a default the timer chose: never the trainee's words
    INTRO = "perspective_intro"
    NONE = "perspective_none"  # nobody was stopped


Words = str | Caption  # an authored text, or a caption the host translates ("" means no heading)


@dataclass(frozen=True)
class PerspectivePage:
    """One page: whose perspective (`about`, a name; None for "the others"), (heading, text) paragraphs,
    and the person to show beside it."""

    about: str | None
    paragraphs: tuple[tuple[Words, Words], ...]
    portrait: CastMember | None = None


def speaker(text: str, scenario: Scenario, lang: str) -> tuple[CastMember | None, str]:
    """Who a perspective text belongs to, and the text without a leading "Name:" (the heading says it).

    Only a name at the very start counts, followed by ':' or ',' or a space; the longest name wins
    ("meneer Vos" before "Vos").
    """
    members = sorted(
        (m for m in scenario.cast if m.kind.value != "agent"), key=lambda m: -len(m.name.get(lang))
    )
    for member in members:
        name = member.name.get(lang)
        match = re.match(rf"{re.escape(name)}(?=[\s:,(])(\s*:\s*)?", text, flags=re.IGNORECASE)
        if match:
            return member, text[match.end() :] if match.group(1) else text
    return None, text


def perspective_pages(scenario: Scenario, events: Sequence[Event], lang: str) -> tuple[PerspectivePage, ...]:
    """The trainee's own route retold from the stopped person's side, one page per authored perspective."""
    pages: list[PerspectivePage] = []
    made = [e for e in events if isinstance(e, ChoiceMade)]
    selected = next((e for e in made if isinstance(scenario.nodes.get(e.node), SelectionNode)), None)
    person: CastMember | None = None
    about: str | None = None
    if selected is not None and selected.choice != NOBODY:
        node = scenario.nodes[selected.node]
        assert isinstance(node, SelectionNode)
        cand = next(c for c in node.candidates if c.id == selected.choice)
        person = next((c for c in scenario.cast if c.id == cand.cast[0]), None)
        about = person.name.get(lang) if person else cand.label.get(lang)
        intro: list[tuple[Words, Words]] = [("", Caption.INTRO)]
        if cand.perspective is not None:
            intro.append(_voiced(cand.label.get(lang), cand.perspective.get(lang), scenario, lang)[:2])
        pages.append(PerspectivePage(about, tuple(intro), person))
    elif selected is not None:
        node = scenario.nodes[selected.node]
        assert isinstance(node, SelectionNode)
        seen = tuple((c.label.get(lang), c.perspective.get(lang)) for c in node.candidates if c.perspective)[
            :3
        ]
        pages.append(PerspectivePage(about, (("", Caption.NONE), *seen)))
    for event in made:
        choice = next(ch for cid, _s, ch, _p in node_choices(scenario, event.node) if cid == event.choice)
        if choice.perspective is None or event is selected:
            continue
        heading, text, voice = _voiced("", choice.perspective.get(lang), scenario, lang)
        yours = Caption.TIMEOUT_THEN if event.timed_out else Caption.YOU
        pages.append(
            PerspectivePage(
                voice.name.get(lang) if voice else about,
                ((yours, choice.text.get(lang)), (heading, text)),
                voice or person,
            )
        )
    for ended in events:
        if isinstance(ended, EndingReached):
            node = scenario.nodes[ended.node]
            if isinstance(node, EndingNode) and node.perspective is not None:
                heading, text, voice = _voiced("", node.perspective.get(lang), scenario, lang)
                pages.append(
                    PerspectivePage(
                        voice.name.get(lang) if voice else about, ((heading, text),), voice or person
                    )
                )
    return tuple(pages)


def _voiced(fallback: str, text: str, scenario: Scenario, lang: str) -> tuple[str, str, CastMember | None]:
    """(heading, text, speaker): the speaker's name as heading when the text starts with it."""
    voice, rest = speaker(text, scenario, lang)
    if voice is None:
        return fallback, text, None
    if rest == text:  # narration that names its person ("Nadia, verderop, ..."): no heading to repeat it
        return "", text, voice
    return voice.name.get(lang), rest, voice  # "Noah: '...'" becomes heading "Noah" over "'...'"
