"""One diagnostic message: severity, Dutch and English message and fix hint (the catalogues' shape)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Entry:
    severity: Severity
    nl: str
    en: str
    hint_nl: str
    hint_en: str


E, W = Severity.ERROR, Severity.WARNING
