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

KaderStep = Step

RANK = {"in_lijn": 0, "discutabel": 1, "niet_in_lijn": 2}
"""Distance from the kader, as the debrief weighs it (hittepunten.distance: 0, 0.5, 1): lower is closer."""


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
class OptionTally:
    choice_id: str
    label_nl: str
    label_en: str
    assessment: str  # in_lijn | discutabel | niet_in_lijn
    count: int
    key: str = ""  # the letter the debrief sheet gives this option (a neutral order, not the author's)

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" and self.label_en else self.label_nl


@dataclass
class DecisionTally:
    """The spread of first choices at one decision point so far. `first_by_session` pairs each session with
    its first choice (for the revote's changes; never shown)."""

    scenario_id: str
    node_id: str
    step: KaderStep
    options: list[OptionTally]
    timeouts: int
    order: int = 0
    title_nl: str = ""
    title_en: str = ""
    selection: bool = False
    first_by_session: dict[str, str] = field(default_factory=dict)

    @property
    def reached(self) -> int:
        return sum(o.count for o in self.options)

    def option(self, choice_id: str) -> OptionTally | None:
        return next((o for o in self.options if o.choice_id == choice_id), None)


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


# --- the revote ---


@dataclass(frozen=True)
class OptionRevote:
    """One option's first vote and revote. With a show of hands (`paired` False on the result) changed_in and
    changed_out are the least that must have moved: hands do not say who moved where."""

    choice_id: str
    key: str
    label_nl: str
    label_en: str
    assessment: str
    first: int
    revote: int
    changed_in: int
    changed_out: int


@dataclass(frozen=True)
class RevoteResult:
    """A revote against the first votes. `changed` counts sessions whose revote differs from their first
    choice; of those, `moved_towards_kader` chose an option closer to the kader (in lijn < discutabel <
    niet in lijn, as the debrief weighs them) and `moved_away` one further away. `new_voters` voted without
    having reached the point in play. `paired` is False for a show of hands (totals only)."""

    node_id: str
    scenario_id: str
    options: tuple[OptionRevote, ...]
    moved_towards_kader: int
    moved_away: int
    changed: int
    voters: int
    first_total: int
    new_voters: int = 0
    paired: bool = True

    def by_assessment(self) -> dict[str, tuple[int, int]]:
        """(first, revote) per assessment: how the group's spread over the kader moved."""
        out = {a: (0, 0) for a in RANK}
        for o in self.options:
            first, again = out[o.assessment]
            out[o.assessment] = (first + o.first, again + o.revote)
        return out


def revote_result(first: DecisionTally, votes: Sequence[RevoteVote]) -> RevoteResult:
    """Each trainee's revote paired with their own first choice at the point."""
    assessment = {o.choice_id: o.assessment for o in first.options}
    again: dict[str, int] = {}
    moved_in: dict[str, int] = {}
    moved_out: dict[str, int] = {}
    towards = away = changed = new = 0
    for vote in votes:
        again[vote.choice_id] = again.get(vote.choice_id, 0) + 1
        before = first.first_by_session.get(vote.session_id)
        if before is None:
            new += 1
            continue
        if before == vote.choice_id:
            continue
        changed += 1
        moved_out[before] = moved_out.get(before, 0) + 1
        moved_in[vote.choice_id] = moved_in.get(vote.choice_id, 0) + 1
        delta = RANK.get(assessment.get(vote.choice_id, ""), 1) - RANK.get(assessment.get(before, ""), 1)
        towards += delta < 0
        away += delta > 0
    options = tuple(
        OptionRevote(
            o.choice_id,
            o.key,
            o.label_nl,
            o.label_en,
            o.assessment,
            o.count,
            again.get(o.choice_id, 0),
            moved_in.get(o.choice_id, 0),
            moved_out.get(o.choice_id, 0),
        )
        for o in first.options
    )
    return RevoteResult(
        first.node_id, first.scenario_id, options, towards, away, changed, len(votes), first.reached, new
    )


def hands_result(first: DecisionTally, hands: Sequence[HandCount]) -> RevoteResult:
    """A show of hands against the first votes: totals only, so changes are the least that must have moved."""
    again = {h.choice_id: h.count for h in hands}
    options = tuple(
        OptionRevote(
            o.choice_id,
            o.key,
            o.label_nl,
            o.label_en,
            o.assessment,
            o.count,
            again.get(o.choice_id, 0),
            max(0, again.get(o.choice_id, 0) - o.count),
            max(0, o.count - again.get(o.choice_id, 0)),
        )
        for o in first.options
    )
    # hands do not say who moved where: no towards/away counts, only the totals (by_assessment) move
    return RevoteResult(
        first.node_id,
        first.scenario_id,
        options,
        0,
        0,
        sum(o.changed_in for o in options),
        sum(again.values()),
        first.reached,
        paired=False,
    )
