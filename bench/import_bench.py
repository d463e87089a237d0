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
import json
import os
import statistics
import sys
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from bench.import_file import IMPORT, import_measure  # noqa: E402


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
