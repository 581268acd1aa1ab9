"""`trainer play [FILE]`: play in the terminal until the pygame window (issue 4) lands.

A small text host on the Session API: it prints what to show, reads a number, and applies a timer's
default when the answer comes after the deadline.
"""

from __future__ import annotations

import random
import sys
from contextlib import ExitStack

from trainer.commands.common import RecordingOptions, UserError, load_clean, valid_code
from trainer.commands.records_opts import open_store
from trainer.commands.server_opts import finish_sync, start_sync
from trainer.engine.clock import MonotonicClock
from trainer.engine.session import Session
from trainer.engine.transcript import transcript
from trainer.engine.views import Phase
from trainer.model.loader import LoadedScenario
from trainer.model.text import lang_key, tr
from trainer.model.vocabulary import (
    GROUND_LABELS,
    LEGAL_BASIS_LABELS,
    OUTCOME_LABELS,
    REGISTRABLE_POWERS,
    Ground,
    Outcome,
)
from trainer.paths import bundled_scenarios
from trainer.records import RecordsError, RecordStore
from trainer.records.recorder import Recorder
from trainer.records.resume import resume

_T = {
    "nl": {
        "pick": "Kies een scenario",
        "number": "Nummer",
        "choose": "Wat doe je nu?",
        "late": "Te laat: de tijd was om.",
        "continue": "[Enter] verder",
        "answer": "Jouw antwoord",
        "grounds": "Gronden (nummers, komma's)",
        "basis": "Grondslag (nummer)",
        "outcome": "Afloop (nummer)",
        "reason": "Reden in eigen woorden",
        "bye": "Afgesloten.",
        "seconds": "seconden",
        "none": "Geen scenario's gevonden.",
        "trainee": "Jouw trainee-code (pseudoniem, bijv. A17)",
        "group": "Groep (Enter: geen)",
        "unfinished": "Je hebt een onafgemaakte sessie. Verdergaan?",
        "new": "Nieuwe sessie beginnen",
    },
    "en": {
        "pick": "Choose a scenario",
        "number": "Number",
        "choose": "What do you do now?",
        "late": "Too late: time was up.",
        "continue": "[Enter] continue",
        "answer": "Your answer",
        "grounds": "Grounds (numbers, commas)",
        "basis": "Legal basis (number)",
        "outcome": "Outcome (number)",
        "reason": "Reason in your own words",
        "bye": "Closed.",
        "seconds": "seconds",
        "none": "No scenarios found.",
        "trainee": "Your trainee code (pseudonym, e.g. A17)",
        "group": "Group (Enter: none)",
        "unfinished": "You have an unfinished session. Continue it?",
        "new": "Start a new session",
    },
}


def _ask(prompt: str) -> str:
    try:
        return input(f"{prompt}: ").strip()
    except EOFError:
        raise UserError("invoer gesloten; gestopt") from None


def _pick(options: list[str], prompt: str, *, many: bool = False) -> list[int]:
    for i, option in enumerate(options, 1):
        print(f"  {i}. {option}")
    while True:
        raw = _ask(prompt)
        try:
            picked = (
                [int(part) - 1 for part in raw.replace(" ", "").split(",") if part]
                if many
                else [int(raw) - 1]
            )
        except ValueError:
            continue
        if all(0 <= p < len(options) for p in picked) and (picked or many):
            return picked


def run(
    path: str | None,
    start_node: str | None,
    lang: str,
    *,
    record: RecordingOptions | None = None,
    resume_id: str | None = None,
) -> int:
    t = _T[lang_key(lang)]
    with ExitStack() as stack:
        store = stack.enter_context(open_store(record.db)) if record is not None else None
        syncer = start_sync(record, store.path) if store is not None and record is not None else None
        stack.callback(finish_sync, syncer, lang)
        try:
            if resume_id is not None:
                if store is None:
                    raise UserError("--resume kan niet samen met --no-record")
                session = resume(store, store.session(resume_id), clock=MonotonicClock())
            else:
                session = _new_session(path, start_node, lang, store, record, t)
            _play_loop(session, lang, t)
        except RecordsError as exc:
            raise UserError(exc.nl, exc.en) from None
    print(t["bye"], file=sys.stderr)
    return 0


