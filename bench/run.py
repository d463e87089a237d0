"""Measure every figure of DESIGN.md's "Numbers it must reach" beside its reference, in one run.

    python -m bench.run [--small] [--keep]
        [--only payloads,aleppo,country,country-30k,import,reads,mixed] [--skip ...]

Needs DATABASE_URL=postgis://... with the right to create databases (`make bench` starts a
throwaway cluster with pg_virtualenv when it is not set). Each scale gets its own database,
made from one migrated template and dropped at the end (unless --keep).

Figures (medians over repeated runs; references measured in the same run):
1. control/?on= at country scale: server time in-process (Django's test client, the whole
   request through middleware, DRF and the ETag) against the floor, the same state read as
   JSON by psql (its \\timing of the same query, run in one psql session, startup excluded);
   and against a naive DRF serializer that resolves each district's claims per request.
2. Editing one claim at country scale (services.claim_update): the periods outside its
   district are untouched (checked), and its time against a full timeline rebuild.
2b. The timeline engine v2 (`tracker.timeline`) against v1 (`bench/engine_v1.py`, a frozen
   copy) on the same claims in the same run: every district resolved in every lens in Python
   by each engine (`bench/engines.py`), v2's median over v1's against issue 12's 1.25x; and,
   for information, the whole `services.timeline_rebuild()` with v1 put in v2's place.
3. Aleppo map payloads, gzipped, with the real demo loaded: /map/districts.geojson,
   /api/v1/districts/ and /api/v1/timeline/?lens=consensus.
4. Scrubbing one step in headless Chromium with every district of the country scale; and the
   first paint of the real map page `/` (`bench/firstpaint.py`), load after load, with each
   server of `--servers` (`bench/served.py`: gunicorn with the production settings, judged;
   the in-process server beside it), every request's bytes and finish time recorded.
4b. The same figures for issue 18's country of 30,000 districts and 3,000,000 claims
   (section `country-30k`), without issue 12's engine comparison (v2 against v1 is judged on
   the 10,000-district country; at 30,000 it would hold three million claims twice in memory).
5. `import_claims` of a 100,000-row file (every district of a 2,500-district grid, 200
   sources, ten years: `bench/import_file.py`) on PostGIS and on SpatiaLite, in rows/s, beside
   the floor: PostgreSQL's COPY of the same rows into a bare table.
6. Warm public reads (section `reads`, `bench/reads.py`): wrk drives each of five public
   paths and a static file of the median answer's size through the same gunicorn (production
   settings, Redis, WhiteNoise), on a database of its own holding the Aleppo demo; each path's
   rate against the static file's, measured in the same run (issue 18: at least half).
7. The mixed public load (section `mixed`, bin/loadtest.py's `run`): 32 connections for 60 s
   over the public mix, gunicorn on a PostGIS database of its own holding the Aleppo demo;
   p99 against p50 of the same run (issue 18: p99 < 100 ms and no errors).
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench import engine_v1, engines  # noqa: E402
from bench.generate import (  # noqa: E402
    ALEPPO,
    COUNTRY,
    COUNTRY_30K,
    SMALL_COUNTRY,
    Scale,
    synthetic_load,
)
from bench.import_file import IMPORT, import_measure  # noqa: E402
from bench.naive import naive_control  # noqa: E402
from bench.served import SERVERS, postgis_url  # noqa: E402
from tracker import periods as stored_periods  # noqa: E402
from tracker import selectors, services  # noqa: E402
from tracker import timeline as engine_v2  # noqa: E402
from tracker.models import Claim  # noqa: E402

User = get_user_model()

RESULTS_DIR = Path(settings.BASE_DIR) / "var" / "bench"
# What --only and --skip select; a scale's section is its name (bench-small's smaller country
# is the "country" section).
SECTIONS = ("payloads", "aleppo", "country", "country-30k", "import", "reads", "mixed")
FULL_SCALES = ("country", "country-30k")  # where the targets relative to a rebuild are judged
ENGINE_SCALES = ("aleppo", "country", "country-small")  # issue 12's v2 against v1


# ---- output -------------------------------------------------------------------------------


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    reference_name: str = ""
    reference: float | None = None
    ratio: float | None = None
    target: str = ""
    met: bool | None = None
    note: str = ""


@dataclass
class Report:
    machine: dict = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)
    details: dict = field(default_factory=dict)

    def add(self, figure: Figure) -> None:
        self.figures.append(figure)
        mark = {True: "MET", False: "NOT MET", None: ""}[figure.met]
        reference = f"{figure.reference_name} {_fmt(figure.reference, figure.unit)}"
        ratio = "" if figure.ratio is None else _ratio(figure.ratio)
        print(
            f"  {figure.name:<48} {_fmt(figure.value, figure.unit):>12}   "
            f"{reference if figure.reference is not None else '':<30} {ratio:>10}  "
            f"{figure.target:<12} {mark}",
            flush=True,
        )

    def table(self) -> str:
        lines = [
            "| figure | value | reference | ratio | target | met |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for f in self.figures:
            reference = (
                f"{f.reference_name} {_fmt(f.reference, f.unit)}" if f.reference is not None else ""
            )
            ratio = "" if f.ratio is None else _ratio(f.ratio)
            met = {True: "yes", False: "**no**", None: ""}[f.met]
            lines.append(
                f"| {f.name} | {_fmt(f.value, f.unit)} | {reference} | {ratio} | {f.target} "
                f"| {met} |"
            )
        return "\n".join(lines)


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == "ms":
        return f"{value:.1f} ms" if value < 1000 else f"{value / 1000:.2f} s"
    if unit == "KB":
        return f"{value:.1f} KB"
    if unit == "s":
        return f"{value:.1f} s"
    if unit == "rows/s":
        return f"{value:,.0f} rows/s"
    return f"{value:g} {unit}"


def _ratio(ratio: float) -> str:
    return f"{ratio:.2f}x" if ratio >= 0.01 else f"1/{1 / ratio:,.0f}"


def say(text: str) -> None:
    print(text, flush=True)


# ---- the machine and the databases --------------------------------------------------------


def machine_describe() -> dict:
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    total_kb = re.search(r"MemTotal:\s+(\d+)", meminfo)
    cpu = ""
    if Path("/proc/cpuinfo").exists():
        found = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = found.group(1).strip() if found else ""
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
        cursor.execute("SELECT postgis_lib_version(), postgis_geos_version()")
        postgis, geos = cursor.fetchone()
        cursor.execute(
            "SELECT name, setting, unit FROM pg_settings WHERE name IN "
            "('shared_buffers', 'work_mem', 'fsync', 'synchronous_commit', 'jit')"
        )
        server = {name: f"{value}{unit or ''}" for name, value, unit in cursor.fetchall()}
    chromium = ""
    try:
        chromium = subprocess.run(
            ["/usr/bin/chromium", "--version"], capture_output=True, text=True, timeout=30
        ).stdout.strip()
    except OSError:
        chromium = "not found"
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(int(total_kb.group(1)) / 1024 / 1024, 1) if total_kb else None,
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": pg,
        "postgis": f"{postgis} (GEOS {geos})",
        "postgresql_settings": server,
        "chromium": chromium,
    }


def engine_describe() -> dict:
    """Say which engine v2 was measured: the commit, and whether tracker/timeline.py differed
    from it (the checkout is shared; the bench measures the file as it is on disk)."""
    root = Path(settings.BASE_DIR)

    def git(*argv: str) -> str:
        try:
            return subprocess.run(
                ["git", *argv], cwd=root, capture_output=True, text=True, timeout=30
            ).stdout.strip()
        except OSError:
            return ""

    return {
        "head": git("rev-parse", "--short", "HEAD"),
        "timeline_py_uncommitted_changes": bool(
            git("status", "--porcelain", "tracker/timeline.py")
        ),
        "timeline_py_blob": git("hash-object", "tracker/timeline.py"),
    }


class Databases:
    """One database per scale, made from a migrated template on the server of DATABASE_URL."""

    def __init__(self) -> None:
        self.home = dict(connection.settings_dict)
        self.made: list[str] = []

    def _admin(self) -> psycopg.Connection:
        s = self.home
        return psycopg.connect(
            dbname=s["NAME"],
            user=s["USER"],
            password=s["PASSWORD"],
            host=s["HOST"] or None,
            port=s["PORT"] or None,
            autocommit=True,
        )

    def use(self, name: str) -> None:
        connections.close_all()
        connection.settings_dict["NAME"] = name

    def create(self, name: str, template: str | None = None) -> None:
        connections.close_all()
        with self._admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            clause = f' TEMPLATE "{template}"' if template else ""
            admin.execute(f'CREATE DATABASE "{name}"{clause}')
        self.made.append(name)

    def drop_all(self) -> None:
        connections.close_all()
        connection.settings_dict["NAME"] = self.home["NAME"]
        with self._admin() as admin:
            for name in reversed(self.made):  # FORCE: the served site's threads may linger
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def psql_env(self) -> dict:
        s = connection.settings_dict
        env = dict(os.environ)
        env.update(
            PGDATABASE=s["NAME"],
            PGUSER=s["USER"] or "",
            PGPASSWORD=s["PASSWORD"] or "",
            PGHOST=s["HOST"] or "localhost",
            PGPORT=str(s["PORT"] or 5432),
        )
        return env


# ---- measurements -------------------------------------------------------------------------


def _targeted(scale: Scale, *, relative_to_size: bool = False) -> bool:
    """Say whether DESIGN.md's targets apply: at country scale, and at bench-small's smaller
    country for the targets that do not scale with the record (the edit's 1/1000 of a full
    rebuild does: it is judged at full country scale only)."""
    return scale.name in FULL_SCALES or (scale.name.startswith("country") and not relative_to_size)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def psql_times(dbs: Databases, queries: list[str]) -> list[float]:
    """Run the queries in one psql session with \\timing; return each one's time in seconds.

    psql's \\timing is the time from sending a query to having its whole result, measured by
    the client: the same span as the view's query, without process startup or printing.
    """
    script = "\\timing on\n\\o /dev/null\n" + "".join(
        q.strip().rstrip(";") + ";\n" for q in queries
    )
    out = subprocess.run(
        ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "-"],
        input=script,
        capture_output=True,
        text=True,
        env=dbs.psql_env(),
        check=True,
    ).stdout
    times = [float(t) / 1000 for t in re.findall(r"^Time: ([\d.]+) ms", out, re.M)]
    if len(times) != len(queries):
        raise RuntimeError(f"psql timed {len(times)} of {len(queries)} queries:\n{out}")
    return times


def control_floor_sql(day: datetime.date, lens: str) -> str:
    """The same document as control/, by hand in SQL: the floor for the view."""
    sql = selectors.control_json_sql()
    return sql.replace("%(on)s", f"'{day.isoformat()}'").replace("%(lens)s", f"'{lens}'")


def periods_floor_sql(day: datetime.date, lens: str) -> str:
    """Only the periods in force, as JSON: the cheapest read of the state (no districts)."""
    return (
        "SELECT json_agg(json_build_object('district', district_id, 'status', status, "
        "'actor', actor_id, 'actors', actors, 'since', start, 'claims', support_ids)) "
        f"FROM tracker_controlperiod WHERE lens = '{lens}' AND start <= '{day}' "
        f'AND ("end" IS NULL OR "end" > \'{day}\')'
    )


def record_days(count: int) -> list[datetime.date]:
    """Return `count` days spread over the record (from the consensus periods' span)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT min(start), max(start) FROM tracker_controlperiod WHERE lens = 'consensus'"
        )
        first, last = cursor.fetchone()
    span = (last - first).days
    return [first + datetime.timedelta(days=span * (k + 1) // (count + 1)) for k in range(count)]


def control_measure(
    report: Report, dbs: Databases, scale: Scale, *, rounds: int, naive_runs: int
) -> None:
    client = Client()
    days = record_days(5)
    lens = "consensus"
    urls = [f"/api/v1/control/?on={d}&lens={lens}" for d in days]
    for url in urls:  # warm the caches and the connection
        assert client.get(url).status_code == 200
    psql_times(dbs, [control_floor_sql(d, lens) for d in days])
    view, floor, periods_only, not_modified = [], [], [], []
    for _ in range(rounds):
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            view.append(time.perf_counter() - started)
            assert response.status_code == 200
        floor += psql_times(dbs, [control_floor_sql(d, lens) for d in days])
        periods_only += psql_times(dbs, [periods_floor_sql(d, lens) for d in days])
        etag = response["ETag"]
        started = time.perf_counter()
        assert client.get(urls[-1], HTTP_IF_NONE_MATCH=etag).status_code == 304
        not_modified.append(time.perf_counter() - started)
    body = response.content
    view_ms, floor_ms = median_ms(view), median_ms(floor)
    report.details[f"{scale.name}_control"] = {
        "days": [str(d) for d in days],
        "samples": len(view),
        "view_ms": sorted(round(t * 1000, 2) for t in view),
        "floor_ms": sorted(round(t * 1000, 2) for t in floor),
        "body_bytes": len(body),
        "districts": len(json.loads(body)["districts"]),
    }
    report.add(
        Figure(
            f"control/?on= {scale.name}: server time",
            view_ms,
            "ms",
            "floor (psql, same JSON)",
            floor_ms,
            view_ms / floor_ms,
            "<= 1.5x",
            view_ms / floor_ms <= 1.5 if _targeted(scale) else None,
        )
    )
    report.add(
        Figure(
            "  (reference) psql, periods only, no districts",
            median_ms(periods_only),
            "ms",
        )
    )
    report.add(Figure("  (info) control/ revalidated, 304", median_ms(not_modified), "ms"))
    control_miss_measure(report, scale, client, urls, floor_ms, rounds=rounds)

    # The naive serializer: slow, so fewer runs, on one day; check it says the same.
    if naive_runs == 0:  # --naive-runs 0: left out (a DESIGN.md figure, not issue 18's)
        return
    naive = []
    day = days[len(days) // 2]
    expected = json.loads(client.get(f"/api/v1/control/?on={day}&lens={lens}").content)
    for _ in range(naive_runs):
        started = time.perf_counter()
        document = naive_control(on=day, lens=lens)
        naive.append(time.perf_counter() - started)
    if document != expected:
        raise AssertionError("The naive serializer and control/ disagree: the bench is wrong.")
    naive_ms = median_ms(naive)
    report.add(
        Figure(
            f"control/?on= {scale.name}: vs naive serializer",
            view_ms,
            "ms",
            "naive DRF per district",
            naive_ms,
            naive_ms / view_ms,
            ">= 20x",
            naive_ms / view_ms >= 20 if _targeted(scale) else None,
            note="ratio is naive / view",
        )
    )


def control_miss_measure(
    report: Report, scale: Scale, client: Client, urls: list[str], floor_ms: float, *, rounds: int
) -> None:
    """control/ built by the server, the response cache emptied before each request (a miss:
    the key's lookup, the version read, the view's SQL-built document, the entry kept), beside
    the same floor; and the document's size whole and with the first paint's `fields=`
    (static/js/map/lenses.js: every field but the claims), raw and gzipped."""
    from django.core.cache import cache

    from tracker.map_preload import first_paint_fields

    built = []
    for _ in range(rounds):
        for url in urls:
            cache.clear()
            started = time.perf_counter()
            response = client.get(url)
            built.append(time.perf_counter() - started)
            assert response.status_code == 200
    built_ms = median_ms(built)
    report.details[f"{scale.name}_control"]["miss_ms"] = sorted(round(t * 1000, 2) for t in built)
    report.add(
        Figure(
            f"control/?on= {scale.name}: server time, response cache miss (built)",
            built_ms,
            "ms",
            "floor (psql, same JSON)",
            floor_ms,
            built_ms / floor_ms,
            note="the response cache emptied before each request; not judged (DESIGN.md's "
            "figure is the read as served, above)",
        )
    )
    whole = gzipped_size(client, urls[-1])
    cut = gzipped_size(client, f"{urls[-1]}&fields={first_paint_fields()}")
    report.details[f"{scale.name}_control"]["kb_gzipped_raw"] = {"whole": whole, "fields": cut}
    report.add(
        Figure(
            f"  (info) control/ {scale.name} gzipped, first paint's fields (no claims)",
            cut[0],
            "KB",
            "whole document, gzipped",
            whole[0],
            cut[0] / whole[0],
            note=f"raw {cut[1]:,.0f} KB against {whole[1]:,.0f} KB",
        )
    )


ENGINE_LIMIT = 1.25  # issue 12: v2's full rebuild no slower than 1.25x v1's, same run


def _v1_periods_resolve(
    facts: list[engine_v2.ClaimFact], *, horizon_days: int
) -> list[engine_v2.Period]:
    """Engine v1 in v2's place in `services`: v1's periods, carried as v2 periods with no
    report days (v1 had none), so the rebuild's writer takes them unchanged."""
    return [
        engine_v2.Period(
            p.district,
            p.status,
            p.actor,
            p.actors,
            p.start,
            p.end,
            p.start_earliest,
            p.support,
            p.contra,
        )
        for p in engine_v1.periods_resolve(facts)
    ]


def _rebuild_once(engine: str) -> tuple[float, dict[str, int]]:
    """VACUUM the periods (untimed, so every rebuild starts from the same clean table), then
    time one `services.timeline_rebuild()` (`tracker.periods`) with engine "v2" (the app's) or "v1" in its place."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM tracker_controlperiod")
    resolve = stored_periods.periods_resolve
    if engine == "v1":
        stored_periods.periods_resolve = _v1_periods_resolve
    try:
        started = time.perf_counter()
        counts = services.timeline_rebuild()
        return time.perf_counter() - started, counts
    finally:
        stored_periods.periods_resolve = resolve


def rebuild_measure(
    report: Report, scale: Scale, *, runs: int, with_v1: bool
) -> tuple[float, tuple | None]:
    """Time `runs` full rebuilds with engine v2 and, if `with_v1`, as many with v1 in its
    place, alternating (v2 v1, v1 v2, ...); the table ends with v2's periods. Return v2's
    median seconds and (v1's median, v1's periods, v1's samples) or None."""
    times: dict[str, list[float]] = {"v1": [], "v2": []}
    counts: dict[str, dict[str, int]] = {}
    last = "v2"
    for k in range(runs):
        order = ("v2",) if not with_v1 else (("v2", "v1") if k % 2 == 0 else ("v1", "v2"))
        for engine in order:
            seconds, counts[engine] = _rebuild_once(engine)
            times[engine].append(seconds)
            last = engine
    if last != "v2":  # leave v2's periods for the reads and edits measured next (untimed)
        _rebuild_once("v2")
    seconds = statistics.median(times["v2"])
    v2_counts = counts["v2"]
    report.details[f"{scale.name}_rebuild"] = {
        "seconds": [round(t, 2) for t in times["v2"]],
        "periods": sum(v2_counts.values()),
        "lenses": len(v2_counts),
        "vacuumed_before_each": True,
    }
    report.add(
        Figure(
            f"timeline rebuild {scale.name} ({sum(v2_counts.values()):,} periods, "
            f"{len(v2_counts)} lenses)",
            seconds,
            "s",
        )
    )
    if not with_v1:
        return seconds, None
    v1 = (
        statistics.median(times["v1"]),
        sum(counts["v1"].values()),
        [round(t, 2) for t in times["v1"]],
    )
    return seconds, v1


def engines_measure(
    report: Report,
    scale: Scale,
    *,
    runs: int,
    rebuild_v2: tuple,
    rebuild_v1: tuple | None,
) -> None:
    """v2 against v1 on the same claims: Python resolution of every district in every lens,
    and (information) the whole rebuild with each engine."""
    started = time.perf_counter()
    work = engines.work_load()
    load_s = time.perf_counter() - started
    horizon = services.horizon_days()
    result = engines.engines_compare(work, horizon_days=horizon, runs=runs)
    del work
    ratio = result["ratio"]
    judged = _targeted(scale, relative_to_size=True)
    report.details[f"{scale.name}_engines"] = {**result, "load_s": round(load_s, 2)}
    report.add(
        Figure(
            f"engine v2 vs v1 {scale.name}: resolve every district in every lens "
            f"({result['pairs']:,} district-lens pairs, {result['facts']:,} claims; periods "
            f"v2 {result['periods']['v2']:,}, v1 {result['periods']['v1']:,})",
            result["median_s"]["v2"] * 1000,
            "ms",
            "v1, same claims",
            result["median_s"]["v1"] * 1000,
            ratio,
            f"<= {ENGINE_LIMIT}x",
            ratio <= ENGINE_LIMIT if judged else None,
            note="Python only; v2 median / v1 median over alternating runs",
        )
    )
    if rebuild_v1 is not None:
        _rebuild_engines_add(report, scale, rebuild_v2, rebuild_v1, judged)


def _rebuild_engines_add(
    report: Report, scale: Scale, rebuild_v2: tuple, rebuild_v1: tuple, judged: bool
) -> None:
    v2_s, v2_periods = rebuild_v2
    v1_s, v1_periods, v1_samples = rebuild_v1
    report.details[f"{scale.name}_rebuild_v1"] = {"seconds": v1_samples, "periods": v1_periods}
    report.add(
        Figure(
            f"  (info) whole timeline_rebuild {scale.name}, v2 ({v2_periods:,} periods) vs v1 "
            f"in its place ({v1_periods:,} periods)",
            v2_s * 1000,
            "ms",
            "rebuild with v1",
            v1_s * 1000,
            v2_s / v1_s,
            f"<= {ENGINE_LIMIT}x",
            v2_s / v1_s <= ENGINE_LIMIT if judged else None,
            note="includes reading the claims and writing the periods (COPY, indexes)",
        )
    )


def _outside(district: int) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), max(id), sum(hashtext(lens || start::text || status)) "
            "FROM tracker_controlperiod WHERE district_id <> %s",
            [district],
        )
        return cursor.fetchone()


def _inside(district: int) -> tuple[int, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), coalesce(max(id), 0) FROM tracker_controlperiod "
            "WHERE district_id = %s",
            [district],
        )
        return cursor.fetchone()


def edit_measure(report: Report, scale: Scale, rebuild_s: float, *, edits: int) -> None:
    """Edit claims one at a time through the service; check nothing outside their district
    changed; compare the median edit with the full rebuild."""
    rng = random.Random(8)
    ids = list(
        Claim.objects.filter(district__isnull=False)
        .exclude(review_status="rejected")
        .values_list("pk", flat=True)[:200000]
    )
    times, queries, rewritten = [], [], []
    reviewer, _ = User.objects.get_or_create(
        username="bench-reviewer", defaults={"is_superuser": True}
    )
    for pk in rng.sample(ids, edits):
        claim = Claim.objects.select_related("source").get(pk=pk)
        district = claim.district_id
        outside_before = _outside(district)
        count_before, max_before = _inside(district)
        new_review = "accepted" if claim.review_status != "accepted" else "pending"
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            services.claim_review(claim=claim, review_status=new_review, reviewed_by=reviewer)
            times.append(time.perf_counter() - started)
        if _outside(district) != outside_before:
            raise AssertionError(f"Editing claim {pk} changed periods outside its district.")
        count_after, _ = _inside(district)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM tracker_controlperiod WHERE district_id = %s AND id > %s",
                [district, max_before],
            )
            inserted = cursor.fetchone()[0]
        deleted = count_before - (count_after - inserted)
        rewritten.append(deleted + inserted)
        queries.append(len(captured))
    edit_ms = median_ms(times)
    report.details[f"{scale.name}_edit"] = {
        "ms": sorted(round(t * 1000, 2) for t in times),
        "queries": queries,
        "periods_rewritten": rewritten,
    }
    ratio = (edit_ms / 1000) / rebuild_s
    report.add(
        Figure(
            f"edit one claim {scale.name} (1 district, "
            f"{statistics.median(queries):.0f} queries, "
            f"{statistics.median(rewritten):.0f} periods rewritten)",
            edit_ms,
            "ms",
            "full rebuild",
            rebuild_s * 1000,
            ratio,
            "<= 1/1000",
            ratio <= 1 / 1000 if _targeted(scale, relative_to_size=True) else None,
            note="no period outside the edited district changed (checked each edit)",
        )
    )


