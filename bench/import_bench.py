"""`import_claims` of a 100,000-row file (`bench.import_file.IMPORT`), beside the floor: the time
PostgreSQL's COPY takes for the same rows into a bare table (text columns, no index, no check).

    DATABASE_URL=... python -m bench.import_bench [--runs 3] [--claims 100000] [--json]

On an empty migrated database (the current one: use a throwaway), write the districts and the
file, then time each run of the whole command (`manage.py import_claims FILE`: reading,
checking, resolving, writing with history, recomputing the periods, committing), wiping what
it wrote between runs; time one re-import too (it must add nothing). The floor is measured on
PostgreSQL only; `bench.run` passes the PostGIS floor to the SpatiaLite figure. `--json` prints
the samples as one JSON object for `bench.run`, which runs the SpatiaLite side this way.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from bench.import_file import IMPORT, claims_file_write, places_make  # noqa: E402
from tracker.models import Claim, ControlPeriod  # noqa: E402

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
    """Delete what the imports wrote (sources, documents, claims, history, periods)."""
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(WRITTEN)}")
        else:
            for table in WRITTEN:
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608


def import_once(path: Path) -> tuple[float, str]:
    """Run `manage.py import_claims path` in-process; return seconds and its summary."""
    out = io.StringIO()
    started = time.perf_counter()
    call_command("import_claims", str(path), stdout=out)
    return time.perf_counter() - started, out.getvalue()


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
        samples, summary = [], ""
        for run in range(runs):
            if run:
                wipe()
            seconds, summary = import_once(path)
            samples.append(seconds)
            assert Claim.objects.count() == scale.claims, summary
        again, again_summary = import_once(path)
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
        "reimport_s": again,
        "floor_s": floor,
        "summary": summary,
        "periods": ControlPeriod.objects.count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--claims", type=int, default=IMPORT.claims)
    parser.add_argument("--json", action="store_true", help="print the samples as JSON")
    args = parser.parse_args()
    result = import_measure(runs=args.runs, claims=args.claims)
    if args.json:
        print(json.dumps(result))
        return
    rate = result["rows"] / statistics.median(result["import_s"])
    print(f"{connection.vendor}: import_claims {rate:,.0f} rows/s (median of {args.runs})")
    if result["floor_s"]:
        floor = result["rows"] / statistics.median(result["floor_s"])
        print(f"PostgreSQL COPY into a bare table: {floor:,.0f} rows/s")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
