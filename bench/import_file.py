"""A claims CSV for `import_claims` at bench scale, and the places it names, on either database.

The rows follow the bench generator's claims (`bench.generate.claims_generate`), drawn in
Python so the file is the same on PostGIS and SpatiaLite: bursts of about four claims about one
district on one day (half of them on a front line, the first tenth of the districts); each
district's true holder changes every few months or years; most claims report it, some their
source's side, some say contested, some are stale; a fifth have a week or month window. Each
row quotes its own number, so no two rows are the same evidence.

`places_make` writes the districts (a grid of plain cells) with one alias each (the cell's
slug, the name the file uses), through the ORM, on an empty database. `import_measure` times
`manage.py import_claims` of such a file beside PostgreSQL's COPY of it (`bench.import_bench`).
"""

from __future__ import annotations

import csv
import datetime
import io
import math
import random
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.core.management import call_command
from django.db import connection, transaction

from bench.generate import EAST, FIRST_DAY, NORTH, SOUTH, WEST, Scale
from districts.models import Alias, District
from districts.names import name_key
from tracker.imports import CLAIM_COLUMNS
from tracker.models import Claim, ControlPeriod

# 100,000 rows over every district, 200 sources and ten years (issue 18).
IMPORT = Scale("import", districts=2_500, claims=100_000, sources=200, years=10)
TRUTHS = ("government", "rebels", "kurdish_ypg", "isis", "nusra")
# Sources by stance and the side each speaks for, as `bench.generate.sources_generate`.
STANCES = ("government",) * 3 + ("opposition",) * 3 + ("independent",) * 3 + ("kurdish",)
SIDES = {"government": "government", "opposition": "rebels", "kurdish": "kurdish_ypg"}


def cell_slug(i: int, j: int) -> str:
    return f"cell-{i:03d}-{j:03d}"


@transaction.atomic
def places_make(scale: Scale) -> list[str]:
    """Write `scale.districts` grid cells, each with its slug as an alias; return the slugs."""
    nx = math.ceil(math.sqrt(scale.districts * (EAST - WEST) / (NORTH - SOUTH)))
    dx, dy = (EAST - WEST) / nx, (NORTH - SOUTH) / math.ceil(scale.districts / nx)
    districts = []
    for n in range(scale.districts):
        i, j = n % nx, n // nx
        x, y = WEST + i * dx, SOUTH + j * dy
        cell = Polygon.from_bbox((x, y, x + dx, y + dy))
        cell.srid = 4326
        districts.append(
            District(
                slug=cell_slug(i, j),
                name_en=f"Cell {i}-{j}",
                geom=MultiPolygon(cell, srid=4326),
                area_m2=dx * dy * 1e10,
                label_point=Point(x + dx / 2, y + dy / 2, srid=4326),
                provenance="bench: import grid",
            )
        )
    District.objects.bulk_create(districts, batch_size=1000)
    Alias.objects.bulk_create(
        [
            Alias(name=d.slug, key=name_key(d.slug), district=d, origin=Alias.Origin.NAME)
            for d in District.objects.filter(provenance="bench: import grid")
        ],
        batch_size=1000,
    )
    return [d.slug for d in districts]