def _new_session(
    path: str | None,
    start_node: str | None,
    lang: str,
    store: RecordStore | None,
    record: RecordingOptions | None,
    t: dict[str, str],
) -> Session:
    listeners = []
    if store is not None and record is not None:
        trainee = valid_code(record.trainee or _ask(t["trainee"]))
        unfinished = store.sessions(trainee=trainee, status="active")
        if unfinished:
            print(t["unfinished"])
            options = [f"{r.scenario_id} ({r.started_at[:16]}, {r.event_count} events)" for r in unfinished]
            picked = _pick([*options, t["new"]], t["number"])[0]
            if picked < len(unfinished):
                return resume(store, unfinished[picked], clock=MonotonicClock())
        group = record.group or _ask(t["group"]) or None
        group = valid_code(group, "groepslabel") if group else None
    loaded = _choose_scenario(path, lang, t)
    if store is not None:
        listeners.append(Recorder(store, loaded.scenario, loaded.content_hash, trainee=trainee, group=group))
    return Session(
        loaded.scenario,
        seed=random.randrange(2**31),  # the seed draws the choice order; it is recorded with the session
        lang=lang,
        clock=MonotonicClock(),
        start_node=start_node,
        scenario_hash=loaded.content_hash,
        listeners=listeners,
    )


def _choose_scenario(path: str | None, lang: str, t: dict[str, str]) -> LoadedScenario:
    if path is not None:
        return load_clean(path, lang)
    files = bundled_scenarios()
    if not files:
        raise UserError(t["none"])
    loaded_all = [load_clean(str(f), lang) for f in files]
    index = _pick(
        [f"{ls.scenario.title.get(lang)} ({ls.scenario.duration_minutes} min)" for ls in loaded_all],
        t["pick"],
    )[0]
    return loaded_all[index]


def _play_loop(session: Session, lang: str, t: dict[str, str]) -> None:
    scenario = session.scenario
    shown = 0
    while session.phase != Phase.DONE:
        for line in transcript(scenario, session.events[shown:], lang):
            print(line)
        shown = len(session.events)
        view = session.view()
        if view.phase in (Phase.PLAY, Phase.ENDING) and view.can_advance:
            _ask(t["continue"])
            session.advance()
        elif view.phase == Phase.PLAY:
            limit = f" ({view.timer_seconds} {t['seconds']})" if view.timer_seconds else ""
            print(f"\n{t['choose']}{limit}")
            started = session.elapsed()
            picked = _pick([c.choice.text.get(lang) for c in view.choices], t["number"])[0]
            if view.timer_seconds and session.elapsed() - started > view.timer_seconds:
                print(t["late"])
                session.timeout()
            else:
                session.choose(view.choices[picked].id)
        elif view.phase == Phase.REFLECTION and view.question is not None:
            print(f"\n{view.question.text.get(lang)}")
            session.answer(view.question.id, _ask(t["answer"]))
        elif view.phase == Phase.REGISTRATION:
            print(f"\n{scenario.registration.intro.get(lang)}")
            grounds = [
                list(Ground)[i].value
                for i in _pick([tr(*GROUND_LABELS[g], lang) for g in Ground], t["grounds"], many=True)
            ]
            basis = REGISTRABLE_POWERS[
                _pick([tr(*LEGAL_BASIS_LABELS[b], lang) for b in REGISTRABLE_POWERS], t["basis"])[0]
            ].value
            outcome = list(Outcome)[
                _pick([tr(*OUTCOME_LABELS[o], lang) for o in Outcome], t["outcome"])[0]
            ].value
            session.register(grounds, basis, outcome, _ask(t["reason"]))
    for line in transcript(scenario, session.events[shown:], lang):
        print(line)
