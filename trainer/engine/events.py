"""Events a Session emits: the record of everything that happened, in past tense.

Every event is plain data and round-trips through JSON: the records store and the debrief read these.
"""

from __future__ import annotations

from dataclasses import MISSING, asdict, field, fields
from typing import Any, ClassVar

from trainer.engine.errors import EngineError
from trainer.engine.frozen import Record


class Event(Record):
    """Base: `t` is seconds since the session started, from the injected clock."""

    t: float
    type: ClassVar[str] = "event"

    def to_dict(self) -> dict[str, Any]:
        """JSON-shaped: tuples become lists, so the dict equals its own JSON round trip."""
        data = asdict(self)
        return {"type": self.type, **{k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}}


class SessionStarted(Event):
    """`pace` > 1 is the slower tempo a trainee chose: every timer lasts `pace` times as long and the scene
    moves that much slower. Recorded so the debrief knows; records from before it read as 1.0."""

    scenario_id: str
    scenario_version: int
    content_hash: str
    seed: int
    lang: str
    start_node: str
    pace: float = 1.0
    # The look each pooled cast member has in this session (cast id -> look id) and the session's place in
    # its group that chose it (None: drawn from the seed). Records from before casting have neither.
    casting: dict[str, str] = field(default_factory=dict)
    casting_place: int | None = None
    # Where the place came from: "given" (--place), "server" (claimed on the shared store), "laptop" (this
    # laptop's own count, e.g. offline); None without a place.
    casting_from: str | None = None
    type: ClassVar[str] = "session_started"


class NodeEntered(Event):
    """`order` is the ids of the choices shown here, in the order shown (seeded per session)."""

    node: str
    order: tuple[str, ...] = ()
    type: ClassVar[str] = "node_entered"


class ChoiceMade(Event):
    node: str
    choice: str
    step: str
    assessment: str
    target: str
    seconds: float
    timed_out: bool
    grounds: tuple[str, ...]
    real_trigger: tuple[str, ...]
    legal_basis: str | None
    values: tuple[str, ...]
    type: ClassVar[str] = "choice_made"


# The fields of a record as one tuple type, in declaration order: the host's hot path builds the record
# from such a tuple (`tuple.__new__(ChoiceMade, fields)`, half the cost of the keyword-binding constructor)
# and mypy still checks every field; tests/engine/test_frozen.py holds each alias to its class.
ChoiceMadeFields = tuple[
    float, str, str, str, str, str, float, bool, tuple[str, ...], tuple[str, ...], str | None, tuple[str, ...]
]
NodeEnteredFields = tuple[float, str, tuple[str, ...]]


class TimedOut(Event):
    node: str
    default: str
    type: ClassVar[str] = "timed_out"


class EndingReached(Event):
    node: str
    outcome: str
    type: ClassVar[str] = "ending_reached"


class ReflectionStarted(Event):
    type: ClassVar[str] = "reflection_started"


class ReflectionAnswered(Event):
    question: str
    step: str
    answer: str
    type: ClassVar[str] = "reflection_answered"


class ReflectionShared(Event):
    """The trainee's answer to "mag gedeeld worden": may the group sheet show the reflections (anonymously)?
    No such event means no."""

    shared: bool
    type: ClassVar[str] = "reflection_shared"


class RegistrationMade(Event):
    grounds: tuple[str, ...]
    legal_basis: str
    outcome: str
    reason: str
    type: ClassVar[str] = "registration_made"


class SessionFinished(Event):
    type: ClassVar[str] = "session_finished"


class RevoteCast(Event):
    """The trainee's vote in a group revote (vote, discuss, revote): the same decision again, asked by the
    gespreksleider after the talk. Recorded into the trainee's own session, usually after its ending, so sync,
    export and purge carry it with the session; the first choice at `node` stays the ChoiceMade before it.
    `step` and `assessment` are the chosen option's, as in ChoiceMade."""

    revote_id: str
    node: str
    choice: str
    step: str
    assessment: str
    type: ClassVar[str] = "revote_cast"


PLACE_SOURCES = (None, "given", "server", "laptop")
"""Where a session's place in its group came from (SessionStarted.casting_from)."""

EVENT_TYPES: dict[str, type[Event]] = {
    cls.type: cls
    for cls in (
        SessionStarted,
        NodeEntered,
        ChoiceMade,
        TimedOut,
        EndingReached,
        ReflectionStarted,
        ReflectionAnswered,
        ReflectionShared,
        RegistrationMade,
        SessionFinished,
        RevoteCast,
    )
}


def event_from_dict(data: dict[str, Any]) -> Event:
    """Rebuild an event from its JSON form; raises EngineError on anything malformed."""
    try:
        cls = EVENT_TYPES[data["type"]]
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data and (f.default is not MISSING or f.default_factory is not MISSING):
                continue  # a field added later: records written before it keep its default
            value = data[f.name]
            values[f.name] = tuple(value) if isinstance(value, list) else value
        casting = values.get("casting", {})
        if not isinstance(casting, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in casting.items()
        ):
            raise TypeError("casting is not a mapping of names")
        place = values.get("casting_place")
        if place is not None and (not isinstance(place, int) or isinstance(place, bool) or place < 0):
            raise TypeError("casting_place is not a place in a group")
        if values.get("casting_from") not in PLACE_SOURCES:
            raise TypeError("casting_from is not where a place came from")
        return cls(**values)
    except (KeyError, TypeError) as exc:
        raise EngineError(f"onleesbare gebeurtenis: {exc}", f"unreadable event: {exc}") from None
