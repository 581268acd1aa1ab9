"""Sending statements to a Learning Record Store (xAPI 2.0 over HTTP), idempotently and patiently.

Statements go in batches by POST to `<endpoint>/statements`. Their ids are fixed by the record, so a batch
sent twice is stored once: the LRS answers 200 with the ids it stored, or 204 when it had them all. A 409
means it already holds one of the ids; the batch is then sent again statement by statement (PUT with
statementId), where 204 is "stored or already the same" and 409 is "a different statement has this id".
Network trouble and a busy server (429, 502-504) are retried with exponential backoff; anything else is one
line. Time is injected.
"""

from __future__ import annotations

import base64
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.client import HTTPException
from typing import Any

from trainer.model.text import TwoLanguageError

XAPI_VERSION = "2.0.0"
BATCH = 100
RETRIES = 5
RETRY_STATUSES = frozenset({429, 502, 503, 504})


class LrsError(TwoLanguageError):
    """Sending failed in a way the user must act on; one line, both languages."""


@dataclass
class Response:
    status: int
    body: bytes
    retry_after: float | None = None


# (method, url, body, headers, timeout) -> Response; raises OSError on network trouble
Transport = Callable[[str, str, bytes | None, dict[str, str], float], Response]


def urllib_transport(
    method: str, url: str, body: bytes | None, headers: dict[str, str], timeout: float
) -> Response:
    """The real thing: urllib from the standard library (HTTP errors are answers, not exceptions)."""
    request = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:  # noqa: S310 - checked http(s) URL
            return Response(reply.status, reply.read())
    except urllib.error.HTTPError as exc:
        retry = exc.headers.get("Retry-After") if exc.headers else None
        seconds = float(retry) if retry and retry.strip().isdigit() else None
        return Response(exc.code, exc.read() or b"", seconds)
    except HTTPException as exc:  # a dropped connection half-way is network trouble, like a refused one
        raise OSError(str(exc) or type(exc).__name__) from None


def statements_url(url: str) -> str:
    """The statements resource of an LRS endpoint (…/xAPI/ or …/xAPI/statements); refuses what cannot work."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LrsError(
            f"{url}: geen LRS-adres (tip: http(s)://host:poort/xAPI/, het xAPI-eindpunt van de LRS)",
            f"{url}: not an LRS address (hint: http(s)://host:port/xAPI/, the LRS's xAPI endpoint)",
        )
    if parts.username or parts.password:
        raise LrsError(
            f"{shown(url)}: zet de inlog niet in het adres (tip: --auth gebruiker:wachtwoord)",
            f"{shown(url)}: do not put the login in the address (hint: --auth user:password)",
        )
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise LrsError(
            f"{url}: de poort is geen getal (tip: http://host:8100/xAPI/)",
            f"{url}: the port is not a number (hint: http://host:8100/xAPI/)",
        ) from None
    path = parts.path.rstrip("/")
    if not path.endswith("/statements"):
        path += "/statements"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def shown(url: str) -> str:
    """An address as messages print it: without login or query."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def basic_auth(auth: str) -> str:
    """'user:password' as an Authorization header value."""
    if ":" not in auth or not auth.split(":", 1)[0]:
        raise LrsError(
            "--auth verwacht gebruiker:wachtwoord",
            "--auth expects user:password (hint: --auth trainer:geheim)",
        )
    return "Basic " + base64.b64encode(auth.encode("utf-8")).decode("ascii")


@dataclass
class Tally:
    """What the LRS did with what was sent."""

    sent: int = 0
    stored: int = 0
    conflicts: list[str] = field(default_factory=list)

    @property
    def already(self) -> int:
        return self.sent - self.stored - len(self.conflicts)


