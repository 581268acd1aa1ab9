"""What an SQLite error means for the person at the laptop: a full disk, a read-only file, a file in use
by another program, or (only when it is none of these) a damaged file.

Telling these apart matters: "damaged, restore a backup" for a full disk or a read-only USB stick sends an
instructor to throw away good records.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from trainer.records.errors import RecordsError

# Primary result codes (the low byte of an extended code), from sqlite3.h.
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_FULL = 5, 6, 8, 14, 13
SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_IOERR = 11, 26, 10


def primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in (28, 122)  # ENOSPC, EDQUOT
    return isinstance(exc, sqlite3.Error) and primary_code(exc) == SQLITE_FULL


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < 256 * 1024
    except OSError:
        return False


def holders(path: Path) -> list[str]:
    """Names of other processes that have `path` open, where the system shows it (Linux /proc); empty when
    unknown. Best effort: another user's processes are not visible."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    try:
        wanted = path.resolve()
    except OSError:
        return []
    names: set[str] = set()
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            for fd in (entry / "fd").iterdir():
                if Path(os.readlink(fd)) == wanted:
                    names.add(f"{(entry / 'comm').read_text().strip()} (pid {entry.name})")
                    break
        except OSError:
            continue
    return sorted(names)


def in_use(path: Path) -> RecordsError:
    who = holders(path)
    if who:
        nl_who = en_who = ", ".join(who)
    else:
        nl_who, en_who = "welk programma is hier niet te zien", "which program cannot be seen from here"
    return RecordsError(
        f"{path}: in gebruik door een ander programma ({nl_who}); niet beschadigd "
        "(tip: sluit dat programma of wacht tot het klaar is, en probeer opnieuw)",
        f"{path}: in use by another program ({en_who}); not damaged "
        "(hint: close that program or wait until it is done, and try again)",
    )


def read_only(path: Path) -> RecordsError:
    return RecordsError(
        f"{path}: alleen-lezen (het bestand, de map of het medium is schrijfbeveiligd); niet beschadigd "
        "(tip: lezen kan: trainer sessions list; om te schrijven, kopieer het naar een schrijfbare plek)",
        f"{path}: read-only (the file, its folder or the medium is write-protected); not damaged "
        "(hint: reading works: trainer sessions list; to write, copy it to a writable place)",
    )


def disk_full(path: Path) -> RecordsError:
    return RecordsError(
        f"{path}: schijf vol; er is niets half geschreven (tip: maak ruimte vrij en probeer opnieuw)",
        f"{path}: disk full; nothing was half written (hint: free some space and try again)",
    )


def explain(exc: sqlite3.Error, path: Path) -> RecordsError | None:
    """The plain reason for `exc` when it is not damage (full, read-only, in use), else None."""
    code = primary_code(exc)
    if code == SQLITE_FULL:
        return disk_full(path)
    if code == SQLITE_READONLY:
        return read_only(path)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return in_use(path)
    if code == SQLITE_IOERR and _nearly_full(path):
        return disk_full(path)  # SQLite reports a full disk while mapping the -shm file as an I/O error
    if code == SQLITE_IOERR:
        return RecordsError(
            f"{path}: schijffout ({exc}); niet per se beschadigd "
            "(tip: controleer het medium en probeer opnieuw)",
            f"{path}: disk error ({exc}); not necessarily damaged (hint: check the medium and try again)",
        )
    return None
