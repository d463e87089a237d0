"""The writers of the releases app: `release_make` (freeze the record as release N) and
`geopackage_current` (the GeoPackage download, built once per dataset version)."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from districts.models import District
from releases import changelog as log
from releases.geopackage import geopackage_write
from releases.models import Release, ReleasePeriod
from releases.package import (
    GEOPACKAGE_NAME,
    citation_cff,
    datapackage,
    file_sha256,
    sha256sums,
    table_csv_write,
)
from releases.tables import CLAIMS, PERIODS, TABLES
from tracker.freshness import stale_after_days
from tracker.models import Actor, Claim
from tracker.periods import horizon_days
from tracker.version import dataset_version

PERIOD_BATCH = 2000


class ReleaseError(RuntimeError):
    """A release cannot be made; the message says why and what to do."""


def release_root() -> Path:
    """The directory holding one folder per release (TRACKER_RELEASE_DIR)."""
    return Path(settings.TRACKER_RELEASE_DIR)


def release_folder(number: int) -> Path:
    return release_root() / str(number)


class _PeriodFreezer:
    """Collect period rows as the CSV is written: store them as `ReleasePeriod`s in batches and
    keep their changelog keys."""

    def __init__(self, release: Release) -> None:
        self.release, self.batch, self.keys = release, [], []  # type: ignore[var-annotated]

    def __call__(self, row: dict) -> None:
        self.keys.append(log.period_key(row))
        self.batch.append(
            ReleasePeriod(
                release=self.release,
                lens=row["lens"],
                district=row["district"],
                status=row["status"],
                actor=row["actor"] or "",
                actors=row["actors"],
                start=row["valid_from"],
                end=row["valid_to"],
                start_earliest=row["start_earliest"],
                support_ids=row["claims"],
                report_days=row["report_days"],
                last_reported=row["last_reported"],
            )
        )
        if len(self.batch) >= PERIOD_BATCH:
            self.flush()

    def flush(self) -> None:
        ReleasePeriod.objects.bulk_create(self.batch)
        self.batch = []


def _previous_period_keys(previous: Release | None) -> list:
    if previous is None:
        return []
    rows = previous.periods.values_list(
        "lens", "district", "start", "end", "status", "actor", "actors"
    )
    return [
        log.period_key(
            {
                "lens": lens,
                "district": district,
                "valid_from": start,
                "valid_to": end,
                "status": status,
                "actor": actor,
                "actors": actors,
            }
        )
        for lens, district, start, end, status, actor, actors in rows.iterator(PERIOD_BATCH)
    ]


def release_make(*, now: datetime.datetime | None = None) -> Release:
    """Freeze the current record as the next release and return it.

    Writes, under TRACKER_RELEASE_DIR/N/: every table as CSV, the GeoPackage, datapackage.json,
    CITATION.cff, CHANGELOG.md and changelog.json (against release N-1), and SHA256SUMS of all
    of them; stores the release with its file list and hashes, its engine settings, and every
    control period, so that it can be served exactly as made. The folder is written aside and
    moved into place last; on any error nothing is kept. Every table is read from one snapshot
    of the database (on PostgreSQL a repeatable-read transaction; SpatiaLite's write lock).
    """
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        return _release_make(now)


def _release_make(now: datetime.datetime | None) -> Release:
    previous = Release.objects.select_for_update().order_by("-number").first()
    number = previous.number + 1 if previous else 1
    created = now or timezone.now()
    final = release_folder(number)
    if final.exists():
        raise ReleaseError(
            f"{final} already exists but release {number} is not in the database: move the "
            "folder away (or set TRACKER_RELEASE_DIR) and run release_make again."
        )
    release = Release.objects.create(
        number=number,
        created=created,
        dataset_version=dataset_version().tag,
        engine_settings={
            "TRACKER_HORIZON_DAYS": horizon_days(),
            "TRACKER_STALE_AFTER_DAYS": stale_after_days(),
        },
        districts=list(District.objects.order_by("slug").values_list("slug", flat=True)),
        actors=list(Actor.objects.order_by("slug").values_list("slug", flat=True)),
    )
    release_root().mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".release-{number}-", dir=release_root()))
    try:
        _files_write(release, previous, scratch)
        os.replace(scratch, final)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return release


def _files_write(release: Release, previous: Release | None, folder: Path) -> None:
    """Write every file of `release` into `folder` and record the file list and changelog."""
    digests: dict[str, list] = {}

    def claim_seen(row: dict) -> None:
        digests[str(row["id"])] = log.claim_digest(row)

    freezer = _PeriodFreezer(release)
    watchers: dict[str, Callable[[dict], None]] = {CLAIMS.name: claim_seen, PERIODS.name: freezer}
    for table in TABLES:
        table_csv_write(table, folder / f"{table.name}.csv", each=watchers.get(table.name))
    freezer.flush()
    stamp = release.created.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    geopackage_write(folder / GEOPACKAGE_NAME, stamp=stamp)
    package = datapackage(
        number=release.number, created=release.created, tables=TABLES, folder=folder
    )
    (folder / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False))
    day = release.created.astimezone(datetime.UTC).date()
    (folder / "CITATION.cff").write_text(citation_cff(number=release.number, day=day))
    rejected = set(
        Claim.objects.filter(review_status=Claim.Review.REJECTED).values_list("pk", flat=True)
    )
    changes = {
        "release": release.number,
        "against": previous.number if previous else None,
        "claims": log.claims_changes(previous.claim_digests if previous else {}, digests, rejected),
        "periods": log.periods_changes(_previous_period_keys(previous), freezer.keys),
    }
    (folder / "changelog.json").write_text(json.dumps(changes, indent=2, ensure_ascii=False))
    (folder / "CHANGELOG.md").write_text(log.changelog_markdown(release.number, changes))
    names = sorted(p.name for p in folder.iterdir())
    (folder / "SHA256SUMS").write_text(sha256sums(folder, names))
    release.files = [
        {"name": n, "bytes": (folder / n).stat().st_size, "sha256": file_sha256(folder / n)}
        for n in [*names, "SHA256SUMS"]
    ]
    release.claim_digests, release.changelog = digests, changes
    release.save(update_fields=["files", "claim_digests", "changelog"])


def export_root() -> Path:
    """The directory where the GeoPackage download is cached (TRACKER_EXPORT_DIR)."""
    return Path(settings.TRACKER_EXPORT_DIR)


def geopackage_current(version: str) -> Path:
    """Return the GeoPackage of the record at dataset version `version`, building it when it
    is not cached yet (and then dropping the files of older versions)."""
    path = export_root() / f"record-{version}.gpkg"
    if not path.exists():
        geopackage_write(path)
        for old in export_root().glob("record-*.gpkg"):
            if old != path:
                old.unlink(missing_ok=True)
    return path
