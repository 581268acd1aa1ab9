"""The group while it plays, folded from its sessions' events: who has started, where each is by kader step,
who has finished, and per decision point the spread of first choices so far. Also the revote's result.

Pure: no I/O, no clock. `fold_live` folds what is there; `GroupLive.apply` folds a GroupWatch update on top,
so the console never refolds everything per frame. The same events always give the same GroupLive.

Anonymous on purpose: a trainee is shown by a letter drawn from a per-group shuffle of the alphabet, in the
order sessions arrive, so 'A' is not the first to start and the letters are the same on every screen of the
same group. Counts per option are what the debrief counts: the first choice a session made at a point.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from debrief.runs import point_title, story_order
from debrief.tally import (
    RANK,
    DecisionTally,
    KaderStep,
    OptionRevote,
    OptionTally,
    RevoteResult,
    hands_result,
    revote_result,
)
from debrief.words import Words
from trainer.engine.errors import EngineError
from trainer.engine.events import (
    ChoiceMade,
    EndingReached,
    Event,
    NodeEntered,
    ReflectionStarted,
    RevoteCast,
    SessionFinished,
    SessionStarted,
    event_from_dict,
)
from trainer.engine.order import sheet_order
from trainer.engine.rules import rules_for
from trainer.model.graph import NOBODY, node_choices
from trainer.model.scenario import Scenario, SelectionNode
from trainer.model.vocabulary import STEP_ORDER, Step
from trainer.records.group_rows import Flag, HandCount, Revote, RevoteVote, WatchUpdate

__all__ = [
    "RANK",
    "DecisionTally",
    "GroupLive",
    "KaderStep",
    "OptionRevote",
    "OptionTally",
    "RevoteResult",
    "TraineeProgress",
    "anon_letters",
    "fold_live",
    "hands_result",
    "node_step",
    "revote_result",
]


@dataclass
class TraineeProgress:
    """One session of the group. `code` is for the leader's own screen only; the projector shows
    `anon_label`. `step` is the kader step of the moment the trainee is at (None before the first
    decision)."""

    code: str
    anon_label: str
    started: bool
    step: KaderStep | None
    finished: bool
    session_id: str = ""
    scenario_id: str = ""
    node: str | None = None
    ended: bool = False  # an ending reached (reflection and registration may still follow)


@dataclass
class _Seen:
    """Per session: the progress shown and what the fold still needs (its scenario, events not yet folded)."""

    progress: TraineeProgress
    content_hash: str | None = None
    waiting: list[Event] = field(default_factory=list)


@dataclass
class GroupLive:
    """The group folded so far. Mutable on purpose: `apply` adds an update in place."""

    group: str
    trainees: list[TraineeProgress] = field(default_factory=list)
    decisions: list[DecisionTally] = field(default_factory=list)
    revotes: dict[str, Revote] = field(default_factory=dict)
    votes: dict[str, dict[str, str]] = field(default_factory=dict)  # revote id → session id → choice
    flags: list[Flag] = field(default_factory=list)
    hands: dict[str, dict[str, int]] = field(default_factory=dict)  # revote id → choice id → count
    scenarios: dict[str, Scenario] = field(default_factory=dict)  # content hash → scenario
    unknown: set[str] = field(default_factory=set)  # content hashes a session named that are not loaded yet
    _seen: dict[str, _Seen] = field(default_factory=dict, repr=False)
    _tally: dict[tuple[str, str], DecisionTally] = field(default_factory=dict, repr=False)
    _letters: list[str] = field(default_factory=list, repr=False)

    # --- reading ---

    @property
    def open_revote(self) -> Revote | None:
        found = [r for r in self.revotes.values() if r.is_open]
        return max(found, key=lambda r: (r.opened_at, r.revote_id)) if found else None

    @property
    def all_finished(self) -> bool:
        return bool(self.trainees) and all(t.finished for t in self.trainees)

    def decision(self, scenario_id: str, node_id: str) -> DecisionTally | None:
        return self._tally.get((scenario_id, node_id))

    def revote_votes(self, revote_id: str) -> list[RevoteVote]:
        return [RevoteVote(revote_id, s, c) for s, c in sorted(self.votes.get(revote_id, {}).items())]

    def revote_result(self, revote_id: str) -> RevoteResult | None:
        """The revote's result: from the trainees' votes, or from the show of hands when there are none."""
        revote = self.revotes.get(revote_id)
        tally = self.decision(revote.scenario_id, revote.node_id) if revote else None
        if tally is None:
            return None
        if self.votes.get(revote_id) or not self.hands.get(revote_id):
            return revote_result(tally, self.revote_votes(revote_id))
        return hands_result(tally, [HandCount(revote_id, c, n) for c, n in self.hands[revote_id].items()])

    # --- folding ---

    def add_scenario(self, content_hash: str, scenario: Scenario) -> None:
        """Make a scenario version known (the console loads the snapshots `unknown` names)."""
        if content_hash in self.scenarios:
            return
        self.scenarios[content_hash] = scenario
        self.unknown.discard(content_hash)
        order = story_order(scenario)
        for node_id in sorted(order, key=order.__getitem__):
            if (scenario.id, node_id) not in self._tally:
                tally = _tally_for(scenario, node_id, order[node_id])
                if tally is not None:
                    self._tally[(scenario.id, node_id)] = tally
                    self.decisions.append(tally)
        for sid, seen in self._seen.items():
            if seen.content_hash == content_hash and seen.waiting:
                waiting, seen.waiting = seen.waiting, []
                for event in waiting:
                    self._fold(sid, seen, event)

    def add_session(self, session_id: str, code: str) -> TraineeProgress:
        """A session of the group (idempotent); it gets the next letter of the group's shuffle."""
        seen = self._seen.get(session_id)
        if seen is None:
            if not self._letters:
                self._letters = anon_letters(self.group)
            i = len(self._seen)
            base = self._letters[i % len(self._letters)]
            label = base if i < len(self._letters) else f"{base}{i // len(self._letters) + 1}"
            progress = TraineeProgress(code, label, False, None, False, session_id=session_id)
            seen = self._seen[session_id] = _Seen(progress)
            self.trainees.append(progress)
        return seen.progress

    def add_events(self, session_id: str, events: Iterable[Event], code: str = "") -> None:
        seen = self._seen.get(session_id)
        if seen is None:
            self.add_session(session_id, code)
            seen = self._seen[session_id]
        for event in events:
            self._fold(session_id, seen, event)

    def apply(self, update: WatchUpdate) -> None:
        """Fold a GroupWatch update on top of what is there."""
        for session in update.sessions:
            progress = self.add_session(session.id, session.trainee_code)
            progress.code = session.trainee_code
            if session.status == "finished":
                progress.finished = True
        for sid, rows in update.events.items():
            events = []
            for row in rows:
                try:
                    events.append(event_from_dict(_payload(row.payload)))
                except (EngineError, ValueError):
                    continue  # an event this trainer does not know (a newer laptop): the rest still counts
            self.add_events(sid, events)
        for revote in update.revotes:
            self.revotes[revote.revote_id] = revote
        self.flags.extend(f for f in update.flags if f not in self.flags)
        for hand in update.hands:
            self.hands.setdefault(hand.revote_id, {})[hand.choice_id] = hand.count

    def _fold(self, session_id: str, seen: _Seen, event: Event) -> None:
        progress = seen.progress
        if isinstance(event, SessionStarted):
            progress.started = True
            progress.scenario_id = event.scenario_id
            seen.content_hash = event.content_hash
            if event.content_hash not in self.scenarios:
                self.unknown.add(event.content_hash)
            return
        if isinstance(event, RevoteCast):
            self.votes.setdefault(event.revote_id, {})[session_id] = event.choice
            return
        if isinstance(event, SessionFinished):
            progress.finished = True
            return
        scenario = self.scenarios.get(seen.content_hash or "")
        if scenario is None:
            seen.waiting.append(event)  # folded once the console has loaded the scenario version
            return
        if isinstance(event, NodeEntered) and event.node in scenario.nodes:
            progress.node = event.node
            step = node_step(scenario, event.node)
            if step is not None:
                progress.step = step
        elif isinstance(event, ChoiceMade):
            tally = self._tally.get((scenario.id, event.node))
            if tally is not None and session_id not in tally.first_by_session:
                tally.first_by_session[session_id] = event.choice
                option = tally.option(event.choice)
                if option is not None:
                    option.count += 1
                tally.timeouts += int(event.timed_out)
        elif isinstance(event, (EndingReached, ReflectionStarted)):
            progress.ended = True
            progress.step = Step.REFLECTEREN


