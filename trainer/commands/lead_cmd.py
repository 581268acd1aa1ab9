"""`trainer lead --group LABEL [--server URL | --db PATH] [--size WxH] [--fullscreen]
[--one-laptop | --votes]`: the gespreksleider's console, live while the group plays, then the presentation
with its revotes."""

from __future__ import annotations

import argparse
import os
import re

from trainer.commands.common import UserError, valid_code
from trainer.commands.lead_source import StoreSource, local_source, server_source
from trainer.commands.records_opts import is_server_url, open_store
from trainer.commands.server_opts import server_url
from trainer.model.text import tr
from trainer.records import RecordsError


def _size(text: str, lang: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{3,4})x(\d{3,4})", text)
    if not match or int(match[1]) < 640 or int(match[2]) < 480:
        raise UserError(
            f"ongeldige grootte '{text}' (tip: bijv. 1280x720 of 1920x1080, minstens 640x480)",
            f"invalid size '{text}' (hint: e.g. 1280x720 or 1920x1080, at least 640x480)",
        )
    return int(match[1]), int(match[2])


def open_source(args: argparse.Namespace, lang: str) -> StoreSource:
    """The records the console reads: --server (or the laptop's saved server) when given, else --db.

    How a revote is cast: on the shared server every trainee votes on their own laptop; on a laptop's own
    database the group played on this laptop, so the leader counts hands. --votes and --one-laptop say it
    the other way round when that guess is wrong (several windows on one machine; a group that took turns
    on one laptop that also syncs)."""
    group = valid_code(args.group, "groepslabel")
    url = args.server if args.server else (args.db if is_server_url(args.db) else None)
    if url is None and args.db is None:
        url = server_url(None)
    try:
        if url is not None:
            return server_source(url, group, lang, one_laptop=args.one_laptop)
        store = open_store(args.db, must_exist=True)
        return local_source(store, group, lang, one_laptop=not args.votes)
    except RecordsError as exc:
        raise UserError(exc.nl, exc.en) from None


def run(args: argparse.Namespace, lang: str) -> int:
    size = _size(args.size, lang)
    source = open_source(args, lang)
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from trainer.ui.lead.window import lead  # pygame only for a window
    from trainer.ui.present.window import NoDisplayError

    try:
        lead(source, lang, size=size, fullscreen=args.fullscreen)
    except NoDisplayError as exc:
        raise UserError(
            f"geen scherm om het venster te openen ({exc}) (tip: start het op de laptop met de beamer)",
            f"no screen to open the window on ({exc}) (hint: start it on the laptop with the projector)",
        ) from None
    except RecordsError as exc:
        raise UserError(exc.nl, exc.en) from None
    finally:
        source.close()
    print(tr("console gesloten", "console closed", lang))
    return 0
