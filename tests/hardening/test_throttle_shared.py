"""The anonymous rate limit holds across server processes: with REDIS_URL every gunicorn worker
counts in one Redis, so all of them together grant the rate once; without it each process
grants it again (the multiplication `check --deploy` warns about, tracker.W001).

Real processes on loopback: two gunicorn servers of two workers each, on one SpatiaLite file,
with the test session's redis-server; concurrent requests alternate between the servers.
"""

import http.client
import os
import secrets
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import redis

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
RATE = 10
REQUESTS = 48


def _server_env(work: Path, redis_url: str | None) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"spatialite:///{work / 'throttle.sqlite3'}",
        "TRACKER_VAR_DIR": str(work),
        "TRACKER_STATIC_ROOT": str(work / "static"),
        "TRACKER_API_ANON_RATE": f"{RATE}/hour",
        "LOG_LEVEL": "ERROR",
    }
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def _wait_for(port: int, server: subprocess.Popen, deadline: float) -> None:
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn on {port} exited with {server.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn on {port} did not answer /healthz in time")


@pytest.fixture(scope="module")
def servers(tmp_path_factory, redis_url):
    """{"redis": [port, port], "per-process": [port, port]}: gunicorn servers of 2 workers."""
    work = tmp_path_factory.mktemp("throttle-servers")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=_server_env(work, None),
        check=True,
        timeout=300,
    )
    started: list[subprocess.Popen] = []
    ports: dict[str, list[int]] = {"redis": [], "per-process": []}
    try:
        for kind, url in (("redis", redis_url), ("per-process", None)):
            for _ in range(2):
                port = free_port()
                started.append(
                    subprocess.Popen(
                        [
                            sys.executable,
                            "-m",
                            "gunicorn",
                            "config.wsgi:application",
                            "--bind",
                            f"127.0.0.1:{port}",
                            "--workers",
                            "2",
                            "--log-level",
                            "warning",
                        ],
                        cwd=ROOT,
                        env=_server_env(work, url),
                    )
                )
                ports[kind].append(port)
        deadline = time.monotonic() + 120
        for server, port in zip(started, ports["redis"] + ports["per-process"], strict=True):
            _wait_for(port, server, deadline)
        yield ports
    finally:
        for server in started:
            server.terminate()
        for server in started:
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


def _get(port: int, forwarded_for: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(
            "GET",
            "/api/v1/actors/",
            headers={"Host": "127.0.0.1", "X-Forwarded-For": forwarded_for},
        )
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def _burst(ports: list[int]) -> Counter:
    """Send REQUESTS concurrent anonymous reads, alternating servers, each with a new made-up
    X-Forwarded-For (which must not matter: no proxy is trusted)."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = pool.map(
            lambda i: _get(ports[i % len(ports)], f"198.51.100.{i}"), range(REQUESTS)
        )
        return Counter(statuses)


def test_workers_sharing_redis_grant_the_rate_once_in_all(servers, redis_url):
    redis.Redis.from_url(redis_url).flushdb()  # no count left by another test
    statuses = _burst(servers["redis"])

    assert set(statuses) <= {200, 429}, statuses
    assert statuses[200] == RATE, statuses


def test_workers_without_a_shared_cache_each_grant_the_rate(servers):
    # The counter-case: the same burst without REDIS_URL gets more than the rate answered.
    statuses = _burst(servers["per-process"])

    assert set(statuses) <= {200, 429}, statuses
    assert statuses[200] > RATE, statuses
