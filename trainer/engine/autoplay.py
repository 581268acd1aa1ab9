"""Random play to an ending, for `trainer run --auto` and the 'many seeds' tests."""

from __future__ import annotations

import random

from trainer.engine.errors import EngineError
from trainer.engine.events import ChoiceMade, EndingReached
from trainer.engine.session import Session
from trainer.engine.views import Phase

MAX_STEPS = 10_000
TIMEOUT_CHANCE = 0.15


def autoplay(session: Session, rng: random.Random, *, answer: str = "(automatisch gespeeld)") -> None:
    """Play the session to its end with random legal choices, sometimes letting a timer run out."""
    for _ in range(MAX_STEPS):
        view = session.view()
        if view.phase == Phase.DONE:
            return
        if view.phase == Phase.PLAY:
            if view.can_advance:
                session.advance()
            elif view.timer_seconds and rng.random() < TIMEOUT_CHANCE:
                session.timeout()
            elif view.choices:
                session.choose(rng.choice(view.choices).id)
            else:
                raise EngineError(
                    f"vastgelopen bij '{view.node_id}': geen keuze mogelijk",
                    f"stuck at '{view.node_id}': no choice possible",
                )
        elif view.phase == Phase.ENDING:
            session.advance()
        elif view.phase == Phase.REFLECTION and view.question is not None:
            session.answer(view.question.id, answer)
        elif view.phase == Phase.REGISTRATION:
            session.register(*_registration(session))
    raise EngineError(
        f"na {MAX_STEPS} stappen nog geen einde: loopt het scenario rond?",
        f"no ending after {MAX_STEPS} steps: does the scenario loop?",
    )


def _registration(session: Session) -> tuple[list[str], str, str, str]:
    """Register what the route did: the selection grounds, the first legal basis used, the outcome."""
    choices = [e for e in session.events if isinstance(e, ChoiceMade)]
    grounds = next((list(c.grounds) for c in choices if c.step == "selecteren" and c.grounds), [])
    basis = next((c.legal_basis for c in choices if c.legal_basis), None) or "geen"
    outcome = next(e.outcome for e in reversed(session.events) if isinstance(e, EndingReached))
    return grounds, basis, outcome, "automatisch gespeeld"
