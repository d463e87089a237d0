"""Serve the site on the bench's current database for a browser bench, in one of two ways:

- `gunicorn` (the default): as production serves it. gunicorn with the production settings,
  in processes of its own, through the environment `bench/reads.py` and bin/loadtest.py use
  (`server_env`: a real redis-server on a loopback port as the shared cache, the HTTPS
  redirect and the anonymous rate limit off), WhiteNoise serving the collected static files,
  `READS_WORKERS` sync workers as bench/reads.py starts by default (and the Dockerfile, with
  3). The browser and the server share no interpreter.
- `gunicorn-gthread`: the same with gunicorn's threaded worker (`THREADS` threads a worker).
  A sync worker serves one connection at a time, from accept to close: a connection the
  browser opens ahead and leaves idle holds a worker until gunicorn's timeout (30 s), which a
  buffering proxy in front (nginx) or the threaded worker avoids.
- `inprocess`: the real WSGI app in threads of the bench's own Python process (wsgiref), on the
  bench's settings and cache. It shares the GIL with the Playwright client that drives the
  browser, so the browser's requests wait on the client's Python as well as on the app.

Either way each start begins with an empty response cache, so the first load builds every
answer (cold) and the next ones are served from the cache (warm).
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from django.db import connection

SERVERS = ("gunicorn", "gunicorn-gthread", "inprocess")
THREADS = 8  # gunicorn-gthread: threads a worker
READS_WORKERS = 2  # bench/reads.py's default --workers


def postgis_url(settings: dict, name: str | None = None) -> str:
    """The DATABASE_URL of the PostgreSQL server of connection `settings`, database `name`
    (default: the one the settings name), for another process."""
    user = quote(settings["USER"] or "", safe="")
    password = quote(settings["PASSWORD"] or "", safe="")
    host, port = settings["HOST"] or "localhost", settings["PORT"] or 5432
    return f"postgis://{user}:{password}@{host}:{port}/{name or settings['NAME']}"


def database_url() -> str:
    """The URL of the database the bench uses now (the scale's own), for another process."""
    s = connection.settings_dict
    if connection.vendor != "postgresql":
        return f"spatialite:///{s['NAME']}"
    return postgis_url(s)


@contextlib.contextmanager
def gunicorn_served(*, workers: int = READS_WORKERS, threads: int = 0) -> Iterator[str]:
    """Serve the site with gunicorn and the production settings on the current database, on a
    free loopback port, with a fresh redis-server as the shared cache; yield its URL."""
    from bench.reads import PYTHON, ROOT, _loadtest

    loadtest = _loadtest()
    work = Path(tempfile.mkdtemp(prefix="tracker-served-"))
    port, redis_port = loadtest.free_port(), loadtest.free_port()
    env = loadtest.server_env(work, redis_port, "unused.sqlite3", database_url())
    command = [PYTHON, "-m", "gunicorn", "config.wsgi:application", "--log-level", "warning"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    if threads:  # the gthread worker: an idle connection holds a thread, not the worker
        command += ["--worker-class", "gthread", "--threads", str(threads)]
    redis = server = None
    try:
        redis = loadtest.redis_start(work, redis_port)
        subprocess.run(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        with (work / "gunicorn.log").open("wb") as log:  # shown if the bench fails
            server = subprocess.Popen(command, cwd=ROOT, env=env, stderr=log)
        loadtest.server_wait(port, time.monotonic() + 120)
        yield f"http://127.0.0.1:{port}"
    except BaseException:
        log_path = work / "gunicorn.log"
        if log_path.exists():
            print(log_path.read_text(errors="replace")[-4000:], file=sys.stderr)
        raise
    finally:
        for process in (server, redis):
            if process is not None:
                _stop(process)
        shutil.rmtree(work, ignore_errors=True)


def _stop(process: subprocess.Popen) -> None:
    """Stop a server now: gunicorn's quick shutdown (SIGINT; SIGTERM would wait for the
    requests in flight, such as a page's front line at country scale, and their workers log
    the interruption: gunicorn's log is kept aside), killed if it lingers."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


@contextlib.contextmanager
def served(server: str = "gunicorn") -> Iterator[str]:
    """Serve the site the way `server` names (one of SERVERS), its response cache empty;
    yield its URL."""
    if server.startswith("gunicorn"):
        with gunicorn_served(threads=THREADS if server == "gunicorn-gthread" else 0) as base:
            yield base
    elif server == "inprocess":
        from django.core.cache import cache

        from bench.scrub import site_served

        cache.clear()
        with site_served() as base:
            yield base
    else:
        raise ValueError(f"Unknown server {server!r}: choose among {', '.join(SERVERS)}.")
