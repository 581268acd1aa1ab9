"""The one error type of the records layer: a one-line message naming the file or record and a hint."""

from __future__ import annotations


class RecordsError(Exception):
    """Bad database, bad bundle or unknown record. The CLI prints it and exits 2."""
