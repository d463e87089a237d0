"""Warm public reads beside a static file of the median answer's size, through one gunicorn.

    .venv/bin/python -m bench.reads [--seconds 10] [--connections 16] [--workers 2]

It prepares a throwaway database as bin/loadtest.py does (DATABASE_URL if set, else a
SpatiaLite file; the Aleppo demo), starts a real redis-server on a free loopback port as the
shared cache, and gunicorn with the production settings (HTTPS redirect and the anonymous
rate limit off). It reads each of the five public paths once (building and keeping the
answer), takes the median size of those answers as sent (gzip accepted, as browsers do),
writes a static file of that size among the collected static files and restarts gunicorn so
WhiteNoise (the same middleware stack, the same workers) serves it. Then `wrk` (apt: wrk),
pinned to another core than the server where there are two or more, drives each path and the
static file in turn with keep-alive connections, and the report gives requests per second and
each path's share of the static file's rate, and the server's CPU time a request (gunicorn's
master and workers, from /proc: it moves much less than the rates when other work shares the
machine, and leaves out time spent waiting, on the database among others). It also times the dataset version read by query
(`tracker.version.dataset_version`), which a kept answer costs on SQLite, and on PostgreSQL
the version known from LISTEN/NOTIFY (`tracker.version_notified.notified_version`), which a
kept answer costs there, and prints the load average at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PATHS = [
    "/map/districts.geojson",
    "/api/v1/control/?on=2016-12-01&lens=consensus",
    "/api/v1/timeline/?lens=consensus",
    "/api/v1/districts/hanano/history/",
    "/api/v1/claims/?page_size=50",
]
HEADERS = {"Host": "127.0.0.1", "Accept-Encoding": "gzip"}
VERSION_TIMING = """
import timeit, django
django.setup()
from tracker.version import dataset_version
try:
    from tracker.version_notified import notified_version
except ImportError:  # code from before the version was notified
    def notified_version():
        return None
dataset_version()
runs = 2000
print(timeit.timeit(dataset_version, number=runs) / runs * 1e6)
known = notified_version() is not None  # None on SQLite: a kept read queries there
print(timeit.timeit(notified_version, number=runs * 10) / runs / 10 * 1e6 if known else 0)
"""


def _loadtest():
    """bin/loadtest.py's database preparation and server helpers (bin/ is not a package)."""
    spec = importlib.util.spec_from_file_location("loadtest", ROOT / "bin" / "loadtest.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pinned(command: list[str], core: int | None) -> list[str]:
    return ["taskset", "-c", str(core), *command] if core is not None else command


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) used so far by process `pid` and its live children: the
    gunicorn master and its workers."""
    pids = [pid]
    with contextlib.suppress(OSError):
        pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    ticks = 0
    for each in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def wrk_rate(url: str, *, seconds: float, connections: int, core: int | None) -> tuple[float, int]:
    """Return wrk's requests per second for `url` and how many it made (exit if any answer
    was not 2xx/3xx)."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds:.0f}s"]
    for name, value in HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(
        _pinned([*command, url], core), capture_output=True, text=True, check=True
    ).stdout
    if "Non-2xx or 3xx responses" in out:
        raise SystemExit(f"wrk saw failed answers for {url}:\n{out}")
    made = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), made  # type: ignore[union-attr]


def measure(
    base: str, paths: list[str], args, core: int | None, server: int
) -> tuple[dict[str, float], dict[str, float]]:
    """Drive each path `args.rounds` times in turn; return each one's median rate, and the
    server's CPU time a request (µs, over all rounds).

    Taking turns spreads whatever else the machine does over all paths alike. The CPU time a
    request moves much less with the machine's load than the rates do (it leaves out the
    time spent waiting, on the database among others).
    """
    runs: dict[str, list[float]] = {path: [] for path in paths}
    cpu = dict.fromkeys(paths, 0.0)
    made = dict.fromkeys(paths, 0)
    for _ in range(args.rounds):
        for path in paths:
            before = cpu_seconds(server)
            rate, count = wrk_rate(
                base + path, seconds=args.seconds, connections=args.connections, core=core
            )
            cpu[path] += cpu_seconds(server) - before
            made[path] += count
            runs[path].append(rate)
    rates = {path: statistics.median(found) for path, found in runs.items()}
    return rates, {path: cpu[path] / max(made[path], 1) * 1e6 for path in paths}


def answer_size(url: str) -> int:
    """Fetch `url` (building and keeping it) and return its size as sent."""
    request = urllib.request.Request(url, headers=HEADERS)  # noqa: S310 - loopback http
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
        assert response.status == 200, url
        return len(response.read())