def gzipped_size(client: Client, url: str) -> tuple[float, float]:
    """Return (gzipped KB, raw KB) of the body served at `url` to a gzip-accepting client."""
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200, url
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        raw = gzip.decompress(body)
    else:
        raw, body = body, gzip.compress(body)
    return len(body) / 1024, len(raw) / 1024


def payloads_measure(report: Report, dbs: Databases) -> None:
    from quantitative.demo import demo_load

    dbs.create("bench_demo", template="bench_template")
    dbs.use("bench_demo")
    demo_load()
    client = Client()
    targets = [
        ("/map/districts.geojson", 150),
        ("/api/v1/districts/", 150),
        ("/api/v1/timeline/?lens=consensus", 50),
    ]
    for url, limit in targets:
        zipped, raw = gzipped_size(client, url)
        report.add(
            Figure(
                f"Aleppo demo gzipped {url}",
                zipped,
                "KB",
                "raw",
                raw,
                None,
                f"<= {limit} KB",
                zipped <= limit,
            )
        )


def scrub_measure(report: Report, scale: Scale, *, steps: int, server: str = "gunicorn") -> None:
    from bench.scrub import scrub_page_run, scrub_run, timeline_modules

    client = Client()
    started = time.perf_counter()
    districts = client.get("/map/districts.geojson")
    geojson_s = time.perf_counter() - started
    districts_body = (
        b"".join(districts.streaming_content) if districts.streaming else (districts.content)
    )
    started = time.perf_counter()
    timeline = client.get("/api/v1/timeline/?lens=consensus")
    timeline_s = time.perf_counter() - started
    payload = json.loads(timeline.content)
    report.add(
        Figure(
            f"  (info) {scale.name} /map/districts.geojson gzipped "
            f"(served in {geojson_s * 1000:.0f} ms)",
            len(gzip.compress(districts_body)) / 1024,
            "KB",
            "raw",
            len(districts_body) / 1024,
        )
    )
    report.add(
        Figure(
            f"  (info) {scale.name} timeline gzipped, {len(payload['periods']):,} periods "
            f"(served in {timeline_s * 1000:.0f} ms)",
            len(gzip.compress(timeline.content)) / 1024,
            "KB",
            "raw",
            len(timeline.content) / 1024,
        )
    )
    first_day = record_days(3)[1].isoformat()
    results = {}
    modules = timeline_modules()
    if "main.js" in modules:  # the real page: the map's timeline modules
        results["page"] = scrub_page_run(first_day=first_day, steps=steps, server=server)
    for mode in ("changed", "all"):  # the harness: map.js restyled by the bench
        results[mode] = scrub_run(
            districts_geojson=districts_body,
            timeline=payload,
            first_day=first_day,
            steps=steps,
            restyle=mode,
        )
    report.details[f"{scale.name}_scrub"] = {
        mode: {
            "ms": sorted(round(t, 2) for t in r["times"]),
            "wall_ms": sorted(round(t, 2) for t in r["walls"]),
            "restyled": r.get("changed"),
            "districts": r["districts"],
            "load_ms": round(r["load_ms"]),
            "profile": r.get("profile"),  # the page's steps, profiled (bench.scrub)
        }
        for mode, r in results.items()
    }
    if "page" in results:
        top = list(results["page"]["profile"]["by_function_ms"].items())[:8]
        say("    the page's steps, self time: " + ", ".join(f"{k} {v} ms" for k, v in top))
    labels = {
        "page": f"the timeline page (/, js/map/main.js stepTo; {server})",
        "changed": "harness: changed districts restyled",
        "all": "harness: every district via setStyle",
    }
    primary = "page" if "page" in results else "changed"
    for mode, run in results.items():
        step_ms = statistics.median(run["times"])
        restyled = run.get("changed")
        extra = (
            f", median {statistics.median(restyled):.0f} restyled"
            if restyled and mode != "all"
            else ""
        )
        report.add(
            Figure(
                f"scrub one day {scale.name}, {run['districts']:,} districts: "
                f"{labels[mode]}{extra}",
                step_ms,
                "ms",
                "wall, frame wait incl.",
                statistics.median(run["walls"]),
                target="< 16 ms" if mode == primary else "",
                met=(step_ms < 16) if mode == primary and _targeted(scale) else None,
                note="timeline modules: " + (", ".join(modules) or "none"),
            )
        )


