"""A synthetic group on the minimal scenario with known choices, for the live fold, the journal and the sheet.

Known answers (first choices):
    straat:     fietser_zonder_licht 3 (T1, T2, T3), niemand 1 (T4); T5 has only started
    aanspreken: concreet 1 (T1), vaag 2 (T2, T3)
    afhandelen: rustig 2 (T1, T2); T3 stands there now
"""

from __future__ import annotations

from tests.records.helpers import recorded_session
from trainer.engine import Session
from trainer.records import RecordStore
from trainer.records.recorder import Recorder

GROUP = "ochtend"
PLAYS: dict[str, tuple[tuple[str, ...], bool]] = {
    "T1": (("fietser_zonder_licht", "concreet", "rustig"), True),
    "T2": (("fietser_zonder_licht", "vaag", "rustig"), False),
    "T3": (("fietser_zonder_licht", "vaag"), False),
    "T4": (("niemand",), False),
    "T5": ((), False),
}


def play_group(store: RecordStore, group: str = GROUP) -> dict[str, tuple[Session, Recorder]]:
    """Record the five trainees in order; T1 plays on to the end of the session."""
    return {
        code: recorded_session(store, trainee=code, group=group, choices=choices, finish=finish)
        for code, (choices, finish) in PLAYS.items()
    }
