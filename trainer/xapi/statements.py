"""One recorded session as xAPI 2.0 statements: pure, from the session's row, its events and its scenario.

A statement's id is a UUID v5 of (session id, sequence number), so the same record always gives the same
statements and a re-send stores nothing twice. A statement is only made once what it says is final: a
reflection waits until the reflection phase is over (the trainee's "mag gedeeld worden" may still change), so
a later export never says something different under the same id. The actor is the trainee code as an
account, never a name.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from trainer.model.graph import node_choices
from trainer.model.scenario import EndingNode, Scenario
from trainer.model.text import Text
from trainer.records.errors import RecordsError
from trainer.records.rows import EventRow, SessionRow
from trainer.xapi import profile as p

# Event types with a statement of their own, and those without: what a quiet one says is in a neighbour's
# statement (the node entered is the next choice's object, a timeout is the default's timed-out statement, the
# sharing decision decides the reflections' result). A new event type must join one of the two (a test asks).
SPOKEN = frozenset(
    {
        "session_started",
        "choice_made",
        "ending_reached",
        "reflection_answered",
        "registration_made",
        "session_finished",
    }
)
QUIET = frozenset({"node_entered", "timed_out", "reflection_started", "reflection_shared"})


@dataclass(frozen=True)
class ExportOptions:
    """What the user chose: whose accounts the codes are (homePage) and whether the group label goes along."""

    home_page: str = p.DEFAULT_HOME_PAGE
    with_group: bool = False


def statement_id(session_id: str, seq: int) -> str:
    return str(uuid.uuid5(p.STATEMENT_NAMESPACE, f"{session_id}/{seq}"))


def registration_id(session_id: str) -> str:
    """xAPI's registration (one attempt) is the session: its own UUID, or one derived from an imported id."""
    try:
        return str(uuid.UUID(session_id))
    except ValueError:
        return str(uuid.uuid5(p.STATEMENT_NAMESPACE, f"session/{session_id}"))


def duration(seconds: float) -> str:
    """ISO 8601 duration to the hundredth of a second, as xAPI 2.0 asks."""
    text = f"{max(seconds, 0.0):.2f}".rstrip("0").rstrip(".")
    return f"PT{text}S"


def _words(text: Text | None, fallback: str) -> dict[str, str]:
    if text is None:
        return {"nl": fallback}
    return {"nl": text.nl, **({"en": text.en} if text.en else {})}


