"""Diagnostics: a finding about a scenario file with a stable code, a position and a fix hint."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from trainer.model.messages import MESSAGES, Severity
from trainer.model.text import tr

SEVERITY_LABELS: dict[Severity, tuple[str, str]] = {
    Severity.ERROR: ("fout", "error"),
    Severity.WARNING: ("waarschuwing", "warning"),
}


class Both(NamedTuple):
    """A message argument in both languages; the Diagnostic picks one when it is formatted."""

    nl: str
    en: str


def _one_line(text: str) -> str:
    # Authored texts may be block scalars; a diagnostic is always one line.
    return " ".join(text.split()) if ("\n" in text or "\r" in text) else text


def _for_lang(args: dict[str, Any], lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in args.items():
        if isinstance(value, Both):
            value = tr(value.nl, value.en, lang)
        out[key] = _one_line(value) if isinstance(value, str) else value
    return out


@dataclass(frozen=True)
class Diagnostic:
    """One finding. `args` fill the message templates of `code` in `messages.MESSAGES`."""

    code: str
    file: str
    line: int
    column: int
    args: dict[str, Any] = field(default_factory=dict)

    @property
    def severity(self) -> Severity:
        return MESSAGES[self.code].severity

    def message(self, lang: str = "nl") -> str:
        entry = MESSAGES[self.code]
        return tr(entry.nl, entry.en, lang).format(**_for_lang(self.args, lang))

    def hint(self, lang: str = "nl") -> str:
        entry = MESSAGES[self.code]
        return tr(entry.hint_nl, entry.hint_en, lang).format(**_for_lang(self.args, lang))

    def format(self, lang: str = "nl") -> str:
        """One line: `file:line:col: fout C101: message (hint: ...)`."""
        sev = tr(*SEVERITY_LABELS[self.severity], lang)
        hint_word = tr("tip", "hint", lang)
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {sev} {self.code}: {self.message(lang)} ({hint_word}: {self.hint(lang)})"

    def to_json(self, lang: str = "nl") -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message(lang),
            "hint": self.hint(lang),
        }


class ScenarioError(Exception):
    """The only error type that leaves the loader: one or more error diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(diagnostics[0].format() if diagnostics else "scenario error")
        self.diagnostics = diagnostics
