#!/usr/bin/env python
"""Drive the public endpoints of the app under gunicorn on loopback with a bounded load.

    .venv/bin/python bin/loadtest.py --seconds 60 --connections 32

It prepares a throwaway database (DATABASE_URL if set, else a SpatiaLite file in a temporary
directory), migrates it, loads the Aleppo demo, collects static files, starts gunicorn with
the production settings on 127.0.0.1 (HTTPS redirect off: there is no proxy here) and a real
redis-server on a loopback port as the shared cache (as in production: every worker reads the
answers any worker kept), waits for /healthz, reads each URL of the mix once so the kept
answers exist (the steady state of a public site; `--cold` skips this), then runs
`--connections` client threads with keep-alive for `--seconds` over the mix (MIX). It prints throughput, p50/p90/p99 latency and every non-200 answer, and exits
1 if any request failed (a 5xx or a broken connection). Traffic goes to loopback only, and
the run stops by itself.

The anonymous rate limit is off for the run (TRACKER_API_ANON_RATE=off), since every thread
shares one address: this measures the app, not the throttle.
"""

import argparse
import http.client
import os
import random
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DAYS = [f"2016-{m:02d}-{d:02d}" for m in (7, 8, 9, 10, 11, 12) for d in range(1, 29, 3)]
LENSES = ["consensus", "stance:government", "stance:opposition", "stance:independent"]
SLUGS = ["hanano", "sheikh-saeed", "as-sakhour", "ash-sheikh-fares", "bustan-al-basha"]


# The public mix: (share of requests, the URLs drawn from evenly): mostly the map's calls,
# some research reads, the home page and the health probe.
MIX = [
    (0.40, [f"/api/v1/control/?on={day}&lens={lens}" for day in DAYS for lens in LENSES]),
    (0.15, [f"/api/v1/timeline/?lens={lens}" for lens in LENSES]),
    (0.15, [f"/api/v1/districts/{slug}/history/?lens=consensus" for slug in SLUGS]),
    (0.10, ["/map/districts.geojson"]),
    (0.10, [f"/api/v1/claims/?page_size=50&page={page}" for page in (1, 2, 3)]),
    (0.05, ["/"]),
    (0.05, ["/healthz"]),
]
# Each URL's kind in the report: its group's first URL without the query.
KIND = {url: urls[0].split("?")[0] for _, urls in MIX for url in urls}


def url_pick(rng: random.Random) -> str:
    """Return one URL of the public mix, drawn with the shares of MIX."""
    roll = rng.random()
    for share, urls in MIX:
        if roll < share:
            return rng.choice(urls)
        roll -= share
    return MIX[-1][1][-1]


def urls_all() -> list[str]:
    """Every URL the mix can draw."""
    return [url for _, urls in MIX for url in urls]


def redis_start(work: Path, port: int) -> subprocess.Popen:
    """Start a real redis-server on a loopback port, saving nothing: the shared cache."""
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    server = subprocess.Popen([*command, "--appendonly", "no"], cwd=work, stdout=subprocess.DEVNULL)
    time.sleep(0.5)
    return server


def warm(port: int, urls: list[str]) -> float:
    """Read every URL once (building and keeping its answer); return the seconds it took."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for url in urls:
        conn.request("GET", url, headers={"Host": "127.0.0.1", "Accept-Encoding": "gzip"})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"warming: {url} answered {response.status}")
    conn.close()
    return time.monotonic() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(env: dict) -> None:
    for args in (
        ["migrate", "--noinput", "-v0"],
        ["load_demo"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )


def server_wait(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /healthz in time")


def client(port: int, stop_at: float, seed: int, latencies: list, statuses: Counter, lock):
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    mine, seen = [], Counter()
    while time.monotonic() < stop_at:
        url = url_pick(rng)
        started = time.perf_counter()
        try:
            conn.request("GET", url, headers={"Host": "127.0.0.1", "Accept-Encoding": "gzip"})
            response = conn.getresponse()
            response.read()
            seen[response.status] += 1
        except (OSError, http.client.HTTPException) as exc:
            seen[f"error: {type(exc).__name__}"] += 1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        mine.append((KIND[url], time.perf_counter() - started))
    conn.close()
    with lock:
        latencies.extend(mine)
        statuses.update(seen)


def percentiles(times: list[float]) -> list[float]:
    return statistics.quantiles(times, n=100) if len(times) > 1 else [0.0] * 99


def server_env(
    work: Path, redis_port: int, database_file: str, database_url: str | None = None
) -> dict[str, str]:
    """The environment of a run's gunicorn: the production settings, a throwaway secret, no
    HTTPS redirect (no proxy here), the rate limit off (every client shares one address), the
    redis-server on `redis_port` as the shared cache, and `database_url` if given, else
    DATABASE_URL if set, else a SpatiaLite file `database_file` in `work`."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "TRACKER_VAR_DIR": str(work),
        "TRACKER_STATIC_ROOT": str(work / "static"),
        "TRACKER_API_ANON_RATE": "off",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "LOG_LEVEL": "ERROR",
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    env.setdefault("DATABASE_URL", f"spatialite:///{work / database_file}")
    return env