BY_KIND = ("document", "districts", "control", "timeline", "static", "other")


def bytes_by_kind(load: dict) -> str:
    """One load's requests by kind: KB on the wire (decoded) and when the last one finished."""
    return ", ".join(
        f"{kind} {load[kind]['wire'] / 1024:,.0f} KB ({load[kind]['decoded'] / 1024:,.0f} KB "
        f"decoded) at {load[kind]['end']:,.0f} ms"
        for kind in BY_KIND
        if kind in load
    )


def first_paint_measure(
    report: Report, scale: Scale, *, loads: int, servers: tuple[str, ...]
) -> None:
    """First paint of the real map page (`bench/firstpaint.py`) as each of `servers` serves
    the site (`bench.served`): the median of the loads served from the response cache, beside
    the first load, served cold. The first server's figure is judged (gunicorn by default, as
    production serves); the others are for comparison, in the same run."""
    from bench.firstpaint import first_paint_run

    day = record_days(3)[1].isoformat()
    for k, server in enumerate(servers):
        run = first_paint_run(first_day=day, loads=loads, server=server)
        report.details[f"{scale.name}_first_paint_{server}"] = run
        _first_paint_report(report, scale, run, judged=k == 0)


def _first_paint_report(report: Report, scale: Scale, run: dict, *, judged: bool) -> None:
    server = run["server"]
    for k, load in enumerate([run["cold"], *run["warm"]]):
        say(
            f"    {server} load {k} ({'cold' if k == 0 else 'warm'}): painted "
            f"{load['painted']:,.0f} ms, ready {load['ready']:,.0f} ms, timeline in "
            f"{load.get('timeline_in') or 0:,.0f} ms, {load['all_wire_bytes'] / 1024:,.0f} KB "
            f"on the wire in all: {bytes_by_kind(load)}"
        )
    warm, cold = run["warm_median_ms"], run["cold"]
    middle = sorted(run["warm"], key=lambda load: load["painted"])[len(run["warm"]) // 2]
    report.add(
        Figure(
            f"first paint of / {scale.name}, {run['districts']:,} districts drawn and coloured "
            f"(median of {len(run['warm'])} loads, server cache warm; {server})",
            warm,
            "ms",
            "first load, server cache cold",
            cold["painted"],
            target="< 2 s" if judged else "",
            met=warm < 2000 if judged and _targeted(scale) else None,
            note=f"served by {server}; median load: {bytes_by_kind(middle)}; cold: "
            f"{bytes_by_kind(cold)}; loopback, no bandwidth limit; Leaflet canvas (2D, no WebGL)",
        )
    )
    report.add(
        Figure(
            f"  (info) {scale.name}: bytes on the wire, median load ({server})",
            middle["all_wire_bytes"] / 1024,
            "KB",
            "control/ of it",
            middle.get("control", {}).get("wire", 0) / 1024,
        )
    )
    timeline_in = [t for t in run["warm_timeline_in_ms"] if t is not None]
    if timeline_in:  # since issue 18 the timeline comes after the first paint
        report.add(
            Figure(
                f"  (info) {scale.name}: the timeline in, scrubbing possible (median of "
                f"{len(timeline_in)} loads, server cache warm; {server})",
                statistics.median(timeline_in),
                "ms",
                "first paint (as above)",
                warm,
            )
        )


def import_measure_both(report: Report, dbs: Databases, args: argparse.Namespace) -> None:
    """`import_claims` of the bench file (`bench/import_file.py`) on PostGIS, in a database of
    its own, and on SpatiaLite, in a child process on a throwaway file; each beside the floor,
    PostgreSQL's COPY of the same rows into a bare table (measured on PostGIS)."""
    claims = 20_000 if args.small else IMPORT.claims
    say(
        f"\n== import_claims: {claims:,} rows, {IMPORT.districts:,} districts, "
        f"{IMPORT.sources} sources, {IMPORT.years} years ({args.import_runs} runs each)"
    )
    dbs.create("bench_import", template="bench_template")
    dbs.use("bench_import")
    results = {"PostGIS": import_measure(runs=args.import_runs, claims=claims)}
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATABASE_URL": f"spatialite:///{tmp}/bench.sqlite3"}
        root = Path(settings.BASE_DIR)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v0"], cwd=root, env=env, check=True
        )
        child = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.import_bench",
                "--json",
                "--claims",
                str(claims),
                "--runs",
                str(args.import_runs),
            ],
            cwd=root,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        results["SpatiaLite"] = json.loads(child.stdout.strip().splitlines()[-1])
    floor = claims / statistics.median(results["PostGIS"]["floor_s"])
    report.details["import"] = results
    for name, result in results.items():
        rate = claims / statistics.median(result["import_s"])
        report.add(
            Figure(
                f"import_claims {claims:,} rows, {name} (median of {len(result['import_s'])})",
                rate,
                "rows/s",
                "PostgreSQL COPY, bare table",
                floor,
                rate / floor,
                ">= 2,000 rows/s",
                rate >= 2000 if claims == IMPORT.claims else None,
                note=f"re-import (adds nothing) {result['reimport_s']:.1f} s; CPU of the "
                f"importing process {statistics.median(result['import_cpu_s']):.1f} s",
            )
        )


