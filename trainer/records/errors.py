"""The one error type of the records layer: a one-line message naming the file or record and a hint,
in Dutch and English."""

from __future__ import annotations

from trainer.model.text import TwoLanguageError


class RecordsError(TwoLanguageError):
    """Bad database, bad bundle or unknown record. The CLI prints it and exits 2."""
