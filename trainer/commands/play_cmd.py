"""`trainer play --text [FILE]`: who plays, which scenario, then the game itself in `text_play`."""

from __future__ import annotations

import random
import sys
from contextlib import ExitStack
from pathlib import Path

import platformdirs

from trainer.commands.cards import scenario_cards
from trainer.commands.common import RecordingOptions, UserError, load_clean, valid_code
from trainer.commands.records_opts import open_store
from trainer.commands.server_opts import finish_sync, place_claim, revote_desk, start_sync
from trainer.commands.text_play import Terminal, TextHost
from trainer.engine.clock import MonotonicClock
from trainer.engine.session import Session
from trainer.model.loader import LoadedScenario
from trainer.paths import bundled_scenarios
from trainer.records import RecordsError, RecordStore
from trainer.records.recorder import Recorder
from trainer.records.resume import resume
from trainer.records.sessions import casting_place
from trainer.records.store import SessionRow
from trainer.ui.strings import t

REVOTE_WAIT = 3600.0


def _ask(prompt: str) -> str:
    try:
        return input(f"{prompt}: ").strip()
    except EOFError:
        raise UserError("invoer gesloten; gestopt", "input closed; stopped") from None


def run(
    path: str | None,
    start_node: str | None,
    lang: str,
    *,
    record: RecordingOptions | None = None,
    resume_id: str | None = None,
    revote_wait: float | None = None,
) -> int:
    """`revote_wait`: seconds to stay after the ending for a group revote (with a group and records); None:
    an hour when a trainee types at a terminal, none when the input is a script (it would only wait)."""
    if revote_wait is None:
        revote_wait = REVOTE_WAIT if sys.stdin.isatty() else 0.0
    with ExitStack() as stack:
        store = stack.enter_context(open_store(record.db)) if record is not None else None
        syncer = start_sync(record, store.path) if store is not None and record is not None else None
        stack.callback(finish_sync, syncer, lang)
        try:
            if resume_id is not None:
                if store is None:
                    raise UserError(
                        "--resume kan niet samen met --no-record", "--resume cannot go with --no-record"
                    )
                session = resume(store, store.session(resume_id), clock=MonotonicClock())
            else:
                session = _new_session(path, start_node, lang, store, record)
            desk = revote_desk(record, store)
            if desk is not None:
                stack.callback(desk.close)
            host = TextHost(session, lang, _ask, print, revotes=desk, group=_group_of(session))
            host.play()
            host.await_revotes(revote_wait)
        except RecordsError as exc:
            raise UserError(exc.nl, exc.en) from None
    print(t(lang, "txt_bye"), file=sys.stderr)
    return 0


def _new_session(
    path: str | None,
    start_node: str | None,
    lang: str,
    store: RecordStore | None,
    record: RecordingOptions | None,
) -> Session:
    listeners = []
    host = Terminal(lang, _ask, print)
    group: str | None = None
    if store is not None and record is not None:
        trainee = valid_code(record.trainee or _ask(t(lang, "txt_trainee")))
        unfinished = store.sessions(trainee=trainee, status="active")
        if unfinished:
            host.para(t(lang, "txt_unfinished"))
            options = [
                t(
                    lang,
                    "resume_item",
                    title=_title(store, r, lang),
                    started=r.started_at[:16].replace("T", " "),
                )
                for r in unfinished
            ]
            picked = host.pick([*options, t(lang, "txt_new")], t(lang, "txt_number"))
            if picked < len(unfinished):
                return resume(store, unfinished[picked], clock=MonotonicClock())
        group = record.group or _ask(t(lang, "txt_group")) or None
        group = valid_code(group, "groepslabel") if group else None
    loaded = _choose_scenario(path, lang, host)
    if store is not None:
        listeners.append(Recorder(store, loaded.scenario, loaded.content_hash, trainee=trainee, group=group))
    place, source = casting_place(
        store, group, loaded.scenario, record.place if record else None, place_claim(record)
    )
    return Session(
        loaded.scenario,
        seed=random.randrange(2**31),  # the seed draws the choice order; it is recorded with the session
        lang=lang,
        clock=MonotonicClock(),
        start_node=start_node,
        scenario_hash=loaded.content_hash,
        listeners=listeners,
        casting_place=place,
        casting_from=source,
    )


def _group_of(session: Session) -> str | None:
    """The group the session is recorded in (its Recorder knows; not recorded: none)."""
    recorder = next((x for x in session.listeners if isinstance(x, Recorder)), None)
    return recorder.group if recorder is not None else None


def _title(store: RecordStore, row: SessionRow, lang: str) -> str:
    """The played version's title (an unfinished session is named as the window names it, not by id)."""
    try:
        return store.scenario_snapshot(row.content_hash).title.get(lang)
    except RecordsError:
        return row.scenario_id


def _choose_scenario(path: str | None, lang: str, host: Terminal) -> LoadedScenario:
    """As the window's picker: title, place and duration (learning goals come after play)."""
    if path is not None:
        return load_clean(path, lang)
    files = bundled_scenarios()
    if not files:
        raise UserError(t(lang, "txt_none"))
    cards = scenario_cards(files, Path(platformdirs.user_cache_dir("trainer", appauthor=False)))
    host.heading(t(lang, "pick_title"))
    index = host.pick(
        [
            f"{c.title_in(lang)} · {c.place_in(lang)} · {t(lang, 'minutes', n=c.duration_minutes)}"
            if c.readable
            else f"{c.title_in(lang)} · {t(lang, 'pick_unreadable')}"
            for c in cards
        ],
        t(lang, "txt_number"),
    )
    return load_clean(cards[index].path, lang)  # checked now: a broken file stops here with its first error
