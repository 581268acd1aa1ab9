"""A group's casting place claimed on the shared store, with a short wait: offline play never stalls.

Without the claim every laptop counts only the group's sessions it holds itself, so twelve laptops would
all start at place 0 and show the same looks. The claim asks the server once per new session; when the
server is away (or still on an older schema), the caller falls back to its own count and records that.
"""

from __future__ import annotations

import psycopg

from trainer.records.errors import RecordsError
from trainer.records.server import ServerStore
from trainer.records.sessions import PlaceClaim


def server_claim(url: str, *, timeout: float = 2.0) -> PlaceClaim:
    """A claim function for `casting_place` that asks the server at `url`; None when it cannot answer."""

    def claim(group: str, scenario_id: str) -> int | None:
        try:
            with ServerStore(url, timeout=timeout) as server:
                return server.claim_place(group, scenario_id)
        except (psycopg.Error, RecordsError):
            return None

    return claim
