"""Writing a command's output file: never over the records database, never a half file left behind."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from trainer.commands.common import UserError
from trainer.records.faults import is_full

# SQLite's companions of a database file: overwriting one of them loses or corrupts records just the same.
_COMPANIONS = ("", "-wal", "-shm", "-journal")


def _same(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():  # symlinks, "..", relative paths
        return True
    try:
        return os.path.samefile(a, b)  # hard links and case-insensitive file systems
    except OSError:
        return False


def refuse_records_target(output: str | Path, db: str | Path) -> None:
    """A UserError (exit 2) when `output` is the records database or one of its -wal/-shm files."""
    target, base = Path(output), Path(db)
    for suffix in _COMPANIONS:
        if _same(target, base.with_name(base.name + suffix)):
            raise UserError(
                f"{output}: dat is de verslagendatabase {base}; die wordt niet overschreven "
                "(tip: kies een andere bestandsnaam met -o)",
                f"{output}: that is the records database {base}; it is not overwritten "
                "(hint: choose another file name with -o)",
            )


def write_replacing(target: Path, data: bytes) -> None:
    """Write `data` to a .tmp file next to `target` and move it into place; on any failure the .tmp file
    (which may hold personal data) is removed and the error is one line."""
    with replacing(target, binary=True) as handle:
        handle.write(data)


@contextmanager
def replacing(target: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A handle on a .tmp file next to `target` that becomes `target` when the block ends without error: a
    streamed export is never seen half-written under its real name, and a failure removes the .tmp file."""
    tmp = target.with_name(target.name + ".tmp")
    try:
        with tmp.open("wb") if binary else tmp.open("w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(target)  # never leave a half-written file under the real name
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if not isinstance(exc, OSError):
            raise
        if is_full(exc):
            raise UserError(
                f"{target}: schijf vol; niets geschreven (tip: maak ruimte vrij of kies een andere plek)",
                f"{target}: disk full; nothing written (hint: free some space or choose another place)",
            ) from None
        raise UserError(
            f"{target}: kan niet schrijven ({exc.strerror})", f"{target}: cannot write ({exc.strerror})"
        ) from None
