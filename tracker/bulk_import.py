"""Write an import's claims in bulk: the service behind `tracker.imports.claims_import`.

The importer checks every row and decides which claims a file adds (`ClaimSpec`: the checked
row, the district its place resolved to, its import key); this module writes them, all in the
caller's transaction, by these rules:

1. **Sources and documents once.** Each speaker is looked up once (`sources.services.
   source_find`, as `source_get_or_create` does) and each document once per import, by its
   address, else by its citation; the missing ones are made from the first row that names
   them, checked by their fields' rules, and written in bulk.
2. **Claims in bulk.** Their ids are taken from the table's sequence first, then the rows go
   in with one COPY on PostgreSQL (one `executemany` elsewhere): no row-by-row INSERT. The
   row check already applied the fields' rules; a `lost` claim is still checked by
   `Claim.clean` (it may name the side of a source on record), and the database's
   constraints check the rest. The claims of one row naming a region share one region
   statement (`tracker.statements`), written in bulk before them.
3. **History as a save would write it.** Every new source, document, statement and claim gets its
   django-simple-history row ("+", now, the importing user), written the same way, so the
   change history and the dataset version see the import.
4. **Periods once.** Each district that gained a claim is recomputed once, in every lens
   the new claims can change (`tracker.periods.timeline_refresh`), a batch of districts at a
   time so `progress` can say how far it is.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db import connection, models
from django.utils import timezone

from common.bulk import rows_insert, values_in
from districts.models import District, Region
from sources.models import Document, Source
from sources.services import source_find, source_kind_guess, source_slug
from tracker.import_rows import SourcedRow
from tracker.models import Claim, RegionStatement
from tracker.periods import timeline_refresh
from tracker.timeline import Lens

# progress(stage, done, total): what an import has done so far, for a progress bar.
Progress = Callable[[str, int, int], None]
WRITE_BATCH = 5_000  # claims written between two progress reports
DISTRICTS_PER_REFRESH = 500  # districts recomputed between two progress reports


@dataclass(frozen=True)
class ClaimSpec:
    """One claim an import adds: its checked row, the district (None: unmapped), its key, and
    the region its row names (its claims then share one region statement: `statement_id`
    when the row's statement is on record already, else a new one)."""

    row: Any  # `tracker.imports._Row`: a SourcedRow with the claim's place, who and when
    district: District | None
    import_key: str
    region: Region | None = None
    statement_id: int | None = None


def _table_rows(
    columns: Sequence[models.Field], rows: list[dict[str, Any]], fixed: dict[str, Any]
) -> list[tuple]:
    """Each of `rows` as a tuple of `columns` in the database's form: a value of `fixed`,
    else the row's; days as ISO text on SQLite (psycopg's COPY takes them as they are)."""
    names = [f.attname for f in columns]
    days = []
    if connection.vendor != "postgresql":
        days = [
            i
            for i, f in enumerate(columns)
            if isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField)
        ]
    out = []
    for row in rows:
        values = [fixed[n] if n in fixed else row[n] for n in names]
        for i in days:
            if values[i] is not None:
                values[i] = values[i].isoformat()
        out.append(tuple(values))
    return out