def run(args: argparse.Namespace, database_url: str | None = None) -> dict:
    """Measure, print the report and return the measurements: the static file's rate and
    size, each path's rate and size, the server's CPU time a request (µs) and the database
    engine. On `database_url` if given, else as bin/loadtest.py's `server_env` says."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    loadtest = _loadtest()
    cores = os.cpu_count() or 1
    server_core, client_core = (0, 1) if cores >= 2 else (None, None)
    work = Path(tempfile.mkdtemp(prefix="tracker-reads-"))
    port, redis_port = loadtest.free_port(), loadtest.free_port()
    env = loadtest.server_env(work, redis_port, "reads.sqlite3", database_url)
    gunicorn = [PYTHON, "-m", "gunicorn", "config.wsgi:application", "--log-level", "warning"]
    gunicorn += ["--bind", f"127.0.0.1:{port}", "--workers", str(args.workers)]
    redis = server = None
    built: dict[str, float] = {}
    base = f"http://127.0.0.1:{port}"
    try:
        redis = loadtest.redis_start(work, redis_port)
        loadtest.prepare(env)
        version_us, notified_us = (
            float(t)
            for t in subprocess.run(
                [PYTHON, "-c", VERSION_TIMING],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()[-2:]
        )
        server = subprocess.Popen(_pinned(gunicorn, server_core), cwd=ROOT, env=env)
        loadtest.server_wait(port, time.monotonic() + 60)
        sizes = {path: answer_size(base + path) for path in PATHS}
        median = int(statistics.median(sizes.values()))
        static_name = f"bench-{median}.bin"
        (work / "static" / static_name).write_bytes(os.urandom(median))
        server.terminate()  # WhiteNoise lists the static files when it starts
        server.wait(timeout=30)
        server = subprocess.Popen(_pinned(gunicorn, server_core), cwd=ROOT, env=env)
        loadtest.server_wait(port, time.monotonic() + 60)
        for path in PATHS:
            answer_size(base + path)  # warm each worker's connections
        targets = [f"/static/{static_name}", *PATHS]
        rates, cpu = measure(base, targets, args, client_core, server.pid)
        if args.uncached:
            server.terminate()
            server.wait(timeout=30)
            plain = {**env, "TRACKER_RESPONSE_CACHE": "0"}
            server = subprocess.Popen(_pinned(gunicorn, server_core), cwd=ROOT, env=plain)
            loadtest.server_wait(port, time.monotonic() + 60)
            built, _ = measure(base, PATHS, args, client_core, server.pid)
    finally:
        for process in (server, redis):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    static = rates.pop(f"/static/{static_name}")
    engine = env["DATABASE_URL"].split(":", 1)[0]
    pinning = "server on core 0, wrk on core 1" if server_core is not None else "not pinned"
    print(
        f"warm reads: gunicorn {args.workers} workers ({engine}, Redis cache), wrk "
        f"{args.connections} connections, {args.rounds} turns of {args.seconds:.0f} s each "
        f"(median), {cores} cores, {pinning}"
    )
    known = f"; notified_version(): {notified_us:.1f} us a call" if notified_us else ""
    print(f"dataset_version(): {version_us:.0f} us a call{known}")
    print(f"load average: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    print(
        "| path | bytes sent | requests/s | share of the static file | server CPU a request "
        "| built each time |"
    )
    print("|---|---|---|---|---|---|")
    static_cpu = cpu.pop(f"/static/{static_name}")
    print(
        f"| static file (the median size) | {median} | {static:.0f} | 100% | {static_cpu:.0f} µs | |"
    )
    for path, rate in rates.items():
        plain = f"{built[path]:.0f}/s ({built[path] / static:.0%})" if path in built else ""
        print(
            f"| `{path}` | {sizes[path]} | {rate:.0f} | {rate / static:.0%} "
            f"| {cpu[path]:.0f} µs | {plain} |"
        )
    return {
        "static": static,
        "static_bytes": median,
        "static_cpu_us": static_cpu,
        "rates": rates,
        "sizes": sizes,
        "cpu_us": cpu,
        "engine": engine,
        "workers": args.workers,
        "connections": args.connections,
        "seconds": args.seconds,
        "rounds": args.rounds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="turns over the paths")
    parser.add_argument(
        "--uncached", action="store_true", help="also measure with the response cache off"
    )
    args = parser.parse_args()
    if args.seconds > 120 or args.connections > 256:
        raise SystemExit("Keep the load bounded: at most 120 s a path and 256 connections.")
    run(args)


if __name__ == "__main__":
    main()
