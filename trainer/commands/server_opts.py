"""Which shared server a laptop syncs to: --server, TRAINER_SERVER, or the setting saved with `server set`."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from trainer import paths
from trainer.commands.common import RecordingOptions, UserError, print_err
from trainer.model.text import tr

if TYPE_CHECKING:  # psycopg only when a server is configured: without one it would cost every launch 0.2 s
    from trainer.records.revote_desk import RevoteDesk
    from trainer.records.sessions import PlaceClaim
    from trainer.records.store import RecordStore
    from trainer.records.sync import Syncer

SETTINGS_FILE = "settings.json"


def settings_path() -> Path:
    return paths.settings_path()


def _settings() -> dict[str, object]:
    path = settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise UserError(
            f"{path}: instellingen onleesbaar ({type(exc).__name__}) (tip: verwijder het bestand)",
            f"{path}: settings unreadable ({type(exc).__name__}) (hint: remove the file)",
        ) from None
    return data if isinstance(data, dict) else {}


def saved_server() -> str | None:
    value = _settings().get("server")
    return value if isinstance(value, str) and value else None


def save_server(url: str | None) -> Path:
    """Remember (or with None forget) this laptop's server; written whole, then renamed, so never half."""
    data = _settings()
    if url is None:
        data.pop("server", None)
    else:
        data["server"] = url
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    os.chmod(tmp, 0o600)  # a URL may carry a password
    tmp.replace(path)
    return path


def server_url(flag: str | None) -> str | None:
    """The server to use: the flag, then TRAINER_SERVER, then the saved setting; none means local only."""
    return flag or os.environ.get("TRAINER_SERVER") or saved_server()


def place_claim(record: RecordingOptions | None) -> PlaceClaim | None:
    """With a shared server, a casting place is claimed there, so a group's laptops count together."""
    url = server_url(record.server) if record is not None else None
    if not url:
        return None
    from trainer.records.places import server_claim

    return server_claim(url)


def start_sync(record: RecordingOptions, store_path: Path) -> Syncer | None:
    """A running background syncer for this recording, or None when no server is configured."""
    url = server_url(record.server)
    if not url:
        return None
    from trainer.records.sync import Syncer

    return Syncer(store_path, url).start()


def revote_desk(record: RecordingOptions | None, store: RecordStore | None) -> RevoteDesk | None:
    """Where a trainee's window learns of the group's revotes: the shared server when one is configured (the
    console writes there), else this laptop's records (everyone on one laptop). None when not recording."""
    if record is None or store is None:
        return None
    from trainer.records.revote_desk import desk_for  # the watch loads psycopg only for a server

    return desk_for(server_url(record.server) or store)


def finish_sync(syncer: Syncer | None, lang: str) -> None:
    """Let the syncer push what it can, then say in one line what still waits (it goes along next time)."""
    if syncer is None:
        return
    status = syncer.stop(timeout=5.0)
    for refusal in status.refused.values():
        print_err(refusal.message(lang))
    if not status.online or status.waiting_events:
        print_err(
            tr(
                "de server heeft nog niet alles; het gaat mee bij de volgende start of met "
                "`trainer server sync`",
                "the server has not received everything yet; it goes along at the next start or with "
                "`trainer server sync`",
                lang,
            )
        )
