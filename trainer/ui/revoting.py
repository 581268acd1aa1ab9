"""The window's side of a group revote: when to show it, what it asks, and the vote. No drawing here (the
revote screen draws); the App only opens and closes the overlay this says to."""

from __future__ import annotations

from enum import Enum

from trainer.engine.revote import RevoteQuestion
from trainer.engine.session import Session
from trainer.records.group_rows import Revote
from trainer.records.revote_desk import RevoteDesk


class Change(Enum):
    OPEN = "open"  # show the revote now (a new one, or another one replacing it)
    CLOSE = "close"  # the gespreksleider closed it before this trainee voted


class RevoteOverlay:
    """Holds the desk (None: no group revotes in this window) and the revote on screen."""

    def __init__(self, desk: RevoteDesk | None) -> None:
        self.desk = desk
        self.revote: Revote | None = None
        self.question: RevoteQuestion | None = None

    def check(self, session: Session | None, group: str | None, lang: str, showing: bool) -> Change | None:
        """Poll (never blocks) and say whether the overlay must open or close this frame."""
        found = self.desk.check(session, group) if self.desk is not None else None
        if found is not None and session is not None and self.desk is not None:
            if showing and found == self.revote:
                return None
            question = self.desk.question(session, found, lang)
            if question is not None:
                self.revote, self.question = found, question
                return Change.OPEN
        if showing and found is None:
            self.revote = self.question = None
            return Change.CLOSE
        return None

    def vote(self, session: Session, choice_id: str) -> None:
        assert self.desk is not None and self.revote is not None
        self.desk.vote(session, self.revote, choice_id)
        self.revote = self.question = None

    def close(self) -> None:
        if self.desk is not None:
            self.desk.close()