def run(
    seconds: float, connections: int, workers: int, cold: bool, database_url: str | None = None
) -> dict:
    """Run the load, print its report and return its measurements: requests, throughput
    (req/s), p50/p90/p99 (ms), errors (5xx and broken connections), the database engine and
    whether the cache was warmed first. On `database_url` if given (see `server_env`)."""
    work = Path(tempfile.mkdtemp(prefix="tracker-load-"))
    port, redis_port = free_port(), free_port()
    env = server_env(work, redis_port, "load.sqlite3", database_url)
    server = redis = None
    warmed = None
    try:
        redis = redis_start(work, redis_port)
        prepare(env)
        server = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        server_wait(port, time.monotonic() + 60)
        if not cold:
            warmed = warm(port, urls_all())
        latencies: list[tuple[str, float]] = []
        statuses: Counter = Counter()
        lock = threading.Lock()
        started = time.monotonic()
        stop_at = started + seconds
        threads = [
            threading.Thread(target=client, args=(port, stop_at, n, latencies, statuses, lock))
            for n in range(connections)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        for process in (server, redis):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    total = sum(statuses.values())
    failed = sum(
        n for status, n in statuses.items() if not isinstance(status, int) or status >= 500
    )
    quantiles = percentiles([t for _, t in latencies])
    engine = env["DATABASE_URL"].split(":", 1)[0]
    print(
        f"load: {connections} connections for {seconds:.0f} s against gunicorn ({workers} workers, {engine}, Redis cache), {os.cpu_count()} cores"
    )
    if warmed is not None:
        print(f"warmed: each of the mix's {len(urls_all())} URLs read once first ({warmed:.1f} s)")
    else:
        print("cold: nothing read before the clock started")
    print(f"requests: {total}, throughput: {total / elapsed:.1f} req/s")
    print(
        f"latency: p50 {quantiles[49] * 1000:.1f} ms, p90 {quantiles[89] * 1000:.1f} ms, p99 {quantiles[98] * 1000:.1f} ms"
    )
    for kind in dict.fromkeys(KIND.values()):
        times = [t for k, t in latencies if k == kind]
        q = percentiles(times)
        print(
            f"  {kind}: {len(times)} requests, p50 {q[49] * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms"
        )
    print(
        "answers: " + ", ".join(f"{status}: {n}" for status, n in sorted(statuses.items(), key=str))
    )
    print(f"errors: {failed}")
    return {
        "requests": total,
        "throughput": total / elapsed,
        "p50_ms": quantiles[49] * 1000,
        "p90_ms": quantiles[89] * 1000,
        "p99_ms": quantiles[98] * 1000,
        "errors": failed,
        "engine": engine,
        "warmed": warmed is not None,
        "seconds": seconds,
        "connections": connections,
        "workers": workers,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument(
        "--cold", action="store_true", help="start timing with nothing kept in the cache"
    )
    args = parser.parse_args()
    if args.seconds > 600 or args.connections > 256:
        raise SystemExit("Keep the load bounded: at most 600 s and 256 connections.")
    result = run(args.seconds, args.connections, args.workers, args.cold)
    sys.exit(1 if result["errors"] or result["requests"] == 0 else 0)


if __name__ == "__main__":
    main()
