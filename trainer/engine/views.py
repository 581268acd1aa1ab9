"""What a host shows now: plain, immutable data handed out by Session.view()."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

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


@dataclass(frozen=True, slots=True)
class View:
    phase: Phase
    node_id: str | None
    node: SelectionNode | SceneNode | EndingNode | None
    choices: tuple[ChoiceOption, ...]
    timer_seconds: int | None
    can_advance: bool
    question: ReflectionQuestion | None
    flags: dict[str, bool]
    meters: dict[str, int]
    lines: tuple[Line, ...] = ()  # the node's lines shown in the current state
    last_question: bool = False  # the reflection's last question: "mag gedeeld worden" is asked with it
