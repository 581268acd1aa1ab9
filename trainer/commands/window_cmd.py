"""`trainer play` in the window: gathers the bundled scenarios and records, then hands over to trainer.ui."""

from __future__ import annotations

import os
from contextlib import ExitStack
from pathlib import Path

import platformdirs

from trainer import paths
from trainer.commands.cards import scenario_cards
from trainer.commands.common import RecordingOptions, UserError, findings, valid_code
from trainer.commands.records_opts import open_store
from trainer.commands.server_opts import finish_sync, place_claim, revote_desk, start_sync
from trainer.model.loader import LoadedScenario
from trainer.paths import bundled_scenarios
from trainer.records import RecordsError
from trainer.records.sessions import RecordedSessions


def error_lines(loaded: LoadedScenario, lang: str) -> list[str]:
    return [d.format(lang) for d in findings(loaded) if d.severity == "error"]


def run(
    path: str | None,
    start_node: str | None,
    lang: str,
    *,
    record: RecordingOptions | None,
    resume_id: str | None,
    fullscreen: bool,
    trainee: str | None = None,
    group: str | None = None,
    show_meters: bool = False,
) -> int:
    """`trainee`/`group` are the command line's, used even with --no-record (no start page to fill in)."""
    if resume_id is not None and record is None:
        raise UserError(
            "--resume kan niet samen met --no-record (tip: laat --no-record weg)",
            "--resume cannot go with --no-record (hint: leave out --no-record)",
        )
    if record is not None:
        trainee, group = record.trainee or trainee, record.group or group
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from trainer.ui.app import App, NoDisplayError, PlayerOptions  # pygame only when a window is wanted
    from trainer.ui.preferences import load_preferences

    prefs, _ = load_preferences(paths.settings_path())  # Senses says when the file is unreadable

    cache = Path(platformdirs.user_cache_dir("trainer", appauthor=False))
    # Cards only: each scenario is read in full and checked when it is picked (launch stays under a second).
    scenarios = [] if path else scenario_cards(bundled_scenarios(), cache)
    if path is not None and not Path(path).is_file():
        raise UserError(f"{path}: bestand niet gevonden (tip: geef een .yaml-scenario op)")
    options = PlayerOptions(
        lang=lang,
        trainee=valid_code(trainee) if trainee else None,
        group=valid_code(group, "groepslabel") if group else None,
        scenario_file=Path(path) if path else None,
        start_node=start_node,
        resume_id=resume_id,
        fullscreen=fullscreen,
        scenarios=scenarios,
        show_meters=show_meters,
        preferences=prefs,
        settings_file=paths.settings_path(),  # remembered there; an unreadable file is never overwritten
        sounds=paths.assets_dir() / "sounds",
        speech_cache=cache / "speech",
    )
    with ExitStack() as stack:
        store = stack.enter_context(open_store(record.db)) if record is not None else None
        # The syncer notices the recorder's commits by itself (PRAGMA data_version): the window needs no hook.
        syncer = start_sync(record, store.path) if store is not None and record is not None else None
        stack.callback(finish_sync, syncer, lang)
        options.revotes = revote_desk(record, store)
        try:
            sessions = RecordedSessions(
                store,
                check=lambda loaded: error_lines(loaded, lang),
                place=record.place if record is not None else None,
                claim=place_claim(record),
            )
            app = App(options, sessions)
            app.run()
        except RecordsError as exc:
            raise UserError(exc.nl, exc.en) from None
        except NoDisplayError as exc:
            raise UserError(
                f"geen beeldscherm om een venster op te openen ({exc}) "
                "(tip: speel in de terminal met 'trainer play --text')",
                f"no display to open a window on ({exc}) "
                "(hint: play in the terminal with 'trainer play --text')",
            ) from None
    return 0
