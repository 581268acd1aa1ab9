"""One connection to records for the cohort layer: a laptop's SQLite or the shared PostgreSQL, same SQL.

Queries are written once with `?` placeholders; for PostgreSQL they become `%s`. Reads may stream (a cursor
that is iterated, never fetched whole); writes are one transaction each.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from trainer.records import RecordsError, RecordStore
from trainer.records.server_read import ServerReader

Row = tuple[Any, ...]


class Db:
    """SQL over either backend; `kind` is 'sqlite' or 'postgresql'."""

    def __init__(self, source: RecordStore | ServerReader) -> None:
        self.source = source
        self.kind = "sqlite" if isinstance(source, RecordStore) else "postgresql"
        self.where = str(source.path)

    def _sql(self, sql: str) -> str:
        return sql if self.kind == "sqlite" else sql.replace("?", "%s")

    def _failed(self, exc: Exception) -> RecordsError:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return RecordsError(
            f"{self.where}: lezen mislukt ({reason})", f"{self.where}: reading failed ({reason})"
        )

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return list(self.stream(sql, params))

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 2000) -> Iterator[Row]:
        """Rows one at a time; PostgreSQL uses a server-side cursor, so memory stays flat."""
        if isinstance(self.source, RecordStore):
            try:
                cursor = self.source.connection.execute(sql, tuple(params))
                while batch := cursor.fetchmany(size):
                    yield from batch
            except sqlite3.Error as exc:
                raise self._failed(exc) from None
            return
        try:
            with (
                self.source.server.pool.connection() as conn,
                conn.transaction(),
                conn.cursor(name="cohort_stream") as named,
            ):
                named.itersize = size  # rows per round trip while iterating
                named.execute(self._sql(sql), tuple(params))  # type: ignore[arg-type,unused-ignore]
                for row in named:
                    yield tuple(row)
        except RecordsError:
            raise
        except Exception as exc:  # psycopg's errors: the server went away or refused
            raise self._failed(exc) from None

    @contextmanager
    def _writing(self) -> Iterator[Callable[[str, Sequence[Any]], None]]:
        if isinstance(self.source, RecordStore):
            with self.source.transaction() as conn:

                def run_sqlite(sql: str, params: Sequence[Any]) -> None:
                    conn.execute(sql, tuple(params))

                yield run_sqlite
            return
        with self.source.server.pool.connection() as pg:

            def run_pg(sql: str, params: Sequence[Any]) -> None:
                pg.execute(self._sql(sql), tuple(params))  # type: ignore[arg-type,unused-ignore]

            yield run_pg

    def script(self, statements: Sequence[str]) -> None:
        """Statements without parameters, in one transaction (creating the derived tables)."""
        try:
            with self._writing() as run:
                for statement in statements:
                    run(statement, ())
        except RecordsError:
            raise
        except Exception as exc:
            raise self._failed(exc) from None

    def write_many(self, batches: Sequence[tuple[str, Sequence[Sequence[Any]]]]) -> None:
        """Several `executemany`s in one transaction."""
        try:
            if isinstance(self.source, RecordStore):
                with self.source.transaction() as conn:
                    for sql, rows in batches:
                        conn.executemany(sql, [tuple(r) for r in rows])
                return
            with self.source.server.pool.connection() as pg, pg.cursor() as cur:
                for sql, rows in batches:
                    if rows:
                        cur.executemany(self._sql(sql), [tuple(r) for r in rows])  # type: ignore[arg-type,unused-ignore]
        except RecordsError:
            raise
        except Exception as exc:
            raise self._failed(exc) from None