def claims_file_write(path: Path, scale: Scale, places: list[str], *, seed: int = 42) -> int:
    """Write `scale.claims` rows about `places` to `path` as `import_claims` reads them."""
    rng = random.Random(seed)
    first, days = datetime.date.fromisoformat(FIRST_DAY), scale.years * 365
    shape = [(rng.randrange(900), 90 + rng.randrange(800), rng.randrange(5)) for _ in places]
    events = [
        (
            rng.randrange(len(places))
            if rng.random() < 0.5
            else int(rng.random() * 0.1 * (len(places) - 1)),
            rng.randrange(days),
        )
        for _ in range(scale.events)
    ]
    sources = [
        (f"Bench source {s:03d}", STANCES[s % 10], SIDES.get(STANCES[s % 10]))
        for s in range(1, scale.sources + 1)
    ]
    per_source = max(1, scale.documents // scale.sources)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(CLAIM_COLUMNS)
        for c in range(scale.claims):
            k, t = rng.choice(events)
            s = rng.randrange(len(sources))
            name, stance, side = sources[s]
            phase, span, shift = shape[k]
            truth = TRUTHS[(shift + (t + phase) // span * (1 + k % 3)) % 5]
            stale = TRUTHS[(shift + max(t - 60 + phase, 0) // span * (1 + k % 3)) % 5]
            r_pos, r_win, r_member = rng.random(), rng.random(), rng.random()
            holder = (
                truth
                if r_pos < 0.60
                else (side or truth)
                if r_pos < 0.75
                else None
                if r_pos < 0.85
                else stale
            )
            if holder == "government" and r_member < 0.3:
                holder = "syrian-arab-army"
            elif holder == "rebels" and r_member < 0.2:
                holder = "ahrar-al-sham"
            kind = "contested" if holder is None else "captured" if r_member < 0.5 else "held"
            precision = "day" if r_win < 0.80 else "week" if r_win < 0.95 else "month"
            document = s * per_source + rng.randrange(per_source)
            writer.writerow(
                (
                    (first + datetime.timedelta(days=t)).isoformat(),
                    precision,
                    places[k],
                    holder or "contested",
                    kind,
                    name,
                    stance,
                    f"bench document {document}",
                    f"bench claim {c}",
                    "",
                )
            )
    return scale.claims


# What an import writes, children first: wiped between runs.
WRITTEN = (
    ControlPeriod._meta.db_table,
    Claim.history.model._meta.db_table,  # type: ignore[attr-defined]
    Claim._meta.db_table,
    "sources_historicaldocument",
    "sources_document",
    "sources_historicalsource",
    "sources_source",
)


def wipe() -> None:
    """Delete what the imports wrote (sources, documents, claims, history, periods), so the
    next run starts from the same empty record: TRUNCATE on PostgreSQL (no dead rows left in
    the tables and indexes), DELETE inside a transaction (a test's) and on SQLite."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute(f"TRUNCATE {', '.join(WRITTEN)} CASCADE")
            return
        with transaction.atomic():
            for table in WRITTEN:
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608


def import_once(path: Path) -> tuple[float, float, str]:
    """Run `manage.py import_claims path` in-process; return its wall-clock seconds, this
    process's CPU seconds (the database server's are not in them on PostgreSQL), and its
    summary."""
    out = io.StringIO()
    started, cpu = time.perf_counter(), time.process_time()
    call_command("import_claims", str(path), stdout=out)
    return time.perf_counter() - started, time.process_time() - cpu, out.getvalue()


def copy_floor(path: Path, *, runs: int) -> list[float]:
    """Seconds PostgreSQL's COPY takes to load the file's rows into a bare table, per run."""
    data = path.read_bytes()
    samples = []
    with connection.cursor() as cursor:
        for _ in range(runs):
            cursor.execute(
                "DROP TABLE IF EXISTS bench_import_floor; CREATE TABLE bench_import_floor ("
                + ", ".join(f"c{i} text" for i in range(10))
                + ")"
            )
            started = time.perf_counter()
            with cursor.cursor.copy(
                "COPY bench_import_floor FROM STDIN WITH (FORMAT csv, HEADER true)"
            ) as copy:
                copy.write(data)
            samples.append(time.perf_counter() - started)
        cursor.execute("SELECT count(*) FROM bench_import_floor")
        assert cursor.fetchone()[0] == len(data.splitlines()) - 1
        cursor.execute("DROP TABLE bench_import_floor")
    return samples


def import_measure(
    *, runs: int, claims: int = IMPORT.claims, districts: int = IMPORT.districts
) -> dict:
    """Time `runs` imports of a fresh `claims`-row file about `districts` districts on the
    current (empty) database."""
    scale = replace(IMPORT, claims=claims, districts=districts)
    started = time.perf_counter()
    places = places_make(scale)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "claims.csv"
        claims_file_write(path, scale, places)
        prepared = time.perf_counter() - started
        samples, cpu_samples, summary = [], [], ""
        for run in range(runs):
            if run:
                wipe()
            seconds, cpu, summary = import_once(path)
            samples.append(seconds)
            cpu_samples.append(cpu)
            assert Claim.objects.count() == scale.claims, summary
        again, _, again_summary = import_once(path)
        assert f"Claims: 0 created, {scale.claims} already present" in again_summary
        floor = copy_floor(path, runs=runs) if connection.vendor == "postgresql" else []
    return {
        "vendor": connection.vendor,
        "rows": scale.claims,
        "districts": scale.districts,
        "sources": scale.sources,
        "years": scale.years,
        "prepare_s": round(prepared, 2),
        "import_s": samples,
        "import_cpu_s": cpu_samples,
        "reimport_s": again,
        "floor_s": floor,
        "summary": summary,
        "periods": ControlPeriod.objects.count(),
    }
