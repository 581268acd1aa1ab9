"""What a host shows now: plain, immutable data handed out by Session.view()."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from trainer.engine.perspective import PerspectivePage
from trainer.model.scenario import ChoiceBase, EndingNode, Line, ReflectionQuestion, SceneNode, SelectionNode
from trainer.model.vocabulary import Step


class Phase(StrEnum):
    PLAY = "play"
    ENDING = "ending"
    REFLECTION = "reflection"
    REGISTRATION = "registration"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class ChoiceOption:
    """A legal choice now: its id (a candidate id or 'niemand' in a selection), step and content."""

    id: str
    step: Step
    choice: ChoiceBase


class View(NamedTuple):
    """What to show now. A NamedTuple rather than a frozen dataclass: just as immutable, and built once per
    move on the host's hot path, where a frozen dataclass's field-by-field __init__ cost a quarter of a
    step."""

    phase: Phase
    node_id: str | None
    node: SelectionNode | SceneNode | EndingNode | None
    choices: tuple[ChoiceOption, ...]
    timer_seconds: int | None
    can_advance: bool
    question: ReflectionQuestion | None
    flags: Mapping[str, bool]  # read-only: the session's immutable state
    meters: Mapping[str, int]
    lines: tuple[Line, ...] = ()  # the node's lines shown in the current state
    visited: tuple[str, ...] = ()  # the nodes entered so far, first visit first (what the trainee has met)
    last_question: bool = False  # the reflection's last question: "mag gedeeld worden" is asked with it
    # Once done: the trainee's route retold from the other side (the perspective switch), for every host.
    perspective: tuple[PerspectivePage, ...] = ()
