"""Bulk reads and writes that an ORM call per row or per batch would make slow: rows into a
table with one COPY (PostgreSQL) or one `executemany` (elsewhere), and `IN` lookups of many
values a batch at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import connection

LOOKUP_BATCH = 5_000  # values in one `IN (...)` (SQLite takes at most 32,766 parameters)


def rows_insert(table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Write `rows` (values in the database's own form, in the order of `columns`) into
    `table`: COPY on PostgreSQL, one `executemany` elsewhere. The caller's transaction holds."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    with connection.wrap_database_errors, connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})"  # noqa: S608
        cursor.executemany(sql, list(rows))


def values_in(
    table: str, select: Sequence[str], column: str, values: Iterable, *, where: str = ""
) -> Iterator[tuple]:
    """Yield the `select` columns of the rows of `table` whose `column` is one of `values`
    (and that meet `where`, an SQL condition of constants), a batch of values at a time.

    Plain SQL: the ORM's `__in` prepares each value on its own, which costs seconds for the
    100,000 keys of a large import."""
    quote = connection.ops.quote_name
    values = list(values)
    head = (
        f"SELECT {', '.join(quote(c) for c in select)} FROM {quote(table)} "  # noqa: S608
        f"WHERE {where + ' AND ' if where else ''}{quote(column)} IN "
    )
    with connection.cursor() as cursor:
        for first in range(0, len(values), LOOKUP_BATCH):
            batch = values[first : first + LOOKUP_BATCH]
            cursor.execute(head + "(" + ", ".join(["%s"] * len(batch)) + ")", batch)
            yield from cursor.fetchall()


@contextmanager
def page_cache(megabytes: int) -> Iterator[None]:
    """On SQLite, let this connection keep `megabytes` of pages in memory while the block
    runs, so a large transaction does not spill its changes to the file before it commits;
    elsewhere do nothing (PostgreSQL's cache is the server's)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = {-1024 * int(megabytes)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")
