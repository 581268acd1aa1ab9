"""Frozen records (trainer/engine/frozen.py): events are tuples underneath, and must not behave like it."""

from __future__ import annotations

import copy
import dataclasses
import json
import operator

import pytest

from trainer.engine.events import (
    EVENT_TYPES,
    ChoiceMade,
    EndingReached,
    NodeEntered,
    SessionStarted,
    TimedOut,
    event_from_dict,
)
from trainer.engine.frozen import Record


def _choice() -> ChoiceMade:
    return ChoiceMade(
        1.5, "straat", "k0", "selecteren", "in_lijn", "s0_0", 1.5, False, ("gedrag",), (), None, ()
    )


def test_assigning_a_field_or_a_new_attribute_raises() -> None:
    event = _choice()
    with pytest.raises(AttributeError):
        event.node = "elders"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        event.extra = 1  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        del event.node
    assert event.node == "straat"


def test_a_record_equals_only_the_same_class_with_the_same_fields() -> None:
    assert _choice() == _choice()
    assert operator.ne(_choice(), _choice()) is False
    assert hash(_choice()) == hash(_choice())
    assert _choice() != tuple(_choice())  # never a plain tuple
    assert tuple(_choice()) != _choice()
    # two event types with equal fields stay different events, and hash apart
    assert TimedOut(1.0, "a", "b") != EndingReached(1.0, "a", "b")
    assert len({TimedOut(1.0, "a", "b"), EndingReached(1.0, "a", "b")}) == 2
    assert NodeEntered(1.0, "a", ("x",)) != NodeEntered(1.0, "a", ("y",))
    with pytest.raises(TypeError):
        _ = _choice() < _choice()


def test_it_is_a_dataclass_to_the_dataclasses_module() -> None:
    event = NodeEntered(2.0, "straat", ("a", "b"))
    assert dataclasses.is_dataclass(event)
    assert [f.name for f in dataclasses.fields(event)] == ["t", "node", "order"]
    assert dataclasses.asdict(event) == {"t": 2.0, "node": "straat", "order": ("a", "b")}
    changed = dataclasses.replace(event, order=())
    assert changed == NodeEntered(2.0, "straat") and type(changed) is NodeEntered
    assert event.order == ("a", "b")  # replace made a new one
    assert copy.copy(event) == event and copy.deepcopy(event) == event


def test_fields_by_position_and_name_with_defaults_and_factories() -> None:
    assert NodeEntered(t=1.0, node="x") == NodeEntered(1.0, "x", ())
    one = SessionStarted(0.0, "s", 1, "h", 7, "nl", "straat")
    two = SessionStarted(0.0, "s", 1, "h", 7, "nl", "straat")
    assert one.pace == 1.0 and one.casting == {} and one.casting_place is None
    assert one.casting is not two.casting  # a fresh dict per record, as default_factory promises
    assert repr(NodeEntered(1.0, "x")) == "NodeEntered(t=1.0, node='x', order=())"
    with pytest.raises(TypeError):
        NodeEntered(1.0)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        NodeEntered(1.0, "x", (), "extra")  # type: ignore[call-arg]


def test_json_form_is_unchanged() -> None:
    """The records store keeps `to_dict()` as JSON: the form the dataclass events had, key for key."""
    assert _choice().to_dict() == {
        "type": "choice_made",
        "t": 1.5,
        "node": "straat",
        "choice": "k0",
        "step": "selecteren",
        "assessment": "in_lijn",
        "target": "s0_0",
        "seconds": 1.5,
        "timed_out": False,
        "grounds": ["gedrag"],
        "real_trigger": [],
        "legal_basis": None,
        "values": [],
    }
    started = SessionStarted(0.0, "s", 1, "h", 7, "nl", "straat", casting={"a": "b"})
    data = started.to_dict()
    assert list(data) == ["type", "t", "scenario_id", "scenario_version", "content_hash", "seed", "lang"] + [
        "start_node",
        "pace",
        "casting",
        "casting_place",
        "casting_from",  # issue 15: where the place came from (given, server, laptop); old records: None
    ]
    data["casting"]["a"] = "changed"  # the dict handed out is a copy
    assert started.casting == {"a": "b"}
    for event in (_choice(), started, NodeEntered(3.0, "n", ("a",))):
        assert event_from_dict(json.loads(json.dumps(event.to_dict()))) == event


def test_every_event_type_is_a_record() -> None:
    assert all(issubclass(cls, Record) for cls in EVENT_TYPES.values())


def test_a_mutable_default_is_refused() -> None:
    with pytest.raises(ValueError, match="default_factory"):

        class _Bad(Record):
            names: list[str] = []  # noqa: RUF012


def test_the_field_tuple_types_match_their_records() -> None:
    """The hot path builds ChoiceMade and NodeEntered from a tuple typed by these aliases: each alias must
    list its record's field types in declaration order, or mypy would check the wrong thing."""
    import typing

    from trainer.engine.events import ChoiceMadeFields, NodeEnteredFields

    for alias, cls in ((ChoiceMadeFields, ChoiceMade), (NodeEnteredFields, NodeEntered)):
        hints = typing.get_type_hints(cls)
        assert typing.get_args(alias) == tuple(hints[f.name] for f in dataclasses.fields(cls)), cls
    made = tuple.__new__(ChoiceMade, tuple(_choice()))
    assert made == _choice() and made.values == () and made.seconds == 1.5