def _ids_take(model: type[models.Model], count: int) -> list[int]:
    """Take `count` new primary keys of `model` from its sequence (SQLite: after the largest
    on record, the whole database being locked for writing by the transaction)."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, model._meta.pk.column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(
            f"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = %s), 0), "  # noqa: S608
            f"coalesce((SELECT max({connection.ops.quote_name(model._meta.pk.column)}) "
            f"FROM {connection.ops.quote_name(table)}), 0))",
            [table],
        )
        last = cursor.fetchone()[0]
    return list(range(last + 1, last + 1 + count))


def rows_write_with_history(
    model: type[models.Model],
    values: list[dict[str, Any]],
    *,
    user: User | None,
    now: datetime.datetime,
) -> list[int]:
    """Write one new `model` row per dict of `values` (attribute name: value, a datetime
    never among them; a field left out takes its default, a timestamp field `now`) and its
    history row; return the ids."""
    stamp = connection.ops.adapt_datetimefield_value(now)
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    defaults = {
        f.attname: stamp
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        else f.get_default()
        for f in fields
    }
    ids = _ids_take(model, len(values))
    pk = model._meta.pk.attname
    rows = [{**defaults, **row, pk: id_} for row, id_ in zip(values, ids, strict=True)]
    history = model.history.model  # type: ignore[attr-defined]
    extra = {
        "history_date": stamp,
        "history_change_reason": None,
        "history_type": "+",
        "history_user_id": user.pk if user else None,
    }
    for target, fixed in ((model, {}), (history, extra)):
        columns = [f for f in target._meta.concrete_fields if f.attname != "history_id"]
        table_rows = _table_rows(columns, rows, fixed)
        rows_insert(target._meta.db_table, [f.column for f in columns], table_rows)
    return ids


def _sources_find_or_make(
    specs: Sequence[ClaimSpec], report: Any, user: User | None, now: datetime.datetime
) -> dict[str, Source]:
    """Return the source of every speaker (by the speaker's name as the rows give it), one
    per slug, making the missing ones from the first row that names each (rule 1)."""
    by_slug: dict[str, Source] = {}
    by_speaker: dict[str, Source] = {}
    new: list[Source] = []
    for spec in specs:
        speaker = spec.row.attribution.speaker
        if speaker in by_speaker:
            continue
        key = source_slug(speaker)
        if key not in by_slug:
            source = source_find(speaker)
            if source is None:
                source = Source(
                    name=speaker, slug=key, stance=spec.row.stance, kind=source_kind_guess(speaker)
                )
                source.full_clean(
                    exclude=["actor"], validate_unique=False, validate_constraints=False
                )
                new.append(source)
            by_slug[key] = source
        by_speaker[speaker] = by_slug[key]
    _objects_write(Source, new, user=user, now=now)
    report.sources_created += len(new)
    return by_speaker


def _document_key(row: SourcedRow) -> str:
    return row.url or row.citation


def _documents_find_or_make(
    specs: Sequence[ClaimSpec],
    sources: dict[str, Source],
    report: Any,
    user: User | None,
    now: datetime.datetime,
) -> dict[str, int]:
    """Return the id of every document the rows cite (by address, else citation), making the
    missing ones from the first row that cites each (rule 1)."""
    first: dict[str, ClaimSpec] = {}
    for spec in specs:
        first.setdefault(_document_key(spec.row), spec)
    urls = [s.row.url for s in first.values() if s.row.url]
    citations = [s.row.citation for s in first.values() if not s.row.url]
    table = Document._meta.db_table
    ids: dict[str, int] = dict(values_in(table, ["url", "id"], "url", urls))
    ids.update(values_in(table, ["citation", "id"], "citation", citations, where="url IS NULL"))
    new: list[tuple[str, Document]] = []
    for key, spec in first.items():
        if key in ids:
            continue
        row = spec.row
        document = Document(
            source=sources[row.attribution.speaker],
            citation=row.citation,
            url=row.url,
            outlet=row.attribution.outlet[:300],
            published_on=row.effective_to if row.precision == Claim.Precision.DAY else None,
        )
        document.full_clean(exclude=["source"], validate_unique=False, validate_constraints=False)
        new.append((key, document))
    written = _objects_write(Document, [d for _, d in new], user=user, now=now)
    ids.update(zip((key for key, _ in new), written, strict=True))
    report.documents_created += len(new)
    return ids


def _objects_write(
    model: type[models.Model], objects: list, *, user: User | None, now: datetime.datetime
) -> list[int]:
    """Write checked, unsaved instances of `model` with their history; set and return ids."""
    fields = [
        f.attname
        for f in model._meta.concrete_fields
        if not (f.primary_key or getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False))
    ]
    ids = rows_write_with_history(
        model, [{name: getattr(o, name) for name in fields} for o in objects], user=user, now=now
    )
    for obj, pk in zip(objects, ids, strict=True):
        obj.pk = pk
    return ids


def _statements_write(
    specs: Sequence[ClaimSpec], user: User | None, now: datetime.datetime
) -> dict[str, int]:
    """Write one region statement per row naming a region; return their ids by the row's
    fingerprint (rule 2)."""
    first: dict[str, ClaimSpec] = {}
    for spec in specs:
        if spec.region is not None and spec.statement_id is None:
            first.setdefault(spec.row.fingerprint, spec)
    values = [
        {"region_id": s.region.pk, "place_name": s.row.place, "created_by_id": user and user.pk}
        for s in first.values()
        if s.region is not None
    ]
    ids = rows_write_with_history(RegionStatement, values, user=user, now=now) if values else []
    return dict(zip(first, ids, strict=True))


def claims_bulk_write(
    specs: Sequence[ClaimSpec],
    *,
    report: Any,
    recorded_by: User | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the claims of `specs` with their sources, documents and history, then recompute
    the periods they change, by the rules above; count the sources and documents created in
    `report` (an `ImportReport`). Return how many periods were recomputed."""
    now = timezone.now()
    sources = _sources_find_or_make(specs, report, recorded_by, now)
    documents = _documents_find_or_make(specs, sources, report, recorded_by, now)
    statements = _statements_write(specs, recorded_by, now)
    touched: set[int] = set()
    speakers: set[Source] = set()  # the sources of mapped claims
    for first in range(0, len(specs), WRITE_BATCH):
        batch = specs[first : first + WRITE_BATCH]
        values = []
        for spec in batch:
            row, district = spec.row, spec.district
            source = sources[row.attribution.speaker]
            claim = {
                "document_id": documents[_document_key(row)],
                "source_id": source.pk,
                "attribution": row.source_org,
                "district_id": district.pk if district is not None else None,
                "place_name": row.place,
                "status": row.status,
                "actor_id": row.actor.pk if row.actor is not None else None,
                "kind": row.kind,
                "effective_from": row.effective_from,
                "effective_to": row.effective_to,
                "date_precision": row.precision,
                "quote": row.quote,
                "note": row.note,
                "analyst_note": row.analyst_note,
                "basis": row.basis,
                "review_status": Claim.Review.PENDING,
                "recorded_by_id": recorded_by.pk if recorded_by is not None else None,
                "import_key": spec.import_key,
                "statement_id": spec.statement_id
                or (statements.get(row.fingerprint) if spec.region else None),
            }
            if row.kind == Claim.Kind.LOST:
                own = {k: v for k, v in claim.items() if k not in ("source_id", "actor_id")}
                Claim(**own, source=source, actor=row.actor).clean()
            values.append(claim)
            if district is not None:
                touched.add(district.pk)
                speakers.add(source)
        rows_write_with_history(Claim, values, user=recorded_by, now=now)
        if progress:
            progress("claims", first + len(batch), len(specs))
    lenses = set(Lens.names(stances=[s.stance for s in speakers], slugs=[s.slug for s in speakers]))
    return _periods_refresh(touched, lenses, progress)


def _periods_refresh(touched: set[int], lenses: set[str], progress: Progress | None) -> int:
    """Recompute each district in `touched` once in `lenses`, a batch at a time (rule 4)."""
    districts, periods = sorted(touched), 0
    for first in range(0, len(districts), DISTRICTS_PER_REFRESH):
        batch = districts[first : first + DISTRICTS_PER_REFRESH]
        periods += timeline_refresh(district_ids=batch, lenses=lenses)
        if progress:
            progress("periods", first + len(batch), len(districts))
    return periods
