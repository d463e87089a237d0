"""The time a kept public read takes inside the app, beside a static file, for one or more
checkouts of the code, in turns on one database.

    .venv/bin/python -m bench.hits [--requests 2000] [--rounds 5] [--tree DIR ...]

It prepares a throwaway database and a redis-server as bench/reads.py does (DATABASE_URL if
set, else a SpatiaLite file; the Aleppo demo; production settings), writes a static file of
the median answer's size among the collected static files, and then, for each round and each
tree in turn (this checkout when none is given; another one, e.g. a `git worktree` of an
older commit, to compare), runs one Python process with that tree's code which reads each of
the five paths and the static file `--requests` times through Django's test client (the whole
middleware stack, no HTTP server) and reports the mean time a read. Unlike wrk's rates, which
move with whatever else the machine runs, this is one thread's time a read, waiting on the
database and Redis included; taking turns spreads the machine's other work over the trees
alike. Each tree's median over the rounds is reported, and its share of the static file.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from bench.reads import PATHS, PYTHON, ROOT, _loadtest

TIMER = """
import json, sys, time, django
django.setup()
from django.test import Client
client = Client(HTTP_ACCEPT_ENCODING="gzip", HTTP_HOST="127.0.0.1")
def read(path):  # the body as sent: a static file is streamed
    response = client.get(path)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    response.close()
    return response.status_code, body
paths, count = json.loads(sys.argv[1]), int(sys.argv[2])
for path in paths:
    for _ in range(20):
        assert read(path)[0] == 200, path
taken = {}
for path in paths:
    start = time.perf_counter()
    for _ in range(count):
        read(path)
    taken[path] = (time.perf_counter() - start) / count * 1e6
sizes = {path: len(read(path)[1]) for path in paths}
print(json.dumps({"us": taken, "sizes": sizes}))
"""


def timed(tree: Path, env: dict, paths: list[str], count: int) -> dict:
    """Run the timer with `tree`'s code; return its times (µs a read) and sizes."""
    done = subprocess.run(
        [PYTHON, "-c", TIMER, json.dumps(paths), str(count)],
        cwd=tree,
        env={**env, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"the timer failed in {tree}:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(args: argparse.Namespace) -> None:
    loadtest = _loadtest()
    trees = [Path(t).resolve() for t in args.tree] or [ROOT]
    work = Path(tempfile.mkdtemp(prefix="tracker-hits-"))
    redis_port = loadtest.free_port()
    env = loadtest.server_env(work, redis_port, "hits.sqlite3")
    redis = None
    times: dict[Path, dict[str, list[float]]] = {tree: {} for tree in trees}
    try:
        redis = loadtest.redis_start(work, redis_port)
        loadtest.prepare(env)
        sizes = timed(trees[0], env, PATHS, 1)["sizes"]
        median = int(statistics.median(sizes.values()))
        static = f"/static/bench-{median}.bin"
        (work / "static" / f"bench-{median}.bin").write_bytes(os.urandom(median))
        for _ in range(args.rounds):
            for tree in trees:
                found = timed(tree, env, [static, *PATHS], args.requests)["us"]
                for path, us in found.items():
                    times[tree].setdefault(path, []).append(us)
    finally:
        if redis is not None:
            redis.terminate()
            redis.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    engine = env["DATABASE_URL"].split(":", 1)[0]
    print(
        f"kept reads in-process ({engine}, Redis cache, production settings): "
        f"{args.requests} reads a path, {args.rounds} rounds (median)"
    )
    print(f"load average: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    print("| path | " + " | ".join(str(tree) for tree in trees) + " |")
    print("|---|" + "---|" * len(trees))
    for path in [static, *PATHS]:
        cells = []
        for tree in trees:
            us = statistics.median(times[tree][path])
            share = statistics.median(times[tree][static]) / us
            cells.append(f"{us:.0f} µs ({share:.0%})")
        print(f"| `{path}` | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="reads of each path a round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--tree", action="append", default=[], help="a checkout to time")
    args = parser.parse_args()
    if args.requests > 20000 or args.rounds > 20:
        raise SystemExit("Keep it bounded: at most 20,000 reads a path and 20 rounds.")
    run(args)


if __name__ == "__main__":
    main()