@dataclass
class Sender:
    """Collects statements and posts them in batches to one LRS."""

    url: str
    auth: str | None = None
    transport: Transport = urllib_transport
    sleep: Callable[[float], None] = time.sleep
    batch: int = BATCH
    retries: int = RETRIES
    timeout: float = 30.0
    tally: Tally = field(default_factory=Tally)

    def __post_init__(self) -> None:
        self.endpoint = statements_url(self.url)
        self.headers = {"Content-Type": "application/json", "X-Experience-API-Version": XAPI_VERSION}
        if self.auth is not None:
            self.headers["Authorization"] = basic_auth(self.auth)
        self.pending: list[dict[str, Any]] = []

    def send_all(self, statements: Iterable[dict[str, Any]]) -> Tally:
        for statement in statements:
            self.add(statement)
        self.flush()
        return self.tally

    def add(self, statement: dict[str, Any]) -> None:
        self.pending.append(statement)
        if len(self.pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            batch, self.pending = self.pending, []
            self._post(batch)

    def _post(self, batch: list[dict[str, Any]]) -> None:
        body = json.dumps(batch, ensure_ascii=False).encode("utf-8")
        reply = self._call("POST", self.endpoint, body)
        if reply.status == 200:
            self.tally.sent += len(batch)
            self.tally.stored += _stored_count(reply.body, len(batch))
        elif reply.status == 204:
            self.tally.sent += len(batch)  # the LRS had every one of them
        elif reply.status == 409:
            for statement in batch:
                self._put(statement)
        elif reply.status == 413 and len(batch) > 1:
            half = len(batch) // 2
            self._post(batch[:half])
            self._post(batch[half:])
        else:
            raise self._refused(reply)

    def _put(self, statement: dict[str, Any]) -> None:
        query = urllib.parse.urlencode({"statementId": statement["id"]})
        body = json.dumps(statement, ensure_ascii=False).encode("utf-8")
        reply = self._call("PUT", f"{self.endpoint}?{query}", body)
        self.tally.sent += 1
        if reply.status == 409:
            self.tally.conflicts.append(str(statement["id"]))
        elif reply.status != 204:
            raise self._refused(reply)

    def _call(self, method: str, url: str, body: bytes) -> Response:
        """One request, retried with backoff (0.5 s, 1 s, 2 s, ...) while the network or server is away."""
        reason, delay = "", 0.0
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(delay)
            delay = min(30.0, 0.5 * 2**attempt)  # before the next attempt, if this one fails
            try:
                reply = self.transport(method, url, body, self.headers, self.timeout)
            except OSError as exc:
                reason = _reason(exc)
                continue
            if reply.status not in RETRY_STATUSES:
                return reply
            reason = f"HTTP {reply.status}"
            if reply.retry_after is not None:  # the server said how long: wait at least that (up to a minute)
                delay = max(delay, min(reply.retry_after, 60.0))
        raise LrsError(
            f"{shown(self.url)}: LRS niet bereikbaar na {self.retries + 1} pogingen ({reason}); "
            "wat al verstuurd is, blijft staan (tip: controleer het adres en stuur opnieuw: "
            "niets wordt dubbel opgeslagen)",
            f"{shown(self.url)}: LRS not reachable after {self.retries + 1} attempts ({reason}); what was "
            "already sent stays (hint: check the address and send again: nothing is stored twice)",
        )

    def _refused(self, reply: Response) -> LrsError:
        said = _said(reply.body)
        where = shown(self.url)
        if reply.status in (401, 403):
            return LrsError(
                f"{where}: de LRS weigert de inlog (HTTP {reply.status}) (tip: --auth gebruiker:wachtwoord "
                "met schrijfrechten op statements)",
                f"{where}: the LRS refuses the login (HTTP {reply.status}) (hint: --auth user:password with "
                "write access to statements)",
            )
        if reply.status in (404, 405):
            return LrsError(
                f"{where}: hier is geen xAPI-eindpunt (HTTP {reply.status}) (tip: het adres eindigt meestal "
                "op /xAPI/ of /data/xAPI/)",
                f"{where}: no xAPI endpoint here (HTTP {reply.status}) (hint: the address usually ends in "
                "/xAPI/ or /data/xAPI/)",
            )
        return LrsError(
            f"{where}: de LRS weigerde de statements (HTTP {reply.status}: {said})",
            f"{where}: the LRS refused the statements (HTTP {reply.status}: {said})",
        )


def _stored_count(body: bytes, fallback: int) -> int:
    try:
        ids = json.loads(body)
    except ValueError:
        return fallback
    return len(ids) if isinstance(ids, list) else fallback


def _said(body: bytes) -> str:
    """The first line of what the LRS said, short: enough to see why, never a page of HTML."""
    text = body.decode("utf-8", "replace").strip()
    try:
        data = json.loads(text)
        if isinstance(data, dict) and "detail" in data:
            text = (
                json.dumps(data["detail"], ensure_ascii=False)
                if not isinstance(data["detail"], str)
                else data["detail"]
            )
    except ValueError:
        pass
    line = text.splitlines()[0] if text else "-"
    return line[:200]


def _reason(exc: OSError) -> str:
    if isinstance(exc, urllib.error.URLError):
        inner = exc.reason
        return str(inner.strerror if isinstance(inner, OSError) and inner.strerror else inner)
    return exc.strerror or str(exc) or type(exc).__name__
