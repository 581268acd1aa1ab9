"""The note an F5 reload shows: how much of the route was replayed, or where and why it stopped."""

from __future__ import annotations

from trainer.engine.replay_path import Replayed
from trainer.ui.strings import t


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