class _Builder:
    """The parts every statement of one session shares, and the activities it names."""

    def __init__(self, row: SessionRow, scenario: Scenario | None, options: ExportOptions) -> None:
        self.row = row
        self.scenario = scenario
        self.options = options
        self.base = f"{p.ACTIVITIES}scenarios/{row.scenario_id}"
        self.registration = registration_id(row.id)
        self.extensions: dict[str, Any] = {
            p.SCENARIO_VERSION.iri: {
                "id": row.scenario_id,
                "version": row.scenario_version,
                "contentHash": row.content_hash,
            }
        }
        if options.with_group and row.group_label:
            self.extensions[p.GROUP.iri] = row.group_label

    def activity(self, path: str, kind: p.Concept, name: dict[str, str]) -> dict[str, Any]:
        return {
            "objectType": "Activity",
            "id": self.base + path,
            "definition": {"type": kind.iri, "name": name},
        }

    def scenario_activity(self) -> dict[str, Any]:
        title = self.scenario.title if self.scenario else None
        return self.activity("", p.SCENARIO, _words(title, self.row.scenario_id))

    def decision_point(self, node: str) -> dict[str, Any]:
        title = _words(self.scenario.title if self.scenario else None, self.row.scenario_id)
        name = {lang: f"{words}: {node}" for lang, words in title.items()}
        return self.activity(f"/decision-points/{node}", p.DECISION_POINT, name)

    def ending(self, node: str) -> dict[str, Any]:
        found = self.scenario.nodes.get(node) if self.scenario else None
        title = found.title if isinstance(found, EndingNode) else None
        return self.activity(f"/endings/{node}", p.ENDING, _words(title, node))

    def question(self, question: str) -> dict[str, Any]:
        text = (
            next((q.text for q in self.scenario.reflection if q.id == question), None)
            if self.scenario
            else None
        )
        return self.activity(f"/reflection/{question}", p.REFLECTION_QUESTION, _words(text, question))

    def registration_form(self) -> dict[str, Any]:
        return self.activity(
            "/registration", p.REGISTRATION_FORM, {"nl": "registratie", "en": "registration"}
        )

    def statement(
        self,
        event: EventRow,
        verb: p.Concept,
        obj: dict[str, Any],
        *,
        extensions: dict[str, Any] | None = None,
        result: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        context: dict[str, Any] = {
            "registration": self.registration,
            "platform": "trainer",
            "language": self.row.lang,
            "contextActivities": {
                "category": [
                    {
                        "objectType": "Activity",
                        "id": p.PROFILE_VERSION,
                        "definition": {"type": p.PROFILE_CATEGORY_TYPE},
                    }
                ]
            },
            "extensions": {**self.extensions, **(extensions or {})},
        }
        if obj["definition"]["type"] != p.SCENARIO.iri:
            context["contextActivities"]["parent"] = [{"objectType": "Activity", "id": self.base}]
        statement: dict[str, Any] = {
            "id": statement_id(self.row.id, event.seq),
            "actor": {
                "objectType": "Agent",
                "account": {"homePage": self.options.home_page, "name": self.row.trainee_code},
            },
            "verb": {"id": verb.iri, "display": {"nl": verb.label[0], "en": verb.label[1]}},
            "object": obj,
            "context": context,
            "timestamp": _timestamp(event, self.row),
        }
        if result:
            statement["result"] = result
        return statement

    def choice_extensions(self, data: dict[str, Any]) -> dict[str, Any]:
        ext: dict[str, Any] = {p.KADER_STEP.iri: data["step"], p.ASSESSMENT.iri: data["assessment"]}
        if data.get("legal_basis"):
            ext[p.LEGAL_POWER.iri] = data["legal_basis"]
        if data.get("grounds"):
            ext[p.GROUNDS.iri] = list(data["grounds"])
        if data.get("real_trigger"):
            ext[p.REAL_TRIGGER.iri] = list(data["real_trigger"])
        return ext

    def authored_choice(self, node: str, choice: str) -> dict[str, Any]:
        """A choice's step, assessment and power as written in the scenario (for events naming only ids)."""
        if self.scenario is not None and node in self.scenario.nodes:
            for cid, step, written, _ in node_choices(self.scenario, node):
                if cid == choice:
                    basis = written.legal_basis
                    first = basis[0] if isinstance(basis, list) else basis
                    return {
                        "step": str(step),
                        "assessment": str(written.assessment),
                        "legal_basis": str(first) if first else None,
                        "grounds": [str(g) for g in written.grounds],
                        "real_trigger": [str(g) for g in written.real_trigger],
                    }
        raise KeyError(f"{node}.{choice}")


def _timestamp(event: EventRow, row: SessionRow) -> str:
    try:
        moment = datetime.fromisoformat(event.wall_time)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise RecordsError(
            f"sessie {row.id[:8]}, gebeurtenis {event.seq}: tijdstip '{event.wall_time}' is onleesbaar",
            f"session {row.id[:8]}, event {event.seq}: time '{event.wall_time}' is unreadable",
        )
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _payload(event: EventRow, row: SessionRow) -> dict[str, Any]:
    try:
        data = json.loads(event.payload)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise RecordsError(
            f"sessie {row.id[:8]}, gebeurtenis {event.seq} is onleesbaar",
            f"session {row.id[:8]}, event {event.seq} is unreadable",
        )
    return data


def is_revote(kind: str) -> bool:
    """A revote from the group discussion (issue 18's `revote_cast`): its own event type, named with
    'revote' (a later variant of it is read the same way)."""
    return "revote" in kind


def session_statements(
    row: SessionRow, events: Sequence[EventRow], scenario: Scenario | None, options: ExportOptions
) -> Iterator[dict[str, Any]]:
    """The statements of one session, in the order things happened."""
    build = _Builder(row, scenario, options)
    payloads = [(event, _payload(event, row)) for event in events]
    # Final once the reflection phase is over (the registration follows it); the last answer counts.
    shares = [data.get("shared") is True for event, data in payloads if event.type == "reflection_shared"]
    decided = any(event.type in ("registration_made", "session_finished") for event in events)
    shared = bool(shares) and shares[-1]
    for event, data in payloads:
        try:
            made = _one(build, event, data, decided=decided, shared=shared)
        except (KeyError, TypeError, AttributeError) as exc:
            raise RecordsError(
                f"sessie {row.id[:8]}, gebeurtenis {event.seq} ({event.type}) mist een veld ({exc})",
                f"session {row.id[:8]}, event {event.seq} ({event.type}) lacks a field ({exc})",
            ) from None
        if made is not None:
            yield made


def _one(
    build: _Builder, event: EventRow, data: dict[str, Any], *, decided: bool, shared: bool
) -> dict[str, Any] | None:
    kind = event.type
    if kind == "session_started":
        return build.statement(
            event,
            p.STARTED,
            build.scenario_activity(),
            extensions={p.PACE.iri: float(data.get("pace", 1.0))},
        )
    if kind == "choice_made":
        verb = p.TIMED_OUT if data["timed_out"] else p.CHOSE
        result: dict[str, Any] = {"response": data["choice"]}
        if not data["timed_out"]:
            result["duration"] = duration(float(data["seconds"]))
        return build.statement(
            event,
            verb,
            build.decision_point(data["node"]),
            extensions=build.choice_extensions(data),
            result=result,
        )
    if kind == "ending_reached":
        return build.statement(
            event,
            p.REACHED,
            build.ending(data["node"]),
            result={"extensions": {p.OUTCOME.iri: data["outcome"]}},
        )
    if kind == "reflection_answered":
        if not decided:
            return None  # whether the answer may be shared is not final yet
        answer = str(data["answer"]).strip()
        return build.statement(
            event,
            p.REFLECTED,
            build.question(data["question"]),
            extensions={p.KADER_STEP.iri: data["step"]},
            result={"response": answer} if shared and answer else None,
        )
    if kind == "registration_made":
        reason = str(data["reason"]).strip()
        result = {"extensions": {p.OUTCOME.iri: data["outcome"]}}
        if reason:
            result["response"] = reason
        return build.statement(
            event,
            p.REGISTERED,
            build.registration_form(),
            extensions={p.GROUNDS.iri: list(data["grounds"]), p.LEGAL_POWER.iri: data["legal_basis"]},
            result=result,
        )
    if kind == "session_finished":
        return build.statement(
            event,
            p.TERMINATED,
            build.scenario_activity(),
            result={"completion": True, "duration": duration(event.mono_time)},
        )
    if is_revote(kind):  # issue 18's RevoteCast: node, choice, and the option's step and assessment
        node, choice = data["node"], data["choice"]
        try:
            authored = build.authored_choice(node, choice)  # its power and grounds, as for a choice
        except KeyError:
            authored = {}
        authored |= {k: data[k] for k in ("step", "assessment") if k in data}
        return build.statement(
            event,
            p.REVOTED,
            build.decision_point(node),
            extensions=build.choice_extensions(authored),
            result={"response": choice},
        )
    return None  # QUIET, or a type from a newer trainer that this profile has no word for yet