def fold_live(
    events_by_session: Mapping[str, Sequence[Event]],
    scenarios: Mapping[str, Scenario],
    *,
    group: str = "",
    codes: Mapping[str, str] | None = None,
) -> GroupLive:
    """The group from its sessions' events (session id → events, in the order the sessions started) and the
    scenario versions they played (content hash → scenario)."""
    live = GroupLive(group)
    for content_hash, scenario in scenarios.items():
        live.add_scenario(content_hash, scenario)
    for sid, events in events_by_session.items():
        live.add_events(sid, events, (codes or {}).get(sid, ""))
    return live


def anon_letters(group: str) -> list[str]:
    """A-Z shuffled by the group's label (SHA-256, never Python's salted hash): the same on every screen."""
    letters = [chr(ord("A") + i) for i in range(26)]
    random.Random(int.from_bytes(hashlib.sha256(group.encode()).digest()[:8], "big")).shuffle(letters)
    return letters


def node_step(scenario: Scenario, node_id: str) -> KaderStep | None:
    """The kader step of a decision point: the most common step of its options (ties: the earlier step)."""
    steps = [step for _cid, step, _c, _p in node_choices(scenario, node_id)]
    if not steps:
        return None
    return max(STEP_ORDER, key=lambda s: (steps.count(s), -STEP_ORDER.index(s)))


