"""What a record's fields may hold, checked where records come in from outside (an export, the command line).

Patterns are matched whole (`fullmatch`): a `$` in `re.match` also accepts a trailing newline, and a code with
a newline would slip past `purge --trainee`. Numbers are bounded to what SQLite and PostgreSQL store.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}")
MAX_SEED = 2**63 - 1  # a signed 64-bit integer in both databases


def is_code(text: str) -> bool:
    """A trainee code or group label: letters, digits, . _ -, at most 32, no spaces or line breaks."""
    return CODE.fullmatch(text) is not None


def _whole(pattern: str, what: str) -> AfterValidator:
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if compiled.fullmatch(value) is None:
            raise ValueError(f"not a valid {what}")
        return value

    return AfterValidator(check)


def _timestamp(value: str) -> str:
    datetime.fromisoformat(value)  # raises ValueError on anything that is not an ISO 8601 time
    return value


def _day(value: str) -> str:
    date.fromisoformat(value)
    return value


def _printable(value: str) -> str:
    # Control characters and escape sequences would reach a terminal raw through `sessions list`.
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in value):
        raise ValueError("contains control characters")
    return value


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("not a finite number")
    return value


Code = Annotated[str, _whole(CODE.pattern, "code")]
SessionId = Annotated[str, _whole(r"[0-9a-f]{32}", "session id")]
ScenarioId = Annotated[str, _whole(r"[a-z][a-z0-9_]{0,63}", "scenario id")]
ContentHash = Annotated[str, _whole(r"[0-9a-f]{64}", "content hash")]
Timestamp = Annotated[str, AfterValidator(_timestamp)]
Day = Annotated[str, AfterValidator(_day)]
Lang = Literal["nl", "en"]
Status = Literal["active", "finished"]
Seed = Annotated[int, Field(ge=0, le=MAX_SEED)]
Version = Annotated[int, Field(ge=1, le=1_000_000)]
Seq = Annotated[int, Field(ge=0, lt=2**31)]
Seconds = Annotated[float, Field(ge=0), AfterValidator(_finite)]
Name = Annotated[str, Field(min_length=1, max_length=100), AfterValidator(_printable)]
Commitment = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_printable)]
EventType = Annotated[str, _whole(r"[a-z][a-z_]{0,39}", "event type")]
NodeId = Annotated[str, _whole(r"[a-z][a-z0-9_]{0,99}", "node or choice id")]
RecordId = Annotated[str, _whole(r"[0-9a-f]{32}", "record id")]
Note = Annotated[str, Field(max_length=1000), AfterValidator(_printable)]
Count = Annotated[int, Field(ge=0, le=10_000)]