def served_database(dbs: Databases, name: str) -> str:
    """Make database `name` from the migrated template and return its DATABASE_URL, for a
    gunicorn in a child process (bench/reads.py, bin/loadtest.py load the Aleppo demo in it)."""
    dbs.create(name, template="bench_template")
    return postgis_url(dbs.home, name)


def reads_figures(result: dict, database: str) -> list[Figure]:
    """Issue 18's warm reads: each path's wrk rate beside the static file's of the median
    answer's size, through the same gunicorn in the same run; met at half its rate or more."""
    static = result["static"]
    figures = []
    for path, rate in result["rates"].items():
        share = rate / static
        figures.append(
            Figure(
                f"warm reads {path} ({database})",
                round(rate),
                "req/s",
                f"static file {result['static_bytes']:,} B",
                round(static),
                share,
                ">= 0.50x",
                share >= 0.5,
                note=f"{result['sizes'][path]:,} bytes sent; server CPU "
                f"{result['cpu_us'][path]:.0f} µs a request (static file "
                f"{result['static_cpu_us']:.0f} µs); wrk {result['connections']} connections, "
                f"{result['rounds']} turns of {result['seconds']:.0f} s (median), gunicorn "
                f"{result['workers']} workers",
            )
        )
    return figures


def mixed_figures(result: dict, database: str) -> list[Figure]:
    """Issue 18's mixed load: p99 under 100 ms with no errors, beside the p50 of the same run."""
    met = result["p99_ms"] < 100 and result["errors"] == 0 and result["requests"] > 0
    return [
        Figure(
            f"mixed load p99, {result['connections']} connections {result['seconds']:.0f} s "
            f"({database})",
            result["p99_ms"],
            "ms",
            "p50",
            result["p50_ms"],
            result["p99_ms"] / result["p50_ms"] if result["p50_ms"] else None,
            "< 100 ms, 0 errors",
            met,
            note=f"{result['requests']:,} requests, {result['throughput']:.0f} req/s, "
            f"p90 {result['p90_ms']:.1f} ms, {result['errors']} errors; gunicorn "
            f"{result['workers']} workers, Redis cache, "
            + ("warmed first" if result["warmed"] else "cold"),
        ),
        Figure(
            f"  (info) mixed load errors (5xx, broken connections) of {result['requests']:,} "
            f"requests ({database})",
            result["errors"],
            "errors",
        ),
    ]


