"""Bulk reads and writes that an ORM call per row or per batch would make slow: rows into a
table with one COPY (PostgreSQL) or one `executemany` (elsewhere), and `IN` lookups of many
values a batch at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.db import connection
from django.db.models import QuerySet

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


def values_in(queryset: QuerySet, field: str, values: Iterable) -> Iterator:
    """Yield the rows of `queryset` whose `field` is one of `values`, a batch at a time."""
    values = list(values)
    for first in range(0, len(values), LOOKUP_BATCH):
        yield from queryset.filter(**{f"{field}__in": values[first : first + LOOKUP_BATCH]})
