"""Fixtures shared by the whole suite. Tests run on the database named by DATABASE_URL."""

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.db import connection

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop beside live_server

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def on_postgis() -> bool:
    return connection.vendor == "postgresql"


def pytest_report_header(config: pytest.Config) -> str:
    return f"database engine: {settings.DATABASES['default']['ENGINE']}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "postgis" in settings.DATABASES["default"]["ENGINE"]:
        return
    skip = pytest.mark.skip(reason="needs PostGIS")
    for item in items:
        if "postgis_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """A headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server) -> Iterator:
    """A fresh browser page; `page.requests_seen` lists every URL it asked for."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.requests_seen = []
    pg.console_errors = []
    pg.on("request", lambda req: pg.requests_seen.append(req.url))
    pg.on("console", lambda msg: msg.type == "error" and pg.console_errors.append(msg.text))
    pg.on("pageerror", lambda exc: pg.console_errors.append(str(exc)))
    yield pg
    context.close()


def free_port() -> int:
    """Return a TCP port on loopback that nothing listens on at the moment."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory) -> Iterator[str]:
    """A real redis-server on a free loopback port, saving nothing to disk; yields its URL.

    Started once per test session and stopped after it. Skipped (with the reason) only when
    the redis-server binary is missing.
    """
    import redis

    binary = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if os.path.exists("/usr/bin/redis-server") else None
    )
    if binary is None:
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server)")
    port = free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path_factory.mktemp("redis"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    client = redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=1)
    deadline = time.monotonic() + 20
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError(
                    f"redis-server did not start: {server.stderr.read()!r}"
                ) from None
            time.sleep(0.05)
    client.close()
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def django_db_modify_db_settings_xdist_suffix(request: pytest.FixtureRequest) -> None:
    """Under pytest-xdist (`make test` runs two workers), each worker its own test database.

    pytest-django names them `test_<name>_gw0`, ... but leaves only `sqlite3` alone; the
    SpatiaLite test database is in memory (Django's default), one per process already, so
    a suffix would only turn it into a file under a path that does not exist.
    """
    worker = getattr(request.config, "workerinput", {}).get("workerid")
    if not worker:
        return
    for database in settings.DATABASES.values():
        if database["ENGINE"].endswith("spatialite") or database.get("TEST", {}).get("MIRROR"):
            continue
        test = database.setdefault("TEST", {})
        test["NAME"] = f"{test.get('NAME') or 'test_' + database['NAME']}_{worker}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """The test databases; this process's dataset version listener is closed before they are
    dropped (its connection would keep the database in use: tracker/version_notified.py)."""
    yield
    from tracker.version_notified import listener

    listener().drop()


def notified_wait(seconds: float = 10):
    """Wait, at most `seconds`, until this process's version listener has been told of every
    committed write (its version is the one read by query); return that version."""
    from tracker.version import dataset_version
    from tracker.version_notified import notified_version

    deadline = time.monotonic() + seconds
    while (known := notified_version()) is None or known != dataset_version():
        if time.monotonic() > deadline:
            raise AssertionError(f"not notified within {seconds} s: {known} != the database's")
        time.sleep(0.005)
    return known


@pytest.fixture(autouse=True)
def _kept_responses_forgotten():
    """Start every test with an empty cache: a rolled-back test's ids come back in the next
    one, and with them the same dataset version, so a response kept by one test could be
    served to another (`config.response_cache`)."""
    from django.core.cache import cache

    cache.clear()