def served_measure(report: Report, dbs: Databases, args: argparse.Namespace) -> None:
    """The sections `reads` and `mixed`: gunicorn in a child process on a database of its own
    (the Aleppo demo), loopback only, the load bounded by the command line's limits."""
    from bench import reads

    loadtest = reads._loadtest()
    if "reads" not in args.skip_set:
        say(f"\n== warm reads (bench/reads.py): wrk, {args.reads_seconds:.0f} s a path a turn")
        url = served_database(dbs, "bench_reads")
        options = argparse.Namespace(
            seconds=args.reads_seconds, connections=16, workers=2, rounds=3, uncached=False
        )
        result = reads.run(options, database_url=url)
        report.details["reads"] = result
        for figure in reads_figures(result, "PostGIS bench_reads, Aleppo demo"):
            report.add(figure)
    if "mixed" not in args.skip_set:
        say(f"\n== mixed load (bin/loadtest.py): 32 connections, {args.mixed_seconds:.0f} s")
        url = served_database(dbs, "bench_mixed")
        workers = 2 * (os.cpu_count() or 1) + 1
        result = loadtest.run(args.mixed_seconds, 32, workers, False, database_url=url)
        report.details["mixed"] = result
        for figure in mixed_figures(result, "PostGIS bench_mixed, Aleppo demo"):
            report.add(figure)


