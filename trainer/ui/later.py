"""What the App asks of screens whose modules it imports only when they are first needed.

The street and the dialogue pull in all the drawing code (figures, vehicles, backdrops); the window's first
frame (the start page or the scenario picker) needs none of it, so these are imported on first use.
"""

from __future__ import annotations

from trainer.ui.crowd_sound import Heard
from trainer.ui.frame import Frame


def typed(frame: Frame) -> bool:
    """Whether the dialogue's text has finished typing (its countdown then begins)."""
    from trainer.ui.screens import dialogue

    return dialogue.typed(frame)


def heard(frame: Frame) -> tuple[Heard, ...]:
    """The passers-by heard in the street this frame, where they are drawn."""
    from trainer.ui.screens import selection

    return selection.heard(frame)
