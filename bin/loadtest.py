#!/usr/bin/env python
"""Drive the public endpoints of the app under gunicorn on loopback with a bounded load.

    .venv/bin/python bin/loadtest.py --seconds 60 --connections 32

It prepares a throwaway database (DATABASE_URL if set, else a SpatiaLite file in a temporary
directory), migrates it, loads the Aleppo demo, collects static files, starts gunicorn with
the production settings on 127.0.0.1 (HTTPS redirect off: there is no proxy here), waits for
/healthz, then runs `--connections` client threads with keep-alive for `--seconds` over a mix
of public URLs. It prints throughput, p50/p90/p99 latency and every non-200 answer, and exits
1 if any request failed (a 5xx or a broken connection). Traffic goes to loopback only, and
the run stops by itself.

The anonymous rate limit is lifted for the run (TRACKER_API_ANON_RATE), since every thread
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


def url_pick(rng: random.Random) -> str:
    """Return one URL of the public mix: mostly the map's calls, some research reads."""
    roll = rng.random()
    if roll < 0.40:
        return f"/api/v1/control/?on={rng.choice(DAYS)}&lens={rng.choice(LENSES)}"
    if roll < 0.55:
        return f"/api/v1/timeline/?lens={rng.choice(LENSES)}"
    if roll < 0.70:
        return f"/api/v1/districts/{rng.choice(SLUGS)}/history/?lens=consensus"
    if roll < 0.80:
        return "/map/districts.geojson"
    if roll < 0.90:
        return f"/api/v1/claims/?page_size=50&page={rng.randint(1, 3)}"
    if roll < 0.95:
        return "/"
    return "/healthz"


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
        mine.append(time.perf_counter() - started)
    conn.close()
    with lock:
        latencies.extend(mine)
        statuses.update(seen)


def run(seconds: float, connections: int, workers: int) -> int:
    work = Path(tempfile.mkdtemp(prefix="tracker-load-"))
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "TRACKER_VAR_DIR": str(work),
        "TRACKER_STATIC_ROOT": str(work / "static"),
        "TRACKER_API_ANON_RATE": "1000000/second",
        "LOG_LEVEL": "ERROR",
    }
    env.setdefault("DATABASE_URL", f"spatialite:///{work / 'load.sqlite3'}")
    server = None
    try:
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
        latencies: list[float] = []
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
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    total = sum(statuses.values())
    failed = sum(
        n for status, n in statuses.items() if not isinstance(status, int) or status >= 500
    )
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    engine = env["DATABASE_URL"].split(":", 1)[0]
    print(
        f"load: {connections} connections for {seconds:.0f} s against gunicorn ({workers} workers, {engine}), {os.cpu_count()} cores"
    )
    print(f"requests: {total}, throughput: {total / elapsed:.1f} req/s")
    print(
        f"latency: p50 {quantiles[49] * 1000:.1f} ms, p90 {quantiles[89] * 1000:.1f} ms, p99 {quantiles[98] * 1000:.1f} ms"
    )
    print(
        "answers: " + ", ".join(f"{status}: {n}" for status, n in sorted(statuses.items(), key=str))
    )
    print(f"errors: {failed}")
    return 1 if failed or total == 0 else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    args = parser.parse_args()
    if args.seconds > 600 or args.connections > 256:
        raise SystemExit("Keep the load bounded: at most 600 s and 256 connections.")
    sys.exit(run(args.seconds, args.connections, args.workers))


if __name__ == "__main__":
    main()