# ---- the run ------------------------------------------------------------------------------


def scale_run(report: Report, dbs: Databases, scale: Scale, args: argparse.Namespace) -> None:
    say(
        f"\n== {scale.name}: {scale.districts:,} districts, {scale.claims:,} claims, "
        f"{scale.sources} sources, {scale.years} years"
    )
    name = f"bench_{scale.name.replace('-', '_')}"
    dbs.create(name, template="bench_template")
    dbs.use(name)
    started = time.perf_counter()
    timings = synthetic_load(scale)
    load_s = time.perf_counter() - started
    report.details[f"{scale.name}_load"] = {k: round(v, 2) for k, v in timings.items()}
    report.add(Figure(f"synthetic load {scale.name} (SQL generate_series)", load_s, "s"))
    engines_here = scale.name in ENGINE_SCALES
    rebuild_s, rebuild_v1 = rebuild_measure(
        report,
        scale,
        runs=args.rebuilds,
        with_v1="v1-rebuild" not in args.skip_set and engines_here,
    )
    if "engines" not in args.skip_set and engines_here:
        periods = report.details[f"{scale.name}_rebuild"]["periods"]
        engines_measure(
            report,
            scale,
            runs=args.engine_runs,
            rebuild_v2=(rebuild_s, periods),
            rebuild_v1=rebuild_v1,
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE tracker_controlperiod")
    # The naive serializer takes about two minutes at 10,000 districts: one run at most at 30,000.
    naive_runs = (
        args.naive_runs if scale.districts <= COUNTRY.districts else min(1, args.naive_runs)
    )
    control_measure(report, dbs, scale, rounds=args.rounds, naive_runs=naive_runs)
    edit_measure(report, scale, rebuild_s, edits=args.edits)
    if scale.districts >= 1000:
        scrub_measure(report, scale, steps=args.steps, server=args.servers[0])
        first_paint_measure(report, scale, loads=args.paint_loads, servers=args.servers)


def sections_skipped(only: str, skip: str) -> set[str]:
    """What --only and --skip (comma-separated) leave out: the skipped names, and with --only
    every section it does not name."""
    skipped = set(filter(None, skip.split(",")))
    if only:
        skipped |= set(SECTIONS) - set(only.split(","))
    return skipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="a quick run at a smaller scale")
    parser.add_argument("--keep", action="store_true", help="keep the bench databases")
    parser.add_argument("--rounds", type=int, default=None, help="control/ rounds (5 days each)")
    parser.add_argument("--naive-runs", type=int, default=3)
    parser.add_argument("--rebuilds", type=int, default=None)
    parser.add_argument("--edits", type=int, default=21)
    parser.add_argument("--steps", type=int, default=120, help="scrub steps")
    parser.add_argument(
        "--paint-loads", type=int, default=6, help="loads of the map page (first one cold)"
    )
    parser.add_argument(
        "--engine-runs", type=int, default=None, help="runs of each engine (v2 vs v1)"
    )
    parser.add_argument(
        "--skip",
        default="",
        help="comma-separated: payloads, aleppo, country, country-30k, import, reads, mixed, "
        "engines (v2 vs v1 in Python), v1-rebuild (the whole rebuild with v1)",
    )
    parser.add_argument(
        "--only",
        default="",
        help=f"comma-separated sections to run, skipping the others: {', '.join(SECTIONS)}",
    )
    parser.add_argument("--import-runs", type=int, default=3, help="runs of each import")
    parser.add_argument(
        "--reads-seconds", type=float, default=10, help="wrk's seconds a path a turn (3 turns)"
    )
    parser.add_argument(
        "--mixed-seconds", type=float, default=60, help="the mixed load's length (issue 18: 60)"
    )
    parser.add_argument(
        "--servers",
        default="gunicorn,inprocess",
        help="comma-separated, how the site is served to the browser benches (bench/served.py): "
        "gunicorn (production settings, sync workers, Redis, WhiteNoise), gunicorn-gthread (the "
        "same, threaded workers), inprocess (wsgiref threads in this process); the first paint "
        "is measured with each, the first one judged and used for the scrub page",
    )
    args = parser.parse_args()
    args.servers = tuple(filter(None, args.servers.split(",")))
    if not args.servers or set(args.servers) - set(SERVERS):
        parser.error(f"--servers takes one or more of {', '.join(SERVERS)}")
    args.rounds = args.rounds or (5 if args.small else 9)
    args.rebuilds = args.rebuilds or (3 if args.small else 2)
    args.engine_runs = args.engine_runs or (5 if args.small else 2)
    skip = args.skip_set = sections_skipped(args.only, args.skip)
    if args.reads_seconds > 120 or args.mixed_seconds > 600:
        parser.error("Keep the load bounded: at most 120 s a path and 600 s of mixed load.")
    if connection.vendor != "postgresql":
        sys.exit("The bench needs PostGIS: set DATABASE_URL=postgis://... or run `make bench`.")

    report = Report()
    dbs = Databases()
    try:
        dbs.create("bench_template")
        dbs.use("bench_template")
        call_command("migrate", verbosity=0)
        report.machine = machine_describe()
        report.machine["engine_v2"] = engine_describe()
        connections.close_all()
        say("Machine: " + json.dumps(report.machine))
        say(f"  {'figure':<48} {'value':>12}   {'reference':<30} {'ratio':>10}  {'target':<12}")
        if "payloads" not in skip:
            say("\n== Aleppo demo (tracker.demo.demo_load): map payloads")
            payloads_measure(report, dbs)
        scales = [ALEPPO, SMALL_COUNTRY] if args.small else [ALEPPO, COUNTRY, COUNTRY_30K]
        for scale in scales:
            if (scale.name if scale in (ALEPPO, COUNTRY, COUNTRY_30K) else "country") in skip:
                continue
            scale_run(report, dbs, scale, args)
        if "import" not in skip:
            import_measure_both(report, dbs, args)
        if not {"reads", "mixed"} <= skip:
            served_measure(report, dbs, args)
    finally:
        if not args.keep:
            dbs.drop_all()
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / ("latest-small.json" if args.small else "latest.json")
    command = "make bench-small" if args.small else "make bench"
    out.write_text(
        json.dumps(
            {
                "command": command,
                "argv": sys.argv[1:],
                "finished": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
                "machine": report.machine,
                "figures": [asdict(f) for f in report.figures],
                "details": report.details,
            },
            indent=1,
            default=str,
        )
    )
    say("\n" + report.table())
    unmet = [f.name for f in report.figures if f.met is False]
    say(f"\nWritten {out}. " + ("Every target met." if not unmet else f"Not met: {unmet}"))


if __name__ == "__main__":
    main()
