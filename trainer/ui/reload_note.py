"""F5 in the window: read the scenario file again, replay the route, and the note that says how much of the
route was replayed, or where and why it stopped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.engine.replay_path import Replayed, Stop, moves, replay
from trainer.ui.strings import t

if TYPE_CHECKING:  # the App calls this module
    from trainer.ui.app import App


def reload_file(app: App) -> None:
    """F5: read the file again and replay the session's moves as far as they still exist."""
    assert app.options.scenario_file is not None
    old = app.session
    if not app._load_file(app.options.scenario_file):
        return
    assert app.loaded is not None
    app.note_since = app.clock.now()
    if old is None:
        app._start_session()
        app.note = (t(app.lang, "reloaded"), "")
        return
    start = old.start_node if old.start_node in app.loaded.scenario.nodes else None
    app._start_session(start, seed=old.seed)  # the same seed: the choices keep their order
    assert app.session is not None
    if start is None:
        result = Replayed(0, len(moves(old.events)), Stop.NODE_GONE, old.start_node)
    else:
        result = replay(app.session, old.events, now=old.elapsed())
        app._follow_session()
    app.note = (t(app.lang, "reloaded"), replay_words(result, app.session.node_id, app.lang))


def replay_words(result: Replayed, here: str | None, lang: str) -> str:
    """What the reload replayed, or where and why it stopped, for the instructor (Dutch or English)."""
    if result.stop is None:
        return t(lang, "reload_replayed", done=result.done, total=result.total)
    why = t(
        lang,
        f"reload_{result.stop.value}",
        node=result.node,
        choice=result.choice or "next:",
        then=result.then,
        now=result.now,
    )
    return t(lang, "reload_stopped", why=why, done=result.done, total=result.total, here=here or "")