def _tally_for(scenario: Scenario, node_id: str, order: int) -> DecisionTally | None:
    listed = list(node_choices(scenario, node_id))
    step = node_step(scenario, node_id)
    if not listed or step is None:
        return None
    pins = [(o.id, o.pin) for o in rules_for(scenario).options[node_id]]
    place = {cid: i for i, cid in enumerate(sheet_order(node_id, pins))}
    node = scenario.nodes[node_id]
    nl, en = Words("nl"), Words("en")
    options = []
    for i, (cid, _step, choice, _p) in enumerate(sorted(listed, key=lambda o: place.get(o[0], len(place)))):
        candidate = (
            next((c for c in node.candidates if c.id == cid), None)
            if isinstance(node, SelectionNode)
            else None
        )
        if candidate is not None:
            label_nl, label_en = candidate.label.get("nl"), candidate.label.get("en")
        elif cid == NOBODY:
            label_nl, label_en = nl("nobody"), en("nobody")
        else:
            label_nl, label_en = choice.text.get("nl"), choice.text.get("en")
        options.append(
            OptionTally(
                cid,
                " ".join(label_nl.split()),
                " ".join(label_en.split()),
                choice.assessment.value,
                0,
                key=chr(ord("A") + i) if i < 26 else str(i + 1),
            )
        )
    return DecisionTally(
        scenario.id,
        node_id,
        step,
        options,
        0,
        order=order,
        title_nl=point_title(scenario, node_id, "nl"),
        title_en=point_title(scenario, node_id, "en"),
        selection=isinstance(node, SelectionNode),
    )


def _payload(text: str) -> dict[str, object]:
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("not an event")
    return data
